// bindSql: named placeholders become escaped literals (PostgreSQL, so that a
// transaction-mode pool never sees a prepared statement) or native "?" bindings
// (SQLite). Unit checks of the rewriting, then hostile strings through a real
// INSERT/SELECT on every backend.
#include "TestBackends.h"
#include "db/SqlValue.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QString pg(const QString& sql, const SqlParams& params = {}) {
    return bindSql(sql, params, Dialect::Postgres).sql;
}

QStringList hostileStrings() {
    QStringList out = {
        u"'"_s,
        u"''"_s,
        u"\\"_s,
        u"\\'"_s,
        u"'\\"_s,
        u"\\\\'"_s,
        u"it's"_s,
        u"'; DROP TABLE x; --"_s,
        u"\\'; DROP TABLE x; --"_s,
        u"'); DELETE FROM x WHERE ('1' = '1"_s,
        u"$$; DROP TABLE x; $$"_s,
        u"$tag$ DROP TABLE x $tag$"_s,
        u":body"_s,
        u"::text"_s,
        u"?"_s,
        u"?, ?"_s,
        u"%s %d %%"_s,
        u"100% _under_ !bang"_s,
        u"E'\\x41'"_s,
        u"\"double\" \"quotes\""_s,
        u"/* comment */"_s,
        u"-- comment"_s,
        u"line\nbreak\r\ntab\t"_s,
        u"Zürich, 東京, עברית, Ελληνικά"_s,
        u"\U0001F3DD beach \U0001F600'\U0001F600"_s,
        u"\u2028\u2029x\uFEFF\u200B"_s,
        u"\u00A0non-breaking\u00A0"_s,
        u" "_s,
        u""_s,
        u"\\x00"_s,
        u"\\u0000"_s,
        u"a\\'b\\\\'c''d"_s,
    };
    QString big;
    for (int i = 0; i < 20000; ++i)
        big += u"'\\:"_s;
    out << big;
    return out;
}

} // namespace

