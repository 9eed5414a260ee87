#pragma once

#include "DatabaseUrl.h"
#include "SqlValue.h"
#include "domain/Error.h"

#include <QSqlDatabase>
#include <QSqlRecord>
#include <QThread>
#include <functional>

namespace tp {

using SqlRow = QSqlRecord;
using SqlRows = QList<QSqlRecord>;

// One connection to the database, owned by and used on one thread only (a
// QSqlDatabase cannot change threads before Qt 6.8). Every statement goes
// through here: values are bound by name, errors become tp::Error, dropped
// connections are noticed and reopened, and idempotent reads outside a
// transaction are retried once the connection is back.
class Database {
public:
    explicit Database(DatabaseUrl url);
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
    // Milliseconds of the last successful round trip of `ping()`.
    double ping();

    // Lets a test or the benchmark observe reconnects.
    int reconnectCount() const { return m_reconnects; }

private:
    enum class Retry { No, IfIdempotent };
    SqlRows run(const QString& sql, const SqlParams& params, Retry retry, int* rowsAffected);
    void begin();
    void commit();
    void rollback();
    void configureSession();
    void checkThread() const;

    DatabaseUrl m_url;
    QString m_connectionName;
    QThread* m_thread;
    int m_transactionDepth = 0;
    quint64 m_statementCount = 0;
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
