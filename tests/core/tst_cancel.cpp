// SPDX-License-Identifier: GPL-3.0-or-later
// Every statement can be cancelled from another thread, and quitting never
// waits for the server: a statement blocked on a lock that another connection
// holds is stopped by QueryCanceller::cancel(), by destroying the
// DatabaseService (the window's database thread) and by destroying the
// ConversationService (the planner's thread), on SQLite, PostgreSQL and
// PgBouncer. The lock stays held throughout, so nothing here passes by the
// lock going away. Also: the per-transaction statement and lock time limits.
#include "TestBackends.h"
#include "conversation/ConversationService.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

// Another connection holding a write lock until it goes: on PostgreSQL an
// ACCESS EXCLUSIVE lock on `table` (even reads wait), on SQLite the database's
// write lock (writers wait).
class LockHolder {
public:
    LockHolder(const test::TempDatabase& tmp, const QString& table)
        : m_db(tmp.connect()) {
        if (m_db->isPostgres()) {
            m_db->execute(u"BEGIN"_s);
            m_db->execute(u"LOCK TABLE "_s + table + u" IN ACCESS EXCLUSIVE MODE"_s);
        } else {
            m_db->execute(u"BEGIN IMMEDIATE"_s);
            m_db->execute(u"CREATE TABLE IF NOT EXISTS lock_holder (x integer)"_s);
        }
    }
    ~LockHolder() {
        try {
            m_db->execute(u"ROLLBACK"_s);
        } catch (const Error&) {
        }
    }
    // Still holding it (its transaction is open and its connection alive).
    bool holding() {
        try {
            m_db->query(u"SELECT 1"_s);
            return m_db->isOpen();
        } catch (const Error&) {
            return false;
        }
    }

private:
    std::unique_ptr<Database> m_db;
};

// PostgreSQL: true once a backend of the database waits for a lock.
int backendsWaitingOnLock(const test::TempDatabase& tmp) {
    Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
    return col::integer(admin
                            .query(u"SELECT count(*) AS n FROM pg_stat_activity WHERE datname = :d AND "
                                   u"wait_event_type = 'Lock'"_s,
                                   {{u"d"_s, tmp.url().database}})
                            .first(),
                        "n");
}

// Waits until the blocked statement is really waiting. SQLite shows no lock
// waits from outside: there the statement has been started (`started`) and is
// given a moment to reach its busy wait.
bool waitUntilBlocked(const test::TempDatabase& tmp, const std::atomic<bool>& started) {
    if (!QTest::qWaitFor([&] { return started.load(); }, 20000))
        return false;
    if (tmp.backend() == u"sqlite") {
        QTest::qWait(300);
        return true;
    }
    return QTest::qWaitFor([&] { return backendsWaitingOnLock(tmp) > 0; }, 20000);
}

Id makeUserWithTrip(Database& db, Id* tripId) {
    const User u = UserRepository(db).create(u"alice"_s);
    Trip t;
    t.title = u"Lisbon"_s;
    *tripId = TripRepository(db, u.id).create(t).id;
    return u.id;
}

} // namespace

