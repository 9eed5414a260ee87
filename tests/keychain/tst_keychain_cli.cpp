// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli config show|set|unset and secret set|clear, against a real
// Secret Service and the same storage as the settings dialog.
#include "KeychainTestSupport.h"
#include "TestBackends.h"

#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace tp;

class TestCliConfig : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void showSetUnset();
    void refusesBadValues();
    void secretFromStdin();
    void secretNeverFromArguments();
    void apiKeyPerProvider();
    void cleanupTestCase();
};

void TestCliConfig::initTestCase() {
    QVERIFY2(SecretStore().probe().ok(), "run this test with with-secret-service.sh");
}

void TestCliConfig::showSetUnset() {
    test::ProcessResult r = test::runCli({u"config"_s, u"show"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"database.mode"_s) && r.out.contains(u"(embedded)"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(Settings().fileName()));
    QVERIFY(r.out.contains(u"database-password"_s) && r.out.contains(u"not set"_s));

    r = test::runCli({u"config"_s, u"set"_s, u"database.url"_s,
                      u"postgresql://bob@db.example.org:6543/trips?sslmode=require"_s});
    QCOMPARE(r.exitCode, 0);
    r = test::runCli({u"config"_s, u"set"_s, u"database.mode"_s, u"postgresql"_s});
    QCOMPARE(r.exitCode, 0);
    r = test::runCli({u"config"_s, u"set"_s, u"llm.provider"_s, u"gemini"_s});
    QCOMPARE(r.exitCode, 0);
    // The same storage as the app.
    QCOMPARE(Settings().database().mode, DatabaseMode::PostgreSql);
    QCOMPARE(DatabaseUrl::parse(Settings().database().postgresUrl).port, 6543);
    QCOMPARE(Settings().llm().provider, LlmProvider::Gemini);
    r = test::runCli({u"config"_s, u"show"_s});
    QVERIFY2(r.out.contains(u"db.example.org"_s), qPrintable(r.out));
    QVERIFY(r.out.contains(u"gemini-2.5-flash"_s)); // the default model is shown as such

    r = test::runCli({u"config"_s, u"unset"_s, u"llm.provider"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(Settings().llm().provider, LlmProvider::Offline);

    // The map's online services: on, with their default servers, until changed.
    r = test::runCli({u"config"_s, u"show"_s});
    QVERIFY2(r.out.contains(u"map.online-tiles"_s) && r.out.contains(u"tile.openstreetmap.org"_s) &&
                 r.out.contains(u"nominatim.openstreetmap.org"_s),
             qPrintable(r.out));
    QCOMPARE(test::runCli({u"config"_s, u"set"_s, u"map.online-tiles"_s, u"off"_s}).exitCode, 0);
    QVERIFY(!Settings().map().onlineTiles);
    r = test::runCli({u"config"_s, u"set"_s, u"map.tile-url"_s, u"https://tiles.example.org/tile.png"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"{z}"_s), qPrintable(r.err));
    QCOMPARE(test::runCli({u"config"_s, u"unset"_s, u"map.online-tiles"_s}).exitCode, 0);
    QVERIFY(Settings().map().onlineTiles);
}

void TestCliConfig::refusesBadValues() {
    test::ProcessResult r = test::runCli({u"config"_s, u"set"_s, u"database.mode"_s, u"oracle"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"embedded or postgresql"_s));
    r = test::runCli({u"config"_s, u"set"_s, u"no.such"_s, u"x"_s});
    QCOMPARE(r.exitCode, 1);
    r = test::runCli({u"config"_s, u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    // A URL with a password is refused and the password goes nowhere.
    const QString argPassword = u"pw-given-as-argument-123"_s;
    r = test::runCli(
        {u"config"_s, u"set"_s, u"database.url"_s, u"postgresql://bob:"_s + argPassword + u"@h/db"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"never stored in the settings"_s), qPrintable(r.err));
    QVERIFY(!r.err.contains(argPassword));
    QVERIFY(test::filesContaining(test::IsolatedHome::root(), argPassword).isEmpty());
}

void TestCliConfig::secretFromStdin() {
    const QString secret = test::secretValue("-from-stdin");
    test::ProcessResult r =
        test::runCli({u"secret"_s, u"set"_s, u"database-password"_s}, (secret + u"\n"_s).toUtf8());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));
    const SecretStore store;
    SecretResult s = store.read(store.databasePasswordKey());
    QVERIFY(s.ok());
    QVERIFY(s.value == secret); // one trailing newline stripped

    r = test::runCli({u"config"_s, u"show"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"set (in the keychain)"_s));
    QVERIFY(!r.out.contains(secret) && !r.err.contains(secret));

    // Replaced, then cleared.
    const QString second = test::secretValue("-second");
    r = test::runCli({u"secret"_s, u"set"_s, u"database-password"_s}, second.toUtf8());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(store.read(store.databasePasswordKey()).value == second);
    r = test::runCli({u"secret"_s, u"clear"_s, u"database-password"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(store.read(store.databasePasswordKey()).status, SecretResult::Status::NotFound);

    // Nothing on stdin: refused.
    r = test::runCli({u"secret"_s, u"set"_s, u"database-password"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"stdin"_s));
}

void TestCliConfig::secretNeverFromArguments() {
    const QString inArgument = u"pw-as-an-argument-456"_s;
    test::ProcessResult r = test::runCli({u"secret"_s, u"set"_s, u"database-password"_s, inArgument});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.contains(inArgument) && !r.out.contains(inArgument));
    r = test::runCli({u"secret"_s, u"set"_s, u"database-password"_s, u"--value="_s + inArgument});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.contains(inArgument) && !r.out.contains(inArgument));
    const SecretStore store;
    QCOMPARE(store.read(store.databasePasswordKey()).status, SecretResult::Status::NotFound);
    r = test::runCli({u"secret"_s, u"set"_s, u"no-such-secret"_s}, "x");
    QCOMPARE(r.exitCode, 2);
}

void TestCliConfig::apiKeyPerProvider() {
    const QString key = test::secretValue("-openai");
    // The offline planner has no key: the provider must be named.
    test::ProcessResult r = test::runCli({u"secret"_s, u"set"_s, u"llm-api-key"_s}, key.toUtf8());
    QCOMPARE(r.exitCode, 2);
    r = test::runCli({u"secret"_s, u"set"_s, u"llm-api-key"_s, u"--provider"_s, u"openai-compatible"_s},
                     key.toUtf8());
    QCOMPARE(r.exitCode, 0);
    const SecretStore store;
    QVERIFY(store.read(store.llmApiKeyKey(LlmProvider::OpenAiCompatible)).value == key);
    QCOMPARE(store.read(store.llmApiKeyKey(LlmProvider::Gemini)).status, SecretResult::Status::NotFound);
    // With the provider configured, it is the default.
    QCOMPARE(test::runCli({u"config"_s, u"set"_s, u"llm.provider"_s, u"openai-compatible"_s}).exitCode, 0);
    r = test::runCli({u"secret"_s, u"clear"_s, u"llm-api-key"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(store.read(store.llmApiKeyKey(LlmProvider::OpenAiCompatible)).status,
             SecretResult::Status::NotFound);
}

void TestCliConfig::cleanupTestCase() {
    const QStringList hits =
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
}

TP_ISOLATED_TEST_MAIN(TestCliConfig, QCoreApplication)
#include "tst_keychain_cli.moc"
