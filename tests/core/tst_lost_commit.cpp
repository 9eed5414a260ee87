// SPDX-License-Identifier: GPL-3.0-or-later
// A connection lost while COMMIT is on its way: the outcome is unknown, and
// that is what the caller is told (Error::Kind::OutcomeUnknown), never
// "nothing saved". A conversation turn then reads its state again to find out.
// COMMIT is made slow by a deferred constraint trigger that sleeps, and the
// backend is killed while it runs, direct and through PgBouncer.
#include "TestBackends.h"
#include "conversation/ConversationEngine.h"
#include "conversation/OfflinePlanner.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

// Every row written to `table` makes COMMIT sleep a second.
void slowCommitOn(Database& db, const QString& table) {
    db.execute(u"CREATE OR REPLACE FUNCTION tp_slow_commit() RETURNS trigger LANGUAGE plpgsql AS "
               u"$$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$"_s);
    db.execute(u"CREATE CONSTRAINT TRIGGER tp_slow_commit AFTER INSERT OR UPDATE ON "_s + table +
               u" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tp_slow_commit()"_s);
}

// On its own thread: terminates the backend of `database` that is running COMMIT.
class CommitKiller {
public:
    explicit CommitKiller(QString database)
        : m_thread([this, database = std::move(database)] { run(database); }) {}
    ~CommitKiller() {
        m_stop = true;
        m_thread.join();
    }
    bool killed() const { return m_killed; }

private:
    void run(const QString& database) {
        Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
        QElapsedTimer t;
        t.start();
        while (!m_stop && t.elapsed() < 30000) {
            const SqlRows r = admin.query(u"SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity "
                                          u"WHERE datname = :d AND state = 'active' AND query = 'COMMIT'"_s,
                                          {{u"d"_s, database}});
            if (!r.isEmpty()) {
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

} // namespace

class TestLostCommit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lostCommitIsOutcomeUnknown_data() { test::addPostgresBackendRows(); }
    void lostCommitIsOutcomeUnknown() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE t (id integer PRIMARY KEY)"_s);
        slowCommitOn(*db, u"t"_s);
        {
            CommitKiller killer(tmp.url().database);
            try {
                db->transaction([&] { db->execute(u"INSERT INTO t VALUES (1)"_s); });
                QFAIL("a COMMIT whose connection was killed reported success");
            } catch (const Error& e) {
                QVERIFY2(e.kind() == Error::Kind::OutcomeUnknown,
                         qPrintable(kindName(e.kind()) + u": "_s + e.message()));
                QVERIFY2(e.message().contains(u"not known"_s), qPrintable(e.message()));
            }
        }
        QVERIFY(!db->inTransaction());
        // The connection comes back for the next statement.
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS n FROM t"_s).first(), "n"), 0);
    }

    // A turn whose COMMIT is lost reads the conversation again: here the
    // kill stopped the commit, so the turn is reported as not saved (a
    // Connection error the user can retry), and nothing of it is there.
    void lostTurnCommitIsCheckedAgain_data() { test::addPostgresBackendRows(); }
    void lostTurnCommitIsCheckedAgain() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        Trip t;
        t.title = u"Somewhere"_s;
        const Trip trip = TripRepository(*db, u.id).create(t);
        conversation::OfflinePlanner planner;
        conversation::ConversationEngine engine(*db, u.id, planner);
        engine.submit(trip.id, u"Hello"_s); // the conversation exists
        slowCommitOn(*db, u"destination_search_message"_s);
        const int before = int(ConversationRepository(*db, u.id)
                                   .messages(ConversationRepository(*db, u.id).findForTrip(trip.id)->id)
                                   .size());
        {
            CommitKiller killer(tmp.url().database);
            try {
                engine.submit(trip.id, u"Somewhere warm by the sea"_s);
                QFAIL("a turn whose COMMIT was killed reported success");
            } catch (const Error& e) {
                QVERIFY2(e.kind() == Error::Kind::Connection,
                         qPrintable(kindName(e.kind()) + u": "_s + e.message()));
                QVERIFY2(e.message().contains(u"not saved"_s), qPrintable(e.message()));
            }
        }
        ConversationRepository conversations(*db, u.id);
        QCOMPARE(int(conversations.messages(conversations.findForTrip(trip.id)->id).size()), before);
    }
};

QTEST_GUILESS_MAIN(TestLostCommit)
#include "tst_lost_commit.moc"
