// SPDX-License-Identifier: GPL-3.0-or-later
// SecretStore against a real Secret Service (run under with-secret-service.sh),
// Settings, the URL splitting helper, resolveDatabaseUrl and the embedded file copy.
#include "KeychainTestSupport.h"

#include "config/DatabaseLocation.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "db/Database.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QSettings>
#include <QThread>
#include <atomic>

using namespace Qt::StringLiterals;
using namespace tp;

class TestSecretStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keysNameAppAndProfile();
    void storeReadReplaceClear();
    void profilesAreSeparate();
    void worksFromWorkerThread();
    void sessionSecretOnlyInMemory();
    void asyncRoundTrip();
    void asyncSessionSecretFirst();
    void asyncNotAfterContextDeleted();
    void asyncFromWorkerThread();
    void splitsPastedUrl();
    void splitRejectsBadUrlWithoutEchoingIt();
    void settingsRoundTrip();
    void settingsRefuseAPassword();
    void resolvePrecedence();
    void copiesEmbeddedDatabase();
    void cleanupTestCase();

private:
    QString settingsFile() const { return Settings().fileName(); }
};

void TestSecretStore::initTestCase() {
    const SecretResult r = SecretStore().probe();
    QVERIFY2(r.ok(),
             qPrintable(u"No Secret Service: run this test with with-secret-service.sh. "_s + r.message));
    QVERIFY(settingsFile().startsWith(test::IsolatedHome::root()));
}

void TestSecretStore::keysNameAppAndProfile() {
    const SecretStore store;
    QCOMPARE(store.databasePasswordKey(), u"TripPlanner/default/database-password"_s);
    QCOMPARE(store.llmApiKeyKey(LlmProvider::Gemini), u"TripPlanner/default/llm-api-key/gemini"_s);
    QCOMPARE(SecretStore(u"work"_s).llmApiKeyKey(LlmProvider::OpenAiCompatible),
             u"TripPlanner/work/llm-api-key/openai-compatible"_s);
    QCOMPARE(SecretStore::nameFromId(u"database-password"_s), SecretName::DatabasePassword);
    QCOMPARE(SecretStore::nameFromId(u"llm-api-key"_s), SecretName::LlmApiKey);
    QVERIFY(!SecretStore::nameFromId(u"other"_s));
}

void TestSecretStore::storeReadReplaceClear() {
    const SecretStore store;
    const QString key = store.databasePasswordKey();
    const QString first = test::secretValue("-first-pässwörd");
    const QString second = test::secretValue("-second");

    QCOMPARE(store.read(key).status, SecretResult::Status::NotFound);
    QVERIFY(store.write(key, first).ok());
    SecretResult r = store.read(key);
    QVERIFY(r.ok());
    QVERIFY(!r.fromSession);
    QVERIFY(r.value == first); // QVERIFY, not QCOMPARE: a failure must not print the secret

    QVERIFY(store.write(key, second).ok());
    r = store.read(key);
    QVERIFY(r.ok());
    QVERIFY(r.value == second);

    QVERIFY(store.remove(key).ok());
    QCOMPARE(store.read(key).status, SecretResult::Status::NotFound);
    // Clearing what is not there is not an error (libsecret reports success, other backends NotFound).
    const SecretResult again = store.remove(key);
    QVERIFY(again.ok() || again.status == SecretResult::Status::NotFound);
}

void TestSecretStore::profilesAreSeparate() {
    const SecretStore a(u"default"_s);
    const SecretStore b(u"work"_s);
    QVERIFY(a.write(a.llmApiKeyKey(LlmProvider::Gemini), test::secretValue("-a")).ok());
    QCOMPARE(b.read(b.llmApiKeyKey(LlmProvider::Gemini)).status, SecretResult::Status::NotFound);
    QCOMPARE(a.read(a.llmApiKeyKey(LlmProvider::OpenAiCompatible)).status, SecretResult::Status::NotFound);
    QVERIFY(a.remove(a.llmApiKeyKey(LlmProvider::Gemini)).ok());
}

