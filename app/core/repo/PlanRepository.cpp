// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanRepository.h"

#include "PlanningRepository.h"
#include "RowMapping.h"
#include "domain/Stages.h"
#include "plan/PlanCodec.h"
#include "plan/PlanValidation.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

PlanDocument PlanRepository::load(Id tripId) {
    return m_db.transaction([&] {
        if (m_db.query(u"SELECT id FROM api_trip WHERE id = :id AND user_id = :user"_s,
                       {{u"id"_s, tripId}, {u"user"_s, m_userId}})
                .isEmpty())
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(tripId));
        return documentFrom(tripId, PlanningRepository(m_db, m_userId).history(tripId));
    });
}

PlanDocument PlanRepository::documentFrom(Id tripId, const QList<PlanningSession>& sessions) {
    PlanDocument doc;
    doc.tripId = tripId;
    // Active first (at most one), then the most recent.
    const PlanningSession* target = nullptr;
    for (const PlanningSession& s : sessions)
        if (!isStage(s.currentStage, PlanningStage::Completed) && !target)
            target = &s;
    if (!target && !sessions.isEmpty())
        target = &sessions.first();
    if (!target)
        return doc;
    doc.sessionId = target->id;
    doc.stage = target->currentStage;
    doc.version = target->lastInteractionAt;
    doc.sessionData = target->sessionData;
    const QString key = QString::fromUtf16(plan::SessionDataKey);
    const PlanningSession* source = target->sessionData.contains(key) ? target : nullptr;
    for (const PlanningSession& s : sessions)
        if (!source && s.sessionData.contains(key))
            source = &s;
    if (source)
        doc.plan = plan::readPlan(source->sessionData, &doc.problems);
    return doc;
}

PlanDocument PlanRepository::save(const PlanDocument& read, const plan::Plan& plan) {
    plan::requireValid(plan::checkPlan(plan));
    return m_db.transaction([&] {
        PlanDocument doc = read;
        if (doc.sessionId == 0) {
            // The first save of a trip that never had a session: start one
            // (this fails if another writer started one meanwhile).
            const PlanningSession s = PlanningRepository(m_db, m_userId).start(read.tripId);
            doc.sessionId = s.id;
            doc.stage = s.currentStage;
            doc.version = s.lastInteractionAt;
            doc.sessionData = s.sessionData;
        }
        const QJsonObject data = plan::writePlan(doc.sessionData, plan);
        QDateTime now = QDateTime::currentDateTimeUtc();
        if (doc.version.isValid() && now <= doc.version)
            now = doc.version.addMSecs(1);
        // The web app writes microseconds; this app reads milliseconds.
        const QString sameVersion = m_db.isPostgres()
                                        ? u"date_trunc('milliseconds', last_interaction_at) = :expected"_s
                                        : u"last_interaction_at = :expected"_s;
        const int n = m_db.execute(
            u"UPDATE api_planningsession SET session_data = :data, last_interaction_at = :now "
            u"WHERE id = :id AND trip_id IN (SELECT id FROM api_trip WHERE id = :trip AND user_id = :user) "
            u"AND "_s +
                sameVersion,
            {{u"data"_s, data},
             {u"now"_s, now},
             {u"id"_s, doc.sessionId},
             {u"trip"_s, doc.tripId},
             {u"user"_s, m_userId},
             {u"expected"_s, doc.version}});
        if (n == 0)
            throw Error(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "tp::repo",
                            "This trip's plan was changed elsewhere (another window, the command line or the "
                            "web app) since it was loaded. Reload it and make your change again."));
        doc.version = now;
        doc.sessionData = data;
        doc.plan = plan::readPlan(data);
        doc.problems.clear();
        return doc;
    });
}

PlanDocument PlanRepository::edit(Id tripId, const std::function<void(plan::Plan&)>& change) {
    const PlanDocument doc = load(tripId);
    plan::Plan p = doc.plan;
    change(p);
    return save(doc, p);
}

} // namespace tp
