// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "domain/Error.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QTimer;

// The database side of the desktop app: one connection on its own thread, all
// SQL executed there, results handed back to the GUI thread as values.
namespace tp {

// The error of a failed job, as a value that may cross threads.
struct JobError {
    Error::Kind kind = Error::Kind::Database;
    QString message;
    QList<FieldError> fieldErrors;

    static JobError from(const Error& e) { return {e.kind(), e.message(), e.fieldErrors()}; }
};

// The outcome of a job: a value, or the error that stopped it.
template <class T> class Result {
public:
    static Result success(T value) {
        Result r;
        r.m_value.emplace(std::move(value));
        return r;
    }
    static Result failure(JobError error) {
        Result r;
        r.m_error = std::move(error);
        return r;
    }
    bool ok() const { return m_value.has_value(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const JobError& error() const { return m_error; }

private:
    std::optional<T> m_value;
    JobError m_error;
};

template <> class Result<void> {
public:
    static Result success() { return Result(); }
    static Result failure(JobError error) {
        Result r;
        r.m_ok = false;
        r.m_error = std::move(error);
        return r;
    }
    bool ok() const { return m_ok; }
    const JobError& error() const { return m_error; }

private:
    bool m_ok = true;
    JobError m_error;
};

// Lives on the database thread. Creates its Database there, migrates it, runs
// the jobs it is given in order and measures a periodic ping. Created and owned
// by DatabaseService; not used directly by the GUI.
class DatabaseWorker : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Migrating, Connected, Reconnecting, Offline };
    Q_ENUM(State)

    DatabaseWorker(DatabaseUrl url, int pingIntervalMs, std::shared_ptr<QueryCanceller> canceller);
    ~DatabaseWorker() override;

    // Runs on the database thread, in the order posted. The job receives the
    // connection, or nullptr when there is none (the start failed).
    using Job = std::function<void(Database*)>;
    void enqueue(Job job);

    // Set from any thread: remaining jobs are skipped, nothing new starts.
    void requestStop() { m_stopping.store(true); }

    // Database-thread side; invoked through the queue.
    void start();
    void retry();
    void pingNow();
    void shutdown();
    // Called on the database thread by a job that failed: a lost connection
    // turns the state to Offline until the next successful ping.
    void noteJobError(const JobError& error);

Q_SIGNALS:
    void stateChanged(tp::DatabaseWorker::State state, const QString& errorText);
    void progress(const QString& text);
    void latencyMeasured(double milliseconds);

private:
    void connectAndMigrate();
    void setState(State state, const QString& errorText = {});

    DatabaseUrl m_url;
    int m_pingIntervalMs;
    std::shared_ptr<QueryCanceller> m_canceller;
    std::unique_ptr<Database> m_db;
    QTimer* m_pingTimer = nullptr;
    State m_state = State::Idle;
    QString m_lastError;
    std::atomic<bool> m_stopping{false};
};

// Owns the database thread and its worker (RAII: the destructor stops the
// worker, quits the thread and waits for it). Lives on the GUI thread; every
// signal it emits arrives there.
class DatabaseService : public QObject {
    Q_OBJECT
public:
    using State = DatabaseWorker::State;

    // Starts the thread; connecting and migrating begin at once. A ping every
    // `pingIntervalMs` measures the round trip (0: only on request).
    explicit DatabaseService(DatabaseUrl url, int pingIntervalMs = 15000, QObject* parent = nullptr);
    ~DatabaseService() override;

    const DatabaseUrl& url() const { return m_url; }
    State state() const { return m_state; }
    QString errorText() const { return m_errorText; }
    // Statements the window's connection has run, as of the last job answered
    // (tests count what an action costs the window: a turn should cost nothing).
    quint64 statementsRun() const { return m_statements->load(); }

    // Runs `job` on the database thread; `onDone` is then called on this
    // object's thread with the value or the error, unless `context` has been
    // destroyed by then (the callback is then dropped). `context` must live on
    // the thread of this service (the GUI thread).
    template <class T>
    void post(QObject* context, std::function<T(Database&)> job, std::function<void(Result<T>)> onDone) {
        QPointer<QObject> guard(context);
        QPointer<DatabaseService> home(this);
        DatabaseWorker* worker = m_worker;
        m_worker->enqueue([worker, guard, home, statements = m_statements, job = std::move(job),
                           onDone = std::move(onDone)](Database* db) {
            Result<T> result = runJob<T>(db, job);
            if (db)
                statements->store(db->statementCount());
            if (!result.ok())
                worker->noteJobError(result.error());
            // The service outlives the worker thread, so this post is always safe;
            // the context is checked on its own thread.
            QMetaObject::invokeMethod(
                home.data(),
                [guard, onDone, result = std::move(result)]() mutable {
                    if (guard && onDone)
                        onDone(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    void retry();
    void pingNow();

    static QString stateText(State state);

Q_SIGNALS:
    void stateChanged(tp::DatabaseService::State state, const QString& errorText);
    void progress(const QString& text);
    void latencyMeasured(double milliseconds);
    // Emitted once each time the database becomes usable (after start or a retry).
    void ready();

private:
    template <class T> static Result<T> runJob(Database* db, const std::function<T(Database&)>& job) {
        try {
            if (!db)
                throw Error(Error::Kind::Connection, tr("The database is not connected."));
            if constexpr (std::is_void_v<T>) {
                job(*db);
                return Result<T>::success();
            } else {
                return Result<T>::success(job(*db));
            }
        } catch (const Error& e) {
            return Result<T>::failure(JobError::from(e));
        } catch (const std::exception& e) {
            // Not ours (std::bad_alloc, a Qt or library exception): its text means nothing to a user.
            return Result<T>::failure(internalFailure(e.what()));
        } catch (...) {
            return Result<T>::failure(internalFailure("unknown exception"));
        }
    }

    // Logs `detail` for a bug report and returns a sentence for the user instead of it.
    static JobError internalFailure(const char* detail);

    DatabaseUrl m_url;
    // Cancels the database thread's statement in flight (and all later ones)
    // when the service goes, so that quitting never waits for the server.
    std::shared_ptr<QueryCanceller> m_canceller = std::make_shared<QueryCanceller>();
    QThread m_thread;
    DatabaseWorker* m_worker = nullptr;
    State m_state = State::Idle;
    QString m_errorText;
    std::shared_ptr<std::atomic<quint64>> m_statements = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace tp
