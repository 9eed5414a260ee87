// SPDX-License-Identifier: GPL-3.0-or-later
// The migration runner on every backend: the schema it creates (column for
// column against what Django creates on PostgreSQL), a second run, the dry
// run, refusal of a newer schema, and two migrators at once.
#include "TestBackends.h"
#include "db/Migrator.h"
#include "db/SchemaCatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

const QString Bookkeeping = QString::fromLatin1(Migrator::BookkeepingTable);

// Everything that describes the schema and the bookkeeping rows, as text, so
// that "left untouched" can be compared exactly.
QStringList snapshot(Database& db) {
    QStringList out;
    if (db.isPostgres()) {
        for (const SqlRow& r :
             db.query(u"SELECT table_name, column_name, data_type, is_nullable, column_default "
                      u"FROM information_schema.columns WHERE table_schema = 'public' "
                      u"ORDER BY table_name, ordinal_position"_s))
            out << u"column %1.%2 %3 %4 %5"_s.arg(col::text(r, "table_name"), col::text(r, "column_name"),
                                                  col::text(r, "data_type"), col::text(r, "is_nullable"),
                                                  col::text(r, "column_default"));
        for (const SqlRow& r :
             db.query(u"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                      u"ORDER BY indexname"_s))
            out << u"index "_s + col::text(r, "indexdef");
        for (const SqlRow& r :
             db.query(u"SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c "
                      u"JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' "
                      u"ORDER BY conname"_s))
            out << u"constraint %1 %2"_s.arg(col::text(r, "conname"), col::text(r, "def"));
        for (const SqlRow& r : db.query(u"SELECT extname FROM pg_extension ORDER BY extname"_s))
            out << u"extension "_s + col::text(r, "extname");
    } else {
        for (const SqlRow& r : db.query(u"SELECT type, name, sql FROM sqlite_master ORDER BY type, name"_s))
            out << u"%1 %2 %3"_s.arg(col::text(r, "type"), col::text(r, "name"), col::text(r, "sql"));
    }
    const bool hasBookkeeping =
        db.isPostgres()
            ? col::boolean(
                  db.query(u"SELECT to_regclass(:t) IS NOT NULL AS p"_s, {{u"t"_s, Bookkeeping}}).first(),
                  "p")
            : col::integer(db.query(u"SELECT count(*) AS n FROM sqlite_master WHERE name = :t"_s,
                                    {{u"t"_s, Bookkeeping}})
                               .first(),
                           "n") > 0;
    if (hasBookkeeping) {
        for (const SqlRow& r : db.query(u"SELECT version, name, applied_at, adopted FROM "_s + Bookkeeping +
                                        u" ORDER BY version"_s))
            out << u"applied %1 %2 %3 %4"_s.arg(col::text(r, "version"), col::text(r, "name"),
                                                col::text(r, "applied_at"), col::text(r, "adopted"));
    }
    return out;
}

int tableCount(Database& db) {
    const SqlRows r =
        db.isPostgres()
            ? db.query(u"SELECT count(*) AS n FROM information_schema.tables "
                       u"WHERE table_schema = 'public'"_s)
            : db.query(u"SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"_s);
    return col::integer(r.first(), "n");
}

QStringList tableColumns(Database& db, const QString& table) {
    QStringList out;
    const SqlRows rows =
        db.isPostgres()
            ? db.query(u"SELECT column_name AS name FROM information_schema.columns WHERE "
                       u"table_schema = 'public' AND table_name = :t ORDER BY ordinal_position"_s,
                       {{u"t"_s, table}})
            : db.query(u"SELECT name FROM pragma_table_info(:t) ORDER BY cid"_s, {{u"t"_s, table}});
    for (const SqlRow& r : rows)
        out << col::text(r, "name");
    return out;
}

// Column name, type and nullability, in column order, for every table of the public schema.
QMap<QString, QStringList> pgColumnTypes(Database& db) {
    QMap<QString, QStringList> out;
    for (const SqlRow& r :
         db.query(u"SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length, "
                  u"c.numeric_precision, c.numeric_scale, c.datetime_precision, c.is_nullable "
                  u"FROM information_schema.columns c JOIN information_schema.tables t "
                  u"ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                  u"WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
                  u"ORDER BY c.table_name, c.ordinal_position"_s))
        out[col::text(r, "table_name")] << u"%1 %2(%3) len=%4 num=%5,%6 dt=%7 null=%8"_s.arg(
            col::text(r, "column_name"), col::text(r, "data_type"), col::text(r, "udt_name"),
            col::text(r, "character_maximum_length"), col::text(r, "numeric_precision"),
            col::text(r, "numeric_scale"), col::text(r, "datetime_precision"), col::text(r, "is_nullable"));
    return out;
}

// Column-level CHECK constraints (Django's PositiveIntegerField is integer CHECK (x >= 0)).
QStringList pgCheckConstraints(Database& db, const QString& table) {
    QStringList out;
    for (const SqlRow& r : db.query(u"SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c "
                                    u"WHERE c.contype = 'c' AND c.conrelid = to_regclass(:t) ORDER BY 1"_s,
                                    {{u"t"_s, table}}))
        out << col::text(r, "def");
    return out;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsTheSchema_data() { test::addBackendRows(); }
    void createsTheSchema() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        Migrator m(*db);
        const SchemaStatus before = m.status();
        QCOMPARE(before.currentVersion, 0);
        QVERIFY(before.empty);
        QVERIFY(!before.djangoSchema);
        const QList<Migration> available = Migrator::available(db->dialect());
        QVERIFY(!available.isEmpty());
        QCOMPARE(before.pending.size(), available.size());

        const QList<Migration> applied = m.migrate();
        QCOMPARE(applied.size(), available.size());
        for (int i = 0; i < applied.size(); ++i)
            QCOMPARE(applied[i].version, available[i].version);
        const SchemaStatus after = m.status();
        QCOMPARE(after.currentVersion, available.last().version);
        QCOMPARE(after.latestKnownVersion, available.last().version);
        QVERIFY(after.pending.isEmpty());
        QVERIFY(!after.newerThanApp());

        for (const SeedTable& t : seedTables())
            QCOMPARE(tableColumns(*db, t.name), t.columns);
        const SqlRows rows =
            db->query(u"SELECT version, adopted FROM "_s + Bookkeeping + u" ORDER BY version"_s);
        QCOMPARE(rows.size(), available.size());
        for (const SqlRow& r : rows)
            QVERIFY(!col::boolean(r, "adopted"));
    }

    // On PostgreSQL the app's schema is Django's: every column of every table
    // Django creates has the same type and nullability, in the same order
    // (identity vs serial defaults may differ).
    void matchesDjangoColumnForColumn() {
        test::TempDatabase ours(u"postgres"_s);
        auto oursDb = ours.connectMigrated();
        test::TempDatabase django(u"postgres"_s);
        const test::ProcessResult seeded =
            test::run(u"/usr/bin/python3"_s, {QStringLiteral(TP_DJANGO_SEED_DIR) + u"/make_seed_db.py"_s}, {},
                      {u"DATABASE_URL="_s + django.url().toString()});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        auto djangoDb = django.connect();

        const auto mine = pgColumnTypes(*oursDb);
        const auto theirs = pgColumnTypes(*djangoDb);
        QStringList problems;
        for (auto it = theirs.begin(); it != theirs.end(); ++it) {
            if (!mine.contains(it.key())) {
                problems << u"table %1 missing"_s.arg(it.key());
                continue;
            }
            if (mine.value(it.key()) != it.value())
                problems << u"%1:\n    ours:   %2\n    django: %3"_s.arg(
                    it.key(), mine.value(it.key()).join(u"; "_s), it.value().join(u"; "_s));
        }
        for (const SeedTable& t : seedTables()) {
            QVERIFY2(theirs.contains(t.name), qPrintable(u"Django did not create "_s + t.name));
            if (pgCheckConstraints(*djangoDb, t.name).isEmpty())
                continue;
            // Django's own CHECKs (positive integers) exist on ours too; ours may add more.
            const QStringList ourChecks = pgCheckConstraints(*oursDb, t.name);
            for (const QString& check : pgCheckConstraints(*djangoDb, t.name))
                if (!ourChecks.contains(check))
                    problems << u"%1: CHECK %2 missing"_s.arg(t.name, check);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // Only our own tables are extra, each named tripplanner_*.
        QStringList extra;
        for (auto it = mine.begin(); it != mine.end(); ++it)
            if (!theirs.contains(it.key()))
                extra << it.key();
        QCOMPARE(extra, (QStringList{u"tripplanner_coordinate_source"_s, u"tripplanner_geocode_cache"_s,
                                     Bookkeeping}));
    }

    void secondRunChangesNothing_data() { test::addBackendRows(); }
    void secondRunChangesNothing() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const QStringList before = snapshot(*db);
        QVERIFY(!before.isEmpty());
        const QList<Migration> again = Migrator(*db).migrate();
        QVERIFY(again.isEmpty());
        QCOMPARE(snapshot(*db), before);
        // A new connection (another copy of the app) sees nothing to do either.
        auto other = tmp.connect();
        QVERIFY(Migrator(*other).status().pending.isEmpty());
        QVERIFY(Migrator(*other).migrate().isEmpty());
        QCOMPARE(snapshot(*db), before);
    }

    void dryRunChangesNothing_data() { test::addBackendRows(); }
    void dryRunChangesNothing() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        QStringList log;
        const QList<Migration> steps = Migrator(*db).migrate(true, [&](const QString& s) { log << s; });
        const QList<Migration> available = Migrator::available(db->dialect());
        QCOMPARE(steps.size(), available.size());
        for (int i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i].name, available[i].name);
        QVERIFY(log.size() > 10);
        QVERIFY(log.join(u'\n').contains(u"CREATE TABLE"_s));
        QVERIFY(log.join(u'\n').contains(u"api_trip"_s));

        QCOMPARE(tableCount(*db), 0);
        const SchemaStatus s = Migrator(*db).status();
        QCOMPARE(s.currentVersion, 0);
        QVERIFY(s.empty);
        QCOMPARE(s.pending.size(), available.size());
        // Seen from another connection too.
        auto other = tmp.connect();
        QCOMPARE(tableCount(*other), 0);

        // After a dry run the real run works, and a dry run of nothing is empty.
        QCOMPARE(Migrator(*db).migrate().size(), available.size());
        const QStringList migrated = snapshot(*db);
        QVERIFY(Migrator(*db).migrate(true).isEmpty());
        QCOMPARE(snapshot(*db), migrated);
    }

    // A database whose bookkeeping says version 999 is refused with kind Schema,
    // for a real and a dry run, and left exactly as it was.
    void newerSchemaRefused_data() { test::addBackendRows(); }
    void newerSchemaRefused() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        db->execute(
            u"INSERT INTO "_s + Bookkeeping +
                u" (version, name, applied_at, adopted) VALUES (999, '0999_from_the_future', :t, :f)"_s,
            {{u"t"_s, QDateTime::currentDateTimeUtc()}, {u"f"_s, false}});
        const QStringList before = snapshot(*db);
        const SchemaStatus s = Migrator(*db).status();
        QCOMPARE(s.currentVersion, 999);
        QVERIFY(s.newerThanApp());
        for (bool dryRun : {false, true}) {
            try {
                Migrator(*db).migrate(dryRun);
                QFAIL("a schema newer than the app was migrated");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), Error::Kind::Schema);
                QVERIFY2(e.message().contains(u"999"_s), qPrintable(e.message()));
            }
            QCOMPARE(snapshot(*db), before);
        }
        QVERIFY(!db->inTransaction());
    }

    // The same when the only thing there is the bookkeeping table: no table is created.
    void newerSchemaRefusedOnOtherwiseEmptyDatabase_data() { test::addBackendRows(); }
    void newerSchemaRefusedOnOtherwiseEmptyDatabase() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connect();
        db->execute(
            db->isPostgres()
                ? u"CREATE TABLE %1 (version integer PRIMARY KEY, name varchar(200) NOT NULL, applied_at "
                  u"timestamp with time zone NOT NULL, adopted boolean NOT NULL DEFAULT false)"_s.arg(
                      Bookkeeping)
                : u"CREATE TABLE %1 (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT "
                  u"NULL, adopted integer NOT NULL DEFAULT 0)"_s.arg(Bookkeeping));
        db->execute(u"INSERT INTO "_s + Bookkeeping + u" (version, name, applied_at) VALUES (999, 'x', :t)"_s,
                    {{u"t"_s, QDateTime::currentDateTimeUtc()}});
        const QStringList before = snapshot(*db);
        try {
            Migrator(*db).migrate();
            QFAIL("a schema newer than the app was migrated");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Schema);
        }
        QCOMPARE(snapshot(*db), before);
        QCOMPARE(tableCount(*db), 1);
    }

    // Two copies of the app migrating a fresh PostgreSQL database at the same
    // moment: both succeed, each migration is applied once.
    void concurrentMigrators_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgres") << u"postgres"_s;
        QTest::newRow("pgbouncer") << u"pgbouncer"_s;
    }
    void concurrentMigrators() {
        QFETCH(QString, backend);
        const QList<Migration> available = Migrator::available(Dialect::Postgres);
        for (int round = 0; round < 3; ++round) {
            test::TempDatabase tmp(backend);
            std::atomic<int> ready{0};
            QString errors[2];
            int appliedCount[2] = {-1, -1};
            auto worker = [&](int i) {
                try {
                    Database db(tmp.url());
                    db.open();
                    ++ready;
                    while (ready.load() < 2)
                        std::this_thread::yield();
                    appliedCount[i] = int(Migrator(db).migrate().size());
                } catch (const std::exception& e) {
                    errors[i] = QString::fromUtf8(e.what());
                }
            };
            std::thread a(worker, 0);
            std::thread b(worker, 1);
            a.join();
            b.join();
            QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
            QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
            QCOMPARE(appliedCount[0] + appliedCount[1], int(available.size()));

            auto db = tmp.connect();
            const SqlRows rows = db->query(u"SELECT version, count(*) AS n FROM "_s + Bookkeeping +
                                           u" GROUP BY version ORDER BY version"_s);
            QCOMPARE(rows.size(), available.size());
            for (const SqlRow& r : rows)
                QCOMPARE(col::integer(r, "n"), 1);
            for (const SeedTable& t : seedTables())
                QCOMPARE(tableColumns(*db, t.name), t.columns);
            QVERIFY(Migrator(*db).status().pending.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
