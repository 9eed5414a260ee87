// SPDX-License-Identifier: GPL-3.0-or-later
// Fills in what tripplanner-cli cannot create, for the screenshots' demo
// database (tests/ui/screenshots.sh): a conversation about one trip with a few
// messages, its state, two recommendation sets (the latest with three cards)
// and a planning session two stages in.
//
//   demo_data DATABASE_URL USERNAME "TRIP TITLE"
#include "db/Migrator.h"
#include "repo/ConversationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QJsonObject card(const QString& name, const QString& country, const QString& description) {
    return {{u"name"_s, name}, {u"country"_s, country}, {u"description"_s, description}};
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        err << "usage: demo_data DATABASE_URL USERNAME \"TRIP TITLE\"\n";
        return 2;
    }
    try {
        Database db(DatabaseUrl::parse(args.at(1)));
        Migrator(db).migrate();
        const std::optional<User> user = UserRepository(db).findByName(args.at(2));
        if (!user) {
            err << "no user " << args.at(2) << '\n';
            return 1;
        }
        TripFilter filter;
        filter.text = args.at(3);
        const QList<Trip> trips = TripRepository(db, user->id).list(filter, 1);
        if (trips.isEmpty()) {
            err << "no trip titled " << args.at(3) << '\n';
            return 1;
        }
        const Trip& trip = trips.first();

        ConversationRepository conversations(db, user->id);
        auto [conversation, state] = conversations.ensureForTrip(trip.id);
        const QList<std::pair<bool, QString>> messages = {
            {true, u"We have ten days in late September, two of us, and we love food, old towns and a bit "
                   u"of hiking. Not too hot, please."_s},
            {false, u"That sounds lovely. A few questions so I can narrow it down:\n\n"
                    u"1. Would you rather stay in **one base** or move between two or three places?\n"
                    u"2. Is a short flight fine, or do you prefer trains?\n"
                    u"3. Roughly what budget per day for the two of you?"_s},
            {true, u"Two bases is perfect, trains preferred, about 250 EUR a day."_s},
            {false,
             u"Thanks! Late September is ideal for northern Portugal: warm days, cooler evenings, "
             u"and the grape harvest in the *Douro valley*.\n\n"
             u"- **Porto** for food, the river and azulejo-covered churches\n"
             u"- **Douro valley** by train along the river, with vineyard walks\n"
             u"- **Peneda-Gerês** if you want a full hiking day\n\n"
             u"The trains are run by [CP](https://www.cp.pt/) and are easy to book a few days ahead."_s},
            {true, u"Porto and the Douro it is! Can you plan the hotels next?"_s},
            {false,
             u"Great choice. I have noted **Porto** (6 nights) and **Pinhão** in the Douro (4 nights). "
             u"Next up: places to stay in both."_s},
        };
        conversations.addMessages(conversation.id, messages);
        state.currentStage = u"commitment_detected"_s;
        state.userInfo = u"Two travellers, ten days in late September, food, old towns, hiking; trains; "
                         u"about 250 EUR a day."_s;
        state.questionsAsked = 3;
        state.totalQuestions = 3;
        state.currentQuestionIndex = 3;
        state.destinationsText = u"Porto, Douro valley, Peneda-Gerês"_s;
        conversations.saveState(state);
        conversations.addRecommendations(
            conversation.id,
            QJsonArray{
                card(u"San Sebastián"_s, u"Spain"_s, u"Pintxos bars, a city beach and coastal walks."_s),
                card(u"Ljubljana"_s, u"Slovenia"_s, u"A small green capital near the Julian Alps."_s),
                card(u"Porto"_s, u"Portugal"_s, u"Port cellars, tiles and the Douro by train."_s)});
        conversations.addRecommendations(
            conversation.id,
            QJsonArray{
                card(u"Porto"_s, u"Portugal"_s,
                     u"Riverside old town, superb food, day trips by train; mild in late September."_s),
                card(u"Douro valley"_s, u"Portugal"_s,
                     u"Terraced vineyards at harvest time, river views and quiet quintas."_s),
                card(u"Peneda-Gerês"_s, u"Portugal"_s,
                     u"Portugal's only national park: granite villages, waterfalls and trails."_s)});

        PlanningRepository planning(db, user->id);
        PlanningSession session = planning.start(trip.id);
        session = planning.advance(session.id);
        session = planning.setSessionData(
            session.id,
            QJsonObject{
                {u"destination"_s,
                 QJsonObject{{u"name"_s, u"Porto"_s}, {u"country"_s, u"Portugal"_s}, {u"nights"_s, 6}}},
                {u"second_base"_s, QJsonObject{{u"name"_s, u"Pinhão (Douro valley)"_s}, {u"nights"_s, 4}}},
                {u"travellers"_s, 2},
                {u"transport"_s, u"trains"_s},
                {u"budget_per_day_eur"_s, 250},
                {u"interests"_s, QJsonArray{u"food"_s, u"old towns"_s, u"hiking"_s}}});
        QTextStream(stdout) << "demo conversation " << conversation.id << " and planning session "
                            << session.id << " for trip " << trip.id << '\n';
    } catch (const Error& e) {
        err << e.message() << '\n';
        return 1;
    }
    return 0;
}
