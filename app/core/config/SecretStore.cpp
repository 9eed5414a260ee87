// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

#include "AppPaths.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>
#include <future>
#include <memory>
#include <optional>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace tp {

namespace {

QAtomicInt g_timeoutMs = 60000;

struct SessionSecrets {
    QMutex mutex;
    QHash<QString, QString> values;
};

// Carries an asynchronous answer to the caller's context (see runAsync).
class SecretRelay : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void answered();
};

SessionSecrets& session() {
    static SessionSecrets s;
    return s;
}

SecretResult fromJob(const QKeychain::Job& job, bool timedOut) {
    SecretResult r;
    if (timedOut) {
        r.status = SecretResult::Status::Unavailable;
        r.message = QCoreApplication::translate(
            "tp::SecretStore",
            "The system keychain did not answer in time (is it locked and waiting for a password?).");
        return r;
    }
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = SecretResult::Status::Ok;
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        r.message = QCoreApplication::translate("tp::SecretStore", "No secret is stored under this name.");
        return r;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretResult::Status::Unavailable;
        r.message =
            QCoreApplication::translate("tp::SecretStore", "Access to the system keychain was refused (%1).")
                .arg(job.errorString().left(200));
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // QtKeychain 0.13 on Linux reports a missing session bus or secret
        // service as OtherError: all of these mean "no keychain".
        r.status = SecretResult::Status::Unavailable;
        r.message = QCoreApplication::translate("tp::SecretStore", "No system keychain is available (%1).")
                        .arg(job.errorString().left(200));
        return r;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    r.status = SecretResult::Status::Failed;
    r.message = QCoreApplication::translate("tp::SecretStore", "The system keychain reported an error (%1).")
                    .arg(job.errorString().left(200));
    return r;
}

// A keychain operation: its job, made on the main thread, and how the job's
// outcome becomes a SecretResult. Shared by the synchronous and the
// asynchronous API.
struct JobSpec {
    QKeychain::Job* job = nullptr;
    std::function<SecretResult(const QKeychain::Job&, bool timedOut)> result;
};
using MakeJob = std::function<JobSpec()>;
using Finish = std::function<void(const SecretResult&)>;

// Starts the job without waiting: `finish` is called once, from the job's
// finished signal or from the timeout, whichever comes first. A job that
// answers after its timeout is deleted when it finishes and its answer dropped.
void startJob(const JobSpec& spec, Finish finish) {
    QKeychain::Job* job = spec.job;
    auto answered = std::make_shared<bool>(false);
    job->setAutoDelete(false);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, answered, spec, finish] {
        if (!*answered) {
            *answered = true;
            finish(spec.result(*job, false));
        }
        job->deleteLater();
    });
    // The job is the timer's context: once it finished (and is gone), no timeout fires.
    QTimer::singleShot(g_timeoutMs.loadRelaxed(), job, [job, answered, spec, finish] {
        if (*answered)
            return;
        *answered = true;
        finish(spec.result(*job, true));
    });
    job->start();
}

// Starts the job and waits for it with a local event loop (the CLI's main
// thread only). Returns true when it timed out.
bool runJob(QKeychain::Job& job) {
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] { loop.quit(); });
    timer.start(g_timeoutMs.loadRelaxed());
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return !finished;
}

// True on the main thread of a GUI application, where the synchronous API must not be used.
bool onGuiThread() {
    QCoreApplication* app = QCoreApplication::instance();
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

void assertNotGuiThread() {
    Q_ASSERT_X(!onGuiThread(), "SecretStore",
               "the synchronous API nests an event loop: use readAsync/writeAsync/removeAsync/probeAsync on "
               "the GUI thread");
}

SecretResult notAnswered() {
    SecretResult r;
    r.status = SecretResult::Status::Unavailable;
    r.message = QCoreApplication::translate("tp::SecretStore", "The system keychain did not answer in time.");
    return r;
}

// QtKeychain's jobs are queued on a process-wide executor that is not
// thread-safe: every job runs on the application's main thread. There (the
// CLI) a local event loop waits for it; a call from a worker thread starts its
// job on the main thread's event loop, without nesting one, and waits for the
// answer.
SecretResult runSync(const MakeJob& make) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread()) {
        const JobSpec spec = make();
        const bool timedOut = runJob(*spec.job);
        SecretResult r = spec.result(*spec.job, timedOut);
        // A job that timed out may still finish later: its thread's event loop then deletes it.
        if (timedOut)
            spec.job->deleteLater();
        else
            delete spec.job;
        return r;
    }
    auto promise = std::make_shared<std::promise<SecretResult>>();
    std::future<SecretResult> answer = promise->get_future();
    QMetaObject::invokeMethod(
        app,
        [promise, make] { startJob(make(), [promise](const SecretResult& r) { promise->set_value(r); }); },
        Qt::QueuedConnection);
    if (answer.wait_for(std::chrono::milliseconds(g_timeoutMs.loadRelaxed() + 5000)) !=
        std::future_status::ready)
        return notAnswered();
    return answer.get();
}

