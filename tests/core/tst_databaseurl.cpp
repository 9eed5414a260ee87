// SPDX-License-Identifier: GPL-3.0-or-later
// DatabaseUrl: the DATABASE_URL forms the seed's dj_database_url accepts, the
// Neon console's strings, malformed input as clear Config errors, and a
// password that never shows in what logs and screens print.
#include "SecretScan.h"
#include "TestBackends.h"
#include "db/DatabaseUrl.h"
#include "domain/Error.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {
const QString NeonPassword = u"npg_Sup3rS3cret"_s;
}

class TestDatabaseUrl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postgres_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");

        QTest::newRow("postgres scheme")
            << u"postgres://alice:pw@db.example.com:5433/trips"_s << u"db.example.com"_s << 5433 << u"trips"_s
            << u"alice"_s << u"pw"_s;
        QTest::newRow("postgresql scheme")
            << u"postgresql://alice:pw@db.example.com/trips"_s << u"db.example.com"_s << 5432 << u"trips"_s
            << u"alice"_s << u"pw"_s;
        QTest::newRow("upper-case scheme") << u"PostgreSQL://bob@localhost/db"_s << u"localhost"_s << 5432
                                           << u"db"_s << u"bob"_s << QString();
        QTest::newRow("no user") << u"postgresql://localhost:6543/db"_s << u"localhost"_s << 6543 << u"db"_s
                                 << QString() << QString();
        QTest::newRow("ip address") << u"postgresql://u:pw1@127.0.0.1:5432/x"_s << u"127.0.0.1"_s << 5432
                                    << u"x"_s << u"u"_s << u"pw1"_s;
        QTest::newRow("percent-encoded password")
            << u"postgresql://alice:p%40ss%3Aw%2Frd%23%3F%25@host/db"_s << u"host"_s << 5432 << u"db"_s
            << u"alice"_s << u"p@ss:w/rd#?%"_s;
        QTest::newRow("surrounding whitespace")
            << u"  postgresql://u:pw2@h/d \n"_s << u"h"_s << 5432 << u"d"_s << u"u"_s << u"pw2"_s;
    }
    void postgres() {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, password);
        const DatabaseUrl u = DatabaseUrl::parse(text);
        QCOMPARE(u.dialect, Dialect::Postgres);
        QCOMPARE(u.host, host);
        QCOMPARE(u.port, port);
        QCOMPARE(u.database, database);
        QCOMPARE(u.user, user);
        QCOMPARE(u.password, password);
        QVERIFY(!u.looksPooled());
        if (!password.isEmpty())
            QVERIFY2(!u.redacted().contains(password), qPrintable(u.redacted()));
        // toString() hands the URL to another process of ours: it must parse back the same.
        const DatabaseUrl again = DatabaseUrl::parse(u.toString());
        QCOMPARE(again.host, u.host);
        QCOMPARE(again.port, u.port);
        QCOMPARE(again.database, u.database);
        QCOMPARE(again.user, u.user);
        QCOMPARE(again.password, u.password);
    }

    void neonConsoleStrings_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("pooled");
        QTest::newRow("direct")
            << u"postgresql://neondb_owner:%1@ep-cool-darkness-a1b2c3d4.eu-central-1.aws.neon.tech/"
               u"neondb?sslmode=require&channel_binding=require"_s.arg(NeonPassword)
            << false;
        QTest::newRow("pooled")
            << u"postgresql://neondb_owner:%1@ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws."
               u"neon.tech/neondb?sslmode=require&channel_binding=require"_s.arg(NeonPassword)
            << true;
        QTest::newRow("pooled, postgres scheme, options")
            << u"postgres://neondb_owner:%1@ep-x-1-pooler.us-east-2.aws.neon.tech:5432/"
               u"neondb?sslmode=require&"
               u"connect_timeout=10&options=endpoint%3Dep-x-1"_s.arg(NeonPassword)
            << true;
    }
    void neonConsoleStrings() {
        QFETCH(QString, text);
        QFETCH(bool, pooled);
        const DatabaseUrl u = DatabaseUrl::parse(text);
        QCOMPARE(u.dialect, Dialect::Postgres);
        QCOMPARE(u.database, u"neondb"_s);
        QCOMPARE(u.user, u"neondb_owner"_s);
        QCOMPARE(u.password, NeonPassword);
        QCOMPARE(u.options.value(u"sslmode"_s), u"require"_s);
        QCOMPARE(u.looksPooled(), pooled);
        if (u.options.contains(u"channel_binding"_s))
            QCOMPARE(u.options.value(u"channel_binding"_s), u"require"_s);
        if (u.options.contains(u"options"_s))
            QCOMPARE(u.options.value(u"options"_s), u"endpoint=ep-x-1"_s);
        const QString r = u.redacted();
        QVERIFY2(!r.contains(NeonPassword), qPrintable(r));
        QVERIFY(r.contains(u"sslmode=require"_s));
        QVERIFY(r.contains(u.host));
        QVERIFY(!u.displayLocation().contains(NeonPassword));
        // The libpq options carry the TLS settings and never the password.
        const QString libpq = u.libpqOptions();
        QVERIFY(libpq.contains(u"sslmode='require'"_s));
        QVERIFY(!libpq.contains(NeonPassword));
        QVERIFY(libpq.contains(u"connect_timeout="_s));
        QVERIFY(libpq.contains(u"keepalives="_s));
        // And it survives the round trip with its options.
        const DatabaseUrl again = DatabaseUrl::parse(u.toString());
        QCOMPARE(again.options, u.options);
        QCOMPARE(again.password, u.password);
        QCOMPARE(again.looksPooled(), pooled);
    }

    void looksPooled() {
        auto pooled = [](const QString& host) {
            return DatabaseUrl::parse(u"postgresql://u:p@%1/db"_s.arg(host)).looksPooled();
        };
        QVERIFY(pooled(u"ep-a-1-pooler.eu-central-1.aws.neon.tech"_s));
        QVERIFY(pooled(u"ep-a-1-pooler"_s));
        QVERIFY(!pooled(u"ep-a-1.eu-central-1.aws.neon.tech"_s));
        QVERIFY(!pooled(u"pooler.example.com"_s));
        QVERIFY(!pooled(u"db.ep-a-1-pooler.example.com"_s)); // only the first label counts
        QVERIFY(!pooled(u"localhost"_s));
        QVERIFY(!DatabaseUrl::sqliteFile(u"/tmp/ep-pooler.sqlite3"_s).looksPooled());
    }

    void sqlite_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::newRow("relative") << u"sqlite:///db.sqlite3"_s << u"db.sqlite3"_s;
        QTest::newRow("relative folder") << u"sqlite:///data/trips.sqlite3"_s << u"data/trips.sqlite3"_s;
        QTest::newRow("absolute") << u"sqlite:////var/lib/tp/trips.sqlite3"_s
                                  << u"/var/lib/tp/trips.sqlite3"_s;
        QTest::newRow("memory") << u"sqlite://:memory:"_s << u":memory:"_s;
        QTest::newRow("encoded space") << u"sqlite:////tmp/my%20trips.db"_s << u"/tmp/my trips.db"_s;
        QTest::newRow("upper-case scheme") << u"SQLITE:////tmp/x.db"_s << u"/tmp/x.db"_s;
    }
    void sqlite() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        const DatabaseUrl u = DatabaseUrl::parse(text);
        QCOMPARE(u.dialect, Dialect::Sqlite);
        QCOMPARE(u.database, path);
        QVERIFY(u.password.isEmpty());
        QVERIFY(!u.looksPooled());
        QCOMPARE(DatabaseUrl::parse(u.toString()).database, path);
    }

    void malformed_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("blank") << u"   "_s << u"empty"_s;
        QTest::newRow("no scheme") << u"db.example.com/trips"_s << u"postgresql://"_s;
        QTest::newRow("just a scheme") << u"postgresql://"_s << u"host"_s;
        QTest::newRow("mysql") << u"mysql://u:p@h/db"_s << u"mysql"_s;
        QTest::newRow("http") << u"https://example.com/db"_s << u"unsupported scheme"_s;
        QTest::newRow("no host") << u"postgresql://u:p@/db"_s << u"host"_s;
        QTest::newRow("no database") << u"postgresql://u:p@host"_s << u"database name"_s;
        QTest::newRow("no database slash") << u"postgresql://u:p@host/"_s << u"database name"_s;
        QTest::newRow("nested path") << u"postgresql://u:p@host/db/extra"_s << u"'/'"_s;
        QTest::newRow("port too large") << u"postgresql://u:p@host:99999/db"_s << u"URL"_s;
        QTest::newRow("port not a number") << u"postgresql://u:p@host:abc/db"_s << u"URL"_s;
        QTest::newRow("port zero") << u"postgresql://u:p@host:0/db"_s << u"port"_s;
        QTest::newRow("unknown parameter") << u"postgresql://u:p@host/db?sslmod=require"_s << u"sslmod"_s;
        QTest::newRow("bad sslmode") << u"postgresql://u:p@host/db?sslmode=sometimes"_s << u"sslmode"_s;
        QTest::newRow("bad timeout") << u"postgresql://u:p@host/db?connect_timeout=soon"_s
                                     << u"connect_timeout"_s;
        QTest::newRow("negative keepalive")
            << u"postgresql://u:p@host/db?keepalives_idle=-5"_s << u"keepalives_idle"_s;
        QTest::newRow("space in host") << u"postgresql://u:p@my host/db"_s << u"URL"_s;
        QTest::newRow("sqlite without path") << u"sqlite://"_s << u"SQLite"_s;
        QTest::newRow("sqlite root only") << u"sqlite:///"_s << u"SQLite"_s;
        QTest::newRow("sqlite two slashes") << u"sqlite://relative.db"_s << u"SQLite"_s;
        QTest::newRow("too long") << u"postgresql://u:p@host/"_s + QString(5000, u'd') << u"too long"_s;
    }
    void malformed() {
        QFETCH(QString, text);
        QFETCH(QString, messagePart);
        try {
            const DatabaseUrl u = DatabaseUrl::parse(text);
            QFAIL(qPrintable(u"accepted, as "_s + u.redacted()));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Config);
            QVERIFY2(e.message().contains(messagePart, Qt::CaseInsensitive), qPrintable(e.message()));
            QVERIFY(e.message().startsWith(u"Database URL"_s));
            QVERIFY(e.message().size() < 400);
        }
    }

    // Whatever is wrong with the URL, the error message (shown on stderr and in
    // dialogs) never repeats the password.
    void errorsNeverShowThePassword_data() {
        QTest::addColumn<QString>("text");
        const QString pw = u"Hunter2SecretPw"_s;
        QTest::newRow("bad port") << u"postgresql://u:%1@host:99999/db"_s.arg(pw);
        QTest::newRow("alpha port") << u"postgresql://u:%1@host:x1/db"_s.arg(pw);
        QTest::newRow("space in host") << u"postgresql://u:%1@bad host/db"_s.arg(pw);
        QTest::newRow("no database") << u"postgresql://u:%1@host"_s.arg(pw);
        QTest::newRow("unknown option") << u"postgresql://u:%1@host/db?password=%1"_s.arg(pw);
        QTest::newRow("bad escape") << u"postgresql://u:%1%zz@host/db"_s.arg(pw);
        QTest::newRow("unknown scheme") << u"mysql://u:%1@host/db"_s.arg(pw);
        QTest::newRow("no host") << u"postgresql://u:%1@/db"_s.arg(pw);
    }
    void errorsNeverShowThePassword() {
        QFETCH(QString, text);
        try {
            DatabaseUrl::parse(text);
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Config);
            QVERIFY2(!e.message().contains(u"Hunter2SecretPw"_s), qPrintable(e.message()));
            QVERIFY(!QString::fromUtf8(e.what()).contains(u"Hunter2SecretPw"_s));
        }
    }

    // Characters QUrl rejects, and unencoded @ / # ? in the password: the
    // message is built from fixed text, so not even a piece of it shows.
    void errorsNeverShowAnyPartOfThePassword_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("space in database") << u"postgresql://alice:Full-Pw-Mark-78@127.0.0.1:55432/my db"_s;
        QTest::newRow("space in host") << u"postgresql://alice:Full-Pw-Mark-78@127.0 .0.1/db"_s;
        QTest::newRow("at sign") << u"postgresql://alice:Full-Pw@Mark-78@127.0.0.1/db"_s;
        QTest::newRow("hash") << u"postgresql://alice:Full-Pw#Mark-78@127.0.0.1/db"_s;
        QTest::newRow("hash after digits") << u"postgresql://alice:13#Full-Pw-Mark-78@127.0.0.1/db"_s;
        QTest::newRow("slash") << u"postgresql://alice:Full/Pw-Mark-78@127.0.0.1/db"_s;
        QTest::newRow("slash after digits") << u"postgresql://alice:13/Full-Pw-Mark-78@127.0.0.1"_s;
        QTest::newRow("question mark") << u"postgresql://alice:Full?Pw-Mark-78@127.0.0.1/db"_s;
        QTest::newRow("question after digits") << u"postgresql://alice:13?Full-Pw-Mark-78=1@127.0.0.1/db"_s;
        QTest::newRow("bad character in password") << u"postgresql://alice:Full-Pw-Mark-78<>@127.0.0.1/db"_s;
        QTest::newRow("bad query") << u"postgresql://alice:Full-Pw-Mark-78@127.0.0.1/db?sslmode=a b"_s;
    }
    void errorsNeverShowAnyPartOfThePassword() {
        QFETCH(QString, text);
        try {
            const DatabaseUrl u = DatabaseUrl::parse(text);
            // Accepted: then nothing derived from it for display may carry the password.
            for (const QString& shown : {u.redacted(), u.displayLocation(), u.host, u.database})
                QVERIFY2(test::secretPartIn(shown, u"Full-Pw-Mark-78"_s).isEmpty(), qPrintable(shown));
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Config);
            QVERIFY2(test::secretPartIn(e.message(), u"Full-Pw-Mark-78"_s).isEmpty(),
                     qPrintable(e.message()));
            QVERIFY2(test::secretPartIn(e.message(), u"13x@127"_s).isEmpty(), qPrintable(e.message()));
        }
    }

    void redactedNeverContainsPassword_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("password");
        QTest::newRow("simple") << u"postgresql://alice:s3cret@h/db"_s << u"s3cret"_s;
        QTest::newRow("encoded signs")
            << u"postgresql://alice:a%40b%3Ac@h:6432/db?sslmode=require"_s << u"a@b:c"_s;
        QTest::newRow("password equals user") << u"postgresql://same:same@h/db"_s << QString();
        QTest::newRow("unicode") << u"postgresql://alice:p%C3%A4ss%E2%82%AC@h/db"_s << u"päss€"_s;
    }
    void redactedNeverContainsPassword() {
        QFETCH(QString, text);
        QFETCH(QString, password);
        const DatabaseUrl u = DatabaseUrl::parse(text);
        const QString r = u.redacted();
        QVERIFY(!r.contains(u':' + u.password + u'@'));
        if (!password.isEmpty()) {
            QCOMPARE(u.password, password);
            QVERIFY2(!r.contains(password), qPrintable(r));
            QVERIFY2(!r.contains(QString::fromUtf8(QUrl::toPercentEncoding(password))), qPrintable(r));
            QVERIFY(!u.displayLocation().contains(password));
            QCOMPARE(DatabaseUrl::parse(u.toString()).password, password);
        }
        QVERIFY(r.startsWith(u"postgresql://"_s));
        QCOMPARE(DatabaseUrl::parse(r).password, QString());
        QCOMPARE(DatabaseUrl::parse(r).host, u.host);
    }

    // The suite's real server: the parsed URL connects.
    void connectsToTheSuiteServer() {
        const test::ClusterInfo c = test::cluster();
        for (const QString& text : {c.pgUrl, c.pgbouncerUrl}) {
            Database db(DatabaseUrl::parse(text));
            QCOMPARE(col::integer(db.query(u"SELECT 41 + 1 AS n"_s).first(), "n"), 42);
        }
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
