// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli chat: the same engine over stdin/stdout, as a user runs it.
#include "ConversationDump.h"
#include "FakeLlmServerThread.h"
#include "SecretScan.h"
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
    // A NUL byte or bytes that are not UTF-8 are refused, not cut or changed:
    // exit 1, the same words as elsewhere, nothing stored.
    void refusesInputItCannotStoreAsGiven_data() { test::addBackendRows(); }
    void refusesInputItCannotStoreAsGiven() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"erin"_s);
        Trip t;
        t.title = u"T"_s;
        t = TripRepository(*db, u.id).create(t);
        const QStringList args = {u"chat"_s, u"--user"_s, u"erin"_s, u"--trip"_s, QString::number(t.id)};
        const QString before = test::dumpConversationTables(*db);
        const auto nul = test::runCli(args, QByteArray("abc\0def ghi\n", 12), env(tmp));
        QCOMPARE(nul.exitCode, 1);
        QVERIFY2(nul.err.contains(u"contains a NUL character"_s), qPrintable(nul.err));
        QCOMPARE(test::dumpConversationTables(*db), before);
        const auto latin1 = test::runCli(args, "caf\xe9 au lait\n", env(tmp));
        QCOMPARE(latin1.exitCode, 1);
        QVERIFY2(latin1.err.contains(u"not valid UTF-8"_s), qPrintable(latin1.err));
        QCOMPARE(test::dumpConversationTables(*db), before);
    }

    // A reply with terminal control sequences (a retitle, a colour, a C1 CSI)
    // is printed with them escaped; newlines and tabs stay.
    void controlCharactersFromTheModelAreEscaped() {
        test::TempDatabase tmp(u"sqlite"_s);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"fay"_s);
        Trip t;
        t.title = u"T"_s;
        t = TripRepository(*db, u.id).create(t);
        test::FakeLlmServerThread server([](const test::RecordedRequest& r) {
            const QByteArray questions =
                "{\"questions\": [\"\\u001b]0;pwned\\u0007Budget?\\u001b[31m\\u009b2J\", "
                "\"When?\\tDates\", \"\\u009b2JHow long?\"]}";
            return test::FakeLlmServer::wrap(test::FakeLlmServer::Flavour::OpenAi, questions,
                                             r.body.contains("\"stream\":true"));
        });
        const auto r =
            test::runCli({u"chat"_s, u"--user"_s, u"fay"_s, u"--trip"_s, QString::number(t.id),
                          u"--provider"_s, u"openai"_s, u"--base-url"_s, server.baseUrl().toString()},
                         "A beach please\n", env(tmp));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString& text : {r.out, r.err}) {
            for (const QChar c : text)
                QVERIFY2(c == u'\n' || c == u'\t' ||
                             (c.unicode() >= 0x20 && c.unicode() != 0x7f &&
                              !(c.unicode() >= 0x80 && c.unicode() < 0xa0)),
                         qPrintable(
                             u"control character U+%1 printed"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'))));
        }
        QVERIFY2(r.out.contains(u"\\x1b]0;pwned\\x07"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"\\u009b2J"_s), qPrintable(r.out));
    }

    // A key given through the environment never shows in anything printed,
    // whatever fails: a refused key, a redirect, a server that echoes it back.
    void theKeyNeverShows() {
        test::TempDatabase tmp(u"sqlite"_s);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"gus"_s);
        Trip t;
        t.title = u"T"_s;
        t = TripRepository(*db, u.id).create(t);
        const QString key = u"sk-Full-Key-Mark-4421"_s;
        QStringList e = env(tmp);
        e.removeIf([](const QString& kv) { return kv.startsWith(u"TRIPPLANNER_LLM_API_KEY="_s); });
        e << u"TRIPPLANNER_LLM_API_KEY="_s + key;
        std::atomic<int> mode{0};
        test::FakeLlmServerThread server([&mode, key](const test::RecordedRequest&) {
            test::FakeResponse r;
            switch (mode.load()) {
            case 0: // a server that quotes the key it refuses, as some do
                r.status = 401;
                r.body = "{\"error\": {\"message\": \"Incorrect API key provided: " + key.toUtf8() + "\"}}";
                break;
            case 1:
                r.status = 307;
                r.headers << qMakePair(QByteArray("Location"),
                                       QByteArray("http://127.0.0.1:9/v1/chat/completions?key=") +
                                           key.toUtf8());
                break;
            default:
                r.status = 500;
                r.body = "{\"message\": \"upstream said " + key.toUtf8() + "\"}";
            }
            return r;
        });
        for (int m = 0; m < 3; ++m) {
            mode = m;
            for (const QString& provider : {u"openai"_s, u"gemini"_s}) {
                const auto r =
                    test::runCli({u"chat"_s, u"--user"_s, u"gus"_s, u"--trip"_s, QString::number(t.id),
                                  u"--provider"_s, provider, u"--base-url"_s, server.baseUrl().toString()},
                                 "A beach please\n", e);
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(test::secretPartIn(r.out + r.err, key).isEmpty(), qPrintable(r.err));
            }
        }
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
