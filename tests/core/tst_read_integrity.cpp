// SPDX-License-Identifier: GPL-3.0-or-later
// A result is whole or it is an error. The server backend is killed
// (pg_terminate_backend from another connection) or the server restarted at
// many points of long reads, transactions and CLI exports, direct and through
// PgBouncer: every read returns all of its rows or throws, a transaction whose
// connection died never goes on outside it, and an export either succeeds with
// the complete document or fails with exit != 0 and no file.
#include "TestBackends.h"
#include "repo/UserRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

constexpr int BigRows = 200000;

void fillBigTable(Database& db) {
    db.execute(u"CREATE TABLE big (id integer PRIMARY KEY, body text NOT NULL)"_s);
    db.execute(u"INSERT INTO big SELECT g, repeat(md5(g::text), 2) FROM generate_series(1, :n) g"_s,
               {{u"n"_s, BigRows}});
}

// Waits (on its own thread, with its own admin connection) until a backend
// runs a statement containing `marker`, lets it run `delayMs` more, then
// terminates it. Stops when `stop` is set.
class Killer {
public:
    Killer(QString marker, int delayMs)
        : m_thread([this, marker = std::move(marker), delayMs] { run(marker, delayMs); }) {}
    ~Killer() {
        m_stop = true;
        m_thread.join();
    }
    bool killed() const { return m_killed; }

private:
    void run(const QString& marker, int delayMs) {
        Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
        QElapsedTimer t;
        t.start();
        while (!m_stop && t.elapsed() < 30000) {
            const SqlRows r = admin.query(u"SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                                          u"AND state = 'active' AND strpos(query, :m) > 0"_s,
                                          {{u"m"_s, marker}});
            if (!r.isEmpty()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(delayMs)); // the kill point
                admin.query(u"SELECT pg_terminate_backend(:p)"_s, {{u"p"_s, col::integer(r.first(), "pid")}});
                m_killed = true;
                return;
            }
            std::this_thread::yield();
        }
    }

    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_killed{false};
    std::thread m_thread;
};

bool completeBigRead(const SqlRows& rows) {
    if (rows.size() != BigRows)
        return false;
    qint64 sum = 0;
    for (const SqlRow& r : rows)
        sum += col::id(r, "id");
    return sum == qint64(BigRows) * (BigRows + 1) / 2;
}

} // namespace

