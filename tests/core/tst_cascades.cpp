// SPDX-License-Identifier: GPL-3.0-or-later
// The seed's rules on a database this app created, on every backend, through
// the repositories: user and trip deletes cascade, destination deletes keep
// trips, duplicates and a second planning session are conflicts, and a
// planning session advances through its seven stages.
#include "TestBackends.h"
#include "domain/Stages.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

const QStringList ownedTables = {
    u"api_userpreferences"_s,
    u"api_trip"_s,
    u"api_planningsession"_s,
    u"destination_search_tripconversation"_s,
    u"destination_search_message"_s,
    u"destination_search_recommendations"_s,
    u"destination_search_conversationstate"_s,
};

// Row counts of everything that hangs off one user.
QMap<QString, int> countsFor(Database& db, Id userId) {
    const QString trips = u"(SELECT id FROM api_trip WHERE user_id = :u)"_s;
    const QString convs =
        u"(SELECT id FROM destination_search_tripconversation WHERE trip_id IN "_s + trips + u')';
    const QMap<QString, QString> where = {
        {u"auth_user"_s, u"id = :u"_s},
        {u"api_userpreferences"_s, u"user_id = :u"_s},
        {u"api_trip"_s, u"user_id = :u"_s},
        {u"api_planningsession"_s, u"trip_id IN "_s + trips},
        {u"destination_search_tripconversation"_s, u"trip_id IN "_s + trips},
        {u"destination_search_message"_s, u"conversation_id IN "_s + convs},
        {u"destination_search_recommendations"_s, u"conversation_id IN "_s + convs},
        {u"destination_search_conversationstate"_s, u"conversation_id IN "_s + convs},
    };
    QMap<QString, int> out;
    for (auto it = where.begin(); it != where.end(); ++it)
        out.insert(it.key(), col::integer(db.query(u"SELECT count(*) AS n FROM "_s + it.key() + u" WHERE "_s +
                                                       it.value(),
                                                   {{u"u"_s, userId}})
                                              .first(),
                                          "n"));
    return out;
}

int count(Database& db, const QString& table) {
    return col::integer(db.query(u"SELECT count(*) AS n FROM "_s + table).first(), "n");
}

struct Filled {
    User user;
    QList<Trip> trips;
    Conversation conversation;
    PlanningSession session;
};

// A user with two trips; the first has a conversation with messages,
// recommendations, a state and a planning session.
Filled fill(Database& db, const QString& name, const std::optional<Id>& destinationId = {}) {
    Filled f;
    f.user = UserRepository(db).create(name);
    TripRepository trips(db, f.user.id);
    Trip t;
    t.title = name + u"'s first trip"_s;
    t.destinationId = destinationId;
    f.trips << trips.create(t);
    t.title = name + u"'s second trip"_s;
    f.trips << trips.create(t);
    ConversationRepository conversations(db, f.user.id);
    f.conversation = conversations.ensureForTrip(f.trips[0].id).first;
    conversations.addMessage(f.conversation.id, true, u"Somewhere warm"_s);
    conversations.addMessage(f.conversation.id, false, u"How about Lisbon?"_s);
    conversations.addRecommendations(f.conversation.id, QJsonArray{QJsonObject{{u"name"_s, u"Lisbon"_s}}});
    f.session = PlanningRepository(db, f.user.id).start(f.trips[0].id);
    PreferencesRepository prefs(db, f.user.id);
    UserPreferences p = prefs.get();
    p.preferencesText = u"beaches"_s;
    prefs.save(p);
    // The second trip has its own conversation too.
    ConversationRepository(db, f.user.id).ensureForTrip(f.trips[1].id);
    return f;
}

void expectKind(const std::function<void()>& f, Error::Kind kind, const char* what) {
    try {
        f();
    } catch (const Error& e) {
        QVERIFY2(e.kind() == kind, qPrintable(u"%1: got %2: %3"_s.arg(QString::fromLatin1(what),
                                                                      kindName(e.kind()), e.message())));
        return;
    }
    QFAIL(qPrintable(u"%1: no error"_s.arg(QString::fromLatin1(what))));
}

} // namespace

