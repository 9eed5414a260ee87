// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionProbe against the suite's PostgreSQL (direct and through
// PgBouncer) and a second, TLS-only server (tlspg.sh): every failure kind in
// words, and what a reachable server reports.
#include "TestBackends.h"

#include "config/ConnectionProbe.h"
#include "db/Migrator.h"

#include <QCoreApplication>
#include <QFile>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

DatabaseUrl tlsServerUrl() {
    QFile f(QStringLiteral(TP_TLSPG_ENV));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("The TLS-only test server is not running (%s missing): run the test with ctest.",
               TP_TLSPG_ENV);
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("TP_TLS_PG_URL="))
            return DatabaseUrl::parse(QString::fromUtf8(line.mid(14)));
    qFatal("TP_TLS_PG_URL missing from %s", TP_TLSPG_ENV);
}

int closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const int port = server.serverPort();
    server.close();
    return port;
}

ProbeResult probe(const DatabaseUrl& url) {
    ConnectionProbe p(url);
    p.setConnectTimeout(10);
    return p.run();
}

} // namespace

class TestConnectionProbe : public QObject {
    Q_OBJECT
private slots:
    void reachableDirectEmptyThenCurrent();
    void olderAndNewerSchema();
    void pooledThroughPgBouncer();
    void wrongPassword();
    void missingDatabase();
    void closedPort();
    void unknownHost();
    void tlsRequired();
    void tlsOn();
    void embeddedFile();
};

void TestConnectionProbe::reachableDirectEmptyThenCurrent() {
    test::TempDatabase temp(u"postgres"_s);
    ProbeResult r = probe(temp.url());
    QVERIFY2(r.reachable, qPrintable(r.error));
    QVERIFY2(r.serverVersion.startsWith(u"PostgreSQL 15"_s), qPrintable(r.serverVersion));
    QCOMPARE(r.tls, std::optional<bool>(false));
    QVERIFY(!r.pooled);
    QVERIFY(r.latencyMs >= 0);
    QVERIFY(r.connectMs >= 0);
    QCOMPARE(r.schema, ProbeResult::Schema::Empty);
    QVERIFY2(r.summary().contains(u"TLS: off"_s), qPrintable(r.summary()));
    QVERIFY(r.summary().contains(u"Endpoint: direct"_s));
    QVERIFY(r.summary().contains(u"the database is empty"_s));

    temp.connectMigrated();
    r = probe(temp.url());
    QCOMPARE(r.schema, ProbeResult::Schema::Current);
    QCOMPARE(r.schemaVersion, r.appSchemaVersion);
    QVERIFY2(r.summary().contains(u"up to date"_s), qPrintable(r.summary()));
}

void TestConnectionProbe::olderAndNewerSchema() {
    test::TempDatabase temp(u"postgres"_s);
    auto db = temp.connectMigrated();
    const QString table = QString::fromLatin1(Migrator::BookkeepingTable);
    const int latest = Migrator::available(Dialect::Postgres).last().version;
    QVERIFY(latest >= 2);
    db->execute(u"DELETE FROM "_s + table + u" WHERE version = "_s + QString::number(latest));
    ProbeResult r = probe(temp.url());
    QCOMPARE(r.schema, ProbeResult::Schema::Older);
    QCOMPARE(r.pendingMigrations, 1);
    QVERIFY2(r.schemaText().contains(u"older than this app"_s), qPrintable(r.schemaText()));
    QVERIFY(r.schemaText().contains(u"migrated now"_s));

    db->execute(u"INSERT INTO "_s + table +
                u" (version, name, applied_at) VALUES (999, '0999_future', now())"_s);
    r = probe(temp.url());
    QCOMPARE(r.schema, ProbeResult::Schema::Newer);
    QVERIFY2(r.schemaText().contains(u"newer than this app"_s), qPrintable(r.schemaText()));
}

