// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Planner.h"
#include "llm/LlmClient.h"

namespace tp::conversation {

// A planner backed by a chat model. Each operation sends one request through
// `client` and waits for it with a local event loop, so it must run on the
// thread that owns the client (the worker thread; a test's main thread).
// The user-visible part of a streamed JSON answer ("intro" / "reply") is
// passed to the delta handler as it arrives.
class LlmPlanner : public Planner {
public:
    explicit LlmPlanner(llm::LlmClient* client);

    QStringList clarifyingQuestions(const PlannerContext& ctx) override;
    DestinationSet destinations(const PlannerContext& ctx) override;
    FollowUp followUp(const PlannerContext& ctx, const QString& userText) override;

    // Ends the call in progress (PlannerError Cancelled); call on the client's thread.
    void cancel();

    // One request through the same client, streaming, retries and error
    // mapping as the conversation's, for other work of the planner (the
    // plan's proposals, suggest/): the model's whole text, or PlannerError.
    // `streamedField`: the string field whose text is passed to the delta
    // handler as it arrives (empty: none).
    QString ask(const llm::LlmRequest& request, const QString& streamedField) {
        return call(request, streamedField);
    }

    // The requests, public for tests of the prompts and schemas.
    static llm::LlmRequest questionsRequest(const PlannerContext& ctx);
    static llm::LlmRequest destinationsRequest(const PlannerContext& ctx);
    static llm::LlmRequest followUpRequest(const PlannerContext& ctx, const QString& userText);

private:
    QString call(const llm::LlmRequest& request, const QString& streamedField);

    llm::LlmClient* m_client;
};

} // namespace tp::conversation