class TestSqlBinding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postgresLiterals() {
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, u"it's"_s}}), u"SELECT E'it''s'"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, u"back\\slash"_s}}), u"SELECT E'back\\\\slash'"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, u"\\'"_s}}), u"SELECT E'\\\\'''"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, QString()}}), u"SELECT E''"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, SqlValue()}}), u"SELECT NULL"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, SqlValue::textOrNull(QString())}}), u"SELECT NULL"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, qint64(-42)}}), u"SELECT (-42)"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, true}}), u"SELECT TRUE"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, false}}), u"SELECT FALSE"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, *Decimal::parse(u"-12.5", 10, 2)}}),
                 u"SELECT '-12.50'::numeric"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, QDate(2027, 5, 1)}}), u"SELECT DATE '2027-05-01'"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, QDate()}}), u"SELECT NULL"_s);
        QCOMPARE(
            pg(u"SELECT :a"_s, {{u"a"_s, QDateTime(QDate(2027, 5, 1), QTime(10, 15, 30, 123), Qt::UTC)}}),
            u"SELECT TIMESTAMPTZ '2027-05-01T10:15:30.123Z'"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, QJsonArray{u"it's"_s}}}), u"SELECT E'[\"it''s\"]'::jsonb"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, std::optional<qint64>()}}), u"SELECT NULL"_s);
        QCOMPARE(pg(u"SELECT :a"_s, {{u"a"_s, std::optional<qint64>(7)}}), u"SELECT 7"_s);
    }

    void placeholdersAndCasts() {
        // "::" casts stay, also right after a placeholder.
        QCOMPARE(pg(u"SELECT :a::text, 1::int, x::numeric(10, 2)"_s, {{u"a"_s, u"v"_s}}),
                 u"SELECT E'v'::text, 1::int, x::numeric(10, 2)"_s);
        // The same placeholder twice; a name that is the prefix of another.
        QCOMPARE(pg(u"SELECT :user, :username, :user"_s, {{u"user"_s, 1}, {u"username"_s, u"bob"_s}}),
                 u"SELECT 1, E'bob', 1"_s);
        // Placeholders inside literals, identifiers, comments and $$ bodies are text.
        QCOMPARE(pg(u"SELECT ':a', \":a\", :a -- :a\n, $$ :a $$"_s, {{u"a"_s, 5}}),
                 u"SELECT ':a', \":a\", 5 -- :a\n, $$ :a $$"_s);
        QCOMPARE(pg(u"SELECT 'it''s :a', :b"_s, {{u"b"_s, 2}}), u"SELECT 'it''s :a', 2"_s);
        QCOMPARE(pg(u"SELECT 1 -- trailing :a comment"_s), u"SELECT 1 -- trailing :a comment"_s);
        QCOMPARE(pg(u"DO $$ BEGIN PERFORM :x; END $$"_s), u"DO $$ BEGIN PERFORM :x; END $$"_s);
        // A colon not followed by a name is left alone (array slices, times).
        QCOMPARE(pg(u"SELECT a[1:2], '10:30', :_x"_s, {{u"_x"_s, 3}}), u"SELECT a[1:2], '10:30', 3"_s);
        // Unused parameters are fine.
        QCOMPARE(pg(u"SELECT 1"_s, {{u"unused"_s, 1}}), u"SELECT 1"_s);
    }

    void sqliteBinding() {
        const BoundSql b =
            bindSql(u"INSERT INTO t VALUES (:a, :b, ':c', :a, :d::text) -- :e"_s,
                    {{u"a"_s, u"x'y"_s}, {u"b"_s, qint64(5)}, {u"d"_s, QDate(2027, 1, 2)}}, Dialect::Sqlite);
        QCOMPARE(b.sql, u"INSERT INTO t VALUES (?, ?, ':c', ?, ?::text) -- :e"_s);
        QCOMPARE(b.sqliteValues.size(), 4);
        QCOMPARE(b.sqliteValues[0].toString(), u"x'y"_s);
        QCOMPARE(b.sqliteValues[1].toLongLong(), 5);
        QCOMPARE(b.sqliteValues[2].toString(), u"x'y"_s);
        QCOMPARE(b.sqliteValues[3].toString(), u"2027-01-02"_s);
        // Values never reach the SQL text on SQLite.
        const BoundSql h = bindSql(u"SELECT :v"_s, {{u"v"_s, u"'; DROP TABLE x; --"_s}}, Dialect::Sqlite);
        QCOMPARE(h.sql, u"SELECT ?"_s);
        // Empty text stays '' (not NULL); NULL stays NULL.
        const BoundSql e =
            bindSql(u"SELECT :a, :b"_s, {{u"a"_s, QString()}, {u"b"_s, SqlValue()}}, Dialect::Sqlite);
        QVERIFY(!e.sqliteValues[0].isNull());
        QCOMPARE(e.sqliteValues[0].toString(), QString());
        QVERIFY(e.sqliteValues[1].isNull());
        // Decimals stay exact text, booleans 0/1.
        const BoundSql d = bindSql(
            u"SELECT :a, :b"_s, {{u"a"_s, *Decimal::parse(u"0.10", 10, 2)}, {u"b"_s, true}}, Dialect::Sqlite);
        QCOMPARE(d.sqliteValues[0].toString(), u"0.10"_s);
        QCOMPARE(d.sqliteValues[1].toInt(), 1);
    }

    void missingParameter_data() {
        QTest::addColumn<int>("dialect");
        QTest::newRow("postgres") << int(Dialect::Postgres);
        QTest::newRow("sqlite") << int(Dialect::Sqlite);
    }
    void missingParameter() {
        QFETCH(int, dialect);
        try {
            bindSql(u"SELECT :present, :absent"_s, {{u"present"_s, 1}}, Dialect(dialect));
            QFAIL("no error for a placeholder without a value");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Database);
            QVERIFY2(e.message().contains(u":absent"_s), qPrintable(e.message()));
        }
    }

    void nulRejected() {
        try {
            bindSql(u"SELECT :a"_s, {{u"a"_s, QString(u"a\u0000b"_s)}}, Dialect::Postgres);
            QFAIL("a NUL character was accepted into a PostgreSQL literal");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Validation);
        }
        try {
            bindSql(u"SELECT :a"_s, {{u"a"_s, QJsonObject{{u"k"_s, QString(u"\u0000"_s)}}}},
                    Dialect::Postgres);
        } catch (const Error& e) {
            // JSON escapes NUL as \u0000, which jsonb rejects; either way no raw NUL reaches the SQL.
            QCOMPARE(e.kind(), Error::Kind::Validation);
        }
    }

    // A NUL in text reaches no engine silently truncated: it is refused or kept.
    void nulThroughDatabase_data() { test::addBackendRows(); }
    void nulThroughDatabase() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE hostile (id integer PRIMARY KEY, body text NOT NULL)"_s);
        const QString withNul = QString(u"before\u0000after"_s);
        bool refused = false;
        try {
            db->execute(u"INSERT INTO hostile (id, body) VALUES (1, :b)"_s, {{u"b"_s, withNul}});
        } catch (const Error& e) {
            refused = true;
            QCOMPARE(e.kind(), Error::Kind::Validation);
        }
        const SqlRows rows = db->query(u"SELECT body FROM hostile"_s);
        if (refused)
            QCOMPARE(rows.size(), 0);
        else
            QCOMPARE(col::text(rows.first(), "body"), withNul);
    }

    // Splicing a negative number right after a minus sign makes "--", which
    // starts a comment: "SELECT 10-:n" with n = -3 becomes "SELECT 10--3".
    void negativeNumberAfterMinus_data() { test::addBackendRows(); }
    void negativeNumberAfterMinus() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        const SqlRows r = db->query(u"SELECT 10-:n AS v, 7 AS w"_s, {{u"n"_s, qint64(-3)}});
        QCOMPARE(r.size(), 1);
        QVERIFY2(r.first().contains(u"w"_s), "the rest of the statement after 10-:n was commented out");
        QCOMPARE(col::integer(r.first(), "v"), 13);
        const SqlRows d =
            db->query(u"SELECT 1.50-:n AS v, 7 AS w"_s, {{u"n"_s, *Decimal::parse(u"-1.25", 10, 2)}});
        QVERIFY2(d.first().contains(u"w"_s), "the rest of the statement after 1.50-:n was commented out");
        QCOMPARE(col::decimal(d.first(), "v", 10, 2)->toString(), u"2.75"_s);
    }

    // The header promises placeholders are replaced "outside quotes, comments":
    // a /* block comment */ is a comment, E'...\'...' and $tag$...$tag$ are quotes.
    void placeholderInBlockComment() {
        QString sql;
        try {
            sql = pg(u"SELECT /* :nope */ 1"_s);
        } catch (const Error& e) {
            QFAIL(qPrintable(u"placeholder inside a block comment was bound: "_s + e.message()));
        }
        QCOMPARE(sql, u"SELECT /* :nope */ 1"_s);
    }
    void placeholderInEscapeStringLiteral() {
        QString sql;
        try {
            sql = pg(u"SELECT E'it\\'s :nope', :yes"_s, {{u"yes"_s, 1}});
        } catch (const Error& e) {
            QFAIL(qPrintable(u"placeholder inside an E'' literal with \\' was bound: "_s + e.message()));
        }
        QCOMPARE(sql, u"SELECT E'it\\'s :nope', 1"_s);
    }
    void placeholderInTaggedDollarQuote() {
        QString sql;
        try {
            sql = pg(u"SELECT $body$ :nope $body$, :yes"_s, {{u"yes"_s, 1}});
        } catch (const Error& e) {
            QFAIL(qPrintable(u"placeholder inside a $tag$ quote was bound: "_s + e.message()));
        }
        QCOMPARE(sql, u"SELECT $body$ :nope $body$, 1"_s);
    }

    // Every hostile string goes in and comes out unchanged, through a real
    // INSERT and a WHERE on the value, and the canary table survives.
    void hostileRoundTrip_data() { test::addBackendRows(); }
    void hostileRoundTrip() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE x (id integer PRIMARY KEY)"_s);
        db->execute(u"INSERT INTO x (id) VALUES (1)"_s);
        db->execute(u"CREATE TABLE hostile (id integer PRIMARY KEY, body text NOT NULL)"_s);
        const QStringList strings = hostileStrings();
        auto roundTrip = [&](int offset) {
            for (int i = 0; i < strings.size(); ++i) {
                const QString& s = strings[i];
                const int id = offset + i;
                db->execute(u"INSERT INTO hostile (id, body) VALUES (:id, :body)"_s,
                            {{u"id"_s, id}, {u"body"_s, s}});
                const SqlRows byId = db->query(u"SELECT body FROM hostile WHERE id = :id"_s, {{u"id"_s, id}});
                QCOMPARE(byId.size(), 1);
                QCOMPARE(col::text(byId.first(), "body"), s);
                const SqlRows byValue = db->query(u"SELECT id, :body AS echo FROM hostile WHERE body = :body "
                                                  u"AND id >= :lo ORDER BY id"_s,
                                                  {{u"body"_s, s}, {u"lo"_s, offset}});
                QCOMPARE(byValue.size(), 1);
                QCOMPARE(col::integer(byValue.first(), "id"), id);
                QCOMPARE(col::text(byValue.first(), "echo"), s);
            }
        };
        roundTrip(0);
        if (QTest::currentTestFailed())
            return;
        if (db->isPostgres()) {
            // E'' literals mean the same when the server (or a pool's session)
            // has standard_conforming_strings off.
            db->transaction([&] {
                db->execute(u"SET LOCAL standard_conforming_strings = off"_s);
                roundTrip(1000);
            });
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS n FROM x"_s).first(), "n"), 1);
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS n FROM hostile"_s).first(), "n"),
                 int(strings.size()) * (db->isPostgres() ? 2 : 1));
    }

    // The same strings through the repositories: titles, descriptions, the
    // trip filter's LIKE pattern and the destination search.
    void hostileThroughRepositories_data() { test::addBackendRows(); }
    void hostileThroughRepositories() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"o.brien"_s);
        TripRepository trips(*db, u.id);
        DestinationRepository destinations(*db);
        int made = 0;
        for (const QString& s : hostileStrings()) {
            if (s.trimmed().isEmpty() || s.size() > 200)
                continue;
            Trip t;
            t.title = s;
            t.description = s + s;
            const Trip saved = trips.create(t);
            ++made;
            const Trip back = trips.get(saved.id);
            QCOMPARE(back.title, s.trimmed());
            QCOMPARE(back.description, s + s);
            TripFilter f;
            f.text = s;
            QVERIFY2(!trips.list(f).isEmpty(), qPrintable(u"search for its own title found nothing: "_s + s));
            // Search must never throw on user text (FTS5 syntax, LIKE escapes).
            destinations.search(s);
            Destination d;
            d.name = s;
            d.country = s;
            const Destination dd = destinations.create(d);
            QCOMPARE(destinations.find(dd.id)->name, s.trimmed());
        }
        QCOMPARE(trips.count(), made);
        TripFilter percent;
        percent.text = u"%"_s;
        // Only "%s %d %%" and "100% _under_ !bang" contain a literal %: it is not a wildcard.
        QCOMPARE(trips.list(percent).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSqlBinding)
#include "tst_sqlbinding.moc"
