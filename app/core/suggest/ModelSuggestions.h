// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Proposal.h"
#include "llm/LlmTypes.h"

namespace tp::conversation {
class LlmPlanner;
}

// A chat model's proposals for a stage of the plan, through the same client,
// streaming, retries, cancel and error mapping as the destination conversation
// (conversation::LlmPlanner::ask), and the same lenient reading of what models
// write (conversation::parser::extractJson). Every proposal is checked exactly
// as the built-in planner's are (checkProposals): a model's point at sea, a
// date outside the trip, a negative cost or a made-up currency is shown as a
// problem and cannot be accepted. Named hotels and venues are marked to verify.
namespace tp::suggest {

// The request: what the model knows (the trip, its destination, the saved
// preferences, the plan so far) and what it is asked for, with a JSON schema.
llm::LlmRequest suggestionRequest(const SuggestContext& context, Stage stage);

// What the model wrote, as proposals for `stage` (checked). An answer with
// no readable proposal list throws conversation::PlannerError(Unusable);
// single proposals that cannot be read are left out and counted in the note.
ProposalSet parseSuggestions(const QString& modelText, const SuggestContext& context, Stage stage,
                             const QString& source);

// Asks the model (blocking, on the planner's thread) and parses its answer.
// Throws conversation::PlannerError (no key, offline, timeout, cancelled, ...).
ProposalSet modelProposals(conversation::LlmPlanner& planner, const SuggestContext& context, Stage stage,
                           const QString& source);

} // namespace tp::suggest
