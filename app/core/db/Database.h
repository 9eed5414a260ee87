// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseUrl.h"
#include "QueryCanceller.h"
#include "SqlRow.h"
#include "SqlValue.h"
#include "domain/Error.h"

#include <QThread>
#include <functional>
#include <memory>

namespace tp {

class PgConnection;
class SqliteConnection;

// One connection to the database, owned by and used on one thread only.
// Every statement goes through here: values are bound by name, errors become
// tp::Error, dropped connections are noticed and reopened, and idempotent
// reads outside a transaction are retried, as a whole, once the connection is
// back.
//
// Each engine is reached through its own client library, with values apart
// from the SQL text: PostgreSQL through libpq (PgConnection: the extended
// protocol), SQLite through the sqlite3 API (SqliteConnection: native binding,
// statements prepared once per connection). A result is all of its rows or an
// error, never part of them.
class Database {
public:
    // `canceller` lets another thread stop this connection's statements (see
    // QueryCanceller); one is made when none is given.
    explicit Database(DatabaseUrl url, std::shared_ptr<QueryCanceller> canceller = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens the connection; throws Error(Kind::Connection) with a message a
    // user can act on. Called implicitly by the first statement.
    void open();
    void close();
    bool isOpen() const;

    Dialect dialect() const { return m_url.dialect; }
    const DatabaseUrl& url() const { return m_url; }
    bool isPostgres() const { return m_url.dialect == Dialect::Postgres; }

    // A read that may be repeated: retried after a reconnect when not inside a transaction.
    SqlRows query(const QString& sql, const SqlParams& params = {});
    // query(), each row mapped by `map` as it is read (on SQLite; on
    // PostgreSQL once the whole result has come), without a list of rows in
    // between: for large reads. Whole or an error, as query().
    template <class T, class Map> QList<T> queryAs(const QString& sql, const SqlParams& params, Map map) {
        QList<T> out;
        const SqlRowSink sink = [&](const SqlRow& r) {
            out.append(map(r));
        };
        run(sql, params, Retry::IfIdempotent, nullptr, &sink, [&] { out.clear(); });
        return out;
    }
    // A statement with effects (INSERT ... RETURNING included): never retried. Returns the rows it yields.
    SqlRows write(const QString& sql, const SqlParams& params = {});
    // A statement with effects whose rows do not matter; returns the number of rows affected.
    int execute(const QString& sql, const SqlParams& params = {});

    // Runs `body` in one transaction: committed when it returns, rolled back
    // when it throws (and the exception passed on). Nested calls join the
    // outer transaction.
    template <class F> auto transaction(F&& body) -> decltype(body()) {
        if (m_transactionDepth > 0) {
            ++m_transactionDepth;
            struct Leave {
                int& depth;
                ~Leave() { --depth; }
            } leave{m_transactionDepth};
            return body();
        }
        begin();
        try {
            if constexpr (std::is_void_v<decltype(body())>) {
                body();
                commit();
            } else {
                auto result = body();
                commit();
                return result;
            }
        } catch (...) {
            rollback();
            throw;
        }
    }
    bool inTransaction() const { return m_transactionDepth > 0; }

    // How many statements this connection has sent (for the fixed-query-count
    // guarantees of the repositories, checked by tests and the benchmark).
    quint64 statementCount() const { return m_statementCount; }
    // How many round trips to the server those statements took (a pipeline is
    // one), for the window's start-up guarantees.
    quint64 exchangeCount() const { return m_exchangeCount; }
    // Milliseconds of the last successful round trip of `ping()`.
    double ping();

    // Lets a test or the benchmark observe reconnects.
    int reconnectCount() const { return m_reconnects; }

    // What another thread calls to cancel this connection's work.
    const std::shared_ptr<QueryCanceller>& canceller() const { return m_canceller; }

    // Limits set at the start of every transaction on PostgreSQL (SET LOCAL
    // through set_config(..., true), which a transaction pool allows), in
    // milliseconds; 0: none. Defaults: 30 s per statement, 10 s waiting for a lock.
    void setTimeouts(int statementMs, int lockMs) {
        m_statementTimeoutMs = statementMs;
        m_lockTimeoutMs = lockMs;
    }
    int statementTimeoutMs() const { return m_statementTimeoutMs; }
    int lockTimeoutMs() const { return m_lockTimeoutMs; }

    // Several reads in one round trip (PostgreSQL's pipeline mode; one after
    // the other on SQLite). Outside a transaction, retried as a whole after a
    // lost connection. Each statement's rows, in order.
    QList<SqlRows> queryPipeline(const QList<QPair<QString, SqlParams>>& statements);

private:
    enum class Retry { No, IfIdempotent };
    // With a sink the rows go to it and none are returned; `restart` is called
    // before a statement is tried again, to drop what the sink was given.
    SqlRows run(const QString& sql, const SqlParams& params, Retry retry, int* rowsAffected,
                const SqlRowSink* sink = nullptr, const std::function<void()>& restart = {});
    struct Failure {
        QString sqlState;
        QString message;
        bool connectionLost = false;
        bool cancelled = false;
    };
    // Throws the error a failed statement means, or returns (having closed the
    // connection) when it may be tried again.
    void fail(const Failure& f, bool mayRetry);
    void reopenIfClosed(int attempt);
    SqlRows runSqlite(const BoundSql& bound, int* rowsAffected, Failure& failure, const SqlRowSink* sink);
    // Runs a statement of the session's set-up, waiting while another program holds the file.
    void runSetupStatement(const QString& sql);
    void begin();
    void commit();
    void rollback();
    void configureSession();
    void checkThread() const;
    [[noreturn]] void throwBrokenTransaction() const;

    DatabaseUrl m_url;
    std::shared_ptr<QueryCanceller> m_canceller;
    std::unique_ptr<PgConnection> m_pg;         // PostgreSQL
    std::unique_ptr<SqliteConnection> m_sqlite; // SQLite
    QByteArray m_lastCommandTag;
    int m_statementTimeoutMs = 30000;
    int m_lockTimeoutMs = 10000;
    QThread* m_thread;
    int m_transactionDepth = 0;
    // Set when the connection was lost inside the current transaction: the
    // server has rolled it back, so every later statement of it fails (none is
    // run on a new connection, outside the transaction) until it is left.
    bool m_transactionBroken = false;
    // Whether the current transaction sent anything but reads (write/execute):
    // a lost COMMIT of a read-only transaction loses nothing.
    bool m_transactionWrote = false;
    quint64 m_statementCount = 0;
    quint64 m_exchangeCount = 0;
    int m_reconnects = 0;
};

// Helpers to read typed values out of a row, the same on both engines.
namespace col {
QString text(const SqlRow& row, const char* name); // NULL -> empty
qint64 id(const SqlRow& row, const char* name);
std::optional<qint64> optionalId(const SqlRow& row, const char* name);
int integer(const SqlRow& row, const char* name);
bool boolean(const SqlRow& row, const char* name);
QDate date(const SqlRow& row, const char* name);
QDateTime timestamp(const SqlRow& row, const char* name); // UTC; invalid when NULL
std::optional<Decimal> decimal(const SqlRow& row, const char* name, int precision, int scale);
QJsonArray jsonArray(const SqlRow& row, const char* name);
QJsonObject jsonObject(const SqlRow& row, const char* name);
} // namespace col

} // namespace tp
