// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/ConnectionErrors.h"
#include "db/DatabaseUrl.h"

#include <QCoreApplication>
#include <QString>
#include <memory>
#include <optional>

// Opens a database once and reports what a user needs to know about it, in
// words: reachable or why not, server version, TLS, direct or pooled endpoint,
// round-trip latency, and the schema's state. GUI-free and blocking: run it on
// a worker thread (it opens and closes its own connections on that thread).
namespace tp {

class QueryCanceller;

struct ProbeResult {
    enum class Schema { Unknown, Empty, Current, Older, Newer, WebApp, Foreign };

    bool reachable = false;
    bool cancelled = false;                // stopped through the canceller
    std::optional<ConnectFailure> failure; // set when not reachable
    QString error;                         // why not, in words (no password in it)

    QString serverVersion;   // "PostgreSQL 15.4" / "SQLite 3.40.1"
    std::optional<bool> tls; // PostgreSQL only
    bool pooled = false;
    QString poolingReason; // why it is considered pooled
    double connectMs = -1; // time to open the connection
    double latencyMs = -1; // best round trip of a few SELECT 1
    Schema schema = Schema::Unknown;
    int schemaVersion = 0;
    int appSchemaVersion = 0;
    int pendingMigrations = 0;
    QString schemaError; // when reading the schema state failed

    // One sentence per line, for a dialog or the terminal.
    QString summary() const;
    QString schemaText() const;
};

class ConnectionProbe {
    Q_DECLARE_TR_FUNCTIONS(tp::ConnectionProbe)
public:
    explicit ConnectionProbe(DatabaseUrl url);
    // Seconds to wait for the server (libpq connect_timeout); default 15.
    void setConnectTimeout(int seconds) { m_timeout = seconds; }
    // Another thread may stop the probe through it (a dialog's Cancel, closing the dialog).
    void setCanceller(std::shared_ptr<QueryCanceller> canceller) { m_canceller = std::move(canceller); }
    ProbeResult run() const;

private:
    ProbeResult runPostgres() const;

    DatabaseUrl m_url;
    int m_timeout = 15;
    std::shared_ptr<QueryCanceller> m_canceller;
};

} // namespace tp
