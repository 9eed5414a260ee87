// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"

#include <QString>
#include <memory>

// Temporary databases for tests, on every engine the app supports:
//   "sqlite"     an embedded file in a temporary folder
//   "postgres"   a fresh database on the suite's PostgreSQL 15 server
//   "pgbouncer"  the same kind of database, reached through PgBouncer in
//                transaction pooling mode
// The servers are started by the CTest fixture (tests/support/pgcluster.sh);
// a test run outside CTest fails with a message saying so, it never skips.
namespace tp::test {

struct ClusterInfo {
    QString pgUrl;        // the suite's database, direct
    QString pgbouncerUrl; // the same through PgBouncer
    QString adminUrl;     // the "postgres" database, for CREATE/DROP DATABASE
    QString dir;          // the cluster folder (for pgcluster.sh restart)
};
// Reads the fixture's env file; QFAILs when the cluster is not running.
ClusterInfo cluster();

// A fresh, empty database for one test; dropped when the object goes.
class TempDatabase {
public:
    // backend: "sqlite", "postgres" or "pgbouncer".
    explicit TempDatabase(const QString& backend);
    ~TempDatabase();
    TempDatabase(const TempDatabase&) = delete;
    TempDatabase& operator=(const TempDatabase&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    QString backend() const { return m_backend; }
    // Opens a new connection on the calling thread.
    std::unique_ptr<Database> connect() const;
    // A connection with the app's migrations applied.
    std::unique_ptr<Database> connectMigrated() const;

private:
    QString m_backend;
    QString m_name; // PostgreSQL database name or SQLite folder
    DatabaseUrl m_url;
};

// Adds the rows "sqlite", "postgres", "pgbouncer" to a data-driven test.
void addBackendRows();
// Only the server's rows, "postgres" and "pgbouncer" (what SQLite cannot do: kill a backend, cancel).
void addPostgresBackendRows();
QString backendRow(); // the current row's backend (inside a test function)

// Runs a command (the CLI, a script) and returns exit code, stdout, stderr.
struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult run(const QString& program, const QStringList& args, const QByteArray& stdinData = {},
                  const QStringList& extraEnv = {}, int timeoutMs = 120000);
ProcessResult runCli(const QStringList& args, const QByteArray& stdinData = {},
                     const QStringList& extraEnv = {});

} // namespace tp::test
