// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationService.h"

#include "LlmWorker.h"
#include "db/QueryCanceller.h"

using namespace Qt::StringLiterals;

namespace tp::conversation {

ConversationService::ConversationService(DatabaseUrl url, Id userId, llm::ProviderConfig config,
                                         QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<TurnResult>();
    qRegisterMetaType<TurnError>();
    qRegisterMetaType<llm::ProviderConfig>();
    m_thread.setObjectName(u"conversation"_s);
    auto* worker = new LlmWorker(std::move(url), userId, std::move(config), m_cancelled);
    m_dbCanceller = std::make_shared<QueryCanceller>();
    worker->setDatabaseCanceller(m_dbCanceller);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    // The worker (its database connection and network manager) is deleted on its own thread.
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &LlmWorker::textDelta, this, &ConversationService::textDelta);
    connect(worker, &LlmWorker::retrying, this, &ConversationService::retrying);
    connect(worker, &LlmWorker::turnCompleted, this, [this](const TurnResult& r) {
        setBusy(false);
        Q_EMIT turnCompleted(r);
    });
    connect(worker, &LlmWorker::turnFailed, this, [this](const TurnError& e) {
        if (e.kind != TurnError::Kind::Busy)
            setBusy(false);
        Q_EMIT turnFailed(e);
    });
    m_thread.start();
}

ConversationService::~ConversationService() {
    cancel();
    // A statement waiting on a lock (the web app's, a migration's) would keep
    // the thread, and the window, from closing: it is stopped at once.
    m_dbCanceller->cancel();
    m_thread.quit(); // also ends a planner's local event loop
    m_thread.wait();
}

void ConversationService::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void ConversationService::submit(qint64 tripId, const QString& text) {
    if (m_busy) {
        Q_EMIT turnFailed(
            TurnError{TurnError::Kind::Busy, tr("Wait for the current reply, or cancel it."), tripId, text});
        return;
    }
    m_cancelled->store(false);
    setBusy(true);
    Q_EMIT turnStarted(tripId, text);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, tripId, text] {
            if (w)
                w->submit(tripId, text);
        },
        Qt::QueuedConnection);
}

void ConversationService::choose(qint64 tripId, int index) {
    if (m_busy) {
        Q_EMIT turnFailed(
            TurnError{TurnError::Kind::Busy, tr("Wait for the current reply, or cancel it."), tripId, {}});
        return;
    }
    m_cancelled->store(false);
    setBusy(true);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, tripId, index] {
            if (w)
                w->choose(tripId, index);
        },
        Qt::QueuedConnection);
}

void ConversationService::cancel() {
    if (!m_busy)
        return;
    m_cancelled->store(true);
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            if (w)
                w->cancel();
        },
        Qt::QueuedConnection);
}

void ConversationService::setProvider(const llm::ProviderConfig& config) {
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, config] {
            if (w)
                w->setProvider(config);
        },
        Qt::QueuedConnection);
}

} // namespace tp::conversation