void TestSecretStore::worksFromWorkerThread() {
    const QString secret = test::secretValue("-from-a-worker");
    bool done = false;
    bool wrote = false;
    bool readBack = false;
    bool removed = false;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        const SecretStore store;
        const QString key = store.llmApiKeyKey(LlmProvider::OpenAiCompatible);
        wrote = store.write(key, secret).ok();
        const SecretResult r = store.read(key);
        readBack = r.ok() && r.value == secret;
        removed = store.remove(key).ok();
        done = true;
    }));
    thread->start();
    // The GUI thread keeps running its event loop meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 30000);
    thread->wait();
    QVERIFY(done);
    QVERIFY(wrote);
    QVERIFY(readBack);
    QVERIFY(removed);
}

void TestSecretStore::sessionSecretOnlyInMemory() {
    const SecretStore store;
    const QString key = store.llmApiKeyKey(LlmProvider::Gemini);
    const QString secret = test::secretValue("-session");
    SecretStore::setSessionSecret(key, secret);
    QVERIFY(SecretStore::hasSessionSecret(key));
    SecretResult r = store.read(key);
    QVERIFY(r.ok());
    QVERIFY(r.fromSession);
    QVERIFY(r.value == secret);
    // Not in the keychain.
    SecretStore::clearSessionSecret(key);
    QCOMPARE(store.read(key).status, SecretResult::Status::NotFound);
    // remove() forgets a session secret too.
    SecretStore::setSessionSecret(key, secret);
    QVERIFY(store.remove(key).ok());
    QVERIFY(!SecretStore::hasSessionSecret(key));
}

// The asynchronous API (the GUI's): never answered inside the call, the
// answer on the context's thread.
void TestSecretStore::asyncRoundTrip() {
    const SecretStore store;
    const QString key = store.llmApiKeyKey(LlmProvider::OpenAiCompatible);
    const QString secret = test::secretValue("-async");
    QObject context;
    bool answered = false;
    store.writeAsync(key, secret, &context, [&answered](const SecretResult&) { answered = true; });
    QVERIFY(!answered); // queued, not called from inside writeAsync
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);

    SecretResult r = test::readSecret(store, key);
    QVERIFY(r.ok());
    QVERIFY(!r.fromSession);
    QVERIFY(r.value == secret);
    QVERIFY(test::removeSecret(store, key).ok());
    QCOMPARE(test::readSecret(store, key).status, SecretResult::Status::NotFound);
    QVERIFY(test::probeKeychain(store).ok());
    // The synchronous API sees the same.
    QCOMPARE(store.read(key).status, SecretResult::Status::NotFound);
}

void TestSecretStore::asyncSessionSecretFirst() {
    const SecretStore store;
    const QString key = store.llmApiKeyKey(LlmProvider::Gemini);
    const QString inKeychain = test::secretValue("-kept");
    const QString inSession = test::secretValue("-session-async");
    QVERIFY(test::writeSecret(store, key, inKeychain).ok());
    SecretStore::setSessionSecret(key, inSession);
    SecretResult r = test::readSecret(store, key);
    QVERIFY(r.ok() && r.fromSession && r.value == inSession);
    // A write keeps it in the keychain and clears the session copy that would shadow it.
    QVERIFY(test::writeSecret(store, key, inKeychain).ok());
    QVERIFY(!SecretStore::hasSessionSecret(key));
    r = test::readSecret(store, key);
    QVERIFY(r.ok() && !r.fromSession && r.value == inKeychain);
    // Remove forgets both.
    SecretStore::setSessionSecret(key, inSession);
    QVERIFY(test::removeSecret(store, key).ok());
    QVERIFY(!SecretStore::hasSessionSecret(key));
    QCOMPARE(test::readSecret(store, key).status, SecretResult::Status::NotFound);
}

