// SPDX-License-Identifier: GPL-3.0-or-later
// The offline planner listens: whole conversations through the engine on every
// backend, each one a journey a user reported going wrong (issue 11).
#include "ConversationDump.h"
#include "TestBackends.h"
#include "conversation/Catalogue.h"
#include "conversation/ConversationEngine.h"
#include "conversation/OfflinePlanner.h"
#include "conversation/TravelRegions.h"
#include "geo/Gazetteer.h"
#include "geo/Mercator.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;

namespace {

struct Fixture {
    explicit Fixture(const QString& backend)
        : tmp(backend)
        , db(tmp.connectMigrated()) {
        user = UserRepository(*db).create(u"bea"_s);
        Trip t;
        t.title = u"Next holiday"_s;
        trip = TripRepository(*db, user.id).create(t);
    }
    test::TempDatabase tmp;
    std::unique_ptr<Database> db;
    User user;
    Trip trip;
};

// Answers the planner's questions from a list of (word in the question, answer)
// pairs, then returns the turn that brought the recommendations.
TurnResult talkUntilRecommendations(ConversationEngine& engine, Id tripId, const QString& first,
                                    const QList<QPair<QString, QString>>& answers) {
    TurnResult r = engine.submit(tripId, first);
    int guard = 0;
    while (r.state.currentStage == u"asking_clarifications"_s && ++guard < 10) {
        const QString q = r.state.questionQueue.first().toString();
        QString answer = u"No preference"_s;
        for (const auto& [word, a] : answers)
            if (q.contains(word, Qt::CaseInsensitive)) {
                answer = a;
                break;
            }
        r = engine.submit(tripId, answer);
    }
    return r;
}

QStringList namesOf(const QJsonArray& locations) {
    QStringList out;
    for (const QJsonValue& v : locations)
        out << v[u"name"_s].toString();
    return out;
}

double kmFromBerlin(const QJsonValue& place) {
    const auto e = Catalogue::builtin().find(place[u"name"_s].toString(), place[u"country"_s].toString());
    if (!e)
        return -1;
    return geo::haversineKm({13.405, 52.52}, {e->longitude, e->latitude});
}

// A model's recommendations: one place the bundled catalogue does not know,
// described partly for this trip.
class ModelPlanner : public Planner {
public:
    QStringList clarifyingQuestions(const PlannerContext&) override { return {u"When?"_s}; }
    DestinationSet destinations(const PlannerContext&) override {
        DestinationSet set;
        set.raw = u"{}"_s;
        auto place = [](const QString& name, const QString& description) {
            Recommendation r;
            r.name = name;
            r.country = u"Croatia"_s;
            r.description = description;
            return r;
        };
        set.places << place(u"Qwxzzy Bay"_s,
                            u"A fishing village with Venetian walls and clear water. It fits your "
                            u"budget at about $120 a day per person. Great for a couple in June!"_s)
                   << place(u"Split"_s, u"Roman palace."_s) << place(u"Hvar"_s, u"Island."_s);
        return set;
    }
    FollowUp followUp(const PlannerContext&, const QString&) override { return {}; }
};

} // namespace

