// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationDump.h"
#include "TestBackends.h"
#include "conversation/ConversationEngine.h"
#include "conversation/OfflinePlanner.h"
#include "repo/ConversationRepository.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;

namespace {

// The offline planner, failing on demand, or running something in the middle
// of a call (another engine's turn, for the concurrency test).
class ScriptedPlanner : public Planner {
public:
    OfflinePlanner inner;
    bool fail = false;
    std::function<void()> during;

    QStringList clarifyingQuestions(const PlannerContext& ctx) override {
        step();
        return inner.clarifyingQuestions(ctx);
    }
    DestinationSet destinations(const PlannerContext& ctx) override {
        step();
        return inner.destinations(ctx);
    }
    FollowUp followUp(const PlannerContext& ctx, const QString& text) override {
        step();
        return inner.followUp(ctx, text);
    }

private:
    void step() {
        if (during) {
            auto f = std::move(during);
            during = nullptr;
            f();
        }
        if (fail)
            throw PlannerError(PlannerError::Kind::Server, u"injected"_s);
    }
};

// A model that places its recommendations: Lisbon and a place the gazetteer
// does not know out in the Atlantic, Porto where it is.
class SeaCoordinatesPlanner : public Planner {
public:
    QStringList clarifyingQuestions(const PlannerContext&) override { return {u"When?"_s}; }
    DestinationSet destinations(const PlannerContext&) override {
        DestinationSet set;
        set.intro = u"Three places in Portugal:"_s;
        set.raw = u"{}"_s;
        auto place = [](const QString& name, double lat, double lon) {
            Recommendation r;
            r.name = name;
            r.country = u"Portugal"_s;
            r.description = u"By the sea."_s;
            r.latitude = lat;
            r.longitude = lon;
            return r;
        };
        set.places << place(u"Lisbon"_s, 38.0, -20.0) << place(u"Qwxzzy Cove"_s, 36.0, -15.0)
                   << place(u"Porto"_s, 41.1496, -8.611);
        return set;
    }
    FollowUp followUp(const PlannerContext&, const QString&) override {
        return {FollowUp::Kind::Answer, -1, u"Sure."_s};
    }
};

QString answerFor(const QString& question) {
    if (question.contains(u"budget"_s))
        return u"Budget is $3000"_s;
    if (question.contains(u"month"_s))
        return u"July"_s;
    if (question.contains(u"days"_s))
        return u"7 days"_s;
    if (question.contains(u"travelling"_s))
        return u"Just the two of us"_s;
    if (question.contains(u"enjoy"_s))
        return u"Beaches and good food"_s;
    return u"Nothing special"_s;
}

struct Fixture {
    explicit Fixture(const QString& backend)
        : tmp(backend)
        , db(tmp.connectMigrated()) {
        user = UserRepository(*db).create(u"alice"_s);
        Trip t;
        t.title = u"Summer"_s;
        trip = TripRepository(*db, user.id).create(t);
    }
    test::TempDatabase tmp;
    std::unique_ptr<Database> db;
    User user;
    Trip trip;
};

} // namespace

class TestConversationEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstMessageToCommitment_data() { test::addBackendRows(); }
    void firstMessageToCommitment() {
        QFETCH(QString, backend);
        Fixture f(backend);
        ScriptedPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);

        QVERIFY(!engine.load(f.trip.id).conversation);
        TurnResult r = engine.submit(f.trip.id, u"I want a beach vacation"_s);
        QCOMPARE(r.state.currentStage, u"asking_clarifications"_s);
        QCOMPARE(r.state.userInfo, u"I want a beach vacation"_s);
        QVERIFY(r.state.totalQuestions >= 3 && r.state.totalQuestions <= 5);
        QCOMPARE(r.state.questionQueue.size(), r.state.totalQuestions);
        QCOMPARE(r.state.questionsAsked, 0);
        QCOMPARE(r.tripStatus, u"ai_chat_active"_s);
        QCOMPARE(r.messages.size(), 2);
        QVERIFY(r.messages[0].isUser && !r.messages[1].isUser);
        QVERIFY(r.messages[1].content.contains(r.state.questionQueue.first().toString()));

        const int total = r.state.totalQuestions;
        for (int i = 0; i < total; ++i) {
            const QString q = r.state.questionQueue.first().toString();
            r = engine.submit(f.trip.id, answerFor(q));
            QCOMPARE(r.state.questionsAsked, i + 1);
            QCOMPARE(r.state.currentQuestionIndex, i + 1);
            QCOMPARE(r.state.questionQueue.size(), total - i - 1);
        }
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QCOMPARE(r.state.progressPercentage(), 100);
        QVERIFY(r.state.userInfo.startsWith(u"I want a beach vacation. "_s));
        QVERIFY(r.recommendations);
        QCOMPARE(r.recommendations->locations.size(), 3);
        QVERIFY(!r.state.destinationsText.isEmpty());
        for (const QJsonValue& v : r.recommendations->locations) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.value(u"name"_s).toString().isEmpty());
            QVERIFY(!o.value(u"country"_s).toString().isEmpty());
            QVERIFY(!o.value(u"description"_s).toString().isEmpty());
            QVERIFY(o.value(u"latitude"_s).isDouble());
        }
        const QString learned = PreferencesRepository(*f.db, f.user.id).get().preferencesText;
        QVERIFY2(learned.contains(u"Interests: beach"_s) && learned.contains(u"Trip budget: about $3000"_s),
                 qPrintable(learned));

        const QJsonArray first = r.recommendations->locations;
        r = engine.submit(f.trip.id, u"Show me different options"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        for (const QJsonValue& v : r.recommendations->locations)
            for (const QJsonValue& old : first)
                QVERIFY(v[u"name"_s] != old[u"name"_s]);
        ConversationRepository conversations(*f.db, f.user.id);
        QCOMPARE(conversations.recommendationHistory(r.conversationId).size(), 2);

        r = engine.submit(f.trip.id, u"What about the weather?"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(!r.recommendations);

        const QString chosen = r.state.currentStage.isEmpty()
                                   ? QString()
                                   : conversations.recommendationHistory(r.conversationId)
                                         .first()
                                         .locations[1][u"name"_s]
                                         .toString();
        r = engine.submit(f.trip.id, u"Let's go with "_s + chosen + u'!');
        QCOMPARE(r.state.currentStage, u"commitment_detected"_s);
        QVERIFY(r.destination);
        QCOMPARE(r.destination->name, chosen);
        QVERIFY(r.destination->hasCoordinates());
        QCOMPARE(r.tripStatus, u"destinations_selected"_s);
        const Trip trip = TripRepository(*f.db, f.user.id).get(f.trip.id);
        QCOMPARE(trip.destinationId, r.destination->id);
        QCOMPARE(trip.destinationName, chosen);
        const auto session = PlanningRepository(*f.db, f.user.id).active(f.trip.id);
        QVERIFY(session);
        QVERIFY(session->stagesCompleted.contains(u"destination"_s));
        QCOMPARE(conversations.messageCount(r.conversationId), 2 * (total + 4));
        QVERIFY(r.state.isComplete());

        // A reopened engine (or the web app) continues from the stored state.
        ConversationView v = engine.load(f.trip.id);
        QCOMPARE(v.state.currentStage, u"commitment_detected"_s);
        QCOMPARE(v.messages.size(), 2 * (total + 4));
    }

    void chooseByCard() {
        Fixture f(u"sqlite"_s);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        QVERIFY_THROWS_EXCEPTION(Error, engine.choose(f.trip.id, 0));
        TurnResult r =
            engine.submit(f.trip.id, u"Mountains and hiking in September, 5 days, solo, $100 a day"_s);
        while (r.state.currentStage == u"asking_clarifications"_s)
            r = engine.submit(f.trip.id, u"no preference"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY_THROWS_EXCEPTION(Error, engine.choose(f.trip.id, 3));
        r = engine.choose(f.trip.id, 0);
        QCOMPARE(r.state.currentStage, u"commitment_detected"_s);
        QCOMPARE(r.destination->name, r.messages[0].content.mid(14).section(u',', 0, 0));
        // The offline planner's places carry the bundled catalogue's coordinates.
        QVERIFY(r.destination->hasCoordinates());
        const auto source = CoordinateSourceRepository(*f.db).of(*r.destination);
        QVERIFY(source);
        QCOMPARE(source->origin, CoordinateOrigin::Catalogue);
    }

    void modelCoordinatesInTheSeaAreNotKept() {
        Fixture f(u"sqlite"_s);
        SeaCoordinatesPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = engine.submit(f.trip.id, u"Somewhere in Portugal"_s);
        r = engine.submit(f.trip.id, u"In May"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);

        // Lisbon, said to be in the Atlantic: the gazetteer's Lisbon is stored, and the reply says so.
        r = engine.choose(f.trip.id, 0);
        QVERIFY(r.destination);
        QCOMPARE(r.destination->name, u"Lisbon"_s);
        QVERIFY(r.destination->hasCoordinates());
        QVERIFY(std::abs(r.destination->latitude->toDouble() - 38.72) < 0.1);
        QVERIFY(std::abs(r.destination->longitude->toDouble() - -9.14) < 0.1);
        QString reply = r.messages[1].content;
        QVERIFY2(reply.contains(u"coordinates for Lisbon looked wrong"_s) && reply.contains(u"not kept"_s) &&
                     reply.contains(u"sea"_s) && reply.contains(u"gazetteer"_s),
                 qPrintable(reply));
        const auto stored = DestinationRepository(*f.db).findByNameCountry(u"Lisbon"_s, u"Portugal"_s);
        QVERIFY(stored && std::abs(stored->longitude->toDouble() - -9.14) < 0.1);
        // ... and where its coordinates came from is recorded with them.
        auto source = CoordinateSourceRepository(*f.db).of(*stored);
        QVERIFY(source);
        QCOMPARE(source->origin, CoordinateOrigin::Gazetteer);
        QVERIFY2(source->detail.startsWith(u"Lisbon, Portugal"_s), qPrintable(source->detail));

        // A place the gazetteer does not know: stored without coordinates.
        r = engine.choose(f.trip.id, 1);
        QCOMPARE(r.destination->name, u"Qwxzzy Cove"_s);
        QVERIFY(!r.destination->latitude && !r.destination->longitude);
        QVERIFY(!CoordinateSourceRepository(*f.db).of(*r.destination));
        reply = r.messages[1].content;
        QVERIFY2(reply.contains(u"looked wrong"_s) && !reply.contains(u"gazetteer"_s), qPrintable(reply));

        // Plausible coordinates are kept as the model gave them, without a remark.
        r = engine.choose(f.trip.id, 2);
        QCOMPARE(r.destination->name, u"Porto"_s);
        QVERIFY(r.destination->hasCoordinates());
        QVERIFY(std::abs(r.destination->latitude->toDouble() - 41.1496) < 1e-4);
        QVERIFY2(!r.messages[1].content.contains(u"looked wrong"_s), qPrintable(r.messages[1].content));
        source = CoordinateSourceRepository(*f.db).of(*r.destination);
        QVERIFY(source);
        QCOMPARE(source->origin, CoordinateOrigin::Model);
    }

    void continuesAStateTheWebAppLeft() {
        Fixture f(u"sqlite"_s);
        ConversationRepository conversations(*f.db, f.user.id);
        auto [c, s] = conversations.ensureForTrip(f.trip.id);
        s.currentStage = u"generating_destinations"_s;
        s.userInfo = u"I want a beach vacation. Budget is $3000. July. 7 days. Luxury hotels."_s;
        conversations.saveState(s);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        const TurnResult r = engine.submit(f.trip.id, u"Any news?"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
    }

    void failedPlannerWritesNothing_data() { test::addBackendRows(); }
    void failedPlannerWritesNothing() {
        QFETCH(QString, backend);
        Fixture f(backend);
        ScriptedPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        QStringList texts = {u"A city break"_s};
        int turn = 0;
        while (turn < 12) {
            const ConversationView v = engine.load(f.trip.id);
            if (v.state.currentStage == u"commitment_detected"_s)
                break;
            QString text =
                v.state.currentStage == u"destinations_complete"_s
                    ? u"Let's go with "_s + v.latestRecommendations->locations[0][u"name"_s].toString()
                : v.state.questionQueue.isEmpty() ? u"A city break"_s
                                                  : answerFor(v.state.questionQueue.first().toString());
            const QString before = test::dumpConversationTables(*f.db);
            planner.fail = true;
            bool failed = false;
            try {
                engine.submit(f.trip.id, text);
            } catch (const PlannerError&) {
                failed = true;
            }
            planner.fail = false;
            if (!failed) {
                // Only an answer with more questions queued needs no planner call.
                QCOMPARE(v.state.currentStage, u"asking_clarifications"_s);
                QVERIFY(v.state.questionQueue.size() > 1);
                ++turn;
                continue;
            }
            QCOMPARE(test::dumpConversationTables(*f.db), before);
            engine.submit(f.trip.id, text); // the retry succeeds
            QVERIFY(test::dumpConversationTables(*f.db) != before);
            ++turn;
        }
        QCOMPARE(engine.load(f.trip.id).state.currentStage, u"commitment_detected"_s);
    }

    void emptyTextIsRejected() {
        Fixture f(u"sqlite"_s);
        OfflinePlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        QVERIFY_THROWS_EXCEPTION(Error, engine.submit(f.trip.id, u"   "_s));
        QVERIFY_THROWS_EXCEPTION(Error, engine.submit(999999, u"hello"_s));
    }

    void concurrentTurns_data() { test::addBackendRows(); }
    void concurrentTurns() {
        QFETCH(QString, backend);
        Fixture f(backend);
        auto db2 = f.tmp.connect();
        OfflinePlanner plain;
        ScriptedPlanner planner;
        ConversationEngine a(*f.db, f.user.id, planner);
        ConversationEngine b(*db2, f.user.id, plain);

        // Both start the conversation: B finishes its first turn while A waits for its planner.
        planner.during = [&] {
            b.submit(f.trip.id, u"From window B"_s);
        };
        try {
            a.submit(f.trip.id, u"From window A"_s);
            QFAIL("no conflict");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
        }
        const QString afterB = test::dumpConversationTables(*f.db);
        QVERIFY(afterB.contains(u"From window B"_s));
        QVERIFY(!afterB.contains(u"From window A"_s));

        // The same with an existing state: B answers everything, then both
        // windows send a follow-up while A waits for its planner.
        ConversationView v = b.load(f.trip.id);
        while (v.state.currentStage == u"asking_clarifications"_s) {
            b.submit(f.trip.id, answerFor(v.state.questionQueue.first().toString()));
            v = b.load(f.trip.id);
        }
        QCOMPARE(v.state.currentStage, u"destinations_complete"_s);
        const qsizetype messagesBefore = v.messages.size();
        planner.during = [&] {
            b.submit(f.trip.id, u"Tell me more, from B"_s);
        };
        try {
            a.submit(f.trip.id,
                     u"Let's go with "_s + v.latestRecommendations->locations[0][u"name"_s].toString());
            QFAIL("no conflict");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
        }
        v = a.load(f.trip.id);
        QCOMPARE(v.state.currentStage, u"destinations_complete"_s);
        QCOMPARE(v.messages.size(), messagesBefore + 2);
        QCOMPARE(v.messages[messagesBefore].content, u"Tell me more, from B"_s);
        QVERIFY(!TripRepository(*f.db, f.user.id).get(f.trip.id).destinationId);
        // A retries on the fresh state and succeeds.
        const TurnResult r = a.submit(
            f.trip.id, u"Let's go with "_s + v.latestRecommendations->locations[0][u"name"_s].toString());
        QCOMPARE(r.state.currentStage, u"commitment_detected"_s);
    }

    // The trip is written from the row read before the model call, with its
    // version guard: an edit made elsewhere during the call is kept and the
    // turn, which would have overwritten it, writes nothing.
    void tripEditedDuringTheCallIsAConflict_data() { test::addBackendRows(); }
    void tripEditedDuringTheCallIsAConflict() {
        QFETCH(QString, backend);
        Fixture f(backend);
        auto db2 = f.tmp.connect();
        ScriptedPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        planner.during = [&] {
            Trip t = TripRepository(*db2, f.user.id).get(f.trip.id);
            t.title = u"Renamed elsewhere"_s;
            TripRepository(*db2, f.user.id).update(t);
        };
        try {
            engine.submit(f.trip.id, u"I want a beach vacation"_s);
            QFAIL("no conflict");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
        }
        const Trip t = TripRepository(*f.db, f.user.id).get(f.trip.id);
        QCOMPARE(t.title, u"Renamed elsewhere"_s);
        QCOMPARE(t.status, u"planning"_s);
        QVERIFY(!engine.load(f.trip.id).conversation);
        // The retry reads the edited row and succeeds.
        const TurnResult r = engine.submit(f.trip.id, u"I want a beach vacation"_s);
        QCOMPARE(r.trip.title, u"Renamed elsewhere"_s);
        QCOMPARE(r.trip.status, u"ai_chat_active"_s);
        QCOMPARE(TripRepository(*f.db, f.user.id).get(f.trip.id).updatedAt, r.trip.updatedAt);
    }

    // The learned summary is written against the preferences read before the
    // call; a change made meanwhile (another window) is read again and kept.
    void preferencesEditedDuringTheCallAreKept_data() { test::addBackendRows(); }
    void preferencesEditedDuringTheCallAreKept() {
        QFETCH(QString, backend);
        Fixture f(backend);
        auto db2 = f.tmp.connect();
        ScriptedPlanner planner;
        ConversationEngine engine(*f.db, f.user.id, planner);
        TurnResult r = engine.submit(f.trip.id, u"I want a beach vacation"_s);
        while (r.state.questionQueue.size() > 1)
            r = engine.submit(f.trip.id, answerFor(r.state.questionQueue.first().toString()));
        planner.during = [&] {
            PreferencesRepository prefs(*db2, f.user.id);
            UserPreferences p = prefs.get();
            p.preferencesText = u"Vegetarian, no flights over 8 hours."_s;
            prefs.save(p);
        };
        r = engine.submit(f.trip.id, answerFor(r.state.questionQueue.first().toString()));
        QVERIFY(r.recommendations);
        const QString text = PreferencesRepository(*f.db, f.user.id).get().preferencesText;
        QVERIFY2(
            text.startsWith(u"Vegetarian, no flights over 8 hours.\n\n[Learned by the trip planner]\n"_s),
            qPrintable(text));
        QVERIFY2(text.contains(u"Interests: beach"_s), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestConversationEngine)
#include "tst_conversation_engine.moc"
