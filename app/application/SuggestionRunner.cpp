// SPDX-License-Identifier: GPL-3.0-or-later
#include "SuggestionRunner.h"

#include "conversation/LlmPlanner.h"
#include "conversation/Planner.h"
#include "llm/ProviderClients.h"
#include "suggest/ModelSuggestions.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace tp::app {

namespace {

// What lives on the runner's thread: the network access and, during a
// request, the planner that cancel() reaches.
class Worker : public QObject {
public:
    conversation::LlmPlanner* planner = nullptr;
    std::unique_ptr<QNetworkAccessManager> nam;
};

Error::Kind errorKindOf(conversation::PlannerError::Kind kind) {
    using K = conversation::PlannerError::Kind;
    switch (kind) {
    case K::Cancelled:
        return Error::Kind::Cancelled;
    case K::Offline:
    case K::Timeout:
    case K::Server:
        return Error::Kind::Connection;
    case K::NoKey:
    case K::KeyRejected:
    case K::QuotaExhausted:
    case K::BadRequest:
    case K::Unusable:
        break;
    }
    return Error::Kind::Config;
}

} // namespace

SuggestionRunner::SuggestionRunner(QObject* parent)
    : QObject(parent)
    , m_worker(new Worker) {
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(u"tp-suggestions"_s);
    m_thread.start();
}

SuggestionRunner::~SuggestionRunner() {
    cancel();
    m_thread.quit(); // also ends a request's own event loop: it stops as cancelled
    m_thread.wait();
}

void SuggestionRunner::start(const llm::ProviderConfig& config, const suggest::SuggestContext& context,
                             suggest::Stage stage, std::shared_ptr<std::atomic_bool> cancelled,
                             QObject* receiver, std::function<void(Result<suggest::ProposalSet>)> done) {
    m_busy = true;
    const QPointer<QObject> guard(receiver);
    const QPointer<SuggestionRunner> self(this);
    auto* worker = static_cast<Worker*>(m_worker);
    QMetaObject::invokeMethod(
        worker,
        [worker, self, guard, config, context, stage, cancelled, done = std::move(done)] {
            if (!worker->nam)
                worker->nam = std::make_unique<QNetworkAccessManager>();
            Result<suggest::ProposalSet> result;
            std::unique_ptr<llm::LlmClient> client = llm::makeClient(worker->nam.get(), config);
            if (cancelled && cancelled->load()) {
                result = Result<suggest::ProposalSet>::failure(
                    JobError{Error::Kind::Cancelled, tr("Cancelled."), {}});
            } else if (!client) {
                result = Result<suggest::ProposalSet>::failure(
                    JobError{Error::Kind::Config, tr("No model is chosen in the settings."), {}});
            } else {
                conversation::LlmPlanner planner(client.get());
                planner.setDeltaHandler([self](const QString& d) {
                    QMetaObject::invokeMethod(self, [self, d] {
                        if (self)
                            Q_EMIT self->textDelta(d);
                    });
                });
                QObject::connect(client.get(), &llm::LlmClient::retrying, client.get(),
                                 [self](int attempt, int delayMs, const QString& reason) {
                                     QMetaObject::invokeMethod(self, [self, attempt, delayMs, reason] {
                                         if (self)
                                             Q_EMIT self->retrying(attempt, delayMs, reason);
                                     });
                                 });
                worker->planner = &planner;
                try {
                    result = Result<suggest::ProposalSet>::success(
                        suggest::modelProposals(planner, context, stage, llm::providerName(config.provider)));
                } catch (const conversation::PlannerError& e) {
                    result = Result<suggest::ProposalSet>::failure(
                        JobError{errorKindOf(e.kind()), e.message(), {}});
                } catch (const Error& e) {
                    result = Result<suggest::ProposalSet>::failure(JobError::from(e));
                } catch (const std::exception&) {
                    result = Result<suggest::ProposalSet>::failure(
                        JobError{Error::Kind::Config, tr("The planner failed unexpectedly."), {}});
                }
                worker->planner = nullptr;
            }
            QMetaObject::invokeMethod(self, [self, guard, done, result] {
                if (self)
                    self->m_busy = false;
                if (self && guard && done)
                    done(result);
            });
        },
        Qt::QueuedConnection);
}

void SuggestionRunner::cancel() {
    auto* worker = static_cast<Worker*>(m_worker);
    // Reaches the worker inside the request's own event loop.
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            if (worker->planner)
                worker->planner->cancel();
        },
        Qt::QueuedConnection);
}

} // namespace tp::app
