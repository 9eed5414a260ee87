// SPDX-License-Identifier: GPL-3.0-or-later
// bindSql: named placeholders become "$n" parameters sent apart from the SQL
// text through libpq's extended protocol (PostgreSQL, unnamed statements that a
// transaction-mode pool serves) or native "?" bindings (SQLite). Unit checks of
// the rewriting, then hostile strings through a real INSERT/SELECT on every
// backend, and a value that tries to be a second statement.
#include "TestBackends.h"
#include "db/SqlValue.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <stdexcept>

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
    // PostgreSQL: each placeholder becomes $n and its value a separate,
    // typed, text-format parameter; no value ever reaches the SQL text.
    void postgresParameters() {
        auto one = [](const SqlValue& v) {
            const BoundSql b = bindSql(u"SELECT :a"_s, {{u"a"_s, v}}, Dialect::Postgres);
            if (b.sql != u"SELECT $1" || b.pgValues.size() != 1)
                qFatal("unexpected binding %s", qPrintable(b.sql));
            return b.pgValues.first();
        };
        auto check = [&](const SqlValue& v, quint32 type, const QByteArray& text, bool null = false) {
            const PgParam p = one(v);
            QCOMPARE(p.type, type);
            QCOMPARE(p.null, null);
            if (!null)
                QCOMPARE(p.text, text);
        };
        check(u"it's"_s, 0, "it's");               // unknown, like a quoted literal
        check(u"back\\slash"_s, 0, "back\\slash"); // sent as it is: no escaping
        check(QString(), 0, "");                   // empty text stays ''
        check(SqlValue(), 0, {}, true);
        check(SqlValue::textOrNull(QString()), 0, {}, true);
        check(qint64(-42), 23, "-42");
        check(qint64(5000000000), 20, "5000000000");
        check(true, 16, "t");
        check(false, 16, "f");
        check(*Decimal::parse(u"-12.5", 10, 2), 1700, "-12.50");
        check(QDate(2027, 5, 1), 1082, "2027-05-01");
        check(QDate(), 0, {}, true);
        check(QDateTime(QDate(2027, 5, 1), QTime(10, 15, 30, 123), Qt::UTC), 1184,
              "2027-05-01T10:15:30.123Z");
        check(QJsonArray{u"it's"_s}, 3802, "[\"it's\"]");
        check(std::optional<qint64>(), 0, {}, true);
        check(std::optional<qint64>(7), 23, "7");
        check(u"Zürich"_s, 0, "Z\xc3\xbcrich");
    }

    void placeholdersAndCasts() {
        // "::" casts stay, also right after a placeholder.
        QCOMPARE(pg(u"SELECT :a::text, 1::int, x::numeric(10, 2)"_s, {{u"a"_s, u"v"_s}}),
                 u"SELECT $1::text, 1::int, x::numeric(10, 2)"_s);
        // The same placeholder twice gets two parameters (each typed by its own
        // context); a name that is the prefix of another.
        const BoundSql twice = bindSql(u"SELECT :user, :username, :user"_s,
                                       {{u"user"_s, 1}, {u"username"_s, u"bob"_s}}, Dialect::Postgres);
        QCOMPARE(twice.sql, u"SELECT $1, $2, $3"_s);
        QCOMPARE(twice.pgValues.size(), 3);
        QCOMPARE(twice.pgValues[0].text, QByteArray("1"));
        QCOMPARE(twice.pgValues[1].text, QByteArray("bob"));
        QCOMPARE(twice.pgValues[2].text, QByteArray("1"));
        // Placeholders inside literals, identifiers, comments and $$ bodies are text.
        QCOMPARE(pg(u"SELECT ':a', \":a\", :a -- :a\n, $$ :a $$"_s, {{u"a"_s, 5}}),
                 u"SELECT ':a', \":a\", $1 -- :a\n, $$ :a $$"_s);
        QCOMPARE(pg(u"SELECT 'it''s :a', :b"_s, {{u"b"_s, 2}}), u"SELECT 'it''s :a', $1"_s);
        QCOMPARE(pg(u"SELECT 1 -- trailing :a comment"_s), u"SELECT 1 -- trailing :a comment"_s);
        QCOMPARE(pg(u"DO $$ BEGIN PERFORM :x; END $$"_s), u"DO $$ BEGIN PERFORM :x; END $$"_s);
        // A colon not followed by a name is left alone (array slices, times).
        QCOMPARE(pg(u"SELECT a[1:2], '10:30', :_x"_s, {{u"_x"_s, 3}}), u"SELECT a[1:2], '10:30', $1"_s);
        // Unused parameters are fine.
        QCOMPARE(pg(u"SELECT 1"_s, {{u"unused"_s, 1}}), u"SELECT 1"_s);
        // Hostile text never reaches the SQL.
        QCOMPARE(pg(u"SELECT :v"_s, {{u"v"_s, u"'; DROP TABLE x; --"_s}}), u"SELECT $1"_s);
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
            QFAIL("a NUL character was accepted into a PostgreSQL parameter");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Validation);
            QCOMPARE(e.fieldErrors().first().message, u"contains a NUL character"_s);
        }
        // A NUL inside a JSON value is not refused at binding: JSON writes it as
        // the six characters \u0000 (which jsonb then rejects on the server).
        // What must hold is that no raw NUL byte reaches libpq, which would cut
        // the parameter short, and that the escaped text still says the same.
        const QJsonObject withNul{{u"k"_s, QString(u"a\u0000b"_s)}};
        const BoundSql bound = bindSql(u"SELECT :a"_s, {{u"a"_s, withNul}}, Dialect::Postgres);
        QCOMPARE(bound.pgValues.size(), 1);
        const QByteArray sent = bound.pgValues.first().text;
        QVERIFY2(!sent.contains('\0'), "a raw NUL reached a PostgreSQL JSON parameter");
        QVERIFY2(sent.contains("\\u0000"), sent.constData());
        QCOMPARE(QJsonDocument::fromJson(sent).object(), withNul);
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
    // A read whose row mapping throws part-way is an error, and the same
    // statement run again (SQLite keeps it prepared) starts from its first
    // row with its own values: nothing of the abandoned read is resumed.
    void mappingThatThrowsLeavesNothingBehind_data() { test::addBackendRows(); }
    void mappingThatThrowsLeavesNothingBehind() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE numbers (n integer NOT NULL)"_s);
        for (int i = 1; i <= 20; ++i)
            db->execute(u"INSERT INTO numbers (n) VALUES (:n)"_s, {{u"n"_s, i}});
        const QString sql = u"SELECT n FROM numbers WHERE n >= :from ORDER BY n"_s;
        int seen = 0;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 db->queryAs<int>(sql, {{u"from"_s, 1}}, [&](const SqlRow& r) {
                                     if (++seen == 3)
                                         throw std::runtime_error("stop");
                                     return col::integer(r, "n");
                                 }));
        const QList<int> again =
            db->queryAs<int>(sql, {{u"from"_s, 5}}, [](const SqlRow& r) { return col::integer(r, "n"); });
        QCOMPARE(again.size(), 16);
        QCOMPARE(again.first(), 5);
        QCOMPARE(again.last(), 20);
        // The connection holds no read open: a write transaction starts at once.
        db->transaction([&] { db->execute(u"DELETE FROM numbers WHERE n = 1"_s); });
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS c FROM numbers"_s).first(), "c"), 19);
    }

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
        QCOMPARE(sql, u"SELECT E'it\\'s :nope', $1"_s);
    }
    void placeholderInTaggedDollarQuote() {
        QString sql;
        try {
            sql = pg(u"SELECT $body$ :nope $body$, :yes"_s, {{u"yes"_s, 1}});
        } catch (const Error& e) {
            QFAIL(qPrintable(u"placeholder inside a $tag$ quote was bound: "_s + e.message()));
        }
        QCOMPARE(sql, u"SELECT $body$ :nope $body$, $1"_s);
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
