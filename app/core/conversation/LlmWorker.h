// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TurnTypes.h"
#include "db/DatabaseUrl.h"
#include "llm/LlmTypes.h"

#include <QObject>
#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace tp {
class Database;
class QueryCanceller;
} // namespace tp

namespace tp::llm {
class LlmClient;
}

namespace tp::conversation {

class ConversationEngine;
class LlmPlanner;
class Planner;

// Lives on the conversation thread (ConversationService owns the thread). It
// creates there, on first use, everything that must stay on one thread: the
// QNetworkAccessManager, the provider client, the planner, this thread's
// tp::Database connection and the engine. Results leave as values.
class LlmWorker : public QObject {
    Q_OBJECT
public:
    LlmWorker(DatabaseUrl url, Id userId, llm::ProviderConfig config,
              std::shared_ptr<std::atomic_bool> cancelled);
    ~LlmWorker() override;

    // Shared with the owner on the GUI thread, which cancels this thread's
    // database work through it when quitting. Set before the first turn.
    void setDatabaseCanceller(std::shared_ptr<QueryCanceller> canceller) {
        m_dbCanceller = std::move(canceller);
    }

public Q_SLOTS:
    void submit(qint64 tripId, const QString& text);
    void choose(qint64 tripId, int index);
    void cancel();
    void setProvider(const tp::llm::ProviderConfig& config);

Q_SIGNALS:
    void textDelta(qint64 tripId, const QString& text);
    void turnCompleted(const tp::conversation::TurnResult& result);
    void turnFailed(const tp::conversation::TurnError& error);
    void retrying(int attempt, int delayMs, const QString& reason);

private:
    void ensureReady();
    template <class F> void runTurn(qint64 tripId, const QString& userText, F&& body);

    DatabaseUrl m_url;
    Id m_userId;
    llm::ProviderConfig m_config;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_busy = false;
    bool m_rebuild = false;
    qint64 m_currentTrip = 0;
    std::unique_ptr<Database> m_db;
    std::shared_ptr<QueryCanceller> m_dbCanceller;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<llm::LlmClient> m_client;
    std::unique_ptr<LlmPlanner> m_llmPlanner;
    std::unique_ptr<Planner> m_offlinePlanner;
    std::unique_ptr<ConversationEngine> m_engine;
};

} // namespace tp::conversation
