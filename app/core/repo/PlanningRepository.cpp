// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanningRepository.h"

#include "RowMapping.h"
#include "TripRepository.h"
#include "domain/Stages.h"
#include "plan/PlanCodec.h"
#include "plan/StageStatus.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
// A function, not a global: rows::planningColumns lives in another file.
QString scopedSelect() {
    return u"SELECT "_s + rows::planningColumns +
           u" FROM api_planningsession p JOIN api_trip t ON t.id = p.trip_id WHERE t.user_id = :user "_s;
}

QJsonArray toJson(const QStringList& list) {
    QJsonArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}
} // namespace

std::optional<PlanningSession> PlanningRepository::active(Id tripId) {
    // The condition spelt as the partial unique index's, a literal, so the planner can use the index.
    const SqlRows r =
        m_db.query(scopedSelect() + u"AND p.trip_id = :trip AND NOT (p.current_stage = '%1')"_s.arg(
                                        storedValue(PlanningStage::Completed)),
                   {{u"user"_s, m_userId}, {u"trip"_s, tripId}});
    if (r.isEmpty())
        return std::nullopt;
    return rows::planning(r.first());
}

QList<PlanningSession> PlanningRepository::history(Id tripId) {
    const auto [sql, params] = historyStatement(tripId);
    return historyFrom(m_db.query(sql, params));
}

QPair<QString, SqlParams> PlanningRepository::historyStatement(Id tripId) const {
    return {scopedSelect() + u"AND p.trip_id = :trip ORDER BY p.last_interaction_at DESC, p.id DESC"_s,
            {{u"user"_s, m_userId}, {u"trip"_s, tripId}}};
}

QList<PlanningSession> PlanningRepository::historyFrom(const SqlRows& rows) {
    QList<PlanningSession> out;
    out.reserve(rows.size());
    for (const SqlRow& r : rows)
        out << rows::planning(r);
    return out;
}

PlanningSession PlanningRepository::get(Id sessionId) {
    const SqlRows r =
        m_db.query(scopedSelect() + u"AND p.id = :id"_s, {{u"user"_s, m_userId}, {u"id"_s, sessionId}});
    if (r.isEmpty())
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("tp::repo", "You have no planning session with id %1.")
                        .arg(sessionId));
    return rows::planning(r.first());
}

PlanningSession PlanningRepository::start(Id tripId) {
    return m_db.transaction([&] {
        if (m_db.query(u"SELECT id FROM api_trip WHERE id = :id AND user_id = :user"_s,
                       {{u"id"_s, tripId}, {u"user"_s, m_userId}})
                .isEmpty())
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(tripId));
        if (active(tripId))
            throw Error(Error::Kind::Conflict,
                        QCoreApplication::translate("tp::repo",
                                                    "This trip already has a planning session in "
                                                    "progress; finish it before starting another."));
        return startAfter(tripId, history(tripId), {});
    });
}

PlanningSession PlanningRepository::startAfter(Id tripId, const QList<PlanningSession>& history,
                                               const QList<PlanningStage>& stagesCompleted) {
    // The plan belongs to the trip: a new session starts from the latest one's.
    PlanningSession s;
    s.tripId = tripId;
    s.currentStage = storedValue(PlanningStage::Destination);
    for (const PlanningStage done : stagesCompleted)
        s.stagesCompleted << storedValue(done);
    const QString planKey = QString::fromUtf16(plan::SessionDataKey);
    for (const PlanningSession& earlier : history) {
        if (earlier.sessionData.value(planKey).isObject()) {
            s.sessionData[planKey] = earlier.sessionData.value(planKey);
            break;
        }
    }
    s.startedAt = QDateTime::currentDateTimeUtc();
    s.lastInteractionAt = s.startedAt;
    const SqlRows r = m_db.write(u"INSERT INTO api_planningsession (current_stage, is_active, session_data, "
                                 u"stages_completed, started_at, last_interaction_at, completed_at, trip_id) "
                                 u"VALUES (:stage, :t, :data, :done, :now, :now, NULL, :trip) RETURNING id"_s,
                                 {{u"stage"_s, s.currentStage},
                                  {u"t"_s, true},
                                  {u"data"_s, s.sessionData},
                                  {u"done"_s, toJson(s.stagesCompleted)},
                                  {u"now"_s, s.startedAt},
                                  {u"trip"_s, tripId}});
    s.id = col::id(r.first(), "id");
    return s;
}

