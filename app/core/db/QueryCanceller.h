// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <atomic>
#include <memory>

struct pg_cancel;
struct pg_conn;
struct sqlite3;

namespace tp {

// Lets another thread stop what a Database is doing: quitting the app, closing
// a dialog, a Cancel button. Shared (std::shared_ptr) between the thread that
// owns the connection and whoever may cancel.
//
// cancel() stops the statement running now and makes every later statement of
// that Database fail at once with Error::Kind::Cancelled, until the owner calls
// reset(). On PostgreSQL the server is asked to cancel (PQcancel, on a thread
// of its own so that a dead network never blocks the caller) and the waiting
// connection is given up at once (it is closed and reopened on next use); on
// SQLite sqlite3_interrupt() stops the statement and our busy handler stops
// waiting for a lock.
class QueryCanceller {
public:
    QueryCanceller() = default;
    ~QueryCanceller();
    QueryCanceller(const QueryCanceller&) = delete;
    QueryCanceller& operator=(const QueryCanceller&) = delete;

    // Any thread.
    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    // The owner's thread: later statements may run again.
    void reset() { m_cancelled.store(false, std::memory_order_release); }

    // The owner's thread (Database): the connection a cancel reaches. Detach
    // before the connection is closed.
    void attachPostgres(pg_conn* connection);
    void attachSqlite(sqlite3* connection);
    void detach();

private:
    mutable QMutex m_mutex;
    std::shared_ptr<pg_cancel> m_pgCancel;
    sqlite3* m_sqlite = nullptr;
    std::atomic<bool> m_cancelled{false};
};

} // namespace tp
