// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionProbe.h"

#include "db/Database.h"
#include "db/Migrator.h"
#include "db/PgConnection.h"
#include "db/QueryCanceller.h"

#include <QAtomicInt>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace tp {

namespace {

QAtomicInt g_probeCounter;

double elapsedMs(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

QString scalar(QSqlDatabase& db, const QString& sql, bool* ok = nullptr) {
    QSqlQuery q(db);
    const bool done = q.exec(sql) && q.next();
    if (ok)
        *ok = done;
    return done ? q.value(0).toString() : QString();
}

// Opens a read-only SQLite connection of our own on this thread. Removed
// again when the object goes.
class RawConnection {
public:
    explicit RawConnection(const DatabaseUrl& url)
        : m_name(u"tripplanner-probe-%1"_s.arg(g_probeCounter.fetchAndAddRelaxed(1))) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(url.database);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    }
    ~RawConnection() {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase handle() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

// The schema state, through the app's own Migrator (read-only).
void readSchema(ProbeResult& r, const DatabaseUrl& url, const std::shared_ptr<QueryCanceller>& canceller) {
    try {
        Database database(url, canceller);
        const SchemaStatus s = Migrator(database).status();
        r.schemaVersion = s.currentVersion;
        r.appSchemaVersion = s.latestKnownVersion;
        r.pendingMigrations = int(s.pending.size());
        if (s.newerThanApp())
            r.schema = ProbeResult::Schema::Newer;
        else if (s.currentVersion == 0 && s.djangoSchema)
            r.schema = ProbeResult::Schema::WebApp;
        else if (s.currentVersion == 0 && s.empty)
            r.schema = ProbeResult::Schema::Empty;
        else if (s.currentVersion == 0)
            r.schema = ProbeResult::Schema::Foreign;
        else if (!s.pending.isEmpty())
            r.schema = ProbeResult::Schema::Older;
        else
            r.schema = ProbeResult::Schema::Current;
    } catch (const Error& e) {
        r.cancelled = e.kind() == Error::Kind::Cancelled;
        r.schemaError = e.message();
    }
}

} // namespace

ConnectionProbe::ConnectionProbe(DatabaseUrl url)
    : m_url(std::move(url)) {}

// Through libpq, as the app itself connects (PgConnection), so that libpq's own
// words reach classifyConnectFailure and a canceller can stop every step.
ProbeResult ConnectionProbe::runPostgres() const {
    ProbeResult r;
    std::shared_ptr<QueryCanceller> canceller =
        m_canceller ? m_canceller : std::make_shared<QueryCanceller>();
    DatabaseUrl url = m_url;
    if (!url.options.contains(u"connect_timeout"_s))
        url.options.insert(u"connect_timeout"_s, QString::number(m_timeout));
    PgConnection pg;
    QElapsedTimer timer;
    timer.start();
    try {
        pg.open(url, canceller.get());
    } catch (const Error& e) {
        r.cancelled = e.kind() == Error::Kind::Cancelled;
        r.failure = r.cancelled ? ConnectFailure::Other : classifyConnectFailure(pg.lastConnectError());
        r.error = r.cancelled ? tr("The test was cancelled.") : e.message();
        return r;
    }
    r.connectMs = elapsedMs(timer);
    r.reachable = true;
    auto scalar = [&](const char* sql, bool* ok = nullptr) -> QString {
        const PgConnection::Outcome o = pg.exec({sql, {}}, canceller.get());
        const bool done = o.ok && !o.rows.isEmpty();
        if (ok)
            *ok = done;
        r.cancelled = r.cancelled || o.cancelled;
        return done ? o.rows.first().value(0).toString() : QString();
    };
    // Round trips: the best of three, as the first may pay for a cold start.
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        bool ok = false;
        scalar("SELECT 1", &ok);
        if (!ok)
            break;
        const double ms = elapsedMs(t);
        if (r.latencyMs < 0 || ms < r.latencyMs)
            r.latencyMs = ms;
    }
    const QString version = scalar("SHOW server_version");
    r.serverVersion = u"PostgreSQL "_s + version.section(u' ', 0, 0);
    bool ok = false;
    const QString ssl = scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &ok);
    if (ok)
        r.tls = ssl == u"t" || ssl == u"true" || ssl == u"1";
    const QString portText = scalar("SELECT inet_server_port()", &ok);
    if (m_url.looksPooled()) {
        r.pooled = true;
        r.poolingReason = tr("the host name is a Neon pooler endpoint (\"-pooler\")");
    } else if (ok && !portText.isEmpty() && portText.toInt() != m_url.port) {
        r.pooled = true;
        r.poolingReason = tr("the server listens on port %1, not on the port %2 of the URL (a connection "
                             "pooler such as PgBouncer is in between)")
                              .arg(portText)
                              .arg(m_url.port);
    }
    pg.close();
    if (r.cancelled || canceller->isCancelled()) {
        r.cancelled = true;
        return r;
    }
    readSchema(r, url, canceller);
    return r;
}

