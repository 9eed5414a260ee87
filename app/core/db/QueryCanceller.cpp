// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueryCanceller.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <thread>

namespace tp {

QueryCanceller::~QueryCanceller() = default;

void QueryCanceller::cancel() {
    m_cancelled.store(true, std::memory_order_release);
    QMutexLocker lock(&m_mutex);
    // Under the lock: detach() waits for this before the connection is closed.
    if (m_sqlite)
        sqlite3_interrupt(m_sqlite);
    if (std::shared_ptr<pg_cancel> pg = m_pgCancel) {
        // PQcancel opens a connection of its own to the server and waits for it:
        // on a dead network that can take long, so it never runs on the caller's
        // thread (the GUI's). The PGcancel object lives as long as the thread.
        std::thread([pg] {
            char message[256];
            PQcancel(pg.get(), message, int(sizeof message));
        }).detach();
    }
}

void QueryCanceller::attachPostgres(pg_conn* connection) {
    PGcancel* c = PQgetCancel(connection);
    QMutexLocker lock(&m_mutex);
    m_pgCancel = c ? std::shared_ptr<pg_cancel>(c, PQfreeCancel) : nullptr;
    m_sqlite = nullptr;
}

void QueryCanceller::attachSqlite(sqlite3* connection) {
    QMutexLocker lock(&m_mutex);
    m_sqlite = connection;
    m_pgCancel.reset();
}

void QueryCanceller::detach() {
    QMutexLocker lock(&m_mutex);
    m_sqlite = nullptr;
    m_pgCancel.reset();
}

} // namespace tp
