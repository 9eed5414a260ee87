// SPDX-License-Identifier: GPL-3.0-or-later
#include "LlmWorker.h"

#include "ConversationEngine.h"
#include "LlmPlanner.h"
#include "OfflinePlanner.h"
#include "db/Database.h"
#include "llm/ProviderClients.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace tp::conversation {

using namespace tp::llm;

LlmWorker::LlmWorker(DatabaseUrl url, Id userId, ProviderConfig config,
                     std::shared_ptr<std::atomic_bool> cancelled)
    : m_url(std::move(url))
    , m_userId(userId)
    , m_config(std::move(config))
    , m_cancelled(std::move(cancelled)) {}

// Runs on the worker thread (deleted there when the thread finishes).
LlmWorker::~LlmWorker() {
    m_engine.reset();
    m_llmPlanner.reset();
    m_client.reset();
    m_nam.reset();
    m_db.reset();
}

void LlmWorker::ensureReady() {
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    if (!m_db)
        m_db = std::make_unique<Database>(m_url, m_dbCanceller);
    if (m_engine)
        return;
    Planner* planner = nullptr;
    if (m_config.provider == Provider::Offline) {
        m_offlinePlanner = std::make_unique<OfflinePlanner>();
        planner = m_offlinePlanner.get();
    } else {
        m_client = makeClient(m_nam.get(), m_config);
        connect(m_client.get(), &LlmClient::retrying, this, &LlmWorker::retrying);
        m_llmPlanner = std::make_unique<LlmPlanner>(m_client.get());
        planner = m_llmPlanner.get();
    }
    planner->setDeltaHandler([this](const QString& d) { Q_EMIT textDelta(m_currentTrip, d); });
    m_engine = std::make_unique<ConversationEngine>(*m_db, m_userId, *planner);
}

template <class F> void LlmWorker::runTurn(qint64 tripId, const QString& userText, F&& body) {
    TurnError error;
    error.tripId = tripId;
    error.userText = userText;
    if (m_busy) {
        // A queued call reached us inside a running turn's event loop.
        error.kind = TurnError::Kind::Busy;
        error.message = QCoreApplication::translate("tp::conversation::LlmWorker",
                                                    "Wait for the current reply, or cancel it.");
        Q_EMIT turnFailed(error);
        return;
    }
    if (m_cancelled && m_cancelled->load()) {
        error.kind = TurnError::Kind::Cancelled;
        error.message = QCoreApplication::translate("tp::conversation::LlmWorker", "Cancelled.");
        Q_EMIT turnFailed(error);
        return;
    }
    m_busy = true;
    m_currentTrip = tripId;
    struct Leave {
        bool& busy;
        ~Leave() { busy = false; }
    } leave{m_busy};
    try {
        // Only here, outside any turn: nothing of the old planner is on the stack.
        if (m_rebuild) {
            m_engine.reset();
            m_llmPlanner.reset();
            m_offlinePlanner.reset();
            m_client.reset();
            m_rebuild = false;
        }
        ensureReady();
        TurnResult r = body();
        Q_EMIT turnCompleted(r);
        return;
    } catch (const PlannerError& e) {
        error.kind = turnErrorKind(e.kind());
        error.message = e.message();
    } catch (const Error& e) {
        error.kind = turnErrorKind(e.kind());
        error.message = e.message();
    } catch (const std::exception& e) {
        // A queued slot must not let anything escape (Qt would end the
        // process): whatever else was thrown becomes an error value too.
        error.kind = TurnError::Kind::Server;
        error.message =
            QCoreApplication::translate("tp::conversation::LlmWorker", "The planner failed unexpectedly: %1")
                .arg(QString::fromUtf8(e.what()));
    } catch (...) {
        error.kind = TurnError::Kind::Server;
        error.message =
            QCoreApplication::translate("tp::conversation::LlmWorker", "The planner failed unexpectedly.");
    }
    Q_EMIT turnFailed(error);
}

void LlmWorker::submit(qint64 tripId, const QString& text) {
    runTurn(tripId, text, [&] { return m_engine->submit(tripId, text); });
}

void LlmWorker::choose(qint64 tripId, int index) {
    runTurn(tripId, QString(), [&] { return m_engine->choose(tripId, index); });
}

void LlmWorker::cancel() {
    if (m_llmPlanner)
        m_llmPlanner->cancel();
}

void LlmWorker::setProvider(const ProviderConfig& config) {
    // Reached during a turn only through the planner's event loop: that turn
    // finishes with the provider it began with (cancelling it would tell the
    // user "Cancelled" for something they did not do). The new provider is
    // built at the start of the next turn, once this one has unwound.
    m_config = config;
    m_rebuild = true;
}

} // namespace tp::conversation
