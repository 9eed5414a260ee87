// SPDX-License-Identifier: GPL-3.0-or-later
// The pooled path: PgBouncer in transaction mode (as Neon's "-pooler"
// endpoint) with many clients at once, in threads of one process and in
// several processes of the CLI. No prepared statement may leak across them.
#include "TestBackends.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace tp;

class TestPooling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void concurrentThreads() {
        test::TempDatabase tmp(u"pgbouncer"_s);
        tmp.connectMigrated();
        constexpr int Threads = 8; // more clients than the pool's 5 server connections
        constexpr int Millis = 4000;
        QMutex mutex;
        QStringList errors;
        int created[Threads] = {};
        Id userIds[Threads] = {};
        auto worker = [&](int n) {
            try {
                Database db(tmp.url());
                const User u = UserRepository(db).create(u"worker_%1"_s.arg(n));
                userIds[n] = u.id;
                TripRepository trips(db, u.id);
                ConversationRepository conversations(db, u.id);
                QElapsedTimer timer;
                timer.start();
                int i = 0;
                while (timer.elapsed() < Millis) {
                    Trip t;
                    t.title = u"w%1 trip %2 'quoted' \\ :x"_s.arg(n).arg(i);
                    t.budget = Decimal::fromUnits(n * 100000 + i, 2);
                    const Trip saved = trips.create(t);
                    ++i;
                    created[n] = i;
                    if (trips.get(saved.id).title != t.title)
                        throw std::runtime_error("read back a different title");
                    if (trips.count() != i)
                        throw std::runtime_error("count does not match the trips written");
                    if (i % 5 == 0) {
                        const Conversation c = conversations.ensureForTrip(saved.id).first;
                        conversations.addMessage(c.id, true, u"hello from %1"_s.arg(n));
                        if (trips.open(saved.id).messageCount != 1)
                            throw std::runtime_error("open() did not see the message");
                    }
                }
            } catch (const std::exception& e) {
                QMutexLocker lock(&mutex);
                errors << u"thread %1: %2"_s.arg(n).arg(QString::fromUtf8(e.what()));
            }
        };
        std::vector<std::thread> threads;
        for (int n = 0; n < Threads; ++n)
            threads.emplace_back(worker, n);
        for (std::thread& t : threads)
            t.join();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));

        auto db = tmp.connect();
        int total = 0;
        for (int n = 0; n < Threads; ++n) {
            QVERIFY2(created[n] > 5, "a thread made almost no progress");
            QCOMPARE(TripRepository(*db, userIds[n]).count(), created[n]);
            total += created[n];
        }
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS n FROM api_trip"_s).first(), "n"), total);
        qInfo("%d trips written by %d threads through PgBouncer", total, Threads);
        // No statement was left prepared on any server connection.
        Database direct([&] {
            DatabaseUrl u = DatabaseUrl::parse(test::cluster().pgUrl);
            u.database = tmp.url().database;
            return u;
        }());
        QCOMPARE(
            col::integer(direct.query(u"SELECT count(*) AS n FROM pg_prepared_statements"_s).first(), "n"),
            0);
    }

    // Four tripplanner-cli processes adding trips at the same moment through PgBouncer.
    void concurrentCliProcesses() {
        const test::ProcessResult help = test::runCli({u"--help"_s});
        QVERIFY2(help.exitCode == 0, "tripplanner-cli --help does not exit 0: the CLI is not ready");

        test::TempDatabase tmp(u"pgbouncer"_s);
        Id alice = 0;
        {
            auto db = tmp.connectMigrated();
            alice = UserRepository(*db).create(u"alice"_s).id;
        }
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DATABASE_URL"_s, tmp.url().toString());
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.path() + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home.path() + u"/data"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home.path() + u"/cache"_s);

        constexpr int Processes = 4;
        QList<QProcess*> procs;
        for (int i = 0; i < Processes; ++i) {
            auto* p = new QProcess(this);
            p->setProcessEnvironment(env);
            p->start(QStringLiteral(TP_CLI_PATH), {u"trips"_s, u"add"_s, u"--user"_s, u"alice"_s,
                                                   u"--title"_s, u"Process %1's trip"_s.arg(i)});
            procs << p;
        }
        QStringList problems;
        for (int i = 0; i < Processes; ++i) {
            QProcess* p = procs[i];
            if (!p->waitForFinished(120000))
                p->kill();
            if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
                problems << u"process %1 exit %2: %3"_s.arg(i)
                                .arg(p->exitCode())
                                .arg(QString::fromUtf8(p->readAllStandardError()).trimmed());
            delete p;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        auto db = tmp.connect();
        QStringList titles;
        for (const Trip& t : TripRepository(*db, alice).list())
            titles << t.title;
        titles.sort();
        QStringList expected;
        for (int i = 0; i < Processes; ++i)
            expected << u"Process %1's trip"_s.arg(i);
        QCOMPARE(titles, expected);
    }
};

QTEST_GUILESS_MAIN(TestPooling)
#include "tst_pooling.moc"
