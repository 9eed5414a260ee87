// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TripOrder.h"
#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// A trip as the window opens it: its details, its planning sessions (the plan
// lives in their session_data) and the first page of its conversation.
struct OpenedTrip {
    TripDetails details;
    QList<PlanningSession> planningHistory; // newest first
    QList<Message> firstMessages;           // oldest first; empty unless asked for
};

// The first page of a list and how many trips match its filter.
struct TripPage {
    QList<Trip> rows;
    int total = 0;
};

// The signed-in user's trips (api_trip). Every statement carries the user's id:
// no method reads or changes another user's trip.
class TripRepository {
public:
    TripRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}
    // The trips of the user with this name, for reads only (the window's start
    // reads the user and its first page in one exchange, before it knows the id).
    static TripRepository ofUserNamed(Database& db, const QString& username);

    // Newest first, as the seed orders trips. `limit` < 0: all.
    QList<Trip> list(const TripFilter& filter = {}, int limit = -1, int offset = 0);
    // One page in any order (the list view's sorting), continuing after `after`
    // (the previous page's last row) by its sort key and id, not by an OFFSET.
    QList<Trip> page(const TripFilter& filter, const TripOrder& order, int limit,
                     const std::optional<Trip>& after = std::nullopt);
    int count(const TripFilter& filter = {});
    // The first page and the count, in one exchange on PostgreSQL (pipeline
    // mode), one after the other on SQLite.
    TripPage firstPage(const TripFilter& filter, const TripOrder& order, int limit);
    // The two statements of firstPage, for a caller that sends them with its
    // own in one exchange, and what their rows mean.
    QList<QPair<QString, SqlParams>> firstPageStatements(const TripFilter& filter, const TripOrder& order,
                                                         int limit) const;
    static TripPage firstPageFrom(const SqlRows& page, const SqlRows& count);
    std::optional<Trip> find(Id id);
    Trip get(Id id); // throws NotFound

    // Validates with the seed's rules; throws Error::validation naming the field.
    Trip create(const Trip& draft);
    Trip update(const Trip& trip);
    // update() for a row read earlier in the same piece of work, with its
    // version (updated_at) guard, in one statement: the destination is not
    // checked (the caller found or made it in this transaction) and the row is
    // not read again; it returns `trip` as written, with its new version.
    Trip updateHeld(const Trip& trip);
    void remove(Id id);
    // Inserts a deleted trip again with its id, created_at and updated_at (undo of a delete);
    // a destination deleted meanwhile is left out.
    Trip restore(const Trip& trip);

    // The trip with its destination, conversation, state, latest recommendations,
    // active planning session and message count: three statements whatever it
    // holds, in one exchange (a pipeline on PostgreSQL).
    TripDetails open(Id id);
    // open(), with every planning session of the trip and the first
    // `firstMessages` messages of its conversation, still in one exchange.
    OpenedTrip openWithConversation(Id id, int firstMessages);

private:
    // The owner condition and the filter's, for trips t.
    QString whereSql(const TripFilter& f, SqlParams& params) const;
    QPair<QString, SqlParams> pageStatement(const TripFilter& filter, const TripOrder& order, int limit,
                                            const std::optional<Trip>& after) const;
    QPair<QString, SqlParams> countStatement(const TripFilter& filter) const;
    SqlParams tripValues(const Trip& trip) const;
    void checkDestination(const std::optional<Id>& destinationId);
    // The version-guarded UPDATE of update() and updateHeld(); returns the new version.
    QDateTime writeVersioned(const Trip& trip);

    Database& m_db;
    Id m_userId;
    QString m_ownerName; // set by ofUserNamed: the owner is looked up by name
};

} // namespace tp