void TestSecretStore::asyncNotAfterContextDeleted() {
    const SecretStore store;
    const QString key = store.databasePasswordKey();
    int called = 0;
    auto* context = new QObject;
    store.readAsync(key, context, [&called](const SecretResult&) { ++called; });
    store.probeAsync(context, [&called](const SecretResult&) { ++called; });
    delete context;
    // A later job on a live context: when it is answered, the earlier ones were too.
    QVERIFY(test::probeKeychain(store).ok());
    QTest::qWait(100);
    QCOMPARE(called, 0);

    // A session answer (no job at all) is dropped the same way.
    SecretStore::setSessionSecret(key, test::secretValue("-dropped"));
    context = new QObject;
    store.readAsync(key, context, [&called](const SecretResult&) { ++called; });
    delete context;
    QTest::qWait(100);
    QCOMPARE(called, 0);
    SecretStore::clearSessionSecret(key);
}

// Called on a worker thread with a context living there: answered on that thread.
void TestSecretStore::asyncFromWorkerThread() {
    QThread thread;
    QObject context;
    context.moveToThread(&thread);
    thread.start();
    std::atomic<bool> onWorker = false;
    std::atomic<bool> answered = false;
    QMetaObject::invokeMethod(&context, [&] {
        SecretStore().probeAsync(&context, [&](const SecretResult& r) {
            onWorker = QThread::currentThread() == &thread;
            answered = r.ok();
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered.load(), 30000);
    QVERIFY(onWorker.load());
    thread.quit();
    thread.wait();
}

void TestSecretStore::splitsPastedUrl() {
    const UrlAndPassword split = splitPasswordFromUrl(
        u"postgresql://alice:p%40ss%3Aw0rd@ep-cool-1234-pooler.eu-central-1.aws.neon.tech/"
        u"neondb?sslmode=require"
        u"&channel_binding=require"_s);
    QCOMPARE(split.password, u"p@ss:w0rd"_s);
    QVERIFY(!split.url.contains(u"p%40ss"_s));
    QVERIFY(!split.url.contains(u"w0rd"_s));
    const DatabaseUrl url = DatabaseUrl::parse(split.url);
    QCOMPARE(url.user, u"alice"_s);
    QCOMPARE(url.host, u"ep-cool-1234-pooler.eu-central-1.aws.neon.tech"_s);
    QCOMPARE(url.database, u"neondb"_s);
    QCOMPARE(url.options.value(u"sslmode"_s), u"require"_s);
    QCOMPARE(url.options.value(u"channel_binding"_s), u"require"_s);
    QVERIFY(url.password.isEmpty());

    const UrlAndPassword none = splitPasswordFromUrl(u"postgres://bob@db.example.org:6543/trips"_s);
    QVERIFY(none.password.isEmpty());
    QCOMPARE(DatabaseUrl::parse(none.url).port, 6543);
}

void TestSecretStore::splitRejectsBadUrlWithoutEchoingIt() {
    const QString secret = test::secretValue("-in-a-bad-url");
    for (const QString& bad : QStringList{u"sqlite:///x.sqlite3"_s, u"postgresql://u:"_s + secret + u"@/db"_s,
                                          u"mysql://u:"_s + secret + u"@h/db"_s}) {
        try {
            splitPasswordFromUrl(bad);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Config);
            QVERIFY(!e.message().contains(secret));
        }
    }
}

void TestSecretStore::settingsRoundTrip() {
    {
        Settings s;
        QCOMPARE(s.database().mode, DatabaseMode::Embedded);
        QCOMPARE(s.llm().provider, LlmProvider::Offline);
        QCOMPARE(s.embeddedFile(), defaultDatabaseFile());
        s.setDatabase({DatabaseMode::PostgreSql,
                       u"postgresql://alice@db.example.org:5433/trips?sslmode=require"_s,
                       u"/tmp/elsewhere/trips.sqlite3"_s});
        s.setLlm({LlmProvider::Gemini, QString(), u"gemini-test"_s});
        s.sync();
    }
    Settings s;
    const DatabaseSettings db = s.database();
    QCOMPARE(db.mode, DatabaseMode::PostgreSql);
    QCOMPARE(DatabaseUrl::parse(db.postgresUrl).port, 5433);
    QCOMPARE(db.embeddedFile, u"/tmp/elsewhere/trips.sqlite3"_s);
    QCOMPARE(s.llm().provider, LlmProvider::Gemini);
    QCOMPARE(s.llm().effectiveModel(), u"gemini-test"_s);
    QCOMPARE(s.llm().effectiveBaseUrl(), u"https://generativelanguage.googleapis.com"_s);
    QCOMPARE(s.value(u"llm.provider"_s), u"gemini"_s);

    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"database.mode"_s, u"oracle"_s));
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"llm.provider"_s, u"skynet"_s));
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"no.such.key"_s, u"x"_s));
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"llm.base-url"_s, u"ftp://x"_s));
    QVERIFY_THROWS_EXCEPTION(Error, Settings(u"../evil"_s));

    // The map's online services: on by default, stored only when changed.
    QVERIFY(s.map().onlineTiles);
    QVERIFY(s.map().onlineGeocoding);
    QCOMPARE(s.map().effectiveTileUrl(), u"https://tile.openstreetmap.org/{z}/{x}/{y}.png"_s);
    QCOMPARE(s.map().effectiveGeocoderUrl(), u"https://nominatim.openstreetmap.org"_s);
    QCOMPARE(s.map().effectiveTileAttribution(), u"© OpenStreetMap contributors"_s);
    s.setMap({.onlineTiles = false,
              .tileUrl = u"http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png"_s,
              .tileAttribution = u"© Local tiles"_s,
              .onlineGeocoding = false,
              .geocoderUrl = u"http://127.0.0.1:8081/"_s});
    s.sync();
    QCOMPARE(Settings().map().onlineTiles, false);
    QCOMPARE(Settings().map().onlineGeocoding, false);
    QCOMPARE(Settings().map().effectiveGeocoderUrl(), u"http://127.0.0.1:8081"_s);
    QCOMPARE(Settings().map().effectiveTileAttribution(), u"© Local tiles"_s);
    QCOMPARE(s.value(u"map.online-tiles"_s), u"off"_s);
    s.setValue(u"map.online-tiles"_s, u"yes"_s);
    QVERIFY(s.map().onlineTiles);
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"map.online-tiles"_s, u"sometimes"_s));
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"map.tile-url"_s, u"https://tiles.example.org/tile.png"_s));
    QVERIFY_THROWS_EXCEPTION(Error, s.setValue(u"geocoding.url"_s, u"nominatim"_s));
    // A key in a URL would be a secret in a plain file: refused, and the error does not repeat it.
    try {
        s.setValue(u"map.tile-url"_s, u"https://tiles.example.org/{z}/{x}/{y}.png?key=s3cr3t-tile-key"_s);
        QFAIL("a tile URL with a key was accepted");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(u"API key"_s) && !e.message().contains(u"s3cr3t"_s),
                 qPrintable(e.message()));
    }
    QVERIFY_THROWS_EXCEPTION(Error,
                             s.setValue(u"geocoding.url"_s, u"https://n.example.org/?Access_Token=x"_s));
    s.setValue(u"map.tile-url"_s, u"https://tiles.example.org/{z}/{x}/{y}.png?style=bright"_s);
    s.setMap({});
    QVERIFY(s.value(u"map.tile-url"_s).isEmpty());

    for (const QString& key : Settings::keys())
        s.unset(key);
    s.sync();
    QCOMPARE(Settings().database().mode, DatabaseMode::Embedded);
}

