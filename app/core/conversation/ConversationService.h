// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TurnTypes.h"
#include "db/DatabaseUrl.h"
#include "llm/LlmTypes.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <memory>

namespace tp {
class QueryCanceller;
}
namespace tp::conversation {

class LlmWorker;

// The GUI's side of the AI planner. It owns the conversation thread (quit and
// joined in the destructor) and the LlmWorker living there; every call returns
// at once and results come back as signals carrying values.
class ConversationService : public QObject {
    Q_OBJECT
public:
    ConversationService(DatabaseUrl url, Id userId, llm::ProviderConfig config, QObject* parent = nullptr);
    ~ConversationService() override;

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void submit(qint64 tripId, const QString& text);
    // The user picked recommendation `index` of the latest set (a card).
    void choose(qint64 tripId, int index);
    // Stops the reply in progress: turnFailed(Cancelled), nothing written.
    void cancel();
    void setProvider(const tp::llm::ProviderConfig& config);

Q_SIGNALS:
    void turnStarted(qint64 tripId, const QString& text);
    // The visible text of the planner's reply as it streams (network providers).
    void textDelta(qint64 tripId, const QString& text);
    void retrying(int attempt, int delayMs, const QString& reason);
    void turnCompleted(const tp::conversation::TurnResult& result);
    void turnFailed(const tp::conversation::TurnError& error);
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    QThread m_thread;
    QPointer<LlmWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    // Stops the conversation thread's statement in flight when the service goes.
    std::shared_ptr<QueryCanceller> m_dbCanceller;
    bool m_busy = false;
};

} // namespace tp::conversation
