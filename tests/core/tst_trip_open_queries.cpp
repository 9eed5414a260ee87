// SPDX-License-Identifier: GPL-3.0-or-later
// TripRepository::open() reads a trip with everything the detail view shows in
// a small, fixed number of statements, however much the trip holds; and the
// seed's computed properties and orderings.
#include "TestBackends.h"
#include "db/Migrator.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "repo/WindowStart.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

class TestTripOpenQueries : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The window's start after connecting: the schema check is one round trip,
    // and the local user with its first page of trips and their count one more
    // (PostgreSQL; on SQLite there are no round trips to save).
    void windowStartExchanges_data() { test::addBackendRows(); }
    void windowStartExchanges() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(UserRepository::localUserNameFor(u"starter"_s));
        TripRepository trips(*db, u.id);
        for (int i = 0; i < 7; ++i) {
            Trip t;
            t.title = u"Trip %1"_s.arg(i);
            trips.create(t);
        }
        const bool pg = db->isPostgres();
        quint64 before = db->exchangeCount();
        const SchemaStatus status = Migrator(*db).status();
        QVERIFY(status.pending.isEmpty());
        if (pg)
            QCOMPARE(db->exchangeCount() - before, quint64(1));

        const TripOrder order;
        before = db->exchangeCount();
        const WindowStart start = readWindowStart(*db, u"starter"_s, {}, order, 5);
        if (pg)
            QCOMPARE(db->exchangeCount() - before, quint64(1));
        QCOMPARE(start.user.id, u.id);
        QCOMPARE(start.trips.total, pg ? 7 : -1); // SQLite: counted apart, not before the first rows
        QCOMPARE(start.trips.rows.size(), 5);
        const QList<Trip> direct = trips.page({}, order, 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(start.trips.rows.at(i).id, direct.at(i).id);

        // First run: the user does not exist yet; it is created, with no trips.
        const WindowStart fresh = readWindowStart(*db, u"newcomer"_s, {}, order, 5);
        QVERIFY(fresh.user.id != 0 && fresh.user.id != u.id);
        QCOMPARE(fresh.user.username, u"newcomer"_s);
        QCOMPARE(fresh.trips.total, pg ? 0 : -1);
        QVERIFY(fresh.trips.rows.isEmpty());
    }

    void fixedStatementCount_data() { test::addBackendRows(); }
    void fixedStatementCount() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        Destination d;
        d.name = u"Lisbon"_s;
        d.country = u"Portugal"_s;
        const Destination lisbon = DestinationRepository(*db).create(d);
        TripRepository trips(*db, u.id);
        ConversationRepository conversations(*db, u.id);
        Trip draft;
        draft.title = u"Empty"_s;
        draft.destinationId = lisbon.id;
        const Trip empty = trips.create(draft);
        conversations.ensureForTrip(empty.id);
        draft.title = u"Full"_s;
        const Trip full = trips.create(draft);
        const Conversation conv = conversations.ensureForTrip(full.id).first;
        db->transaction([&] {
            for (int i = 0; i < 500; ++i)
                conversations.addMessage(conv.id, i % 2 == 0, u"message %1"_s.arg(i));
            for (int i = 0; i < 5; ++i)
                conversations.addRecommendations(conv.id, QJsonArray{QJsonObject{{u"set"_s, i}}});
        });
        PlanningRepository(*db, u.id).start(full.id);
        draft.title = u"No conversation"_s;
        draft.destinationId.reset();
        const Trip bare = trips.create(draft);

        auto statementsFor = [&](Id id, TripDetails* out) {
            const quint64 before = db->statementCount();
            const quint64 exchangesBefore = db->exchangeCount();
            *out = trips.open(id);
            if (db->isPostgres())
                [&] {
                    QCOMPARE(db->exchangeCount() - exchangesBefore, quint64(1));
                }();
            return db->statementCount() - before;
        };
        TripDetails e, f, b;
        const quint64 nEmpty = statementsFor(empty.id, &e);
        const quint64 nFull = statementsFor(full.id, &f);
        const quint64 nBare = statementsFor(bare.id, &b);
        qInfo("open(): %llu statements (0 messages), %llu (500 messages, 5 recommendation sets), %llu (no "
              "conversation)",
              nEmpty, nFull, nBare);
        QCOMPARE(nFull, nEmpty);
        QVERIFY(nFull <= 3);
        QVERIFY(nBare <= nFull);

        QCOMPARE(e.messageCount, 0);
        QVERIFY(e.conversation.has_value());
        QVERIFY(e.state.has_value());
        QVERIFY(!e.latestRecommendations.has_value());
        QCOMPARE(e.destination->name, u"Lisbon"_s);

        QCOMPARE(f.trip.id, full.id);
        QCOMPARE(f.messageCount, 500);
        QCOMPARE(f.conversation->id, conv.id);
        QCOMPARE(f.state->currentStage, u"initial"_s);
        QVERIFY(f.latestRecommendations.has_value());
        QCOMPARE(f.latestRecommendations->locations, (QJsonArray{QJsonObject{{u"set"_s, 4}}}));
        QVERIFY(f.activePlanningSession.has_value());
        QCOMPARE(f.destination->country, u"Portugal"_s);

        QVERIFY(!b.conversation.has_value());
        QVERIFY(!b.destination.has_value());
        QCOMPARE(b.messageCount, 0);

        // Messages oldest first, with ties broken by id.
        const QList<Message> messages = conversations.messages(conv.id);
        QCOMPARE(messages.size(), 500);
        for (int i = 0; i < messages.size(); ++i)
            QCOMPARE(messages[i].content, u"message %1"_s.arg(i));
        for (int i = 1; i < messages.size(); ++i)
            QVERIFY(messages[i - 1].timestamp <= messages[i].timestamp);
        const QList<Message> page = conversations.messages(conv.id, 10, messages[494].id);
        QCOMPARE(page.size(), 5);
        QCOMPARE(page.first().content, u"message 495"_s);
        QCOMPARE(conversations.messageCount(conv.id), 500);
        // Recommendation history newest first.
        const QList<Recommendations> history = conversations.recommendationHistory(conv.id);
        QCOMPARE(history.size(), 5);
        QCOMPARE(history.first().locations, (QJsonArray{QJsonObject{{u"set"_s, 4}}}));
        QCOMPARE(history.last().locations, (QJsonArray{QJsonObject{{u"set"_s, 0}}}));
    }

    // What the window reads to open a trip's conversation (the trip, its
    // conversation, state, recommendations, planning sessions and the first
    // page of messages) is one exchange with the server, and the same as the
    // separate reads would give.
    void conversationOpensInOneExchange_data() { test::addBackendRows(); }
    void conversationOpensInOneExchange() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        const User other = UserRepository(*db).create(u"bob"_s);
        TripRepository trips(*db, u.id);
        ConversationRepository conversations(*db, u.id);
        Trip draft;
        draft.title = u"Long talk"_s;
        const Trip trip = trips.create(draft);
        const Conversation conv = conversations.ensureForTrip(trip.id).first;
        QList<std::pair<bool, QString>> lines;
        for (int i = 0; i < 450; ++i)
            lines.append({i % 2 == 0, u"line %1"_s.arg(i)});
        conversations.addMessages(conv.id, lines);
        conversations.addRecommendations(conv.id, QJsonArray{QJsonObject{{u"set"_s, 1}}});
        PlanningRepository planning(*db, u.id);
        planning.start(trip.id);

        const quint64 exchanges = db->exchangeCount();
        const OpenedTrip opened = trips.openWithConversation(trip.id, 200);
        if (db->isPostgres())
            QCOMPARE(db->exchangeCount() - exchanges, quint64(1));
        QCOMPARE(opened.details.messageCount, 450);
        QCOMPARE(opened.details.conversation->id, conv.id);
        QCOMPARE(opened.details.latestRecommendations->locations, (QJsonArray{QJsonObject{{u"set"_s, 1}}}));
        QCOMPARE(opened.firstMessages.size(), 200);
        const QList<Message> all = conversations.messages(conv.id);
        for (int i = 0; i < 200; ++i) {
            QCOMPARE(opened.firstMessages[i].id, all[i].id);
            QCOMPARE(opened.firstMessages[i].content, all[i].content);
            QCOMPARE(opened.firstMessages[i].timestamp, all[i].timestamp);
        }
        QCOMPARE(opened.planningHistory.size(), 1);
        QCOMPARE(opened.details.activePlanningSession->id, opened.planningHistory.first().id);
        QCOMPARE(opened.planningHistory.first().id, planning.history(trip.id).first().id);

        // Someone else's trip is not found, and none of its rows come back.
        QVERIFY_THROWS_EXCEPTION(Error, TripRepository(*db, other.id).openWithConversation(trip.id, 200));
        // A trip without a conversation has no messages to show.
        draft.title = u"Quiet"_s;
        const OpenedTrip quiet = trips.openWithConversation(trips.create(draft).id, 200);
        QVERIFY(!quiet.details.conversation);
        QVERIFY(quiet.firstMessages.isEmpty());
        QVERIFY(quiet.planningHistory.isEmpty());
    }

    // Paging through a conversation continues after the last message read,
    // whatever its neighbours' timestamps: messages with the same timestamp
    // (the web app writes a turn's two at once) are neither skipped nor repeated.
    void messagesPageByKeyset_data() { test::addBackendRows(); }
    void messagesPageByKeyset() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        ConversationRepository conversations(*db, u.id);
        Trip draft;
        draft.title = u"Ties"_s;
        const Trip trip = trips.create(draft);
        const Conversation conv = conversations.ensureForTrip(trip.id).first;
        QList<std::pair<bool, QString>> lines;
        for (int i = 0; i < 100; ++i)
            lines.append({i % 2 == 0, u"line %1"_s.arg(i)});
        conversations.addMessages(conv.id, lines);
        // Groups of five share one timestamp.
        const QList<Message> written = conversations.messages(conv.id);
        for (int i = 0; i < written.size(); ++i)
            db->execute(u"UPDATE destination_search_message SET timestamp = :at WHERE id = :id"_s,
                        {{u"at"_s, written[i - i % 5].timestamp}, {u"id"_s, written[i].id}});
        const QList<Message> all = conversations.messages(conv.id);
        QCOMPARE(all.size(), 100);

        const auto [first, total] = conversations.firstMessages(conv.id, 7);
        QCOMPARE(total, 100);
        QList<Message> paged = first;
        while (paged.size() < total) {
            const QList<Message> next = conversations.messages(conv.id, 7, paged.constLast().id);
            QVERIFY(!next.isEmpty());
            paged += next;
        }
        QCOMPARE(paged.size(), all.size());
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(paged[i].id, all[i].id);
        QVERIFY(conversations.messages(conv.id, 7, all.constLast().id).isEmpty());
    }

    void tripsNewestFirst_data() { test::addBackendRows(); }
    void tripsNewestFirst() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        QList<Id> ids;
        for (int i = 0; i < 5; ++i) {
            Trip t;
            t.title = u"Trip %1"_s.arg(i);
            ids << trips.create(t).id;
            if (i == 2)
                QTest::qWait(20); // some with distinct timestamps, some possibly equal
        }
        const QList<Trip> listed = trips.list();
        QCOMPARE(listed.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(listed[i].id, ids[4 - i]);
        for (int i = 1; i < listed.size(); ++i)
            QVERIFY(listed[i - 1].createdAt >= listed[i].createdAt);
        const QList<Trip> page = trips.list({}, 2, 1);
        QCOMPARE(page.size(), 2);
        QCOMPARE(page[0].id, ids[3]);
        QCOMPARE(page[1].id, ids[2]);
    }

    void computedProperties() {
        Trip t;
        QVERIFY(!t.durationDays().has_value());
        QVERIFY(t.isFutureTrip(QDate(2027, 1, 1))); // no start date: the seed says future
        t.startDate = QDate(2027, 5, 1);
        QVERIFY(!t.durationDays().has_value());
        t.endDate = QDate(2027, 5, 7);
        QCOMPARE(t.durationDays(), 7);
        t.endDate = t.startDate;
        QCOMPARE(t.durationDays(), 1);
        t.startDate = QDate(2027, 12, 30);
        t.endDate = QDate(2028, 1, 2);
        QCOMPARE(t.durationDays(), 4);
        t.startDate = QDate(2028, 2, 28);
        t.endDate = QDate(2028, 3, 1); // leap year
        QCOMPARE(t.durationDays(), 3);
        const QDate today(2027, 6, 15);
        t.startDate = today.addDays(1);
        QVERIFY(t.isFutureTrip(today));
        t.startDate = today;
        QVERIFY(!t.isFutureTrip(today));
        t.startDate = today.addDays(-1);
        QVERIFY(!t.isFutureTrip(today));

        ConversationState s;
        QCOMPARE(s.progressPercentage(), 0);
        s.totalQuestions = 3;
        QCOMPARE(s.progressPercentage(), 0);
        s.questionsAsked = 1;
        QCOMPARE(s.progressPercentage(), 33);
        s.questionsAsked = 2;
        QCOMPARE(s.progressPercentage(), 66);
        s.questionsAsked = 3;
        QCOMPARE(s.progressPercentage(), 100);
        s.totalQuestions = 0;
        s.questionsAsked = 5;
        QCOMPARE(s.progressPercentage(), 0);
        QVERIFY(!s.isComplete());
        s.currentStage = u"destinations_complete"_s;
        QVERIFY(s.isComplete());
        s.currentStage = u"commitment_detected"_s;
        QVERIFY(s.isComplete());
        s.currentStage = u"generating_destinations"_s;
        QVERIFY(!s.isComplete());
    }

    // The same properties on trips that went through the database.
    void computedPropertiesAfterRoundTrip_data() { test::addBackendRows(); }
    void computedPropertiesAfterRoundTrip() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        Trip t;
        t.title = u"Week"_s;
        t.startDate = QDate::currentDate().addDays(30);
        t.endDate = t.startDate.addDays(13);
        const Trip saved = trips.get(trips.create(t).id);
        QCOMPARE(saved.startDate, t.startDate);
        QCOMPARE(saved.durationDays(), 14);
        QVERIFY(saved.isFutureTrip());
        t.startDate = QDate::currentDate().addYears(-1);
        t.endDate = t.startDate.addDays(2);
        const Trip past = trips.get(trips.create(t).id);
        QCOMPARE(past.durationDays(), 3);
        QVERIFY(!past.isFutureTrip());

        ConversationRepository conversations(*db, u.id);
        auto [conv, state] = conversations.ensureForTrip(saved.id);
        state.totalQuestions = 3;
        state.questionsAsked = 2;
        conversations.saveState(state);
        QCOMPARE(trips.open(saved.id).state->progressPercentage(), 66);
    }
};

QTEST_GUILESS_MAIN(TestTripOpenQueries)
#include "tst_trip_open_queries.moc"