void TestSecretStore::settingsRefuseAPassword() {
    const QString secret = test::secretValue("-not-for-settings");
    Settings s;
    try {
        s.setValue(u"database.url"_s, u"postgresql://alice:"_s + secret + u"@db.example.org/trips"_s);
        QFAIL("a URL with a password was accepted");
    } catch (const Error& e) {
        QVERIFY(!e.message().contains(secret));
    }
    try {
        s.setDatabase(
            {DatabaseMode::PostgreSql, u"postgresql://alice:"_s + secret + u"@db.example.org/trips"_s, {}});
        QFAIL("a URL with a password was accepted");
    } catch (const Error& e) {
        QVERIFY(!e.message().contains(secret));
    }
    QVERIFY_THROWS_EXCEPTION(
        Error, s.setValue(u"llm.base-url"_s, u"https://user:"_s + secret + u"@api.example/v1"_s));
    s.sync();
    QVERIFY(test::filesContaining(test::IsolatedHome::root(), secret).isEmpty());
}

void TestSecretStore::resolvePrecedence() {
    const SecretStore store;
    const QString password = test::secretValue("-resolved");

    // Nothing configured: the embedded default.
    ResolvedDatabaseUrl r = resolveDatabaseUrl();
    QCOMPARE(r.source, ResolvedDatabaseUrl::Source::Default);
    QCOMPARE(r.url.dialect, Dialect::Sqlite);
    QCOMPARE(r.url.database, defaultDatabaseFile());

    // An embedded file override.
    {
        Settings s;
        s.setValue(u"database.file"_s, u"/tmp/tp-override/trips.sqlite3"_s);
        s.sync();
    }
    r = resolveDatabaseUrl();
    QCOMPARE(r.source, ResolvedDatabaseUrl::Source::Settings);
    QCOMPARE(r.url.database, u"/tmp/tp-override/trips.sqlite3"_s);

    // PostgreSQL from the settings, the password from the keychain.
    {
        Settings s;
        s.setDatabase(
            {DatabaseMode::PostgreSql, u"postgresql://alice@db.example.org/trips?sslmode=require"_s, {}});
        s.sync();
    }
    r = resolveDatabaseUrl();
    QCOMPARE(r.source, ResolvedDatabaseUrl::Source::Settings);
    QVERIFY(r.url.password.isEmpty());
    QVERIFY(r.note.contains(u"No database password"_s));
    QVERIFY(store.write(store.databasePasswordKey(), password).ok());
    r = resolveDatabaseUrl();
    QCOMPARE(r.url.host, u"db.example.org"_s);
    QVERIFY(r.url.password == password);
    QVERIFY(r.note.isEmpty());

    // DATABASE_URL beats the settings; --database-url beats both.
    qputenv("DATABASE_URL", "postgresql://env@env.example.org/envdb");
    r = resolveDatabaseUrl();
    QCOMPARE(r.source, ResolvedDatabaseUrl::Source::Environment);
    QCOMPARE(r.url.host, u"env.example.org"_s);
    r = resolveDatabaseUrl(u"sqlite:////tmp/tp-cli/x.sqlite3"_s);
    QCOMPARE(r.source, ResolvedDatabaseUrl::Source::CommandLine);
    QCOMPARE(r.url.database, u"/tmp/tp-cli/x.sqlite3"_s);
    qunsetenv("DATABASE_URL");

    // Another profile sees none of it.
    QCOMPARE(resolveDatabaseUrl({}, u"other"_s).source, ResolvedDatabaseUrl::Source::Default);

    QVERIFY(store.remove(store.databasePasswordKey()).ok());
    Settings s;
    for (const QString& key : Settings::keys())
        s.unset(key);
    s.sync();
}

