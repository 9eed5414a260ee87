// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "ConnectionErrors.h"
#include "PgConnection.h"
#include "SqliteConnection.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimeZone>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
// SQLite waits for another writer (a second window, the CLI) up to 5 s, in
// short naps, and stops waiting as soon as the work is cancelled.
int sqliteBusyHandler(void* canceller, int attempts) {
    if (static_cast<QueryCanceller*>(canceller)->isCancelled() || attempts >= 1000)
        return 0;
    QThread::msleep(5);
    return 1;
}

QString seconds(int ms) {
    return QString::number(ms / 1000.0, 'g', 3);
}
} // namespace

Database::Database(DatabaseUrl url, std::shared_ptr<QueryCanceller> canceller)
    : m_url(std::move(url))
    , m_canceller(canceller ? std::move(canceller) : std::make_shared<QueryCanceller>())
    , m_thread(QThread::currentThread()) {
    if (m_url.dialect == Dialect::Postgres)
        m_pg = std::make_unique<PgConnection>();
    else
        m_sqlite = std::make_unique<SqliteConnection>();
}

Database::~Database() {
    m_canceller->detach();
    if (m_pg)
        m_pg->close();
    else
        m_sqlite->close();
}

void Database::checkThread() const {
    Q_ASSERT_X(QThread::currentThread() == m_thread, "tp::Database",
               "a database connection is used from a thread other than the one that created it");
}

bool Database::isOpen() const {
    return m_pg ? m_pg->isOpen() : m_sqlite->isOpen();
}

void Database::open() {
    checkThread();
    if (isOpen())
        return;
    if (m_canceller->isCancelled())
        throw Error(Error::Kind::Cancelled,
                    QCoreApplication::translate("tp::Database", "The operation was cancelled."));
    if (m_pg) {
        m_pg->open(m_url, m_canceller.get());
        return;
    }
    if (m_url.database != u":memory:") {
        const QFileInfo file(m_url.database);
        if (!QDir().mkpath(file.absolutePath()))
            throw Error(Error::Kind::Connection,
                        QCoreApplication::translate("tp::Database",
                                                    "Cannot create the folder %1 for the database file.")
                            .arg(file.absolutePath()));
    }
    if (!m_sqlite->open(m_url.database))
        throw Error(Error::Kind::Connection,
                    describeConnectionError(u"Error opening database "_s + m_sqlite->lastOpenError(), m_url));
    try {
        configureSession();
    } catch (...) {
        m_canceller->detach();
        m_sqlite->close();
        throw;
    }
}

void Database::configureSession() {
    sqlite3* h = m_sqlite->handle();
    sqlite3_busy_handler(h, sqliteBusyHandler, m_canceller.get());
    m_canceller->attachSqlite(h);
    for (const QString& pragma :
         {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s})
        runSetupStatement(pragma);
}

void Database::runSetupStatement(const QString& sql) {
    // Switching a file to WAL needs it to itself: while another program writes
    // to it SQLite answers "locked" at once, without its busy handler (waiting
    // there could deadlock). Wait here instead, as long as every other
    // statement waits (5 s), in short naps, unless the work is cancelled.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const SqliteConnection::Outcome o = m_sqlite->exec(sql, {});
        if (o.ok)
            return;
        const bool busy = o.message.contains(u"locked"_s) || o.message.contains(u"busy"_s);
        if (busy && waited.elapsed() < 5000 && !m_canceller->isCancelled()) {
            QThread::msleep(20);
            continue;
        }
        const Error e = classifyStatementError(o.code, o.message, Dialect::Sqlite);
        throw Error(Error::Kind::Connection, e.message());
    }
}

void Database::close() {
    checkThread();
    m_canceller->detach();
    if (m_pg)
        m_pg->close();
    else
        m_sqlite->close();
    if (m_transactionDepth > 0)
        m_transactionBroken = true; // the transaction ended with the connection
}

SqlRows Database::query(const QString& sql, const SqlParams& params) {
    return run(sql, params, Retry::IfIdempotent, nullptr);
}

SqlRows Database::write(const QString& sql, const SqlParams& params) {
    return run(sql, params, Retry::No, nullptr);
}

int Database::execute(const QString& sql, const SqlParams& params) {
    int affected = 0;
    run(sql, params, Retry::No, &affected);
    return affected;
}

void Database::throwBrokenTransaction() const {
    throw Error(Error::Kind::Connection,
                QCoreApplication::translate(
                    "tp::Database",
                    "The connection to the database was lost during this change; nothing of it was saved. "
                    "Try again."));
}

