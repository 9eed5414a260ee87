// SPDX-License-Identifier: GPL-3.0-or-later
// PostgreSQL through libpq's extended protocol: one statement per call, values
// apart from the SQL text, no named prepared statement, and no session SET
// beyond the parameters PgBouncer tracks. Checked on the server's own
// statement log (log_statement = 'all' for the test's database).
#include "TestBackends.h"
#include "db/Migrator.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

// The server log's lines for one database, from `offset` on.
QStringList serverLog(const QString& database, qint64 offset) {
    QFile f(test::cluster().dir + u"/postgres.log"_s);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the server log %s", qPrintable(f.fileName()));
    f.seek(offset);
    QStringList out;
    // Statement lines carry "user@database " (log_line_prefix); a DETAIL line
    // right after a statement belongs to it.
    bool ours = false;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.contains(u"@"_s + database + u' '))
            ours = true;
        else if (!line.contains(u"DETAIL:"_s) && !line.startsWith(u'\t'))
            ours = false;
        if (ours)
            out << line;
    }
    return out;
}

qint64 logSize() {
    return QFile(test::cluster().dir + u"/postgres.log"_s).size();
}

void logEverything(const test::TempDatabase& tmp) {
    Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
    admin.execute(u"ALTER DATABASE "_s + tmp.url().database + u" SET log_statement = 'all'"_s);
}

} // namespace

class TestPgProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The extended protocol refuses two statements in one call, so no text,
    // ours or a user's, can ever add a second statement.
    void secondStatementRefused_data() { test::addPostgresBackendRows(); }
    void secondStatementRefused() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(u"CREATE TABLE x (id integer PRIMARY KEY)"_s);
        db->execute(u"INSERT INTO x VALUES (1)"_s);
        try {
            db->execute(u"SELECT 1; DROP TABLE x"_s);
            QFAIL("two statements ran in one call");
        } catch (const Error& e) {
            QVERIFY2(e.kind() == Error::Kind::Database, qPrintable(e.message()));
        }
        // Values that try to close a quote and start a statement, in every kind
        // of value and every position.
        db->execute(u"CREATE TABLE hostile (id integer PRIMARY KEY, body text, doc jsonb)"_s);
        const QStringList attacks = {u"'; DROP TABLE x; --"_s, u"'); DROP TABLE x; --"_s,
                                     u"\\'; DROP TABLE x; --"_s, u"$$; DROP TABLE x; $$"_s,
                                     u"1; DROP TABLE x"_s};
        int id = 0;
        for (const QString& a : attacks) {
            ++id;
            db->execute(u"INSERT INTO hostile (id, body, doc) VALUES (:id, :b, :d)"_s,
                        {{u"id"_s, id}, {u"b"_s, a}, {u"d"_s, QJsonObject{{u"k"_s, a}}}});
            const SqlRows r = db->query(
                u"SELECT body, doc->>'k' AS k, :a AS echo FROM hostile WHERE body = :a"_s, {{u"a"_s, a}});
            QCOMPARE(r.size(), 1);
            QCOMPARE(col::text(r.first(), "body"), a);
            QCOMPARE(col::text(r.first(), "k"), a);
            QCOMPARE(col::text(r.first(), "echo"), a);
            // As a number where a number is expected: refused, not run.
            try {
                db->query(u"SELECT id FROM x WHERE id = :n::integer"_s, {{u"n"_s, a}});
                QFAIL("a text was taken as a number");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Validation);
            }
        }
        QCOMPARE(col::integer(db->query(u"SELECT count(*) AS n FROM x"_s).first(), "n"), 1);
    }

    // Values travel apart from the statement: the server logs each statement
    // with $n and the values as its parameters, never inside the SQL.
    void valuesApartFromTheText_data() { test::addPostgresBackendRows(); }
    void valuesApartFromTheText() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        logEverything(tmp);
        const qint64 from = logSize();
        const QString marker = u"marker-7f3a'; DROP TABLE x; --"_s;
        {
            auto db = tmp.connect();
            db->query(u"SELECT :v AS v"_s, {{u"v"_s, marker}});
        }
        QStringList statementLines, detailLines;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                statementLines.clear();
                detailLines.clear();
                for (const QString& l : serverLog(tmp.url().database, from)) {
                    if (l.contains(u"DETAIL:"_s))
                        detailLines << l;
                    else if (l.contains(u"LOG:"_s))
                        statementLines << l;
                }
                return !detailLines.isEmpty();
            }(),
            10000);
        bool sawStatement = false;
        for (const QString& l : statementLines) {
            QVERIFY2(!l.contains(u"marker-7f3a"_s), qPrintable(u"a value inside the SQL text: "_s + l));
            if (l.contains(u"SELECT $1 AS v"_s)) {
                sawStatement = true;
                QVERIFY2(l.contains(u"execute <unnamed>"_s), qPrintable(l));
            }
        }
        QVERIFY2(sawStatement, qPrintable(statementLines.join(u'\n')));
        QVERIFY2(detailLines.join(u'\n').contains(u"marker-7f3a"_s), qPrintable(detailLines.join(u'\n')));
    }

    // A working session through PgBouncer (migrations, reads, writes,
    // transactions): the server sees no SET other than those of the
    // parameters PgBouncer tracks, nothing prepared by name, no PREPARE.
    void noSessionStateThroughPgBouncer() {
        test::TempDatabase tmp(u"pgbouncer"_s);
        logEverything(tmp);
        const qint64 from = logSize();
        {
            auto db = tmp.connect();
            Migrator(*db).migrate();
            const User u = UserRepository(*db).create(u"alice"_s);
            TripRepository trips(*db, u.id);
            Trip t;
            t.title = u"Lisbon"_s;
            const Trip saved = trips.create(t);
            trips.open(saved.id);
            trips.list();
            ConversationRepository conversations(*db, u.id);
            const Conversation c = conversations.ensureForTrip(saved.id).first;
            conversations.addMessage(c.id, true, u"hello"_s);
        }
        QStringList lines;
        QTRY_VERIFY_WITH_TIMEOUT(
            (lines = serverLog(tmp.url().database, from), lines.join(u'\n').contains(u"hello"_s)), 10000);
        static const QRegularExpression set(u"\\b(statement|execute [^:]*): (SET|RESET)\\s+(\\w+)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
        static const QStringList tracked = {u"client_encoding"_s, u"datestyle"_s, u"timezone"_s,
                                            u"standard_conforming_strings"_s, u"application_name"_s};
        int statements = 0;
        for (const QString& l : lines) {
            if (l.contains(u"LOG:  statement:"_s) || l.contains(u"LOG:  execute"_s))
                ++statements;
            const QRegularExpressionMatch m = set.match(l);
            if (m.hasMatch()) {
                const QString what = m.captured(3).toLower();
                QVERIFY2(what == u"local"_s || tracked.contains(what),
                         qPrintable(u"a session setting reached the pool: "_s + l));
            }
            QVERIFY2(!l.contains(u"PREPARE"_s, Qt::CaseInsensitive), qPrintable(l));
            static const QRegularExpression named(u"LOG:  execute (?!<unnamed>)"_s);
            QVERIFY2(!named.match(l).hasMatch(), qPrintable(u"a named prepared statement: "_s + l));
            QVERIFY2(!l.contains(u"bytea_output"_s), qPrintable(l));
        }
        QVERIFY2(statements > 20, "the server log shows almost nothing: the check checked nothing");
    }
};

QTEST_GUILESS_MAIN(TestPgProtocol)
#include "tst_pg_protocol.moc"
