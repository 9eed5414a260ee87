#include "Database.h"

#include "ConnectionErrors.h"
#include "domain/Error.h"

#include <QAtomicInt>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
QAtomicInt g_connectionCounter;

QSqlDatabase handleFor(const QString& name) {
    return QSqlDatabase::database(name, false);
}
} // namespace

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_connectionName(u"tripplanner-%1"_s.arg(g_connectionCounter.fetchAndAddRelaxed(1)))
    , m_thread(QThread::currentThread()) {
    const QString driver = m_url.dialect == Dialect::Postgres ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driver))
        throw Error(Error::Kind::Config,
                    u"The Qt SQL driver %1 is not installed (Debian: %2)."_s.arg(
                        driver, driver == u"QPSQL" ? u"libqt6sql6-psql"_s : u"libqt6sql6-sqlite"_s));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_connectionName);
    if (m_url.dialect == Dialect::Postgres) {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setDatabaseName(m_url.database);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setConnectOptions(m_url.libpqOptions());
    } else {
        db.setDatabaseName(m_url.database);
        // Wait for another writer (a second window, the CLI) instead of failing at once.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
}

Database::~Database() {
    {
        QSqlDatabase db = handleFor(m_connectionName);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::checkThread() const {
    Q_ASSERT_X(QThread::currentThread() == m_thread, "tp::Database",
               "a database connection is used from a thread other than the one that created it");
}

bool Database::isOpen() const {
    return handleFor(m_connectionName).isOpen();
}

void Database::open() {
    checkThread();
    QSqlDatabase db = handleFor(m_connectionName);
    if (db.isOpen())
        return;
    if (m_url.dialect == Dialect::Sqlite && m_url.database != u":memory:") {
        const QFileInfo file(m_url.database);
        if (!QDir().mkpath(file.absolutePath()))
            throw Error(Error::Kind::Connection,
                        u"Cannot create the folder %1 for the database file."_s.arg(file.absolutePath()));
    }
    if (!db.open()) {
        const QSqlError e = db.lastError();
        throw Error(Error::Kind::Connection,
                    describeConnectionError(e.driverText() + u' ' + e.databaseText(), m_url));
    }
    configureSession();
}

void Database::configureSession() {
    if (m_url.dialect != Dialect::Sqlite)
        return; // PostgreSQL: no session state, so that a transaction-mode pool works
    QSqlDatabase db = handleFor(m_connectionName);
    QSqlQuery q(db);
    for (const QString& pragma :
         {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s}) {
        if (!q.exec(pragma))
            throw Error(Error::Kind::Connection,
                        u"Cannot configure the database file: %1"_s.arg(q.lastError().text()));
    }
}

void Database::close() {
    checkThread();
    QSqlDatabase db = handleFor(m_connectionName);
    if (db.isOpen())
        db.close();
    m_transactionDepth = 0;
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

SqlRows Database::run(const QString& sql, const SqlParams& params, Retry retry, int* rowsAffected) {
    checkThread();
    const BoundSql bound = bindSql(sql, params, m_url.dialect);
    const bool mayRetry = retry == Retry::IfIdempotent && m_transactionDepth == 0;
    for (int attempt = 0;; ++attempt) {
        if (!isOpen()) {
            if (attempt > 0 || m_statementCount > 0)
                ++m_reconnects;
            open();
        }
        QSqlDatabase db = handleFor(m_connectionName);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // NUMERIC as text: exact, never a double.
        q.setNumericalPrecisionPolicy(QSql::HighPrecision);
        ++m_statementCount;
        bool ok;
        if (m_url.dialect == Dialect::Sqlite) {
            ok = q.prepare(bound.sql);
            if (ok) {
                for (const QVariant& v : bound.sqliteValues)
                    q.addBindValue(v);
                ok = q.exec();
            }
        } else {
            ok = q.exec(bound.sql);
        }
        if (ok) {
            SqlRows rows;
            while (q.next())
                rows.append(q.record());
            if (rowsAffected)
                *rowsAffected = q.numRowsAffected();
            return rows;
        }
        const QSqlError e = q.lastError();
        q.finish();
        if (isConnectionLoss(e.nativeErrorCode(), e.databaseText() + u' ' + e.driverText(), db.isOpen())) {
            db.close();
            if (mayRetry && attempt < 2)
                continue;
            const bool inTx = m_transactionDepth > 0;
            m_transactionDepth = 0;
            Error err(Error::Kind::Connection,
                      inTx ? u"The connection to the database was lost; nothing of this change was saved. "
                             u"Try again."_s
                           : u"The connection to the database was lost. Try again."_s);
            err.setNativeCode(e.nativeErrorCode());
            throw err;
        }
        Error err = classifyStatementError(e.nativeErrorCode(), e.databaseText(), m_url.dialect);
        throw err;
    }
}

void Database::begin() {
    // BEGIN is idempotent: a connection that died while idle (a suspended Neon
    // compute, a restarted server) is reopened here, before any write is sent.
    run(m_url.dialect == Dialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s, {}, Retry::IfIdempotent,
        nullptr);
    m_transactionDepth = 1;
}

void Database::commit() {
    try {
        run(u"COMMIT"_s, {}, Retry::No, nullptr);
    } catch (...) {
        m_transactionDepth = 0;
        throw;
    }
    m_transactionDepth = 0;
}

void Database::rollback() {
    m_transactionDepth = 0;
    if (!isOpen())
        return; // the server rolls back what a dropped connection left open
    QSqlQuery q(handleFor(m_connectionName));
    ++m_statementCount;
    q.exec(u"ROLLBACK"_s);
}

double Database::ping() {
    QElapsedTimer t;
    t.start();
    query(u"SELECT 1"_s);
    return double(t.nsecsElapsed()) / 1e6;
}

namespace col {

static QVariant v(const SqlRow& row, const char* name) {
    return row.value(QLatin1StringView(name));
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

QDateTime timestamp(const SqlRow& row, const char* name) {
    const QVariant x = v(row, name);
    if (x.isNull())
        return {};
    if (x.metaType().id() == QMetaType::QDateTime)
        return x.toDateTime().toUTC();
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
