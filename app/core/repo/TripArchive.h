// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// Everything deleting a trip removes, by the seed's cascades: the trip, its
// destination conversation with its messages, recommendations and state, and
// its planning sessions (with the plan in their session_data). Kept by the
// undo stack so that undoing a delete brings all of it back, ids included.
struct TripArchive {
    Trip trip;
    std::optional<Conversation> conversation;
    QList<Message> messages;
    QList<Recommendations> recommendations;
    std::optional<ConversationState> state;
    QList<PlanningSession> planningSessions;
};

// Deletes a user's trip keeping an archive of it, and puts an archive back.
// Both run in one transaction: a failure changes nothing.
class TripArchiveRepository {
public:
    TripArchiveRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    // Reads what the delete will remove, then deletes the trip (the database
    // cascades to the rest). Throws NotFound for a trip the user does not have.
    TripArchive removeKeepingArchive(Id tripId);
    // Inserts the trip and everything archived with it again, with their ids.
    Trip restore(const TripArchive& archive);

private:
    TripArchive read(Id tripId);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
