// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseUrl.h"
#include "SqlRow.h"
#include "SqlValue.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct pg_conn;

namespace tp {

class QueryCanceller;

// One libpq connection, used through the extended query protocol only: every
// statement goes out with PQsendQueryParams (an unnamed statement; Parse, Bind,
// Execute and Sync in one exchange), its values apart from the SQL text with
// their types, one statement per call. Nothing is prepared by name and no
// session setting is sent beyond what PgBouncer tracks (client_encoding as a
// startup parameter, DateStyle only if the server's is not ISO), so a
// transaction-mode pool (PgBouncer, Neon's "-pooler") serves it as it is.
//
// Waiting for the server is done in slices, so that a QueryCanceller can stop
// a connect or a statement from another thread within a few milliseconds.
class PgConnection {
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Throws Error(Connection) in words a user can act on, or Error(Cancelled).
    void open(const DatabaseUrl& url, QueryCanceller* canceller);
    void close();
    bool isOpen() const;
    // libpq's own words for the last failed open(), for classifyConnectFailure.
    const QString& lastConnectError() const { return m_lastConnectError; }
    pg_conn* handle() const { return m_conn; }
    // True when the server holds a transaction open on this connection.
    bool inTransactionBlock() const;

    // What one statement (or one statement of a pipeline) came back with.
    struct Outcome {
        bool ok = false;
        SqlRows rows;
        int rowsAffected = 0;
        QByteArray commandTag; // "INSERT 0 1", "COMMIT", "ROLLBACK", ...
        QString sqlState;
        QString message;
        bool connectionLost = false;
        bool cancelled = false;
    };
    struct Statement {
        QByteArray sql; // with $1, $2, ...
        QList<PgParam> params;
    };

    Outcome exec(const Statement& statement, QueryCanceller* canceller);
    // Several statements in one exchange (libpq pipeline mode, one Sync at the
    // end). A failing statement makes the ones after it fail too.
    QList<Outcome> execPipeline(const QList<Statement>& statements, QueryCanceller* canceller);

private:
    enum class Wait { Ready, Cancelled, TimedOut, Failed };
    Wait waitForSocket(bool forWrite, QueryCanceller* canceller, qint64 deadlineMs) const;
    // Reads results until PQgetResult says there are no more (for one query).
    bool collect(Outcome& out, QueryCanceller* canceller, bool pipeline);
    Outcome lost(const QString& message);
    Outcome cancelled();

    pg_conn* m_conn = nullptr;
    QString m_lastConnectError;
};

} // namespace tp
