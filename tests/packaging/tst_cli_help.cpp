// SPDX-License-Identifier: GPL-3.0-or-later
// Every `tripplanner-cli COMMAND --help` and `COMMAND VERB --help` works: exit 0,
// help on stdout, a usage line naming the program as a person types it (never
// the executable's full path), and nothing touches a database.
#include "TestBackends.h"
#include "config/BuildInfo.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using test::runCli;

class TestCliHelp : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    // No URL anywhere and an empty home: a --help that opened the database would create a file.
    QStringList env() const {
        return {u"DATABASE_URL="_s, u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s};
    }

    void expectHelp(const QStringList& args, const QString& usage) {
        const auto r = runCli(args, {}, env());
        const QString what = args.join(u' ');
        QVERIFY2(r.exitCode == 0,
                 qPrintable(what + u": exit "_s + QString::number(r.exitCode) + u" "_s + r.err));
        QVERIFY2(r.out.startsWith(usage), qPrintable(what + u": "_s + r.out.left(200)));
        QVERIFY2(!r.out.contains(QString::fromLocal8Bit(TP_CLI_PATH)), qPrintable(what + u": "_s + r.out));
        QVERIFY2(r.err.isEmpty(), qPrintable(what + u": "_s + r.err));
    }

private Q_SLOTS:
    void commandHelp_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("verbs");
        QTest::newRow("migrate") << u"migrate"_s << QStringList{};
        QTest::newRow("doctor") << u"doctor"_s << QStringList{};
        QTest::newRow("export") << u"export"_s << QStringList{};
        QTest::newRow("chat") << u"chat"_s << QStringList{};
        QTest::newRow("users") << u"users"_s << QStringList{u"add"_s, u"list"_s, u"delete"_s};
        QTest::newRow("trips") << u"trips"_s
                               << QStringList{u"list"_s, u"add"_s, u"show"_s, u"update"_s, u"delete"_s};
        QTest::newRow("destinations")
            << u"destinations"_s << QStringList{u"list"_s, u"search"_s, u"add"_s, u"locate"_s};
        QTest::newRow("config") << u"config"_s << QStringList{u"show"_s, u"set"_s, u"unset"_s};
        QTest::newRow("secret") << u"secret"_s << QStringList{u"set"_s, u"clear"_s};
        QTest::newRow("plan") << u"plan"_s
                              << QStringList{u"show"_s,   u"add"_s,    u"remove"_s, u"budget"_s,
                                             u"import"_s, u"export"_s, u"stage"_s,  u"suggest"_s};
    }
    void commandHelp() {
        QFETCH(QString, command);
        QFETCH(QStringList, verbs);
        expectHelp({command, u"--help"_s}, u"Usage: tripplanner-cli "_s + command);
        expectHelp({command, u"-h"_s}, u"Usage: tripplanner-cli "_s + command);
        for (const QString& verb : verbs) {
            // A group's help lists its verbs; each verb's help names group and verb.
            QVERIFY2(runCli({command, u"--help"_s}, {}, env()).out.contains(u"  "_s + verb),
                     qPrintable(command + u" --help lacks "_s + verb));
            // secret's and config's verbs are positionals of one parser: the usage names the verb too.
            expectHelp({command, verb, u"--help"_s}, u"Usage: tripplanner-cli "_s + command + u' ' + verb);
        }
        QVERIFY2(!QFile::exists(m_home.path() + u"/data/TripPlanner/tripplanner.sqlite3"_s),
                 "--help opened the database");
    }

    // plan add's kinds each have their own options.
    void planAddKinds() {
        for (const QString& kind : {u"stay"_s, u"leg"_s, u"activity"_s, u"cost"_s})
            expectHelp({u"plan"_s, u"add"_s, kind, u"--help"_s},
                       u"Usage: tripplanner-cli plan add "_s + kind);
    }

    // The top-level help lists every command, and an unknown one is still a usage error.
    void topLevel() {
        const auto r = runCli({u"--help"_s}, {}, env());
        QCOMPARE(r.exitCode, 0);
        for (const char* c : {"migrate", "doctor", "users", "trips", "destinations", "export", "chat",
                              "config", "secret", "plan"})
            QVERIFY2(r.out.contains(QLatin1StringView(c)), c);
        QCOMPARE(runCli({u"users"_s, u"frobnicate"_s}, {}, env()).exitCode, 2);
        QCOMPARE(runCli({u"frobnicate"_s, u"--help"_s}, {}, env()).exitCode, 2);
    }

    void version() {
        const auto r = runCli({u"--version"_s}, {}, env());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"tripplanner-cli "_s + QString::fromLatin1(build::Version));
    }
};

QTEST_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