void Database::reopenIfClosed(int attempt) {
    if (isOpen())
        return;
    // Inside a transaction a new connection would run the rest of it outside
    // any transaction: the transaction is over, as an error.
    if (m_transactionDepth > 0) {
        m_transactionBroken = true;
        throwBrokenTransaction();
    }
    if (attempt > 0 || m_statementCount > 0)
        ++m_reconnects;
    open();
}

void Database::fail(const Failure& f, bool mayRetry) {
    const bool inTx = m_transactionDepth > 0;
    if (f.cancelled || (f.sqlState == u"57014" && m_canceller->isCancelled())) {
        if (m_pg)
            m_pg->close(); // given up mid-statement; reopened on next use
        if (inTx)
            m_transactionBroken = true;
        Error e(Error::Kind::Cancelled,
                inTx ? QCoreApplication::translate("tp::Database",
                                                   "The operation was cancelled; nothing of it was saved.")
                     : QCoreApplication::translate("tp::Database", "The operation was cancelled."));
        e.setNativeCode(f.sqlState);
        throw e;
    }
    if (f.connectionLost || isConnectionLoss(f.sqlState, f.message, isOpen())) {
        close();
        if (mayRetry)
            return; // the whole statement again, never the rest of its rows
        if (inTx) {
            m_transactionBroken = true;
            throwBrokenTransaction();
        }
        Error err(Error::Kind::Connection,
                  QCoreApplication::translate("tp::Database",
                                              "The connection to the database was lost. Try again."));
        err.setNativeCode(f.sqlState);
        throw err;
    }
    if (m_pg && f.sqlState == u"57014") {
        Error e(Error::Kind::Cancelled,
                QCoreApplication::translate(
                    "tp::Database",
                    "The database took longer than %1 s over this and stopped it. Try again; if it happens "
                    "every time, the server is overloaded or the data much larger than usual.")
                    .arg(seconds(m_statementTimeoutMs)));
        e.setNativeCode(f.sqlState);
        throw e;
    }
    if (m_pg && f.sqlState == u"55P03") {
        Error e(Error::Kind::Conflict,
                QCoreApplication::translate(
                    "tp::Database",
                    "Another program or window is changing the same data and kept it locked for more than "
                    "%1 s. Try again in a moment.")
                    .arg(seconds(m_lockTimeoutMs)));
        e.setNativeCode(f.sqlState);
        throw e;
    }
    throw classifyStatementError(f.sqlState, f.message, m_url.dialect);
}

SqlRows Database::runSqlite(const BoundSql& bound, int* rowsAffected, Failure& failure,
                            const SqlRowSink* sink) {
    SqliteConnection::Outcome o = m_sqlite->exec(bound.sql, bound.sqliteValues, sink);
    if (o.ok) {
        if (rowsAffected)
            *rowsAffected = o.rowsAffected;
        return std::move(o.rows);
    }
    failure.sqlState = o.code;
    failure.message = o.message;
    failure.cancelled = m_canceller->isCancelled() || o.interrupted;
    failure.connectionLost = !m_sqlite->isOpen();
    if (failure.message.isEmpty())
        failure.message = u"SQLite error %1"_s.arg(o.code);
    return {};
}

SqlRows Database::run(const QString& sql, const SqlParams& params, Retry retry, int* rowsAffected,
                      const SqlRowSink* sink, const std::function<void()>& restart) {
    checkThread();
    if (m_transactionBroken)
        throwBrokenTransaction();
    if (m_canceller->isCancelled())
        fail({{}, {}, false, true}, false);
    const BoundSql bound = bindSql(sql, params, m_url.dialect);
    if (retry == Retry::No && m_transactionDepth > 0)
        m_transactionWrote = true;
    const QByteArray utf8 = m_pg ? bound.sql.toUtf8() : QByteArray();
    for (int attempt = 0;; ++attempt) {
        reopenIfClosed(attempt);
        if (attempt > 0 && restart)
            restart();
        ++m_statementCount;
        ++m_exchangeCount;
        Failure failure;
        if (m_pg) {
            PgConnection::Outcome o = m_pg->exec({utf8, bound.pgValues}, m_canceller.get());
            if (o.ok) {
                m_lastCommandTag = o.commandTag;
                if (rowsAffected)
                    *rowsAffected = o.rowsAffected;
                if (!sink)
                    return std::move(o.rows);
                // The whole result is here: only now does the sink see it.
                for (const SqlRow& row : std::as_const(o.rows))
                    (*sink)(row);
                return {};
            }
            failure = {o.sqlState, o.message, o.connectionLost, o.cancelled};
        } else {
            SqlRows rows = runSqlite(bound, rowsAffected, failure, sink);
            if (failure.message.isEmpty() && !failure.cancelled && !failure.connectionLost)
                return rows;
        }
        fail(failure, retry == Retry::IfIdempotent && m_transactionDepth == 0 && attempt < 2);
    }
}