// Runs `start` on the main thread and hands what it finishes with to `done`
// on `context`'s thread. The relay is made on the caller's thread and
// connected there, while the context is certainly alive: Qt then drops the
// call if the context is destroyed first, whatever thread it lives on.
void runAsync(QObject* context, SecretStore::Done done, std::function<void(Finish)> start) {
    Q_ASSERT(context);
    QCoreApplication* app = QCoreApplication::instance();
    Q_ASSERT_X(app, "SecretStore", "the asynchronous API needs the application's event loop");
    auto answer = std::make_shared<SecretResult>();
    auto* relay = new SecretRelay;
    // Queued even on the same thread: `done` never runs inside the caller.
    QObject::connect(
        relay, &SecretRelay::answered, context, [answer, done = std::move(done)] { done(*answer); },
        Qt::QueuedConnection);
    if (relay->thread() != app->thread())
        relay->moveToThread(app->thread());
    Finish finish = [relay, answer](const SecretResult& r) {
        *answer = r;
        Q_EMIT relay->answered();
        relay->deleteLater();
    };
    QMetaObject::invokeMethod(
        relay, [start = std::move(start), finish = std::move(finish)] { start(finish); },
        Qt::QueuedConnection);
}

std::optional<SecretResult> sessionSecret(const QString& key) {
    SessionSecrets& s = session();
    QMutexLocker lock(&s.mutex);
    const auto it = s.values.constFind(key);
    if (it == s.values.constEnd())
        return std::nullopt;
    SecretResult r;
    r.status = SecretResult::Status::Ok;
    r.value = *it;
    r.fromSession = true;
    return r;
}

