// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Database.h"

#include <functional>

namespace tp {

struct Migration {
    int version = 0;
    QString name; // "0002_database_rules"
    QString sql;  // the whole file
};

struct SchemaStatus {
    int currentVersion = 0;     // 0: no schema of ours yet
    int latestKnownVersion = 0; // the newest migration this build carries
    QList<Migration> pending;
    bool empty = false;        // no tables at all
    bool djangoSchema = false; // the seed's Django app made the tables; version 1 will be adopted
    bool newerThanApp() const { return currentVersion > latestKnownVersion; }
};

// Applies the versioned migrations in sql/<dialect>/ (compiled in as
// resources). Each migration runs in its own transaction together with its
// bookkeeping row; concurrent migrators serialize on a transaction-scoped lock;
// a dry run executes everything inside a transaction and rolls it back.
class Migrator {
public:
    explicit Migrator(Database& db);

    static QList<Migration> available(Dialect dialect);

    SchemaStatus status();

    // Applies what is pending and returns it. Throws Error(Kind::Schema) when the
    // database is newer than this app or a Django schema does not match the
    // seed; the database is then left untouched. `log` receives each statement.
    QList<Migration> migrate(bool dryRun = false, const std::function<void(const QString&)>& log = {});

    static constexpr const char* BookkeepingTable = "tripplanner_schema_migrations";

private:
    bool tableExists(const QString& table);
    QStringList columnsOf(const QString& table);
    int appliedVersion();
    void checkDjangoSchema();
    void createBookkeeping();
    void record(const Migration& m, bool adopted);

    Database& m_db;
};

} // namespace tp
