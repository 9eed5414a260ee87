// SPDX-License-Identifier: GPL-3.0-or-later
// No part of a password or an API key in anything the CLI prints, whatever
// the path: malformed URLs from every source, a hand-edited settings file, a
// server that cannot be reached. And settings are checked when read, with
// what was ignored said.
#include "SecretScan.h"
#include "TestBackends.h"
#include "db/ConnectionErrors.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using test::runCli;

namespace {
const QString Password = u"Full-Pw-Mark-78"_s;
const QString ApiKey = u"AIzaFull-Key-Mark-93"_s;
} // namespace

class TestSecretHygiene : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

    QStringList env(const QString& databaseUrl = {}) const {
        return {u"DATABASE_URL="_s + databaseUrl, u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s, u"TRIPPLANNER_LLM_API_KEY="_s};
    }
    QString settingsFile() const { return m_home.path() + u"/config/TripPlanner/TripPlanner.conf"_s; }
    // Written as another tool or a text editor would: not through Settings' checks.
    void writeSettings(const QList<std::pair<QString, QString>>& values) const {
        QFile::remove(settingsFile());
        QSettings s(settingsFile(), QSettings::IniFormat);
        for (const auto& [key, value] : values)
            s.setValue(u"profiles/default/"_s + key, value);
        s.sync();
    }
    static void expectNoSecret(const test::ProcessResult& r, const QString& what) {
        for (const QString& secret : {Password, ApiKey}) {
            const QString piece = test::secretPartIn(r.out + r.err, secret);
            QVERIFY2(piece.isEmpty(),
                     qPrintable(u"%1 printed \"%2\": %3 %4"_s.arg(what, piece, r.out, r.err)));
        }
    }