class TestPlannerListens : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // "No long flights, we start from Berlin" rules out Bali and everything else
    // far away, in this set and in the next; "comfort, but not luxury" is not luxury.
    void berlinAndNoLongFlights_data() { test::addBackendRows(); }
    void berlinAndNoLongFlights() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = talkUntilRecommendations(
            engine, f.trip.id,
            u"A beach holiday for the two of us in July, 10 days, with good food and culture"_s,
            {{u"budget"_s, u"About $2500 in total"_s},
             {u"luxury"_s, u"Comfort, but not luxury"_s},
             {u"avoid"_s, u"No long flights, we start from Berlin"_s},
             {u"loved"_s, u"No long flights, we start from Berlin"_s}});
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        QVERIFY2(r.state.userInfo.contains(u"Berlin"_s), qPrintable(r.state.userInfo));
        const QStringList first = namesOf(r.recommendations->locations);
        QVERIFY2(!first.contains(u"Bali"_s), qPrintable(first.join(u", "_s)));
        for (const QJsonValue& v : r.recommendations->locations) {
            const double km = kmFromBerlin(v);
            QVERIFY2(km >= 0 && km <= 4500,
                     qPrintable(v[u"name"_s].toString() + u" "_s + QString::number(km)));
        }
        // The reply says what was assumed.
        const QString reply = r.messages.last().content;
        QVERIFY2(reply.contains(u"Berlin"_s) && reply.contains(u"km"_s), qPrintable(reply));

        // The learned preferences keep the negation.
        const QString learned = PreferencesRepository(*f.db, f.user.id).get().preferencesText;
        QVERIFY2(!learned.contains(u"Travel style: luxury"_s), qPrintable(learned));

        // Other options keep to the constraint.
        r = engine.submit(f.trip.id, u"Can you suggest something different?"_s);
        QVERIFY(r.recommendations);
        for (const QJsonValue& v : r.recommendations->locations) {
            QVERIFY(!first.contains(v[u"name"_s].toString()));
            const double km = kmFromBerlin(v);
            QVERIFY2(km >= 0 && km <= 4500,
                     qPrintable(v[u"name"_s].toString() + u" "_s + QString::number(km)));
        }
    }

    // Interests learned on earlier trips (Bali, Paris, Rome: beaches, cities,
    // nightlife, luxury) only fill in what this trip does not say.
    void thisTripBeatsEarlierTrips_data() { test::addBackendRows(); }
    void thisTripBeatsEarlierTrips() {
        QFETCH(QString, backend);
        Fixture f(backend);
        PreferencesRepository prefs(*f.db, f.user.id);
        UserPreferences p = prefs.get();
        p.preferencesText = u"We loved Bali, Paris and Rome.\n\n[Learned by the trip planner]\n"
                            u"Interests: beach, city, culture, food, nightlife\nTravel style: luxury\n"
                            u"Trip budget: about $6000"_s;
        prefs.save(p);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        const TurnResult r =
            talkUntilRecommendations(engine, f.trip.id, u"Hiking, quiet nature, avoid crowds"_s,
                                     {{u"month"_s, u"September"_s},
                                      {u"days"_s, u"A week"_s},
                                      {u"travelling"_s, u"Just me"_s},
                                      {u"budget"_s, u"$1500"_s}});
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        for (const QJsonValue& v : r.recommendations->locations) {
            const QString name = v[u"name"_s].toString();
            QVERIFY2(name != u"Bali"_s && name != u"Paris"_s && name != u"Rome"_s, qPrintable(name));
            const auto e = Catalogue::builtin().find(name, v[u"country"_s].toString());
            QVERIFY(e);
            QVERIFY2(e->tags.contains(u"mountains"_s) || e->tags.contains(u"nature"_s), qPrintable(name));
            QVERIFY2(!e->tags.contains(u"city"_s) && !e->tags.contains(u"nightlife"_s) &&
                         !e->tags.contains(u"beach"_s),
                     qPrintable(name + u": "_s + e->tags.join(u'|')));
        }
        // What this trip taught replaces the old learned block, and the user's own words stay.
        const QString learned = prefs.get().preferencesText;
        QVERIFY2(learned.startsWith(u"We loved Bali, Paris and Rome."_s), qPrintable(learned));
        QVERIFY2(!learned.contains(u"nightlife"_s), qPrintable(learned));
    }

    // "Can you suggest something different?" (and its many phrasings) brings three other places.
    void somethingDifferent_data() { test::addBackendRows(); }
    void somethingDifferent() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = talkUntilRecommendations(
            engine, f.trip.id,
            u"A city break with museums and food in October, 4 days, two of us, $200 a day"_s, {});
        QVERIFY(r.recommendations);
        QStringList seen = namesOf(r.recommendations->locations);
        for (const QString& ask :
             {u"Can you suggest something different?"_s, u"none of these, sorry"_s, u"Anything else?"_s}) {
            r = engine.submit(f.trip.id, ask);
            QVERIFY2(r.recommendations, qPrintable(ask + u" -> "_s + r.messages.last().content));
            const QStringList now = namesOf(r.recommendations->locations);
            QCOMPARE(now.size(), 3);
            for (const QString& n : now)
                QVERIFY2(!seen.contains(n), qPrintable(ask + u": "_s + n + u" again"_s));
            seen << now;
            QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        }
        ConversationRepository conversations(*f.db, f.user.id);
        QCOMPARE(conversations.recommendationHistory(r.conversationId).size(), 4);
    }

    // A constraint said after the recommendations counts from then on: the
    // next three follow it, and so does everything after.
    void constraintAfterRecommendations_data() { test::addBackendRows(); }
    void constraintAfterRecommendations() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = talkUntilRecommendations(
            engine, f.trip.id, u"Beaches and nature, 10 days in February, two of us, $4000"_s, {});
        QVERIFY(r.recommendations);
        r = engine.submit(f.trip.id, u"Which of them is best for snorkeling?"_s);
        QVERIFY2(!r.recommendations, "a question about the places shown is answered");
        r = engine.submit(f.trip.id, u"Oh, we start from Berlin and don't want long flights"_s);
        QVERIFY2(r.recommendations, qPrintable(r.messages.last().content));
        QVERIFY(r.state.userInfo.endsWith(u"don't want long flights"_s));
        for (const QJsonValue& v : r.recommendations->locations) {
            const double km = kmFromBerlin(v);
            QVERIFY2(km >= 0 && km <= 4500,
                     qPrintable(v[u"name"_s].toString() + u" "_s + QString::number(km)));
        }
        r = engine.submit(f.trip.id, u"show me more"_s);
        QVERIFY(r.recommendations);
        for (const QJsonValue& v : r.recommendations->locations)
            QVERIFY2(kmFromBerlin(v) <= 4500, qPrintable(v[u"name"_s].toString()));
    }

    // "Ein paar Tage Weihnachtsmarkt in Europa, gutes Essen, nicht zu teuer"
    // keeps to Europe in December as its English twin does, and the answers
    // to the questions (budget, length, who travels) are understood in the
    // user's language.
    void christmasMarketsInEveryLanguage_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QStringList>("answers"); // budget, length, travellers
        const struct {
            const char* language;
            const char* first;
            const char* budget;
            const char* length;
            const char* travellers;
        } said[] = {
            {"en", "Christmas markets in Europe, good food, not too expensive",
             "About 100 euros a day per person", "5 days", "The two of us"},
            {"de", "Ein paar Tage Weihnachtsmarkt in Europa, gutes Essen, nicht zu teuer",
             "Etwa 100 Euro pro Tag pro Person", "5 Tage", "Zu zweit"},
            {"fr", "Quelques jours de marchés de Noël en Europe, bonne cuisine, pas trop cher",
             "Environ 100 euros par jour par personne", "Cinq jours", "À deux"},
            {"es", "Unos días de mercados navideños en Europa, buena comida, no muy caro",
             "Unos 100 euros al día por persona", "Cinco días", "En pareja"},
        };
        for (const auto& s : said)
            for (const char* backend : {"sqlite", "postgres", "pgbouncer"})
                QTest::addRow("%s/%s", s.language, backend)
                    << QString::fromLatin1(backend) << QString::fromUtf8(s.first)
                    << QStringList{QString::fromUtf8(s.budget), QString::fromUtf8(s.length),
                                   QString::fromUtf8(s.travellers)};
    }
    void christmasMarketsInEveryLanguage() {
        QFETCH(QString, backend);
        QFETCH(QString, first);
        QFETCH(QStringList, answers);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        const TurnResult r = talkUntilRecommendations(
            engine, f.trip.id, first,
            {{u"budget"_s, answers[0]}, {u"days"_s, answers[1]}, {u"travelling"_s, answers[2]}});
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        QCOMPARE(r.recommendations->locations.size(), 3);
        for (const QJsonValue& v : r.recommendations->locations)
            QVERIFY2(countryInRegion(v[u"country"_s].toString(), u"europe"_s),
                     qPrintable(v[u"name"_s].toString() + u", "_s + v[u"country"_s].toString()));
        const QString reply = r.messages.last().content;
        QVERIFY2(reply.contains(u"I kept to Europe."_s), qPrintable(reply));
        // Everything said was understood: December, food, not luxury, and the answers.
        const TravelProfile p = TravelProfile::fromText(r.state.userInfo);
        QCOMPARE(p.months, QSet<int>{12});
        QCOMPARE(p.tags, QSet<QString>{u"food"_s});
        QVERIFY2(p.avoid.contains(u"luxury"_s), qPrintable(r.state.userInfo));
        QCOMPARE(p.regions, QSet<QString>{u"europe"_s});
        QCOMPARE(p.days, 5);
        QCOMPARE(p.travellers, 2);
        QVERIFY(p.budgetPerPerson);
        QCOMPARE(qRound(p.budgetPerDayUsd.value_or(0)), 108);
    }

    // "No long flights, we start from Berlin" said in German, French or Spanish
    // rules out everything far away, as it does in English.
    void noLongFlightsInEveryLanguage_data() {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QStringList>("answers"); // budget, style, what to avoid
        const struct {
            const char* language;
            const char* first;
            const char* budget;
            const char* style;
            const char* avoid;
        } said[] = {
            {"en", "A beach holiday for the two of us in July, 10 days, with good food and culture",
             "About 2500 euros in total", "Comfort, but not luxury", "No long flights, we start from Berlin"},
            {"de", "Ein Strandurlaub zu zweit im Juli, 10 Tage, mit gutem Essen und Kultur",
             "Insgesamt etwa 2500 Euro", "Komfort, aber kein Luxus",
             "Keine Langstreckenflüge, wir starten in Berlin"},
            {"fr",
             "Des vacances à la plage à deux en juillet, 10 jours, avec de la bonne cuisine et de la culture",
             "Environ 2500 euros au total", "Du confort, mais pas de luxe",
             "Pas de longs vols, nous partons de Berlin"},
            {"es", "Vacaciones de playa en pareja en julio, 10 días, con buena comida y cultura",
             "Unos 2500 euros en total", "Comodidad, pero sin lujo",
             "Nada de vuelos largos, salimos de Berlín"},
        };
        for (const auto& s : said)
            for (const char* backend : {"sqlite", "postgres", "pgbouncer"})
                QTest::addRow("%s/%s", s.language, backend)
                    << QString::fromLatin1(backend) << QString::fromUtf8(s.first)
                    << QStringList{QString::fromUtf8(s.budget), QString::fromUtf8(s.style),
                                   QString::fromUtf8(s.avoid)};
    }
    void noLongFlightsInEveryLanguage() {
        QFETCH(QString, backend);
        QFETCH(QString, first);
        QFETCH(QStringList, answers);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        const TurnResult r = talkUntilRecommendations(
            engine, f.trip.id, first,
            {{u"budget"_s, answers[0]}, {u"luxury"_s, answers[1]}, {u"avoid"_s, answers[2]}});
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        for (const QJsonValue& v : r.recommendations->locations) {
            const double km = kmFromBerlin(v);
            QVERIFY2(km >= 0 && km <= 4500,
                     qPrintable(v[u"name"_s].toString() + u" "_s + QString::number(km)));
        }
        const QString reply = r.messages.last().content;
        QVERIFY2(reply.contains(u"Starting from Berlin"_s), qPrintable(reply));
        const TravelProfile p = TravelProfile::fromText(r.state.userInfo);
        QCOMPARE(p.style, u"comfort"_s);
        QCOMPARE(p.days, 10);
        QCOMPARE(p.travellers, 2);
        QCOMPARE(p.months, QSet<int>{7});
        QCOMPARE(qRound(p.budgetTotalUsd.value_or(0)), 2700);
        const QString learned = PreferencesRepository(*f.db, f.user.id).get().preferencesText;
        QVERIFY2(learned.contains(u"Interests: beach, culture, food"_s), qPrintable(learned));
        QVERIFY2(!learned.contains(u"Travel style: luxury"_s), qPrintable(learned));
    }

    // The same for a place only the model knows: its sentences about the place are kept, the
    // ones about this trip are not.
    void modelRemarksStayOutOfTheCatalogue_data() { test::addBackendRows(); }
    void modelRemarksStayOutOfTheCatalogue() {
        QFETCH(QString, backend);
        Fixture f(backend);
        ModelPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        engine.submit(f.trip.id, u"Croatia"_s);
        TurnResult r = engine.submit(f.trip.id, u"June"_s);
        QVERIFY(r.recommendations);
        r = engine.choose(f.trip.id, 0);
        const auto stored = DestinationRepository(*f.db).findByNameCountry(u"Qwxzzy Bay"_s, u"Croatia"_s);
        QVERIFY(stored);
        QCOMPARE(stored->description, u"A fishing village with Venetian walls and clear water."_s);
    }

    // What the planner said about a place for this trip ("…within your budget")
    // stays in the trip's recommendations; the shared catalogue row gets none of it.
    void tripRemarksStayOutOfTheCatalogue_data() { test::addBackendRows(); }
    void tripRemarksStayOutOfTheCatalogue() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = talkUntilRecommendations(
            engine, f.trip.id, u"Beaches and food in September, 7 days, two of us, $3000 in total"_s, {});
        QVERIFY(r.recommendations);
        const QString remark = r.recommendations->locations[0][u"description"_s].toString();
        QVERIFY2(remark.contains(u"your budget"_s), qPrintable(remark));
        r = engine.submit(f.trip.id, u"Let's go with the first one"_s);
        QVERIFY(r.destination);
        const auto stored =
            DestinationRepository(*f.db).findByNameCountry(r.destination->name, r.destination->country);
        QVERIFY(stored);
        QVERIFY2(!stored->description.contains(u"your"_s, Qt::CaseInsensitive) &&
                     !stored->description.contains(u"per person"_s),
                 qPrintable(stored->description));
        QVERIFY2(!stored->description.isEmpty(), "the catalogue still gets a neutral description");
        // The trip's own record keeps the remark.
        ConversationRepository conversations(*f.db, f.user.id);
        QCOMPARE(conversations.recommendationHistory(r.conversationId)
                     .first()
                     .locations[0][u"description"_s]
                     .toString(),
                 remark);
    }
};

QTEST_GUILESS_MAIN(TestPlannerListens)
#include "tst_planner_listens.moc"