class TestCancel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cancelBlockedStatement_data() { test::addBackendRows(); }
    void cancelBlockedStatement() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        tmp.connect()->execute(u"CREATE TABLE t (id integer)"_s);
        std::optional<LockHolder> lock;
        lock.emplace(tmp, u"t"_s);
        auto canceller = std::make_shared<QueryCanceller>();
        std::atomic<bool> started{false};
        std::atomic<int> outcome{-1};
        std::thread victim([&] {
            try {
                Database db(tmp.url(), canceller);
                db.open();
                started = true;
                db.execute(u"INSERT INTO t VALUES (1)"_s);
                outcome = 100;
            } catch (const Error& e) {
                outcome = int(e.kind());
            }
        });
        QVERIFY(waitUntilBlocked(tmp, started));
        QCOMPARE(outcome.load(), -1);
        canceller->cancel();
        const bool ended = QTest::qWaitFor([&] { return outcome.load() != -1; }, 5000);
        const bool held = lock->holding();
        if (!ended)
            lock.reset(); // let the thread finish before failing
        victim.join();
        QVERIFY2(held, "the lock went away: the test proves nothing");
        QVERIFY2(ended, "the blocked statement was not cancelled while the lock was held");
        QCOMPARE(Error::Kind(outcome.load()), Error::Kind::Cancelled);
        // On the server too the statement is gone (PQcancel), not left waiting.
        if (backend != u"sqlite")
            QTRY_COMPARE_WITH_TIMEOUT(backendsWaitingOnLock(tmp), 0, 5000);
    }

    // After cancel() every later statement fails at once, without a round
    // trip; reset() lets the connection work again (a new one is opened).
    void cancelIsStickyUntilReset_data() { test::addBackendRows(); }
    void cancelIsStickyUntilReset() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        QCOMPARE(col::integer(db->query(u"SELECT 1 AS n"_s).first(), "n"), 1);
        db->canceller()->cancel();
        try {
            db->query(u"SELECT 1 AS n"_s);
            QFAIL("a statement ran after cancel()");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        try {
            db->transaction([&] { db->execute(u"CREATE TABLE never (x integer)"_s); });
            QFAIL("a transaction ran after cancel()");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        db->canceller()->reset();
        QCOMPARE(col::integer(db->query(u"SELECT 1 AS n"_s).first(), "n"), 1);
    }

    // Quitting the window: ~DatabaseService while its job waits on a lock.
    void databaseServiceQuitsWhileBlocked_data() { test::addBackendRows(); }
    void databaseServiceQuitsWhileBlocked() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id tripId = 0;
        const Id userId = makeUserWithTrip(*tmp.connectMigrated(), &tripId);
        auto service = std::make_unique<DatabaseService>(tmp.url(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(service->state(), DatabaseService::State::Connected, 30000);
        LockHolder lock(tmp, u"api_trip"_s);
        std::atomic<bool> started{false};
        bool delivered = false;
        QObject context;
        service->post<int>(
            &context,
            [&, userId](Database& db) {
                started = true;
                Trip t;
                t.title = u"Blocked"_s;
                return int(TripRepository(db, userId).create(t).id);
            },
            [&](Result<int>) { delivered = true; });
        QVERIFY(waitUntilBlocked(tmp, started));
        QElapsedTimer timer;
        timer.start();
        service.reset();
        const qint64 ms = timer.elapsed();
        QVERIFY2(lock.holding(), "the lock went away: the test proves nothing");
        qInfo("~DatabaseService returned after %lld ms with the lock still held", ms);
        QVERIFY2(ms < 5000, qPrintable(u"quitting took %1 ms"_s.arg(ms)));
        QCoreApplication::processEvents();
        QVERIFY(!delivered); // the service is gone: nothing is delivered
        if (backend != u"sqlite")
            QTRY_COMPARE_WITH_TIMEOUT(backendsWaitingOnLock(tmp), 0, 5000);
    }

    // Quitting while the planner's turn waits on a lock: ~ConversationService.
    void conversationServiceQuitsWhileBlocked_data() { test::addBackendRows(); }
    void conversationServiceQuitsWhileBlocked() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id tripId = 0;
        const Id userId = makeUserWithTrip(*tmp.connectMigrated(), &tripId);
        auto service =
            std::make_unique<conversation::ConversationService>(tmp.url(), userId, llm::ProviderConfig{});
        // A first turn, so the thread's connection is open before the lock is taken.
        QSignalSpy done(service.get(), &conversation::ConversationService::turnCompleted);
        service->submit(tripId, u"Hello"_s);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        LockHolder lock(tmp, u"api_trip"_s);
        std::atomic<bool> started{true};
        service->submit(tripId, u"Somewhere warm"_s);
        QVERIFY(waitUntilBlocked(tmp, started));
        QElapsedTimer timer;
        timer.start();
        service.reset();
        const qint64 ms = timer.elapsed();
        QVERIFY2(lock.holding(), "the lock went away: the test proves nothing");
        qInfo("~ConversationService returned after %lld ms with the lock still held", ms);
        QVERIFY2(ms < 5000, qPrintable(u"quitting took %1 ms"_s.arg(ms)));
    }

    // The per-transaction limits: a lock waited for longer than lock_timeout
    // is a Conflict that says so; a statement longer than statement_timeout
    // is stopped with a message that says so.
    void transactionTimeouts_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgres") << u"postgres"_s;
        QTest::newRow("pgbouncer") << u"pgbouncer"_s;
    }
    void transactionTimeouts() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE t (id integer)"_s);
        db->setTimeouts(300, 200);
        {
            LockHolder lock(tmp, u"t"_s);
            try {
                db->transaction([&] { db->execute(u"INSERT INTO t VALUES (1)"_s); });
                QFAIL("waited on the lock past lock_timeout");
            } catch (const Error& e) {
                QVERIFY2(e.kind() == Error::Kind::Conflict, qPrintable(e.message()));
                QVERIFY2(e.message().contains(u"locked"_s), qPrintable(e.message()));
            }
        }
        try {
            db->transaction([&] { db->query(u"SELECT pg_sleep(5)"_s); });
            QFAIL("ran past statement_timeout");
        } catch (const Error& e) {
            QVERIFY2(e.kind() == Error::Kind::Cancelled, qPrintable(e.message()));
            QVERIFY2(e.message().contains(u"longer than"_s), qPrintable(e.message()));
        }
        // SET LOCAL: outside the transaction the limits are gone (no session state).
        QCOMPARE(col::text(db->query(u"SHOW statement_timeout"_s).first(), "statement_timeout"), u"0"_s);
        db->transaction([&] {
            QCOMPARE(col::text(db->query(u"SHOW lock_timeout"_s).first(), "lock_timeout"), u"200ms"_s);
        });
    }
};

QTEST_GUILESS_MAIN(TestCancel)
#include "tst_cancel.moc"