class TestCascades : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void userCreateMakesPreferences_data() { test::addBackendRows(); }
    void userCreateMakesPreferences() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s, u"alice@example.com"_s);
        QCOMPARE(count(*db, u"api_userpreferences"_s), 1);
        const UserPreferences p = PreferencesRepository(*db, u.id).get();
        QCOMPARE(p.userId, u.id);
        QCOMPARE(p.preferredGroupSize, 2);
        expectKind([&] { UserRepository(*db).create(u"alice"_s); }, Error::Kind::Conflict,
                   "duplicate username");
        QCOMPARE(count(*db, u"auth_user"_s), 1);
    }

    void userRemoveCascades_data() { test::addBackendRows(); }
    void userRemoveCascades() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        Destination d;
        d.name = u"Lisbon"_s;
        d.country = u"Portugal"_s;
        const Destination lisbon = DestinationRepository(*db).create(d);
        const Filled alice = fill(*db, u"alice"_s, lisbon.id);
        const Filled bob = fill(*db, u"bob"_s, lisbon.id);
        const QMap<QString, int> bobBefore = countsFor(*db, bob.user.id);
        const QMap<QString, int> aliceBefore = countsFor(*db, alice.user.id);
        for (auto it = aliceBefore.begin(); it != aliceBefore.end(); ++it)
            QVERIFY2(it.value() > 0, qPrintable(it.key())); // the fixture filled every table

        UserRepository(*db).remove(alice.user.id);
        const QMap<QString, int> aliceAfter = countsFor(*db, alice.user.id);
        for (auto it = aliceAfter.begin(); it != aliceAfter.end(); ++it)
            QVERIFY2(it.value() == 0,
                     qPrintable(u"%1 rows of the removed user left in %2"_s.arg(it.value()).arg(it.key())));
        // Nothing of bob's is gone; the shared destination stays.
        QCOMPARE(countsFor(*db, bob.user.id), bobBefore);
        QCOMPARE(count(*db, u"api_destination"_s), 1);
        // Table totals are exactly bob's.
        for (const QString& t : ownedTables)
            QCOMPARE(count(*db, t), bobBefore.value(t));
        expectKind([&] { UserRepository(*db).remove(alice.user.id); }, Error::Kind::NotFound, "remove twice");
        QVERIFY(!UserRepository(*db).find(alice.user.id));
        QVERIFY(UserRepository(*db).find(bob.user.id));
    }

    void tripRemoveCascades_data() { test::addBackendRows(); }
    void tripRemoveCascades() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Filled alice = fill(*db, u"alice"_s);
        const Id trip = alice.trips[0].id;
        const Id conv = alice.conversation.id;
        // A completed session too, so that more than one session row goes.
        PlanningRepository planning(*db, alice.user.id);
        for (int i = 0; i < 6; ++i)
            planning.advance(alice.session.id);
        planning.start(trip);
        QCOMPARE(planning.history(trip).size(), 2);

        TripRepository(*db, alice.user.id).remove(trip);
        auto left = [&](const QString& table, const QString& where, Id id) {
            return col::integer(
                db->query(u"SELECT count(*) AS n FROM "_s + table + u" WHERE "_s + where, {{u"x"_s, id}})
                    .first(),
                "n");
        };
        QCOMPARE(left(u"api_trip"_s, u"id = :x"_s, trip), 0);
        QCOMPARE(left(u"api_planningsession"_s, u"trip_id = :x"_s, trip), 0);
        QCOMPARE(left(u"destination_search_tripconversation"_s, u"id = :x"_s, conv), 0);
        QCOMPARE(left(u"destination_search_message"_s, u"conversation_id = :x"_s, conv), 0);
        QCOMPARE(left(u"destination_search_recommendations"_s, u"conversation_id = :x"_s, conv), 0);
        QCOMPARE(left(u"destination_search_conversationstate"_s, u"conversation_id = :x"_s, conv), 0);
        // The other trip, its conversation and state, the user and preferences stay.
        QCOMPARE(TripRepository(*db, alice.user.id).count(), 1);
        QVERIFY(ConversationRepository(*db, alice.user.id).findForTrip(alice.trips[1].id));
        QCOMPARE(count(*db, u"destination_search_conversationstate"_s), 1);
        QCOMPARE(count(*db, u"api_userpreferences"_s), 1);
        expectKind([&] { TripRepository(*db, alice.user.id).remove(trip); }, Error::Kind::NotFound,
                   "remove twice");
    }

    void destinationRemoveKeepsTrips_data() { test::addBackendRows(); }
    void destinationRemoveKeepsTrips() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        DestinationRepository destinations(*db);
        Destination d;
        d.name = u"Bali"_s;
        d.country = u"Indonesia"_s;
        const Destination bali = destinations.create(d);
        const Filled alice = fill(*db, u"alice"_s, bali.id);
        const Filled bob = fill(*db, u"bob"_s, bali.id);
        QCOMPARE(destinations.tripsUsing(bali.id), 4);
        QCOMPARE(TripRepository(*db, alice.user.id).get(alice.trips[0].id).destinationName, u"Bali"_s);

        destinations.remove(bali.id);
        QVERIFY(!destinations.find(bali.id));
        for (const Filled* f : {&alice, &bob}) {
            TripRepository trips(*db, f->user.id);
            QCOMPARE(trips.count(), 2);
            for (const Trip& t : f->trips) {
                const Trip now = trips.get(t.id);
                QVERIFY(!now.destinationId.has_value());
                QVERIFY(now.destinationName.isEmpty());
                QCOMPARE(now.title, t.title);
            }
            QVERIFY(!trips.open(f->trips[0].id).destination.has_value());
        }
        QCOMPARE(count(*db, u"destination_search_message"_s), 4);
        expectKind([&] { destinations.remove(bali.id); }, Error::Kind::NotFound, "remove twice");
    }

    void duplicateDestinationConflict_data() { test::addBackendRows(); }
    void duplicateDestinationConflict() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        DestinationRepository destinations(*db);
        Destination d;
        d.name = u"Paris"_s;
        d.country = u"France"_s;
        const Destination paris = destinations.create(d);
        expectKind([&] { destinations.create(d); }, Error::Kind::Conflict, "duplicate (name, country)");
        Destination padded = d;
        padded.name = u"  Paris "_s;
        expectKind([&] { destinations.create(padded); }, Error::Kind::Conflict, "duplicate after trimming");
        try {
            destinations.create(d);
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(u"already exists"_s), qPrintable(e.message()));
        }
        // Same name elsewhere is a different destination.
        Destination texas = d;
        texas.country = u"United States"_s;
        const Destination parisTx = destinations.create(texas);
        QVERIFY(parisTx.id != paris.id);
        // Renaming into a duplicate is a conflict too.
        Destination rename = parisTx;
        rename.country = u"France"_s;
        expectKind([&] { destinations.update(rename); }, Error::Kind::Conflict, "update into a duplicate");
        QCOMPARE(destinations.find(parisTx.id)->country, u"United States"_s);
        // The database enforces it even past the repository.
        expectKind(
            [&] {
                db->execute(u"INSERT INTO api_destination (name, country, created_at, updated_at) "
                            u"VALUES ('Paris', 'France', :n, :n)"_s,
                            {{u"n"_s, QDateTime::currentDateTimeUtc()}});
            },
            Error::Kind::Conflict, "duplicate through plain SQL");
        QCOMPARE(destinations.count(), 2);
    }

    void oneConversationPerTrip_data() { test::addBackendRows(); }
    void oneConversationPerTrip() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Filled alice = fill(*db, u"alice"_s);
        ConversationRepository conversations(*db, alice.user.id);
        const auto again = conversations.ensureForTrip(alice.trips[0].id);
        QCOMPARE(again.first.id, alice.conversation.id);
        QCOMPARE(count(*db, u"destination_search_tripconversation"_s), 2);
        expectKind(
            [&] {
                db->execute(
                    u"INSERT INTO destination_search_tripconversation (created_at, trip_id) VALUES (:n, :t)"_s,
                    {{u"n"_s, QDateTime::currentDateTimeUtc()}, {u"t"_s, alice.trips[0].id}});
            },
            Error::Kind::Conflict, "second conversation for a trip");
        QCOMPARE(count(*db, u"destination_search_conversationstate"_s), 2);
    }

    void planningStartTwiceConflict_data() { test::addBackendRows(); }
    void planningStartTwiceConflict() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Filled alice = fill(*db, u"alice"_s);
        PlanningRepository planning(*db, alice.user.id);
        expectKind([&] { planning.start(alice.trips[0].id); }, Error::Kind::Conflict, "second start");
        QCOMPARE(planning.history(alice.trips[0].id).size(), 1);
        // Past the repository, the partial unique index says the same.
        expectKind(
            [&] {
                db->execute(
                    u"INSERT INTO api_planningsession (current_stage, is_active, session_data, "
                    u"stages_completed, started_at, last_interaction_at, trip_id) VALUES ('flights', :t, "
                    u":o, :a, :n, :n, :trip)"_s,
                    {{u"t"_s, true},
                     {u"o"_s, QJsonObject()},
                     {u"a"_s, QJsonArray()},
                     {u"n"_s, QDateTime::currentDateTimeUtc()},
                     {u"trip"_s, alice.trips[0].id}});
            },
            Error::Kind::Conflict, "second active session through plain SQL");
        // Another trip may have its own session.
        QVERIFY(planning.start(alice.trips[1].id).id > 0);
    }

    void advanceThroughAllStages_data() { test::addBackendRows(); }
    void advanceThroughAllStages() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Filled alice = fill(*db, u"alice"_s);
        PlanningRepository planning(*db, alice.user.id);
        PlanningSession s = alice.session;
        QCOMPARE(s.currentStage, u"destination"_s);
        QVERIFY(s.isActive);
        QVERIFY(s.stagesCompleted.isEmpty());
        QVERIFY(!s.completedAt.isValid());
        const QStringList stages = choiceValues(planning_stage::all);
        for (int i = 1; i < stages.size(); ++i) {
            s = planning.advance(s.id);
            QCOMPARE(s.currentStage, stages[i]);
            QCOMPARE(s.stagesCompleted, stages.mid(0, i));
            const bool done = stages[i] == u"completed";
            QCOMPARE(s.isActive, !done);
            QCOMPARE(s.completedAt.isValid(), done);
            // What is stored is what came back.
            const QList<PlanningSession> h = planning.history(alice.trips[0].id);
            QCOMPARE(h.size(), 1);
            QCOMPARE(h.first().currentStage, s.currentStage);
            QCOMPARE(h.first().stagesCompleted, s.stagesCompleted);
            QCOMPARE(h.first().isActive, s.isActive);
        }
        QCOMPARE(s.stagesCompleted.size(), 6);
        QVERIFY(qAbs(s.completedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(!planning.active(alice.trips[0].id));
        expectKind([&] { planning.advance(s.id); }, Error::Kind::Conflict, "advance past completed");
        // A new session may start once the old one is completed.
        const PlanningSession next = planning.start(alice.trips[0].id);
        QCOMPARE(next.currentStage, u"destination"_s);
        QCOMPARE(planning.history(alice.trips[0].id).size(), 2);
        QCOMPARE(planning.active(alice.trips[0].id)->id, next.id);
        // back() keeps the completed list.
        PlanningSession b = planning.advance(next.id);
        b = planning.back(b.id);
        QCOMPARE(b.currentStage, u"destination"_s);
        QCOMPARE(b.stagesCompleted, QStringList{u"destination"_s});
    }
};

QTEST_GUILESS_MAIN(TestCascades)
#include "tst_cascades.moc"
