// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationTableModel.h"
#include "MessageListModel.h"
#include "PlanningStagesModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

// The models over a real database through the worker thread, each watched by
// QAbstractItemModelTester while it loads pages, re-queries and changes rows.
class TestUiModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<tp::Trip>(); }

    void workerReportsValuesAndErrors_data() { addRows(); }
    void workerReportsValuesAndErrors() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        DatabaseService service(tmp.url(), 0);
        QTRY_COMPARE(service.state(), DatabaseService::State::Connected);
        std::optional<Result<int>> got;
        QObject context;
        service.post<int>(
            &context, [](Database& db) { return int(db.query(u"SELECT 41 + 1 AS n"_s).size()); },
            [&](Result<int> r) { got = std::move(r); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->ok());
        QCOMPARE(got->value(), 1);
        std::optional<Result<void>> failed;
        service.post<void>(
            &context, [](Database& db) { TripRepository(db, 999).remove(12345); },
            [&](Result<void> r) { failed = std::move(r); });
        QTRY_VERIFY(failed.has_value());
        QVERIFY(!failed->ok());
        QCOMPARE(failed->error().kind, Error::Kind::NotFound);
        // An exception that is not ours becomes a sentence, never its raw text ("std::bad_alloc").
        std::optional<Result<int>> foreign;
        service.post<int>(
            &context, [](Database&) -> int { throw std::bad_alloc(); },
            [&](Result<int> r) { foreign = std::move(r); });
        QTRY_VERIFY(foreign.has_value());
        QVERIFY(!foreign->ok());
        QVERIFY2(!foreign->error().message.contains(u"alloc"_s), qPrintable(foreign->error().message));
        QVERIFY(foreign->error().message.contains(u"internal error"_s));
        // A destroyed context drops its callback.
        bool called = false;
        auto* gone = new QObject;
        service.post<int>(
            gone, [](Database&) { return 1; }, [&](Result<int>) { called = true; });
        delete gone;
        std::optional<Result<int>> after;
        service.post<int>(
            &context, [](Database&) { return 2; }, [&](Result<int> r) { after = std::move(r); });
        QTRY_VERIFY(after.has_value());
        QVERIFY(!called);
        QSignalSpy latency(&service, &DatabaseService::latencyMeasured);
        service.pingNow();
        QTRY_VERIFY(!latency.isEmpty());
    }

    void tripModelPagesSortsAndChanges_data() { addRows(); }
    void tripModelPagesSortsAndChanges() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id user = 0;
        {
            auto db = tmp.connectMigrated();
            user = UserRepository(*db).create(u"pager"_s).id;
            TripRepository trips(*db, user);
            db->transaction([&] {
                for (int i = 0; i < 230; ++i) {
                    Trip t;
                    t.title = u"Trip %1"_s.arg(i, 3, 10, QChar(u'0'));
                    t.status = i % 10 == 0 ? u"booked"_s : u"planning"_s;
                    t.startDate = QDate(2030, 1, 1).addDays(i);
                    t.endDate = t.startDate.addDays(i % 7);
                    trips.create(t);
                }
            });
        }
        DatabaseService service(tmp.url(), 0);
        TripListModel model(&service);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(100);
        model.setUserId(user);
        QTRY_COMPARE(model.totalCount(), 230);
        // Pages of 100 (the model tester itself fetches more as a view would).
        QVERIFY(model.rowCount() >= 100 && model.rowCount() % 100 == 0);
        QCOMPARE(model.tripAt(0).title, u"Trip 229"_s); // newest first
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 230);

        model.sort(TripListModel::TitleColumn, Qt::AscendingOrder);
        QTRY_COMPARE(model.tripAt(0).title, u"Trip 000"_s);
        QCOMPARE(model.tripAt(1).title, u"Trip 001"_s);

        TripFilter f;
        f.status = u"booked"_s;
        model.setFilter(f);
        QTRY_COMPARE(model.totalCount(), 23);
        QCOMPARE(model.rowCount(), 23);

        // Fine-grained changes: an insert is one row, not a reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        Trip draft;
        draft.title = u"AAA first"_s;
        draft.status = u"booked"_s;
        std::optional<Result<Trip>> created;
        model.createTrip(draft, [&](Result<Trip> r) { created = std::move(r); });
        QTRY_VERIFY(created.has_value());
        QVERIFY(created->ok());
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(model.tripAt(0).title, u"AAA first"_s);
        QCOMPARE(model.totalCount(), 24);

        Trip edited = created->value();
        edited.title = u"zzz last"_s;
        QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
        std::optional<Result<Trip>> updated;
        model.updateTrip(edited, [&](Result<Trip> r) { updated = std::move(r); });
        QTRY_VERIFY(updated.has_value());
        QVERIFY(updated->ok());
        QCOMPARE(moves.size(), 1);
        QCOMPARE(model.tripAt(model.rowCount() - 1).title, u"zzz last"_s);

        edited = updated->value();     // its new version (updated_at): a stale one is a conflict
        edited.status = u"planning"_s; // leaves the filter: removed from the view
        updated.reset();
        model.updateTrip(edited, [&](Result<Trip> r) { updated = std::move(r); });
        QTRY_VERIFY(updated.has_value());
        QCOMPARE(model.rowCount(), 23);
        QCOMPARE(resets.size(), 0);

        // Bad input comes back as a validation error naming the field.
        Trip bad;
        std::optional<Result<Trip>> refused;
        model.createTrip(bad, [&](Result<Trip> r) { refused = std::move(r); });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error().kind, Error::Kind::Validation);
        QCOMPARE(refused->error().fieldErrors.first().field, u"title"_s);
    }

    void destinationModel_data() { addRows(); }
    void destinationModel() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        {
            auto db = tmp.connectMigrated();
            DestinationRepository repo(*db);
            for (const auto& [name, country] : {std::pair{u"Lisbon"_s, u"Portugal"_s},
                                                {u"Porto"_s, u"Portugal"_s},
                                                {u"Kyoto"_s, u"Japan"_s}}) {
                Destination d;
                d.name = name;
                d.country = country;
                repo.create(d);
            }
        }
        DatabaseService service(tmp.url(), 0);
        DestinationTableModel model(&service);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        model.load();
        QTRY_VERIFY(model.rowCount() >= 2);
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.destinationAt(0).name, u"Kyoto"_s);
        model.setSearchText(u"Portugal"_s);
        QTRY_COMPARE(model.rowCount(), 2);
        model.setSearchText({});
        QTRY_VERIFY(model.rowCount() >= 2);
        model.setPageSize(100);
        model.load();
        QTRY_COMPARE(model.rowCount(), 3);

        Destination dup;
        dup.name = u"Kyoto"_s;
        dup.country = u"Japan"_s;
        std::optional<Result<Destination>> r;
        model.createDestination(dup, [&](Result<Destination> x) { r = std::move(x); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error().kind, Error::Kind::Conflict);
        Destination fresh;
        fresh.name = u"Madeira"_s;
        fresh.country = u"Portugal"_s;
        r.reset();
        model.createDestination(fresh, [&](Result<Destination> x) { r = std::move(x); });
        QTRY_VERIFY(r.has_value());
        QVERIFY(r->ok());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.destinationAt(2).name, u"Madeira"_s);
        std::optional<Result<void>> removed;
        model.removeDestination(r->value().id, [&](Result<void> x) { removed = std::move(x); });
        QTRY_VERIFY(removed.has_value());
        QCOMPARE(model.rowCount(), 3);
    }

    void messageModel_data() { addRows(); }
    void messageModel() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id user = 0;
        Id conversation = 0;
        {
            auto db = tmp.connectMigrated();
            user = UserRepository(*db).create(u"talker"_s).id;
            Trip t;
            t.title = u"Chatty"_s;
            const Trip trip = TripRepository(*db, user).create(t);
            ConversationRepository repo(*db, user);
            conversation = repo.ensureForTrip(trip.id).first.id;
            db->transaction([&] {
                for (int i = 0; i < 250; ++i)
                    repo.addMessage(conversation, i % 2 == 0, u"message %1"_s.arg(i));
            });
        }
        DatabaseService service(tmp.url(), 0);
        MessageListModel model(&service);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUserId(user);
        model.setPageSize(100);
        model.setConversation(conversation);
        QTRY_COMPARE(model.totalCount(), 250);
        QVERIFY(model.rowCount() >= 100 && model.rowCount() % 100 == 0);
        QCOMPARE(model.data(model.index(0), MessageListModel::ContentRole).toString(), u"message 0"_s);
        QVERIFY(model.data(model.index(0), MessageListModel::IsUserRole).toBool());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.data(model.index(249), MessageListModel::ContentRole).toString(), u"message 249"_s);
        Message m;
        m.id = 999999;
        m.conversationId = conversation;
        m.content = u"new"_s;
        model.appendMessage(m);
        QCOMPARE(model.rowCount(), 251);
        model.setConversation(0);
        QCOMPARE(model.rowCount(), 0);

        // A first page read with the trip is shown as it is, and the rest
        // follows it page by page, each after the last row shown.
        QList<Message> firstTen;
        {
            auto db = tmp.connect();
            firstTen = ConversationRepository(*db, user).messages(conversation, 10);
        }
        model.setConversationPage(conversation, 250, firstTen);
        QCOMPARE(model.totalCount(), 250);
        QCOMPARE(model.messageAt(9).id, firstTen.last().id);
        // The tester asks for more as soon as the model is reset.
        QTRY_VERIFY(!model.isLoading());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading());
        }
        QCOMPARE(model.rowCount(), 250);
        for (int i = 0; i < 250; ++i)
            QCOMPARE(model.data(model.index(i), MessageListModel::ContentRole).toString(),
                     u"message %1"_s.arg(i));
    }

    void planningStagesModel() {
        PlanningStagesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 7);
        PlanningSession s;
        s.currentStage = u"flights"_s;
        s.stagesCompleted = {u"destination"_s, u"accommodation"_s};
        model.setSession(s);
        QCOMPARE(model.stateAt(0), PlanningStagesModel::StageState::Completed);
        QCOMPARE(model.stateAt(2), PlanningStagesModel::StageState::Current);
        QCOMPARE(model.stateAt(3), PlanningStagesModel::StageState::Pending);
        model.setSession(std::nullopt);
        QCOMPARE(model.stateAt(2), PlanningStagesModel::StageState::Pending);
    }

private:
    static void addRows() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
