// SPDX-License-Identifier: GPL-3.0-or-later
// A dropped connection: after the server restarts the next idempotent read
// succeeds on a new connection; a write inside a transaction whose connection
// is killed fails with kind Connection and leaves nothing behind; the next
// transaction reconnects at BEGIN.
#include "TestBackends.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

int tripCount(const test::TempDatabase& tmp) {
    auto fresh = tmp.connect();
    return col::integer(fresh->query(u"SELECT count(*) AS n FROM api_trip"_s).first(), "n");
}

// Terminates a server backend from an admin connection and waits until it is gone.
bool terminateBackend(qint64 pid) {
    Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
    if (!col::boolean(admin.query(u"SELECT pg_terminate_backend(:p) AS ok"_s, {{u"p"_s, pid}}).first(), "ok"))
        return false;
    return QTest::qWaitFor(
        [&] {
            return col::integer(admin
                                    .query(u"SELECT count(*) AS n FROM pg_stat_activity WHERE pid = :p"_s,
                                           {{u"p"_s, pid}})
                                    .first(),
                                "n") == 0;
        },
        10000);
}

} // namespace

class TestReconnect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readAfterServerRestart_data() { test::addPostgresBackendRows(); }
    void readAfterServerRestart() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        QCOMPARE(UserRepository(*db).list().size(), 1);
        const int reconnectsBefore = db->reconnectCount();

        const test::ProcessResult restart =
            test::run(QStringLiteral(TP_PGCLUSTER_SCRIPT), {u"restart"_s, test::cluster().dir});
        QVERIFY2(restart.exitCode == 0, qPrintable(restart.out + restart.err));

        // The next idempotent read goes through on a new connection.
        QList<User> users;
        try {
            users = UserRepository(*db).list();
        } catch (const Error& e) {
            QFAIL(qPrintable(u"read after restart failed (%1): %2"_s.arg(kindName(e.kind()), e.message())));
        }
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.first().id, u.id);
        // Direct, the client's connection died with the server and was reopened.
        // Behind PgBouncer the client's connection is to the pooler, which
        // survives the restart and reconnects to the server by itself.
        if (backend == u"postgres")
            QVERIFY2(
                db->reconnectCount() > reconnectsBefore,
                qPrintable(u"reconnectCount %1 -> %2"_s.arg(reconnectsBefore).arg(db->reconnectCount())));
        // And the connection keeps working for writes afterwards.
        Trip t;
        t.title = u"After the restart"_s;
        QVERIFY(TripRepository(*db, u.id).create(t).id > 0);
        QCOMPARE(tripCount(tmp), 1);
    }

    void writeInTransactionLosesConnection_data() { test::addPostgresBackendRows(); }
    void writeInTransactionLosesConnection() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        Trip t;
        t.title = u"Half-written"_s;

        bool secondStatementReached = false;
        try {
            db->transaction([&] {
                trips.create(t); // joins this transaction
                const qint64 pid = col::id(db->query(u"SELECT pg_backend_pid() AS id"_s).first(), "id");
                QVERIFY2(terminateBackend(pid), "could not terminate the server backend");
                secondStatementReached = true;
                t.title = u"Never saved"_s;
                trips.create(t);
            });
            QFAIL("the transaction committed although its connection was killed");
        } catch (const Error& e) {
            QVERIFY(secondStatementReached);
            QVERIFY2(e.kind() == Error::Kind::Connection,
                     qPrintable(u"kind %1: %2"_s.arg(kindName(e.kind()), e.message())));
        }
        QVERIFY(!db->inTransaction());
        QCOMPARE(tripCount(tmp), 0);

        // A transaction started after the loss reconnects at BEGIN and succeeds.
        const int reconnectsBefore = db->reconnectCount();
        t.title = u"Saved after reconnect"_s;
        Trip saved;
        try {
            saved = db->transaction([&] { return trips.create(t); });
        } catch (const Error& e) {
            QFAIL(qPrintable(
                u"transaction after the loss failed (%1): %2"_s.arg(kindName(e.kind()), e.message())));
        }
        QVERIFY(saved.id > 0);
        QVERIFY(db->reconnectCount() > reconnectsBefore);
        QCOMPARE(tripCount(tmp), 1);
        QCOMPARE(trips.list().size(), 1);
        QCOMPARE(trips.list().first().title, u"Saved after reconnect"_s);
    }

    // A connection killed while idle (a suspended Neon compute): the next read
    // outside a transaction is retried transparently, on a new server backend.
    void idleConnectionKilled_data() { test::addPostgresBackendRows(); }
    void idleConnectionKilled() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        UserRepository(*db).create(u"alice"_s);
        const qint64 pidBefore = col::id(db->query(u"SELECT pg_backend_pid() AS id"_s).first(), "id");
        const int reconnectsBefore = db->reconnectCount();

        // Kill every server backend of this database (behind PgBouncer the
        // client's backend is whichever the pool holds).
        Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
        const SqlRows killed = admin.query(
            u"SELECT pid AS id, pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = :d "
            u"AND pid <> pg_backend_pid()"_s,
            {{u"d"_s, tmp.url().database}});
        QList<qint64> killedPids;
        for (const SqlRow& r : killed) {
            QVERIFY(col::boolean(r, "ok"));
            killedPids.append(col::id(r, "id"));
        }
        QVERIFY2(
            killedPids.contains(pidBefore),
            qPrintable(u"the backend %1 serving the client was not among those killed"_s.arg(pidBefore)));
        // pg_terminate_backend only signals: wait until the backends are gone,
        // so that the read below meets a dead connection, not one still dying.
        const auto stillListed = [&] {
            int n = 0;
            for (qint64 pid : killedPids)
                n += col::integer(admin
                                      .query(u"SELECT count(*) AS n FROM pg_stat_activity WHERE pid = :p"_s,
                                             {{u"p"_s, pid}})
                                      .first(),
                                  "n");
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stillListed(), 0, 10000);

        try {
            QCOMPARE(UserRepository(*db).list().size(), 1);
        } catch (const Error& e) {
            QFAIL(qPrintable(u"read after the idle connection was killed failed (%1): %2"_s.arg(
                kindName(e.kind()), e.message())));
        }
        // Direct, the client's own connection died and the read reopened it.
        // Behind PgBouncer the client's connection is to the pooler, which
        // replaces the server connection by itself.
        if (backend == u"postgres")
            QVERIFY2(
                db->reconnectCount() > reconnectsBefore,
                qPrintable(u"reconnectCount %1 -> %2"_s.arg(reconnectsBefore).arg(db->reconnectCount())));
        const qint64 pidAfter = col::id(db->query(u"SELECT pg_backend_pid() AS id"_s).first(), "id");
        QVERIFY2(!killedPids.contains(pidAfter),
                 qPrintable(u"still served by the killed backend %1"_s.arg(pidAfter)));
    }
};

QTEST_GUILESS_MAIN(TestReconnect)
#include "tst_reconnect.moc"
