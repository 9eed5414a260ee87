// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "llm/LlmTypes.h"
#include "suggest/Proposal.h"
#include "worker/DatabaseWorker.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tp::app {

// Asks a chat model for the plan's proposals on a thread of its own, with the
// conversation's client, retries, streaming and error mapping
// (suggest::modelProposals over conversation::LlmPlanner). One request at a
// time; cancel() ends it (the result is then an error of kind Cancelled).
// Destroying the runner cancels what is in flight and joins the thread.
class SuggestionRunner : public QObject {
    Q_OBJECT
public:
    explicit SuggestionRunner(QObject* parent = nullptr);
    ~SuggestionRunner() override;

    bool busy() const { return m_busy; }
    // `done` is called on this object's thread, unless `context` is gone by then.
    // `cancelled` set before the request is sent: it is not sent (Cancelled).
    void start(const llm::ProviderConfig& config, const suggest::SuggestContext& context,
               suggest::Stage stage, std::shared_ptr<std::atomic_bool> cancelled, QObject* receiver,
               std::function<void(Result<suggest::ProposalSet>)> done);
    void cancel();

Q_SIGNALS:
    // The model's intro as it streams in.
    void textDelta(const QString& text);
    void retrying(int attempt, int delayMs, const QString& reason);

private:
    QThread m_thread;
    QObject* m_worker; // lives on m_thread; deleted there when it finishes
    bool m_busy = false;
};

} // namespace tp::app
