// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"
#include "domain/Stages.h"

namespace tp {

// api_planningsession, scoped to the user through the trip. At most one
// non-completed session per trip: the database's partial unique index says so,
// and start() reports it in words.
class PlanningRepository {
public:
    PlanningRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    std::optional<PlanningSession> active(Id tripId);
    // All sessions of the trip, most recent interaction first (the seed's ordering).
    QList<PlanningSession> history(Id tripId);
    // history()'s statement, for a caller that sends it with others in one
    // exchange, and what its rows mean.
    QPair<QString, SqlParams> historyStatement(Id tripId) const;
    static QList<PlanningSession> historyFrom(const SqlRows& rows);
    // A new session at Destination; it starts with the plan of the trip's latest session.
    PlanningSession start(Id tripId);
    // start() for a caller that has, in its open transaction, already written
    // the trip as the user's and read `history` (the trip's sessions, none of
    // them active): the one INSERT, with `stagesCompleted` recorded from the
    // start (the conversation engine's commitment: Destination).
    PlanningSession startAfter(Id tripId, const QList<PlanningSession>& history,
                               const QList<PlanningStage>& stagesCompleted);
    // The seed's advance_to_next_stage: marks the current stage completed and
    // moves on; reaching Completed ends the session (is_active false, completed_at set).
    // The trip's status follows (plan/StageStatus.h); back() moves it back.
    PlanningSession advance(Id sessionId);
    // Back one stage, for a user who advanced by mistake; the stage stays listed as completed.
    PlanningSession back(Id sessionId);
    // Records `stage` as completed without moving (the conversation engine's commitment).
    PlanningSession markStageCompleted(Id sessionId, PlanningStage stage);
    PlanningSession setSessionData(Id sessionId, const QJsonObject& data);

private:
    PlanningSession get(Id sessionId);
    PlanningSession save(const PlanningSession& s);
    static bool everythingBooked(const PlanningSession& s);
    void followStage(Id tripId, std::optional<TripStatus> status);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