MakeJob readJob(const QString& key) {
    return [key] {
        auto* job = new QKeychain::ReadPasswordJob(SecretStore::serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        return JobSpec{job, [](const QKeychain::Job& done, bool timedOut) {
                           SecretResult r = fromJob(done, timedOut);
                           if (r.ok())
                               r.value = static_cast<const QKeychain::ReadPasswordJob&>(done).textData();
                           return r;
                       }};
    };
}

MakeJob writeJob(const QString& key, const QString& value) {
    return [key, value] {
        auto* job = new QKeychain::WritePasswordJob(SecretStore::serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        job->setTextData(value);
        return JobSpec{job, [key](const QKeychain::Job& done, bool timedOut) {
                           SecretResult r = fromJob(done, timedOut);
                           if (r.ok()) {
                               // The keychain holds it now; a session copy would only shadow later changes.
                               SecretStore::clearSessionSecret(key);
                               r.message = QCoreApplication::translate("tp::SecretStore",
                                                                       "Saved in the system keychain.");
                           }
                           return r;
                       }};
    };
}

MakeJob removeJob(const QString& key) {
    return [key] {
        // Forgotten when the job starts, whatever the keychain answers.
        const bool hadSession = SecretStore::hasSessionSecret(key);
        SecretStore::clearSessionSecret(key);
        auto* job = new QKeychain::DeletePasswordJob(SecretStore::serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        return JobSpec{job, [hadSession](const QKeychain::Job& done, bool timedOut) {
                           SecretResult r = fromJob(done, timedOut);
                           if (r.ok())
                               r.message = QCoreApplication::translate("tp::SecretStore",
                                                                       "Removed from the system keychain.");
                           else if (hadSession && r.status != SecretResult::Status::Failed) {
                               r.status = SecretResult::Status::Ok;
                               r.message = QCoreApplication::translate(
                                   "tp::SecretStore", "The session-only secret was forgotten.");
                           }
                           return r;
                       }};
    };
}

MakeJob probeJob(const QString& profile) {
    return [profile] {
        auto* job = new QKeychain::ReadPasswordJob(SecretStore::serviceName());
        job->setInsecureFallback(false);
        job->setKey(SecretStore::serviceName() + u'/' + profile + u"/keychain-probe"_s);
        return JobSpec{job, [](const QKeychain::Job& done, bool timedOut) {
                           SecretResult r = fromJob(done, timedOut);
                           if (r.status == SecretResult::Status::NotFound || r.ok()) {
                               r.status = SecretResult::Status::Ok;
                               r.value.clear();
                               r.message = QCoreApplication::translate("tp::SecretStore",
                                                                       "The system keychain is available.");
                           }
                           return r;
                       }};
    };
}

} // namespace

SecretStore::SecretStore(const QString& profile)
    : m_profile(profile) {}

QString SecretStore::serviceName() {
    return QString::fromLatin1(ApplicationName);
}

void SecretStore::setTimeoutMs(int ms) {
    g_timeoutMs.storeRelaxed(ms);
}

QString SecretStore::key(SecretName name, LlmProvider provider) const {
    const QString prefix = serviceName() + u'/' + m_profile + u'/';
    if (name == SecretName::DatabasePassword)
        return prefix + u"database-password"_s;
    return prefix + u"llm-api-key/"_s + llmProviderId(provider);
}

std::optional<SecretName> SecretStore::nameFromId(const QString& id) {
    if (id == u"database-password")
        return SecretName::DatabasePassword;
    if (id == u"llm-api-key")
        return SecretName::LlmApiKey;
    return std::nullopt;
}

SecretResult SecretStore::read(const QString& key) const {
    assertNotGuiThread();
    if (std::optional<SecretResult> r = sessionSecret(key))
        return *r;
    return runSync(readJob(key));
}

SecretResult SecretStore::write(const QString& key, const QString& value) const {
    assertNotGuiThread();
    return runSync(writeJob(key, value));
}

SecretResult SecretStore::remove(const QString& key) const {
    assertNotGuiThread();
    return runSync(removeJob(key));
}

SecretResult SecretStore::probe() const {
    assertNotGuiThread();
    return runSync(probeJob(m_profile));
}

void SecretStore::readAsync(const QString& key, QObject* context, Done done) const {
    runAsync(context, std::move(done), [key](const Finish& finish) {
        // Looked up when the job would start, so that a write or remove queued before is seen.
        if (std::optional<SecretResult> r = sessionSecret(key))
            finish(*r);
        else
            startJob(readJob(key)(), finish);
    });
}

void SecretStore::writeAsync(const QString& key, const QString& value, QObject* context, Done done) const {
    runAsync(context, std::move(done),
             [make = writeJob(key, value)](const Finish& finish) { startJob(make(), finish); });
}

void SecretStore::removeAsync(const QString& key, QObject* context, Done done) const {
    runAsync(context, std::move(done),
             [make = removeJob(key)](const Finish& finish) { startJob(make(), finish); });
}

void SecretStore::probeAsync(QObject* context, Done done) const {
    runAsync(context, std::move(done),
             [make = probeJob(m_profile)](const Finish& finish) { startJob(make(), finish); });
}

void SecretStore::setSessionSecret(const QString& key, const QString& value) {
    SessionSecrets& s = session();
    QMutexLocker lock(&s.mutex);
    s.values.insert(key, value);
}

void SecretStore::clearSessionSecret(const QString& key) {
    SessionSecrets& s = session();
    QMutexLocker lock(&s.mutex);
    s.values.remove(key);
}

bool SecretStore::hasSessionSecret(const QString& key) {
    SessionSecrets& s = session();
    QMutexLocker lock(&s.mutex);
    return s.values.contains(key);
}

void SecretStore::clearAllSessionSecrets() {
    SessionSecrets& s = session();
    QMutexLocker lock(&s.mutex);
    s.values.clear();
}

} // namespace tp

#include "SecretStore.moc"