QList<SqlRows> Database::queryPipeline(const QList<QPair<QString, SqlParams>>& statements) {
    checkThread();
    if (!m_pg) {
        QList<SqlRows> out;
        for (const auto& [sql, params] : statements)
            out.append(query(sql, params));
        return out;
    }
    if (m_transactionBroken)
        throwBrokenTransaction();
    if (m_canceller->isCancelled())
        fail({{}, {}, false, true}, false);
    QList<PgConnection::Statement> bound;
    for (const auto& [sql, params] : statements) {
        BoundSql b = bindSql(sql, params, m_url.dialect);
        bound.append({b.sql.toUtf8(), std::move(b.pgValues)});
    }
    for (int attempt = 0;; ++attempt) {
        reopenIfClosed(attempt);
        m_statementCount += quint64(bound.size());
        ++m_exchangeCount;
        QList<PgConnection::Outcome> outs = m_pg->execPipeline(bound, m_canceller.get());
        Failure failure;
        bool ok = outs.size() == bound.size();
        for (const PgConnection::Outcome& o : outs) {
            if (!o.ok) {
                failure = {o.sqlState, o.message, o.connectionLost, o.cancelled};
                ok = false;
                break;
            }
        }
        if (ok) {
            QList<SqlRows> out;
            for (PgConnection::Outcome& o : outs)
                out.append(std::move(o.rows));
            return out;
        }
        fail(failure, m_transactionDepth == 0 && attempt < 2);
    }
}

void Database::begin() {
    checkThread();
    if (!m_pg) {
        run(u"BEGIN IMMEDIATE"_s, {}, Retry::IfIdempotent, nullptr);
        m_transactionDepth = 1;
        m_transactionBroken = false;
        m_transactionWrote = false;
        return;
    }
    // BEGIN and the transaction's time limits in one round trip. BEGIN is
    // idempotent: a connection that died while idle (a suspended Neon compute,
    // a restarted server) is reopened here, before any write is sent.
    QList<QPair<QString, SqlParams>> statements = {{u"BEGIN"_s, {}}};
    if (m_statementTimeoutMs > 0 || m_lockTimeoutMs > 0)
        statements.append({u"SELECT set_config('statement_timeout', :st, true), "
                           u"set_config('lock_timeout', :lt, true)"_s,
                           {{u"st"_s, QString::number(m_statementTimeoutMs)},
                            {u"lt"_s, QString::number(m_lockTimeoutMs)}}});
    queryPipeline(statements);
    m_transactionDepth = 1;
    m_transactionBroken = false;
    m_transactionWrote = false;
}

void Database::commit() {
    if (m_transactionBroken) {
        // The body went on after a lost connection (it caught the error): the
        // server rolled everything back, which is not a success.
        rollback();
        throwBrokenTransaction();
    }
    if (!m_pg) {
        try {
            run(u"COMMIT"_s, {}, Retry::No, nullptr);
        } catch (...) {
            rollback();
            throw;
        }
        m_transactionDepth = 0;
        return;
    }
    ++m_statementCount;
    ++m_exchangeCount;
    const PgConnection::Outcome o = m_pg->exec({"COMMIT", {}}, m_canceller.get());
    m_transactionDepth = 0;
    m_transactionBroken = false;
    if (o.ok && o.commandTag == "COMMIT")
        return;
    if (o.ok) {
        // COMMIT of a transaction in which a statement failed (and the body
        // caught the error) is a ROLLBACK: nothing was saved.
        throw Error(
            Error::Kind::Database,
            QCoreApplication::translate(
                "tp::Database", "The change was not saved: one of its steps was refused by the database."));
    }
    if (o.cancelled || o.connectionLost || isConnectionLoss(o.sqlState, o.message, m_pg->isOpen())) {
        close();
        if (!m_transactionWrote)
            return; // only reads: they are complete, and there was nothing to save
        Error e(Error::Kind::OutcomeUnknown,
                QCoreApplication::translate(
                    "tp::Database",
                    "The connection to the database was lost while the change was being saved, so it is not "
                    "known whether it was saved. Look at the data again before repeating it."));
        e.setNativeCode(o.sqlState);
        throw e;
    }
    // A deferred constraint checked at COMMIT, a serialization failure: refused, rolled back.
    throw classifyStatementError(o.sqlState, o.message, m_url.dialect);
}

