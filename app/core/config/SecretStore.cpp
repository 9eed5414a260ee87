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
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace tp {

namespace {

QAtomicInt g_timeoutMs = 60000;

struct SessionSecrets {
    QMutex mutex;
    QHash<QString, QString> values;
};

SessionSecrets& session() {
    static SessionSecrets s;
    return s;
}

SecretResult fromJob(const QKeychain::Job& job, bool timedOut) {
    SecretResult r;
    if (timedOut) {
        r.status = SecretResult::Status::Unavailable;
        r.message =
            u"The system keychain did not answer in time (is it locked and waiting for a password?)."_s;
        return r;
    }
    switch (job.error()) {
    case QKeychain::NoError:
        r.status = SecretResult::Status::Ok;
        return r;
    case QKeychain::EntryNotFound:
        r.status = SecretResult::Status::NotFound;
        r.message = u"No secret is stored under this name."_s;
        return r;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = SecretResult::Status::Unavailable;
        r.message = u"Access to the system keychain was refused (%1)."_s.arg(job.errorString().left(200));
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // QtKeychain 0.13 on Linux reports a missing session bus or secret
        // service as OtherError: all of these mean "no keychain".
        r.status = SecretResult::Status::Unavailable;
        r.message = u"No system keychain is available (%1)."_s.arg(job.errorString().left(200));
        return r;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    r.status = SecretResult::Status::Failed;
    r.message = u"The system keychain reported an error (%1)."_s.arg(job.errorString().left(200));
    return r;
}

// Starts the job and waits for it with a local event loop. Returns true when it timed out.
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

// A job that timed out may still finish later: it is then deleted by its thread's event loop.
void dispose(QKeychain::Job* job, bool timedOut) {
    if (timedOut)
        job->deleteLater();
    else
        delete job;
}

// QtKeychain's jobs are queued on a process-wide executor that is not
// thread-safe: every job runs on the application's main thread. A call from a
// worker thread hands its job to the main thread's event loop and waits for
// the answer there.
SecretResult onMainThread(const std::function<SecretResult()>& operation) {
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() == app->thread())
        return operation();
    auto promise = std::make_shared<std::promise<SecretResult>>();
    std::future<SecretResult> answer = promise->get_future();
    QMetaObject::invokeMethod(
        app, [promise, operation] { promise->set_value(operation()); }, Qt::QueuedConnection);
    if (answer.wait_for(std::chrono::milliseconds(g_timeoutMs.loadRelaxed() + 5000)) !=
        std::future_status::ready) {
        SecretResult r;
        r.status = SecretResult::Status::Unavailable;
        r.message = u"The system keychain did not answer in time."_s;
        return r;
    }
    return answer.get();
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
    {
        SessionSecrets& s = session();
        QMutexLocker lock(&s.mutex);
        const auto it = s.values.constFind(key);
        if (it != s.values.constEnd()) {
            SecretResult r;
            r.status = SecretResult::Status::Ok;
            r.value = *it;
            r.fromSession = true;
            return r;
        }
    }
    return onMainThread([key]() -> SecretResult {
        auto* job = new QKeychain::ReadPasswordJob(serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        const bool timedOut = runJob(*job);
        SecretResult r = fromJob(*job, timedOut);
        if (r.ok())
            r.value = job->textData();
        dispose(job, timedOut);
        return r;
    });
}

SecretResult SecretStore::write(const QString& key, const QString& value) const {
    return onMainThread([key, value]() -> SecretResult {
        auto* job = new QKeychain::WritePasswordJob(serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        job->setTextData(value);
        const bool timedOut = runJob(*job);
        SecretResult r = fromJob(*job, timedOut);
        dispose(job, timedOut);
        if (r.ok()) {
            // The keychain holds it now; a session copy would only shadow later changes.
            clearSessionSecret(key);
            r.message = u"Saved in the system keychain."_s;
        }
        return r;
    });
}

SecretResult SecretStore::remove(const QString& key) const {
    return onMainThread([key]() -> SecretResult {
        const bool hadSession = hasSessionSecret(key);
        clearSessionSecret(key);
        auto* job = new QKeychain::DeletePasswordJob(serviceName());
        job->setInsecureFallback(false);
        job->setKey(key);
        const bool timedOut = runJob(*job);
        SecretResult r = fromJob(*job, timedOut);
        dispose(job, timedOut);
        if (r.ok())
            r.message = u"Removed from the system keychain."_s;
        else if (hadSession && r.status != SecretResult::Status::Failed) {
            r.status = SecretResult::Status::Ok;
            r.message = u"The session-only secret was forgotten."_s;
        }
        return r;
    });
}

SecretResult SecretStore::probe() const {
    return onMainThread([profile = m_profile]() -> SecretResult {
        auto* job = new QKeychain::ReadPasswordJob(serviceName());
        job->setInsecureFallback(false);
        job->setKey(serviceName() + u'/' + profile + u"/keychain-probe"_s);
        const bool timedOut = runJob(*job);
        SecretResult r = fromJob(*job, timedOut);
        dispose(job, timedOut);
        if (r.status == SecretResult::Status::NotFound || r.ok()) {
            r.status = SecretResult::Status::Ok;
            r.value.clear();
            r.message = u"The system keychain is available."_s;
        }
        return r;
    });
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