class TestReadIntegrity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Inside a transaction nothing may be retried: every read killed half-way
    // must be an error, never a shorter list.
    void killedReadInTransaction_data() { test::addPostgresBackendRows(); }
    void killedReadInTransaction() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        fillBigTable(*db);
        QElapsedTimer t;
        t.start();
        QVERIFY(completeBigRead(db->query(u"SELECT id, body FROM big"_s)));
        const int fullMs = int(t.elapsed());
        constexpr int Points = 12;
        int failures = 0;
        for (int i = 0; i < Points; ++i) {
            const QString marker = u"kill_in_tx_%1"_s.arg(i);
            bool killed = false;
            try {
                SqlRows rows;
                {
                    Killer killer(marker, fullMs * i / Points);
                    rows = db->transaction(
                        [&] { return db->query(u"SELECT id, body, '%1' AS marker FROM big"_s.arg(marker)); });
                    killed = killer.killed();
                }
                QVERIFY2(completeBigRead(rows),
                         qPrintable(u"point %1: a read returned %2 of %3 rows as a success"_s.arg(i)
                                        .arg(rows.size())
                                        .arg(BigRows)));
            } catch (const Error& e) {
                ++failures;
                QVERIFY2(e.kind() == Error::Kind::Connection,
                         qPrintable(u"point %1: %2: %3"_s.arg(i).arg(kindName(e.kind()), e.message())));
                QVERIFY(!db->inTransaction());
            }
            Q_UNUSED(killed);
        }
        QVERIFY2(failures > 0, "no read was ever cut short: the test did not test anything");
        // The connection is usable afterwards.
        QVERIFY(completeBigRead(db->query(u"SELECT id, body FROM big"_s)));
    }

    // Outside a transaction a read may be retried, but only as a whole.
    void killedReadOutsideTransaction_data() { test::addPostgresBackendRows(); }
    void killedReadOutsideTransaction() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        fillBigTable(*db);
        QElapsedTimer t;
        t.start();
        QVERIFY(completeBigRead(db->query(u"SELECT id, body FROM big"_s)));
        const int fullMs = int(t.elapsed());
        constexpr int Points = 10;
        int killedCount = 0;
        for (int i = 0; i < Points; ++i) {
            const QString marker = u"kill_read_%1"_s.arg(i);
            try {
                SqlRows rows;
                {
                    Killer killer(marker, fullMs * i / Points);
                    rows = db->query(u"SELECT id, body, '%1' AS marker FROM big"_s.arg(marker));
                    killedCount += killer.killed() ? 1 : 0;
                }
                QVERIFY2(completeBigRead(rows),
                         qPrintable(u"point %1: a read returned %2 of %3 rows as a success"_s.arg(i)
                                        .arg(rows.size())
                                        .arg(BigRows)));
            } catch (const Error& e) {
                QVERIFY2(e.kind() == Error::Kind::Connection,
                         qPrintable(u"point %1: %2: %3"_s.arg(i).arg(kindName(e.kind()), e.message())));
            }
        }
        QVERIFY2(killedCount > 0, "no backend was ever killed: the test did not test anything");
    }

    // The body of a transaction catches the error of a statement whose
    // connection was killed and goes on: the later statements must not run
    // on a new connection outside the transaction, and the commit must fail.
    void noReconnectInsideTransaction_data() { test::addPostgresBackendRows(); }
    void noReconnectInsideTransaction() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE t (id integer PRIMARY KEY)"_s);
        Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
        const int reconnectsBefore = db->reconnectCount();
        bool swallowed = false;
        bool laterFailed = false;
        try {
            db->transaction([&] {
                db->execute(u"INSERT INTO t VALUES (1)"_s);
                const SqlRows killed =
                    admin.query(u"SELECT pid AS id, pg_terminate_backend(pid) AS ok FROM pg_stat_activity "
                                u"WHERE datname = :d AND pid <> pg_backend_pid()"_s,
                                {{u"d"_s, tmp.url().database}});
                QVERIFY(!killed.isEmpty());
                // pg_terminate_backend only signals: wait until the backends are gone.
                QVERIFY(QTest::qWaitFor(
                    [&] {
                        for (const SqlRow& r : killed)
                            if (col::integer(admin
                                                 .query(u"SELECT count(*) AS n FROM pg_stat_activity "
                                                        u"WHERE pid = :p"_s,
                                                        {{u"p"_s, col::id(r, "id")}})
                                                 .first(),
                                             "n") > 0)
                                return false;
                        return true;
                    },
                    10000));
                try {
                    db->execute(u"INSERT INTO t VALUES (2)"_s); // fails on the dead connection
                } catch (const Error&) {
                    swallowed = true;
                }
                try {
                    db->execute(u"INSERT INTO t VALUES (1000)"_s);
                } catch (const Error& e) {
                    laterFailed = e.kind() == Error::Kind::Connection;
                }
            });
            QFAIL("the transaction reported success although its connection was lost");
        } catch (const Error& e) {
            QVERIFY2(e.kind() == Error::Kind::Connection, qPrintable(e.message()));
        }
        QVERIFY(swallowed);
        QVERIFY2(laterFailed,
                 "a statement after the loss ran (on a new connection, outside the transaction)");
        QVERIFY(!db->inTransaction());
        QCOMPARE(db->reconnectCount(), reconnectsBefore);
        auto fresh = tmp.connect();
        QCOMPARE(col::integer(fresh->query(u"SELECT count(*) AS n FROM t"_s).first(), "n"), 0);
        // The next transaction starts on a new connection and works.
        db->transaction([&] { db->execute(u"INSERT INTO t VALUES (7)"_s); });
        QCOMPARE(col::integer(fresh->query(u"SELECT count(*) AS n FROM t"_s).first(), "n"), 1);
    }

    // tripplanner-cli export of a big user, the backend killed at many points
    // (and the server restarted at a few): complete file and exit 0, or
    // exit != 0 with a message and no file.
    void exportKilled_data() { test::addPostgresBackendRows(); }
    void exportKilled() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        constexpr int Trips = 600;
        constexpr int MessagesPerTrip = 50;
        {
            auto db = tmp.connectMigrated();
            const User u = UserRepository(*db).create(u"big"_s);
            db->transaction([&] {
                db->execute(u"INSERT INTO api_trip (title, status, travelers_count, created_at, updated_at, "
                            u"user_id) SELECT 'Trip ' || g, 'planning', 1, now() - g * interval '1 minute', "
                            u"now(), :u FROM generate_series(1, :n) g"_s,
                            {{u"u"_s, u.id}, {u"n"_s, Trips}});
                db->execute(u"INSERT INTO destination_search_tripconversation (created_at, trip_id) "
                            u"SELECT now(), id FROM api_trip"_s);
                db->execute(u"INSERT INTO destination_search_message (is_user, content, timestamp, "
                            u"conversation_id) SELECT g % 2 = 0, 'message ' || g || ' ' || repeat('x', 80), "
                            u"now() + g * interval '1 second', c.id FROM destination_search_tripconversation "
                            u"c, generate_series(1, :m) g"_s,
                            {{u"m"_s, MessagesPerTrip}});
            });
        }
        QTemporaryDir home;
        const QStringList env = {u"DATABASE_URL="_s + tmp.url().toString(), u"HOME="_s + home.path(),
                                 u"XDG_CONFIG_HOME="_s + home.path() + u"/config"_s,
                                 u"XDG_DATA_HOME="_s + home.path() + u"/data"_s};
        auto checkComplete = [&](const QString& path) -> bool {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QJsonArray trips =
                QJsonDocument::fromJson(f.readAll()).object().value(u"trips"_s).toArray();
            if (trips.size() != Trips)
                return false;
            for (const QJsonValue& t : trips)
                if (t[u"conversation"_s][u"messages"_s].toArray().size() != MessagesPerTrip)
                    return false;
            return true;
        };

        // Undisturbed, for the duration.
        const QString reference = home.path() + u"/reference.json"_s;
        QElapsedTimer timer;
        timer.start();
        const test::ProcessResult ok =
            test::runCli({u"export"_s, u"--user"_s, u"big"_s, u"--output"_s, reference}, {}, env);
        const int fullMs = int(timer.elapsed());
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(checkComplete(reference));

        Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
        constexpr int Points = 10;
        int failed = 0;
        for (int i = 0; i < Points; ++i) {
            const bool restart = i % 5 == 4; // a few server restarts among the kills
            const QString out = home.path() + u"/export-%1.json"_s.arg(i);
            QProcess p;
            QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
            for (const QString& kv : env)
                penv.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
            p.setProcessEnvironment(penv);
            p.start(QStringLiteral(TP_CLI_PATH), {u"export"_s, u"--user"_s, u"big"_s, u"--output"_s, out});
            QVERIFY(p.waitForStarted());
            // Wait until the export has a backend, then let it run to the kill point.
            QTRY_VERIFY_WITH_TIMEOUT(col::integer(admin
                                                      .query(u"SELECT count(*) AS n FROM pg_stat_activity "
                                                             u"WHERE datname = :d AND application_name = "
                                                             u"'tripplanner' AND pid <> pg_backend_pid()"_s,
                                                             {{u"d"_s, tmp.url().database}})
                                                      .first(),
                                                  "n") > 0 ||
                                         p.state() == QProcess::NotRunning,
                                     30000);
            std::this_thread::sleep_for(std::chrono::milliseconds(fullMs * i / Points)); // the kill point
            if (restart) {
                const test::ProcessResult r =
                    test::run(QStringLiteral(TP_PGCLUSTER_SCRIPT), {u"restart"_s, test::cluster().dir});
                QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            } else {
                try {
                    admin.query(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d "
                                u"AND pid <> pg_backend_pid()"_s,
                                {{u"d"_s, tmp.url().database}});
                } catch (const Error&) {
                }
            }
            QVERIFY(p.waitForFinished(120000));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            if (p.exitCode() == 0) {
                QVERIFY2(
                    checkComplete(out),
                    qPrintable(u"point %1: exit 0 with an incomplete export; stderr: %2"_s.arg(i).arg(err)));
            } else {
                ++failed;
                QVERIFY2(!QFile::exists(out), qPrintable(u"point %1: a failed export left a file"_s.arg(i)));
                QVERIFY2(!err.trimmed().isEmpty(), "a failed export said nothing");
            }
            QVERIFY2(!err.contains(u"no transaction in progress"_s), qPrintable(err));
            // A killed backend or a restart reads as a sentence: no raw server or libpq lines (issue 12).
            QVERIFY2(!err.contains(u"WARNING:"_s) && !err.contains(u"FATAL:"_s), qPrintable(err));
            // No temporary file left beside it either.
            const QStringList left = QDir(home.path()).entryList({u"export-%1*"_s.arg(i)}, QDir::Files);
            QVERIFY2(left.isEmpty() || (p.exitCode() == 0 && left.size() == 1),
                     qPrintable(left.join(u", "_s)));
        }
        qInfo("%d of %d disturbed exports failed cleanly, the rest were complete", failed, Points);
    }
};

QTEST_GUILESS_MAIN(TestReadIntegrity)
#include "tst_read_integrity.moc"
