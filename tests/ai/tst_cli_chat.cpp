// tripplanner-cli chat: the same engine over stdin/stdout, as a user runs it.
#include "ConversationDump.h"
#include "TestBackends.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

class TestCliChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

    QStringList env(const test::TempDatabase& db) const {
        return {u"DATABASE_URL="_s + db.url().toString(), u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s, u"TRIPPLANNER_LLM_API_KEY="_s};
    }

private Q_SLOTS:
    void chatToCommitment_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void chatToCommitment() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"carol"_s);
        Trip t;
        t.title = u"Summer"_s;
        t = TripRepository(*db, u.id).create(t);
        const QStringList args = {u"chat"_s, u"--user"_s, u"carol"_s, u"--trip"_s, QString::number(t.id)};

        // Everything the fixed questions ask is known: the three extra questions remain.
        const QByteArray input = "A beach holiday in July for 2 people, 7 days, budget $3000\n"
                                 "Comfort please\n\nNo long flights\nI loved Lisbon\n"
                                 "Let's go with the first one\n";
        const auto r = test::runCli(args, input, env(tmp));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"(1/3)"_s));
        QVERIFY(r.out.contains(u"1. **"_s));
        QVERIFY(r.out.contains(u"Great choice"_s));

        const Trip after = TripRepository(*db, u.id).get(t.id);
        QCOMPARE(after.status, u"destinations_selected"_s);
        QVERIFY(after.destinationId);
        ConversationRepository conversations(*db, u.id);
        const auto c = conversations.findForTrip(t.id);
        QCOMPARE(conversations.state(c->id)->currentStage, u"commitment_detected"_s);
        QCOMPARE(conversations.messageCount(c->id), 10);

        // An unreachable provider: exit 1, one clear line, nothing written.
        const QString before = test::dumpConversationTables(*db);
        const auto failed = test::runCli(
            args + QStringList{u"--provider"_s, u"openai"_s, u"--base-url"_s, u"http://127.0.0.1:9/v1"_s},
            "Tell me more\n", env(tmp));
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(u"Cannot reach"_s), qPrintable(failed.err));
        QCOMPARE(test::dumpConversationTables(*db), before);
    }
    void refusesBadArguments() {
        test::TempDatabase tmp(u"sqlite"_s);
        auto db = tmp.connectMigrated();
        UserRepository(*db).create(u"dave"_s);
        // A key is never accepted on the command line.
        QCOMPARE(
            test::runCli({u"chat"_s, u"--user"_s, u"dave"_s, u"--trip"_s, u"1"_s, u"--api-key"_s, u"x"_s}, {},
                         env(tmp))
                .exitCode,
            2);
        QCOMPARE(test::runCli({u"chat"_s, u"--user"_s, u"dave"_s}, {}, env(tmp)).exitCode, 2);
        QCOMPARE(test::runCli(
                     {u"chat"_s, u"--user"_s, u"dave"_s, u"--trip"_s, u"1"_s, u"--provider"_s, u"skynet"_s},
                     {}, env(tmp))
                     .exitCode,
                 2);
        // Gemini without a key: a clear error, nothing written.
        Trip t;
        t.title = u"T"_s;
        t = TripRepository(*db, UserRepository(*db).findByName(u"dave"_s)->id).create(t);
        const auto r = test::runCli({u"chat"_s, u"--user"_s, u"dave"_s, u"--trip"_s, QString::number(t.id),
                                     u"--provider"_s, u"gemini"_s},
                                    "hello\n", env(tmp));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"No API key"_s), qPrintable(r.err));
        QCOMPARE(test::runCli({u"chat"_s, u"--user"_s, u"dave"_s, u"--trip"_s, u"999"_s}, "hi\n", env(tmp))
                     .exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCliChat)
#include "tst_cli_chat.moc"
