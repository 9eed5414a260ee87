// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Catalogue.h"
#include "Planner.h"
#include "TravelProfile.h"

namespace tp::conversation {

// The built-in planner: no network, no key. Fixed clarifying questions for
// what the user has not said yet, and three places from the bundled catalogue
// scored against what the user said. Deterministic for the same input.
class OfflinePlanner : public Planner {
public:
    explicit OfflinePlanner(const Catalogue& catalogue = Catalogue::builtin());

    QStringList clarifyingQuestions(const PlannerContext& ctx) override;
    DestinationSet destinations(const PlannerContext& ctx) override;
    FollowUp followUp(const PlannerContext& ctx, const QString& userText) override;

    // What the planner understands from the context: this conversation's words
    // first, then the trip's fields, then the saved preferences, each only
    // filling in what the ones before did not say.
    static TravelProfile profileOf(const PlannerContext& ctx);
    // Which of the profile's interests came from the saved preferences only.
    static bool interestsFromPreferences(const PlannerContext& ctx);

private:
    const Catalogue& m_catalogue;
};

// Which recommendation `text` commits to (by name, "the second one", "option 3"),
// whether it asks for other options ("Can you suggest something different?",
// "none of these", "anything else?"); shared with the network planners' fallback.
int detectChoice(const QString& text, const QList<Recommendation>& current);
bool soundsLikeCommitment(const QString& text);
bool asksForOtherOptions(const QString& text);

} // namespace tp::conversation