void Database::rollback() {
    m_transactionDepth = 0;
    m_transactionBroken = false;
    if (!isOpen())
        return; // the server rolls back what a dropped connection left open
    ++m_statementCount;
    ++m_exchangeCount;
    if (m_pg) {
        if (!m_pg->inTransactionBlock())
            return; // COMMIT failed, or BEGIN never got through: nothing to roll back
        const PgConnection::Outcome o = m_pg->exec({"ROLLBACK", {}}, m_canceller.get());
        if (!o.ok)
            m_pg->close(); // whatever state it is in, the server rolls back on close
        return;
    }
    m_sqlite->exec(u"ROLLBACK"_s, {});
}

double Database::ping() {
    QElapsedTimer t;
    t.start();
    query(u"SELECT 1"_s);
    return double(t.nsecsElapsed()) / 1e6;
}

namespace col {

// The column's index in `row`. The repositories read every row of a result
// by the same names in the same order, so the index found for a name is
// remembered (per thread) and only checked against the row, instead of
// comparing the name with every column before it for each value of each row.
static int indexOf(const SqlRow& row, const char* name) {
    struct Hint {
        const char* name = nullptr;
        int index = -1;
    };
    static thread_local Hint hints[64];
    Hint& hint = hints[(quintptr(name) >> 3) % 64];
    const QLatin1StringView wanted(name);
    if (hint.name == name && hint.index < row.count() && row.fieldName(hint.index) == wanted)
        return hint.index;
    int index = -1;
    for (int i = 0; i < row.count(); ++i) {
        if (row.fieldName(i) == wanted) {
            index = i;
            break;
        }
    }
    if (index < 0)
        index = row.indexOf(QString(wanted)); // a name in other case (SQLite gives it as written)
    hint = {name, index};
    return index;
}

static QVariant v(const SqlRow& row, const char* name) {
    const int i = indexOf(row, name);
    return i < 0 ? QVariant() : row.value(i);
}

QString text(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    return x.isNull() ? QString() : x.toString();
}

qint64 id(const SqlRow& row, const char* name) {
    return v(row, name).toLongLong();
}

std::optional<qint64> optionalId(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    if (x.isNull())
        return std::nullopt;
    return x.toLongLong();
}

int integer(const SqlRow& row, const char* name) {
    return v(row, name).toInt();
}

bool boolean(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    if (x.metaType().id() == QMetaType::QString)
        return x.toString() == u"t" || x.toString() == u"true" || x.toString() == u"1";
    return x.toBool();
}

QDate date(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    if (x.isNull())
        return {};
    if (x.metaType().id() == QMetaType::QDate)
        return x.toDate();
    return QDate::fromString(x.toString().left(10), Qt::ISODate);
}

// SQLite's timestamps as this app writes them ("2026-11-22T10:15:30.123Z",
// sqliteTimestamp()), read without QDateTime::fromString's general parser,
// which costs more than the rest of reading a message. Anything else: invalid.
static QDateTime storedUtcTimestamp(QStringView s) {
    if (s.size() != 24 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':' ||
        s[19] != u'.' || s[23] != u'Z')
        return {};
    bool ok = true;
    auto number = [&](qsizetype at, qsizetype digits) {
        int n = 0;
        for (qsizetype i = at; i < at + digits; ++i) {
            const char16_t c = s[i].unicode();
            ok = ok && c >= u'0' && c <= u'9';
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!ok || !date.isValid() || !time.isValid())
        return {};
    // Qt::UTC keeps the value in QDateTime's short form (no time zone object per value).
    return QDateTime(date, time, Qt::UTC);
}

QDateTime timestamp(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    if (x.isNull())
        return {};
    if (x.metaType().id() == QMetaType::QDateTime) {
        QDateTime t = x.toDateTime();
        return t.timeSpec() == Qt::UTC ? t : t.toUTC();
    }
    if (x.metaType().id() == QMetaType::QString) {
        if (QDateTime t = storedUtcTimestamp(*static_cast<const QString*>(x.constData())); t.isValid())
            return t;
    }
    QDateTime t = QDateTime::fromString(x.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(x.toString(), Qt::ISODate);
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

std::optional<Decimal> decimal(const SqlRow& row, const char* name, int precision, int scale) {
    return Decimal::fromVariant(v(row, name), precision, scale);
}

QJsonArray jsonArray(const SqlRow& row, const char* name) {
    return QJsonDocument::fromJson(v(row, name).toString().toUtf8()).array();
}

QJsonObject jsonObject(const SqlRow& row, const char* name) {
    return QJsonDocument::fromJson(v(row, name).toString().toUtf8()).object();
}

} // namespace col

} // namespace tp