private Q_SLOTS:
    void init() { QFile::remove(settingsFile()); }

    // Characters QUrl rejects and unencoded @ / # ? in the password, through
    // every way a URL reaches the CLI.
    void malformedUrlsFromEverySource_data() {
        QTest::addColumn<QString>("url");
        QTest::newRow("space in the database name")
            << u"postgresql://alice:%1@127.0.0.1:55432/my db"_s.arg(Password);
        QTest::newRow("unencoded at") << u"postgresql://alice:13x@%1@127.0.0.1:55432/db"_s.arg(Password);
        QTest::newRow("unencoded hash") << u"postgresql://alice:13#%1@127.0.0.1:55432/db"_s.arg(Password);
        QTest::newRow("unencoded slash") << u"postgresql://alice:13/%1@127.0.0.1:1"_s.arg(Password);
        QTest::newRow("unencoded question mark")
            << u"postgresql://alice:13?%1@127.0.0.1:1/db"_s.arg(Password);
        QTest::newRow("bad character") << u"postgresql://alice:%1<>@127.0.0.1:1/db"_s.arg(Password);
        QTest::newRow("unknown option carrying it")
            << u"postgresql://alice@127.0.0.1:1/db?%1=1"_s.arg(Password);
    }
    void malformedUrlsFromEverySource() {
        QFETCH(QString, url);
        const auto fromEnv = runCli({u"trips"_s, u"list"_s}, {}, env(url));
        QCOMPARE_NE(fromEnv.exitCode, 0);
        expectNoSecret(fromEnv, u"DATABASE_URL"_s);
        const auto fromArgument = runCli({u"--database-url"_s, url, u"trips"_s, u"list"_s}, {}, env());
        QCOMPARE_NE(fromArgument.exitCode, 0);
        expectNoSecret(fromArgument, u"--database-url"_s);
        const auto fromConfig = runCli({u"config"_s, u"set"_s, u"database.url"_s, url}, {}, env());
        QCOMPARE_NE(fromConfig.exitCode, 0);
        expectNoSecret(fromConfig, u"config set"_s);
        const auto doctor = runCli({u"doctor"_s}, {}, env(url));
        expectNoSecret(doctor, u"doctor"_s);
    }

    // A settings file edited by hand: every value is checked as `config set`
    // checks it; what is ignored is said, without repeating the value.
    void settingsAreCheckedWhenRead() {
        writeSettings({{u"database.mode"_s, u"bogus"_s},
                       {u"llm.provider"_s, u"skynet"_s},
                       {u"llm.base-url"_s, u"http://127.0.0.1:1/v1?api_key=%1"_s.arg(ApiKey)},
                       {u"database.url"_s, u"postgresql://alice:%1@127.0.0.1:1/trips"_s.arg(Password)},
                       {u"map.online-tiles"_s, u"sometimes"_s}});
        const auto show = runCli({u"config"_s, u"show"_s}, {}, env());
        QCOMPARE(show.exitCode, 0);
        expectNoSecret(show, u"config show"_s);
        for (const QString& key : {u"database.mode"_s, u"llm.provider"_s, u"llm.base-url"_s,
                                   u"database.url"_s, u"map.online-tiles"_s})
            QVERIFY2(show.err.contains(u"warning: "_s + key), qPrintable(key + u": "_s + show.err));
        QVERIFY2(show.err.contains(u"contains a password"_s), qPrintable(show.err));
        // The URL is still shown, without its password; the rest at their defaults.
        QVERIFY2(show.out.contains(u"postgresql://alice@127.0.0.1:1/trips"_s), qPrintable(show.out));
        QVERIFY(show.out.contains(u"(embedded)"_s));
        QVERIFY(show.out.contains(u"(offline)"_s));

        // Used as a PostgreSQL server: the password in the file is not used, nor printed.
        writeSettings({{u"database.mode"_s, u"postgresql"_s},
                       {u"database.url"_s,
                        u"postgresql://alice:%1@127.0.0.1:1/trips?connect_timeout=3"_s.arg(Password)}});
        for (const QStringList& args : {QStringList{u"doctor"_s}, QStringList{u"trips"_s, u"list"_s},
                                        QStringList{u"config"_s, u"show"_s}}) {
            const auto r = runCli(args, {}, env());
            expectNoSecret(r, args.join(u' '));
            QVERIFY2(r.err.contains(u"contains a password"_s), qPrintable(r.err));
        }
    }

    // Messages built from what servers and drivers say: sentences, first line only.
    void serverMessagesAreSentences() {
        const DatabaseUrl url = DatabaseUrl::parse(u"postgresql://alice@db.example.com/trips"_s);
        const QString starting = describeConnectionError(u"connection to server at \"127.0.0.1\", port 5432 "
                                                         u"failed: FATAL:  the database system is starting "
                                                         u"up\nWARNING: some libpq warning"_s,
                                                         url);
        QVERIFY2(starting.contains(u"restarting"_s) && !starting.contains(u"FATAL"_s) &&
                     !starting.contains(u"WARNING"_s),
                 qPrintable(starting));
        const Error missing = classifyStatementError(
            u"42P01"_s, u"ERROR:  relation \"api_trip\" does not exist\nLINE 1: SELECT * FROM api_trip"_s,
            Dialect::Postgres);
        QCOMPARE(missing.kind(), Error::Kind::Schema);
        QVERIFY2(missing.message().contains(u"search_path"_s) && !missing.message().contains(u"LINE 1"_s),
                 qPrintable(missing.message()));
        const Error other =
            classifyStatementError(u"XX000"_s, u"ERROR:  something odd\nDETAIL: x"_s, Dialect::Postgres);
        QVERIFY2(other.message().contains(u"something odd"_s) && other.message().endsWith(u'.') &&
                     !other.message().contains(u"DETAIL"_s),
                 qPrintable(other.message()));
    }

    // The real server with the schema hidden by search_path: a sentence that names the cause.
    void wrongSearchPathIsExplained() {
        test::TempDatabase tmp(u"postgres"_s);
        tmp.connectMigrated();
        DatabaseUrl url = tmp.url();
        url.options.insert(u"options"_s, u"-c search_path=pg_catalog"_s);
        const auto r = runCli({u"trips"_s, u"list"_s, u"--user"_s, u"nobody"_s}, {}, env(url.toString()));
        QCOMPARE_NE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"search_path"_s), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secret_hygiene.moc"