ProbeResult ConnectionProbe::run() const {
    if (m_url.dialect == Dialect::Postgres)
        return runPostgres();
    ProbeResult r;
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s)) {
        r.failure = ConnectFailure::Other;
        r.error = tr("The Qt SQL driver %1 is not installed.").arg(u"QSQLITE"_s);
        return r;
    }
    if (m_url.database != u":memory:" && !QFileInfo::exists(m_url.database)) {
        // Nothing to open yet: the app creates the file on first use.
        r.reachable = true;
        r.schema = ProbeResult::Schema::Empty;
        r.serverVersion = tr("SQLite (the file will be created on first use)");
        return r;
    }

    RawConnection raw(m_url);
    QSqlDatabase db = raw.handle();
    QElapsedTimer timer;
    timer.start();
    if (!db.open()) {
        const QSqlError e = db.lastError();
        const QString text = e.driverText() + u' ' + e.databaseText();
        r.failure = classifyConnectFailure(text);
        r.error = describeConnectionError(text, m_url);
        return r;
    }
    r.connectMs = elapsedMs(timer);
    r.reachable = true;
    {
        QElapsedTimer t;
        t.start();
        bool ok = false;
        scalar(db, u"SELECT 1"_s, &ok);
        if (ok)
            r.latencyMs = elapsedMs(t);
    }
    r.serverVersion = u"SQLite "_s + scalar(db, u"SELECT sqlite_version()"_s);
    db.close();
    readSchema(r, m_url, m_canceller);
    return r;
}

QString ProbeResult::schemaText() const {
    switch (schema) {
    case Schema::Unknown:
        return schemaError.isEmpty()
                   ? ConnectionProbe::tr("Schema: unknown.")
                   : ConnectionProbe::tr("Schema: could not be read (%1).").arg(schemaError);
    case Schema::Empty:
        return ConnectionProbe::tr("Schema: the database is empty; the app will create its tables.");
    case Schema::Current:
        return ConnectionProbe::tr("Schema: up to date (version %1).").arg(schemaVersion);
    case Schema::Older:
        return ConnectionProbe::tr("Schema: older than this app (version %1 of %2, %n migrations pending); "
                                   "it can be migrated now.",
                                   nullptr, pendingMigrations)
            .arg(schemaVersion)
            .arg(appSchemaVersion);
    case Schema::Newer:
        return ConnectionProbe::tr(
                   "Schema: newer than this app (version %1, this app knows up to %2); the app "
                   "refuses to use it. Update the app.")
            .arg(schemaVersion)
            .arg(appSchemaVersion);
    case Schema::WebApp:
        return ConnectionProbe::tr("Schema: made by the web app (Django); the app will adopt it and add its "
                                   "own tables.");
    case Schema::Foreign:
        return ConnectionProbe::tr("Schema: the database holds tables that this app did not create.");
    }
    return {};
}

QString ProbeResult::summary() const {
    if (!reachable)
        return ConnectionProbe::tr("Not reachable. %1").arg(error);
    QStringList lines;
    lines << ConnectionProbe::tr("Connected: %1.").arg(serverVersion);
    if (tls.has_value())
        lines << (*tls ? ConnectionProbe::tr("TLS: on (the connection is encrypted).")
                       : ConnectionProbe::tr("TLS: off (the connection is not encrypted)."));
    if (pooled)
        lines << ConnectionProbe::tr("Endpoint: pooled, because %1.").arg(poolingReason);
    else if (tls.has_value())
        lines << ConnectionProbe::tr("Endpoint: direct.");
    if (latencyMs >= 0)
        lines << ConnectionProbe::tr("Round trip: %1 ms (connecting took %2 ms).")
                     .arg(latencyMs, 0, 'f', 1)
                     .arg(connectMs, 0, 'f', 0);
    lines << schemaText();
    return lines.join(u'\n');
}

} // namespace tp