void TestConnectionProbe::pooledThroughPgBouncer() {
    test::TempDatabase temp(u"pgbouncer"_s);
    const ProbeResult r = probe(temp.url());
    QVERIFY2(r.reachable, qPrintable(r.error));
    QVERIFY(r.pooled);
    QVERIFY2(r.poolingReason.contains(u"PgBouncer"_s), qPrintable(r.poolingReason));
    QVERIFY(r.summary().contains(u"Endpoint: pooled"_s));
    QCOMPARE(r.schema, ProbeResult::Schema::Empty);

    DatabaseUrl neon = DatabaseUrl::parse(u"postgresql://a@ep-x-1-pooler.eu-central-1.aws.neon.tech/db"_s);
    QVERIFY(neon.looksPooled());
}

void TestConnectionProbe::wrongPassword() {
    DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
    url.password = u"certainly-not-the-password"_s;
    const ProbeResult r = probe(url);
    QVERIFY(!r.reachable);
    QCOMPARE(r.failure, std::optional(ConnectFailure::WrongPassword));
    QVERIFY2(r.error.contains(u"rejected the user name or password"_s), qPrintable(r.error));
    QVERIFY(!r.error.contains(url.password));
    QVERIFY(r.summary().startsWith(u"Not reachable."_s));
}

void TestConnectionProbe::missingDatabase() {
    DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
    url.database = u"tp_no_such_database"_s;
    const ProbeResult r = probe(url);
    QVERIFY(!r.reachable);
    QCOMPARE(r.failure, std::optional(ConnectFailure::DatabaseMissing));
    QVERIFY2(r.error.contains(u"has no database named \"tp_no_such_database\""_s), qPrintable(r.error));
}

void TestConnectionProbe::closedPort() {
    DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
    url.port = ::closedPort();
    const ProbeResult r = probe(url);
    QVERIFY(!r.reachable);
    QCOMPARE(r.failure, std::optional(ConnectFailure::Refused));
    QVERIFY2(r.error.contains(u"Nothing accepted the connection"_s), qPrintable(r.error));
}

void TestConnectionProbe::unknownHost() {
    DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
    url.host = u"no-such-host.invalid"_s;
    const ProbeResult r = probe(url);
    QVERIFY(!r.reachable);
    QCOMPARE(r.failure, std::optional(ConnectFailure::HostNotFound));
    QVERIFY2(r.error.contains(u"could not be found"_s), qPrintable(r.error));
}

void TestConnectionProbe::tlsRequired() {
    DatabaseUrl url = tlsServerUrl();
    url.options.insert(u"sslmode"_s, u"disable"_s);
    const ProbeResult r = probe(url);
    QVERIFY(!r.reachable);
    QCOMPARE(r.failure, std::optional(ConnectFailure::TlsRequired));
    QVERIFY2(r.error.contains(u"accepts only encrypted connections"_s), qPrintable(r.error));
    QVERIFY(r.error.contains(u"sslmode=require"_s));
}

void TestConnectionProbe::tlsOn() {
    DatabaseUrl url = tlsServerUrl();
    url.options.insert(u"sslmode"_s, u"require"_s);
    const ProbeResult r = probe(url);
    QVERIFY2(r.reachable, qPrintable(r.error));
    QCOMPARE(r.tls, std::optional<bool>(true));
    QVERIFY(!r.pooled);
    QVERIFY2(r.summary().contains(u"TLS: on"_s), qPrintable(r.summary()));
}

void TestConnectionProbe::embeddedFile() {
    test::TempDatabase temp(u"sqlite"_s);
    ProbeResult r = probe(temp.url()); // no file yet
    QVERIFY(r.reachable);
    QCOMPARE(r.schema, ProbeResult::Schema::Empty);
    temp.connectMigrated();
    r = probe(temp.url());
    QVERIFY(r.reachable);
    QVERIFY2(r.serverVersion.startsWith(u"SQLite 3"_s), qPrintable(r.serverVersion));
    QVERIFY(!r.tls.has_value());
    QCOMPARE(r.schema, ProbeResult::Schema::Current);
}

QTEST_GUILESS_MAIN(TestConnectionProbe)
#include "tst_keychain_probe.moc"