// Writes the stage fields only: session_data (the plan) is written by its own
// guarded statements, so a stage move never overwrites a plan saved meanwhile.
PlanningSession PlanningRepository::save(const PlanningSession& s) {
    m_db.execute(
        u"UPDATE api_planningsession SET current_stage = :stage, is_active = :active, "
        u"stages_completed = :done, last_interaction_at = :now, completed_at = :completed WHERE id = :id"_s,
        {{u"stage"_s, s.currentStage},
         {u"active"_s, s.isActive},
         {u"done"_s, toJson(s.stagesCompleted)},
         {u"now"_s, QDateTime::currentDateTimeUtc()},
         {u"completed"_s, s.completedAt},
         {u"id"_s, s.id}});
    return get(s.id);
}

PlanningSession PlanningRepository::advance(Id sessionId) {
    return m_db.transaction([&] {
        PlanningSession s = get(sessionId);
        if (isStage(s.currentStage, PlanningStage::Completed))
            throw Error(
                Error::Kind::Conflict,
                QCoreApplication::translate("tp::repo", "This planning session is already completed."));
        // A stage this version does not know (a newer web app's) leads to the end,
        // as the last stage does; completing it says nothing about the status.
        const std::optional<PlanningStage> completedStage = planningStageFrom(s.currentStage);
        if (!s.stagesCompleted.contains(s.currentStage))
            s.stagesCompleted << s.currentStage;
        const PlanningStage next = completedStage ? nextStage(*completedStage) : PlanningStage::Completed;
        s.currentStage = storedValue(next);
        if (next == PlanningStage::Completed) {
            s.isActive = false;
            s.completedAt = QDateTime::currentDateTimeUtc();
        }
        if (completedStage)
            followStage(s.tripId, plan::statusAfterCompleting(*completedStage, everythingBooked(s)));
        return save(s);
    });
}

PlanningSession PlanningRepository::back(Id sessionId) {
    return m_db.transaction([&] {
        PlanningSession s = get(sessionId);
        if (isStage(s.currentStage, PlanningStage::Completed))
            throw Error(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "tp::repo", "A completed planning session cannot go back; start a new one."));
        // A stage this version does not know goes back to the first one.
        const std::optional<PlanningStage> current = planningStageFrom(s.currentStage);
        const PlanningStage previous = current ? previousStage(*current) : PlanningStage::Destination;
        s.currentStage = storedValue(previous);
        followStage(s.tripId, plan::statusWhileCurrent(previous, everythingBooked(s)));
        return save(s);
    });
}

PlanningSession PlanningRepository::markStageCompleted(Id sessionId, PlanningStage stage) {
    const QString stored = storedValue(stage);
    return m_db.transaction([&] {
        PlanningSession s = get(sessionId);
        if (!s.stagesCompleted.contains(stored))
            s.stagesCompleted << stored;
        return save(s);
    });
}

PlanningSession PlanningRepository::setSessionData(Id sessionId, const QJsonObject& data) {
    return m_db.transaction([&] {
        PlanningSession s = get(sessionId);
        m_db.execute(u"UPDATE api_planningsession SET session_data = :data WHERE id = :id"_s,
                     {{u"data"_s, data}, {u"id"_s, s.id}});
        return save(s);
    });
}

bool PlanningRepository::everythingBooked(const PlanningSession& s) {
    try {
        return plan::readPlan(s.sessionData).everythingBooked();
    } catch (const Error&) { // a plan of a newer format: not known to be booked
        return false;
    }
}

void PlanningRepository::followStage(Id tripId, std::optional<TripStatus> status) {
    if (!status)
        return;
    TripRepository trips(m_db, m_userId);
    Trip t = trips.get(tripId);
    // A status this version does not know is not final: the stages move it, as before.
    const std::optional<TripStatus> current = tripStatusFrom(t.status);
    if (current == status || (current && plan::statusIsFinal(*current)))
        return;
    t.status = storedValue(*status);
    trips.update(t);
}

} // namespace tp
