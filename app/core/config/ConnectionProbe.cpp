#include "ConnectionProbe.h"

#include "db/Database.h"
#include "db/Migrator.h"

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

// Opens a connection of our own on this thread, so that libpq's own words
// reach classifyConnectFailure. Removed again when the object goes.
class RawConnection {
public:
    RawConnection(const DatabaseUrl& url, int timeoutSeconds)
        : m_name(u"tripplanner-probe-%1"_s.arg(g_probeCounter.fetchAndAddRelaxed(1))) {
        const bool pg = url.dialect == Dialect::Postgres;
        QSqlDatabase db = QSqlDatabase::addDatabase(pg ? u"QPSQL"_s : u"QSQLITE"_s, m_name);
        db.setDatabaseName(url.database);
        if (pg) {
            DatabaseUrl u = url;
            if (!u.options.contains(u"connect_timeout"_s))
                u.options.insert(u"connect_timeout"_s, QString::number(timeoutSeconds));
            db.setHostName(u.host);
            db.setPort(u.port);
            db.setUserName(u.user);
            db.setPassword(u.password);
            db.setConnectOptions(u.libpqOptions());
        } else {
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        }
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

} // namespace

ConnectionProbe::ConnectionProbe(DatabaseUrl url)
    : m_url(std::move(url)) {}

ProbeResult ConnectionProbe::run() const {
    ProbeResult r;
    const bool pg = m_url.dialect == Dialect::Postgres;
    const QString driver = pg ? u"QPSQL"_s : u"QSQLITE"_s;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        r.failure = ConnectFailure::Other;
        r.error = tr("The Qt SQL driver %1 is not installed.").arg(driver);
        return r;
    }
    if (!pg && m_url.database != u":memory:" && !QFileInfo::exists(m_url.database)) {
        // Nothing to open yet: the app creates the file on first use.
        r.reachable = true;
        r.schema = ProbeResult::Schema::Empty;
        r.serverVersion = tr("SQLite (the file will be created on first use)");
        return r;
    }

    RawConnection raw(m_url, m_timeout);
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

    // Round trips: the best of three, as the first may pay for a cold start.
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        bool ok = false;
        scalar(db, u"SELECT 1"_s, &ok);
        if (!ok)
            break;
        const double ms = elapsedMs(t);
        if (r.latencyMs < 0 || ms < r.latencyMs)
            r.latencyMs = ms;
    }

    if (pg) {
        const QString version = scalar(db, u"SHOW server_version"_s);
        r.serverVersion = u"PostgreSQL "_s + version.section(u' ', 0, 0);
        bool ok = false;
        const QString ssl = scalar(db, u"SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"_s, &ok);
        if (ok)
            r.tls = ssl == u"t" || ssl == u"true" || ssl == u"1";
        const QString portText = scalar(db, u"SELECT inet_server_port()"_s, &ok);
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
    } else {
        r.serverVersion = u"SQLite "_s + scalar(db, u"SELECT sqlite_version()"_s);
    }
    db.close();

    // The schema state, through the app's own Migrator (read-only).
    try {
        Database database(m_url);
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
        r.schemaError = e.message();
    }
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
        return ConnectionProbe::tr("Schema: older than this app (version %1 of %2, %n migration(s) pending); "
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
