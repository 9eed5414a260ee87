// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"
#include "plan/PlanTypes.h"

#include <functional>

namespace tp {

// A trip's plan as read, with what a guarded write needs: which planning
// session holds it and that session's last_interaction_at when it was read.
struct PlanDocument {
    Id tripId = 0;
    Id sessionId = 0;  // 0: the trip has no planning session yet (one is started on the first save)
    QString stage;     // that session's current_stage
    QDateTime version; // that session's last_interaction_at (UTC) when read
    QJsonObject sessionData;
    plan::Plan plan;
    QList<FieldError> problems; // values in the stored plan that could not be read
};

// The plan of the signed-in user's trips, in the session_data of the trip's
// planning session (docs/plan-format.md). The session written is the active
// one, else the latest; the plan read is that session's, else the latest one
// that has a plan (a session started by the web app or an older version).
// A save is refused with Error(Conflict) when the session changed since it was
// read (another window, the CLI or the web app): nothing is overwritten silently.
class PlanRepository {
public:
    PlanRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    PlanDocument load(Id tripId);
    // What load() makes of the trip's planning sessions (newest first), for a
    // caller that read them with other things in one exchange.
    static PlanDocument documentFrom(Id tripId, const QList<PlanningSession>& history);
    // Validates the whole plan (Error::validation naming the fields), then
    // writes it if the session is still as `read`; returns the document as saved.
    PlanDocument save(const PlanDocument& read, const plan::Plan& plan);
    // load, change, save: one guarded edit (the CLI's).
    PlanDocument edit(Id tripId, const std::function<void(plan::Plan&)>& change);

private:
    Database& m_db;
    Id m_userId;
};

} // namespace tp
