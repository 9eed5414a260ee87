// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrator.h"

#include "SchemaCatalog.h"
#include "SqlScript.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
// Any constant will do: it only has to be the same in every copy of the app.
constexpr qint64 MigrationLockKey = 0x7472697070; // "tripp"

QString table() {
    return QString::fromLatin1(Migrator::BookkeepingTable);
}
} // namespace

Migrator::Migrator(Database& db)
    : m_db(db) {}

QList<Migration> Migrator::available(Dialect dialect) {
    const QString folder = dialect == Dialect::Postgres ? u":/sql/postgresql"_s : u":/sql/sqlite"_s;
    static const QRegularExpression fileName(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> out;
    const QStringList files = QDir(folder).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const auto m = fileName.match(f);
        if (!m.hasMatch())
            continue;
        QFile file(folder + u'/' + f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        out.append({m.captured(1).toInt(), f.chopped(4), QString::fromUtf8(file.readAll())});
    }
    return out;
}

bool Migrator::tableExists(const QString& name) {
    if (m_db.isPostgres()) {
        const SqlRows r = m_db.query(u"SELECT to_regclass(:name) IS NOT NULL AS present"_s,
                                     {{u"name"_s, QString(u"public."_s + name)}});
        return !r.isEmpty() && col::boolean(r.first(), "present");
    }
    const SqlRows r =
        m_db.query(u"SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = :name"_s,
                   {{u"name"_s, name}});
    return !r.isEmpty() && col::integer(r.first(), "n") > 0;
}

QStringList Migrator::columnsOf(const QString& name) {
    const SqlParams params{{u"t"_s, name}};
    const QString sql = m_db.isPostgres() ? u"SELECT column_name AS name FROM information_schema.columns "
                                            u"WHERE table_schema = 'public' AND table_name = :t "
                                            u"ORDER BY ordinal_position"_s
                                          : u"SELECT name FROM pragma_table_info(:t)"_s;
    QStringList out;
    for (const SqlRow& r : m_db.query(sql, params))
        out << col::text(r, "name");
    return out;
}

int Migrator::appliedVersion() {
    // On PostgreSQL, one round trip in the usual case (the window's start
    // waits for it): read the version and learn from the error, once in a
    // database's life, that the table is not there yet. Not inside a
    // transaction, which the error would end.
    if (m_db.isPostgres() && !m_db.inTransaction()) {
        try {
            const SqlRows r = m_db.query(u"SELECT COALESCE(MAX(version), 0) AS v FROM "_s + table());
            return r.isEmpty() ? 0 : col::integer(r.first(), "v");
        } catch (const Error& e) {
            if (e.nativeCode() != u"42P01")
                throw;
            return 0;
        }
    }
    if (!tableExists(table()))
        return 0;
    const SqlRows r = m_db.query(u"SELECT COALESCE(MAX(version), 0) AS v FROM "_s + table());
    return r.isEmpty() ? 0 : col::integer(r.first(), "v");
}

SchemaStatus Migrator::status() {
    SchemaStatus s;
    const QList<Migration> all = available(m_db.dialect());
    s.latestKnownVersion = all.isEmpty() ? 0 : all.last().version;
    s.currentVersion = appliedVersion();
    if (s.currentVersion == 0) {
        s.djangoSchema = tableExists(u"api_trip"_s);
        const SqlRows r = m_db.isPostgres()
                              ? m_db.query(u"SELECT count(*) AS n FROM information_schema.tables "
                                           u"WHERE table_schema = 'public'"_s)
                              : m_db.query(u"SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' "
                                           u"AND name NOT LIKE 'sqlite_%'"_s);
        s.empty = !r.isEmpty() && col::integer(r.first(), "n") == 0;
    }
    for (const Migration& m : all)
        if (m.version > s.currentVersion)
            s.pending << m;
    return s;
}

void Migrator::checkDjangoSchema() {
    if (!m_db.isPostgres())
        throw Error(
            Error::Kind::Schema,
            QCoreApplication::translate(
                "tp::Migrator",
                "This SQLite file holds trip tables that this app did not create; it cannot adopt them. "
                "Use a new file, or point the app at the PostgreSQL database the web app uses."));
    QStringList problems;
    for (const SeedTable& t : seedTables()) {
        const QStringList have = columnsOf(t.name);
        if (have.isEmpty()) {
            problems << QCoreApplication::translate("tp::Migrator", "table %1 is missing").arg(t.name);
            continue;
        }
        for (const QString& c : t.columns)
            if (!have.contains(c))
                problems
                    << QCoreApplication::translate("tp::Migrator", "column %1.%2 is missing").arg(t.name, c);
    }
    if (!problems.isEmpty())
        throw Error(
            Error::Kind::Schema,
            //: %1: the problems found ("table api_trip is missing; column api_trip.title is missing").
            QCoreApplication::translate("tp::Migrator",
                                        "The database has trip tables that do not match the web app's "
                                        "schema, so they were left untouched: %1")
                .arg(problems.join(u"; "_s)));
}

void Migrator::createBookkeeping() {
    if (tableExists(table()))
        return; // (IF NOT EXISTS alone would make PostgreSQL print a notice)
    m_db.execute(
        m_db.isPostgres()
            ? u"CREATE TABLE IF NOT EXISTS %1 (version integer PRIMARY KEY, name varchar(200) NOT NULL, "
              u"applied_at timestamp with time zone NOT NULL, adopted boolean NOT NULL DEFAULT false)"_s.arg(
                  table())
            : u"CREATE TABLE IF NOT EXISTS %1 (version integer PRIMARY KEY, name text NOT NULL, "
              u"applied_at text NOT NULL, adopted integer NOT NULL DEFAULT 0)"_s.arg(table()));
}

void Migrator::record(const Migration& m, bool adopted) {
    m_db.execute(
        u"INSERT INTO %1 (version, name, applied_at, adopted) VALUES (:v, :n, :t, :a)"_s.arg(table()),
        {{u"v"_s, m.version},
         {u"n"_s, m.name},
         {u"t"_s, QDateTime::currentDateTimeUtc()},
         {u"a"_s, adopted}});
}

QList<Migration> Migrator::migrate(bool dryRun, const std::function<void(const QString&)>& log) {
    const SchemaStatus before = status();
    if (before.newerThanApp())
        throw Error(Error::Kind::Schema,
                    QCoreApplication::translate(
                        "tp::Migrator",
                        "The database schema is at version %1, newer than this version of Trip "
                        "Planner understands (%2). Update Trip Planner; the database was left "
                        "untouched.")
                        .arg(before.currentVersion)
                        .arg(before.latestKnownVersion));
    if (before.currentVersion == 0 && before.djangoSchema)
        checkDjangoSchema();

    // A migration may rewrite a big table, and waits for another copy of the
    // app migrating: no time limits here (quitting still cancels it).
    struct NoTimeouts {
        Database& db;
        int statementMs = db.statementTimeoutMs();
        int lockMs = db.lockTimeoutMs();
        ~NoTimeouts() { db.setTimeouts(statementMs, lockMs); }
    } noTimeouts{m_db};
    m_db.setTimeouts(0, 0);

    QList<Migration> applied;
    // One migration with its bookkeeping row. On PostgreSQL, copies of the app
    // migrating at once serialize on a transaction-scoped advisory lock (a
    // session lock would not survive a transaction-mode pool).
    auto applyOne = [&](const Migration& m) {
        if (m_db.isPostgres())
            m_db.query(u"SELECT pg_advisory_xact_lock(:k)"_s, {{u"k"_s, MigrationLockKey}});
        createBookkeeping();
        if (appliedVersion() >= m.version)
            return; // another copy of the app applied it while this one waited
        const bool adopt = m.version == 1 && before.djangoSchema;
        if (log)
            //: A comment line in the SQL a dry run prints: keep the leading "-- ". %1: the migration's name.
            log(adopt ? QCoreApplication::translate(
                            "tp::Migrator", "-- %1 (adopted: the web app already created these tables)")
                            .arg(m.name)
                      : u"-- %1"_s.arg(m.name));
        if (!adopt) {
            for (const QString& statement : splitSqlScript(m.sql)) {
                if (log)
                    log(statement + u';');
                m_db.execute(statement);
            }
        }
        record(m, adopt);
        applied << m;
    };

    if (dryRun) {
        // Transactional DDL on both engines: run it all for real, then roll back.
        struct DryRunRollback {};
        try {
            m_db.transaction([&] {
                for (const Migration& m : before.pending)
                    applyOne(m);
                throw DryRunRollback{};
            });
        } catch (const DryRunRollback&) {
        }
        return applied;
    }
    for (const Migration& m : before.pending)
        m_db.transaction([&] { applyOne(m); });
    return applied;
}

} // namespace tp