void TestSecretStore::copiesEmbeddedDatabase() {
    QTemporaryDir dir;
    const QString source = dir.filePath(u"a/trips.sqlite3"_s);
    const QString target = dir.filePath(u"b/moved.sqlite3"_s);
    {
        Database db(DatabaseUrl::sqliteFile(source));
        db.execute(u"CREATE TABLE t (x TEXT)"_s);
        db.execute(u"INSERT INTO t VALUES ('kept')"_s);
    }
    copyEmbeddedDatabase(source, target);
    QVERIFY(QFileInfo::exists(source));
    QVERIFY(QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(target + u".partial"_s));
    {
        Database db(DatabaseUrl::sqliteFile(target));
        const SqlRows rows = db.query(u"SELECT x FROM t"_s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(0).toString(), u"kept"_s);
    }
    QVERIFY_THROWS_EXCEPTION(Error, copyEmbeddedDatabase(source, target)); // exists
    QVERIFY_THROWS_EXCEPTION(Error,
                             copyEmbeddedDatabase(dir.filePath(u"missing.sqlite3"_s), dir.filePath(u"c"_s)));
}

void TestSecretStore::cleanupTestCase() {
    // No secret of this run in any file of the private home (settings included).
    const QStringList hits =
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
}

TP_ISOLATED_TEST_MAIN(TestSecretStore, QCoreApplication)
#include "tst_keychain_secretstore.moc"
