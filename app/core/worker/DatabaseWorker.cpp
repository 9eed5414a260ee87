// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseWorker.h"

#include "db/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tp {

DatabaseWorker::DatabaseWorker(DatabaseUrl url, int pingIntervalMs, std::shared_ptr<QueryCanceller> canceller)
    : m_url(std::move(url))
    , m_pingIntervalMs(pingIntervalMs)
    , m_canceller(std::move(canceller)) {}

DatabaseWorker::~DatabaseWorker() = default;

void DatabaseWorker::enqueue(Job job) {
    QMetaObject::invokeMethod(
        this,
        [this, job = std::move(job)] {
            if (m_stopping.load())
                return;
            job(m_db.get());
        },
        Qt::QueuedConnection);
}

void DatabaseWorker::setState(State state, const QString& errorText) {
    if (state == m_state && errorText == m_lastError)
        return;
    m_state = state;
    m_lastError = errorText;
    Q_EMIT stateChanged(state, errorText);
}

void DatabaseWorker::start() {
    if (!m_pingTimer && m_pingIntervalMs > 0) {
        m_pingTimer = new QTimer(this);
        m_pingTimer->setInterval(m_pingIntervalMs);
        connect(m_pingTimer, &QTimer::timeout, this, &DatabaseWorker::pingNow);
        m_pingTimer->start();
    }
    connectAndMigrate();
}

void DatabaseWorker::connectAndMigrate() {
    if (m_stopping.load())
        return;
    setState(m_state == State::Offline ? State::Reconnecting : State::Connecting);
    Q_EMIT progress(tr("Connecting to %1…").arg(m_url.displayLocation()));
    try {
        auto db = std::make_unique<Database>(m_url, m_canceller);
        db->open();
        Migrator migrator(*db);
        // The schema check is one round trip when nothing is pending: its time
        // is the first latency shown (a ping of its own would delay the window's
        // first reads by one more round trip).
        QElapsedTimer checkTime;
        checkTime.start();
        const SchemaStatus status = migrator.status();
        const double checkMs = double(checkTime.nsecsElapsed()) / 1e6;
        if (!status.pending.isEmpty() || status.newerThanApp()) {
            setState(State::Migrating);
            int done = 0;
            const int total = int(status.pending.size());
            Q_EMIT progress(tr("Updating the database schema (%1 steps)…").arg(total));
            migrator.migrate(false, [this, &done, total](const QString&) {
                ++done;
                Q_EMIT progress(
                    tr("Updating the database schema: statement %1 (%2 migrations)").arg(done).arg(total));
            });
        }
        m_db = std::move(db);
        setState(State::Connected);
        Q_EMIT progress(QString());
        if (status.pending.isEmpty())
            Q_EMIT latencyMeasured(checkMs);
        else
            QMetaObject::invokeMethod(this, &DatabaseWorker::pingNow, Qt::QueuedConnection);
    } catch (const Error& e) {
        m_db.reset();
        Q_EMIT progress(QString());
        setState(State::Offline, e.message());
    } catch (const std::exception& e) {
        // A queued slot lets nothing escape (Qt would end the process).
        m_db.reset();
        Q_EMIT progress(QString());
        setState(State::Offline, QString::fromUtf8(e.what()));
    } catch (...) {
        m_db.reset();
        Q_EMIT progress(QString());
        setState(State::Offline, tr("The database could not be opened (unexpected failure)."));
    }
}

void DatabaseWorker::retry() {
    m_db.reset();
    connectAndMigrate();
}

void DatabaseWorker::pingNow() {
    if (m_stopping.load() || !m_db)
        return;
    try {
        const int before = m_db->reconnectCount();
        if (m_state == State::Offline)
            setState(State::Reconnecting, m_lastError);
        const double ms = m_db->ping();
        if (m_db->reconnectCount() != before)
            Q_EMIT progress(QString());
        setState(State::Connected);
        Q_EMIT latencyMeasured(ms);
    } catch (const Error& e) {
        setState(State::Offline, e.message());
    } catch (const std::exception& e) {
        setState(State::Offline, QString::fromUtf8(e.what()));
    } catch (...) {
        setState(State::Offline, tr("The database did not answer (unexpected failure)."));
    }
}

void DatabaseWorker::noteJobError(const JobError& error) {
    if (error.kind == Error::Kind::Connection && m_db)
        setState(State::Offline, error.message);
}

void DatabaseWorker::shutdown() {
    m_stopping.store(true);
    if (m_pingTimer)
        m_pingTimer->stop();
    m_db.reset(); // the connection is closed on the thread that made it
}

// ---------------------------------------------------------------------------

DatabaseService::DatabaseService(DatabaseUrl url, int pingIntervalMs, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url)) {
    qRegisterMetaType<tp::DatabaseWorker::State>();
    m_thread.setObjectName(u"tp-database"_s);
    m_worker = new DatabaseWorker(m_url, pingIntervalMs, m_canceller);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &DatabaseWorker::stateChanged, this, [this](State state, const QString& error) {
        const bool becameReady = state == State::Connected && m_state != State::Connected;
        m_state = state;
        m_errorText = error;
        Q_EMIT stateChanged(state, error);
        if (becameReady)
            Q_EMIT ready();
    });
    connect(m_worker, &DatabaseWorker::progress, this, &DatabaseService::progress);
    connect(m_worker, &DatabaseWorker::latencyMeasured, this, &DatabaseService::latencyMeasured);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::start, Qt::QueuedConnection);
}

DatabaseService::~DatabaseService() {
    m_worker->requestStop();
    // The job running now fails at once (its statement is cancelled on the
    // server, its connection given up) instead of waiting for a lock or a
    // slow server; the queued ones are skipped.
    m_canceller->cancel();
    DatabaseWorker* worker = m_worker;
    // Runs after whatever job is executing now; the queued ones are skipped.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->shutdown();
            // Deferred deletes are processed when the thread finishes.
            worker->deleteLater();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    m_worker = nullptr;
}

void DatabaseService::retry() {
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::retry, Qt::QueuedConnection);
}

void DatabaseService::pingNow() {
    QMetaObject::invokeMethod(m_worker, &DatabaseWorker::pingNow, Qt::QueuedConnection);
}

JobError DatabaseService::internalFailure(const char* detail) {
    qWarning("tripplanner: a database job failed with an unexpected exception: %s", detail);
    return {Error::Kind::Database,
            tr("Trip Planner ran into an internal error and could not finish this action; any change it "
               "was making was rolled back. Try again, and if it happens again please report it."),
            {}};
}

QString DatabaseService::stateText(State state) {
    switch (state) {
    case State::Idle:
        return tr("Not connected");
    case State::Connecting:
        return tr("Connecting");
    case State::Migrating:
        return tr("Updating schema");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Offline:
        return tr("Offline");
    }
    return {};
}

} // namespace tp
