// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserExport.h"

#include "ConversationRepository.h"
#include "DestinationRepository.h"
#include "PlanRepository.h"
#include "PlanningRepository.h"
#include "PreferencesRepository.h"
#include "TripRepository.h"
#include "UserRepository.h"
#include "domain/JsonCodec.h"
#include "plan/PlanCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp {

QJsonObject exportUserData(Database& db, Id userId) {
    return db.transaction([&] {
        const auto user = UserRepository(db).find(userId);
        if (!user)
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "There is no user with id %1.").arg(userId));
        TripRepository trips(db, userId);
        ConversationRepository conversations(db, userId);
        PlanningRepository planning(db, userId);
        DestinationRepository destinations(db);

        QJsonArray tripArray;
        for (const Trip& t : trips.list()) {
            QJsonObject trip = json::from(t);
            if (t.destinationId)
                if (auto d = destinations.find(*t.destinationId))
                    trip[u"destination"_s] = json::from(*d);
            if (auto c = conversations.findForTrip(t.id)) {
                QJsonArray messages;
                for (const Message& m : conversations.messages(c->id))
                    messages.append(json::from(m));
                QJsonArray recommendations;
                for (const Recommendations& r : conversations.recommendationHistory(c->id))
                    recommendations.append(json::from(r));
                QJsonObject conversation{{u"id"_s, c->id},
                                         {u"created_at"_s, json::timestamp(c->createdAt)},
                                         {u"messages"_s, messages},
                                         {u"recommendations"_s, recommendations}};
                if (auto s = conversations.state(c->id))
                    conversation[u"state"_s] = json::from(*s);
                trip[u"conversation"_s] = conversation;
            }
            QJsonArray sessions;
            for (const PlanningSession& p : planning.history(t.id))
                sessions.append(json::from(p));
            trip[u"planning_sessions"_s] = sessions;
            // The trip's plan as this version reads it (docs/plan-format.md).
            const PlanDocument plan = PlanRepository(db, userId).load(t.id);
            if (plan.sessionData.contains(QString::fromUtf16(plan::SessionDataKey)) || !plan.plan.isEmpty())
                trip[u"plan"_s] = plan::planToJson(plan.plan);
            tripArray.append(trip);
        }
        return QJsonObject{{u"format"_s, u"tripplanner-user-export"_s},
                           {u"version"_s, 1},
                           {u"exported_at"_s, json::timestamp(QDateTime::currentDateTimeUtc())},
                           {u"user"_s, json::from(*user)},
                           {u"preferences"_s, json::from(PreferencesRepository(db, userId).get())},
                           {u"trips"_s, tripArray}};
    });
}

} // namespace tp
