// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "domain/Error.h"
#include "plan/PlanTypes.h"

#include <QStringList>
#include <optional>

// What the planner proposes for a stage of the plan: items the user accepts
// into the plan one by one or all at once, edits first, or discards. Nothing
// here writes anything: accepting is applyProposals, whose result the caller
// saves as one change (one undo step in the window).
namespace tp::suggest {

// The stages the planner helps with, by the names the CLI uses.
enum class Stage { Accommodation, Activities, Itinerary, Budget };
QString stageName(Stage stage); // "accommodation", "activities", "itinerary", "budget"
std::optional<Stage> stageFromName(const QString& name);
QStringList stageNames();

struct Proposal {
    enum class Kind {
        Stay,             // a new stay
        Activity,         // a new activity (an idea, or on a day of the draft)
        ScheduleActivity, // an activity idea already in the plan, put on a day (replacesId)
        Cost,             // an "other" cost of the budget
        HomeCurrency,     // the plan's home currency (homeCurrency)
        TripBudget,       // the trip's budget (tripBudget, in the home currency); not part of the plan
    };
    Kind kind = Kind::Activity;
    plan::Stay stay;
    plan::Activity activity; // Activity and ScheduleActivity
    plan::OtherCost cost;
    QString replacesId;   // ScheduleActivity: the id of the idea it schedules
    QString homeCurrency; // HomeCurrency
    std::optional<Decimal> tripBudget;
    QString summary;            // one line: what accepting it adds
    QString reason;             // why it is proposed, in a sentence or two
    bool toVerify = false;      // names a venue a model may have invented: check before booking
    QList<FieldError> problems; // why it cannot be accepted as it is; empty: acceptable

    bool acceptable() const { return problems.isEmpty(); }
};

QString
kindName(Proposal::Kind kind); // "stay", "activity", "schedule", "cost", "home_currency", "trip_budget"

struct ProposalSet {
    Stage stage = Stage::Activities;
    QString source; // "offline", or the model that answered
    QString note;   // a sentence for the whole set ("A model gives richer suggestions.")
    QList<Proposal> proposals;
};

// What the planner knows about the trip when it proposes.
struct SuggestContext {
    Trip trip;
    std::optional<Destination> destination;
    plan::Plan plan;
    UserPreferences preferences; // api_userpreferences: the text, the budget range, the group size
};

// Fills `problems` of each proposal: a point at sea or in another country than
// the destination's, a date outside the trip, a negative cost, a currency that
// is not ISO 4217, a time over another item of the day or too close to it to
// get there (TravelKmPerHour), and the plan's own rules for the item. A model's proposals
// and the built-in planner's go through the same check.
void checkProposals(QList<Proposal>& proposals, const SuggestContext& context);
inline constexpr double TravelKmPerHour = 25.0;

// The plan with these proposals in it, in order. Throws Error::validation when
// one of them has problems, when a scheduled idea is no longer in the plan, or
// when the result breaks the plan's rules; `plan` is never half changed. The
// trip budget is not part of the plan: see tripBudgetOf.
plan::Plan applyProposals(const plan::Plan& plan, const QList<Proposal>& accepted);
// The trip budget among the accepted proposals, if one is.
std::optional<Decimal> tripBudgetOf(const QList<Proposal>& accepted);
// "1,3", "all": the proposals chosen by number (1-based, as printed), as
// indexes into set.proposals in the order given, each once; "all" is every
// one that can be accepted as it is. Throws Error::validation("accept") for a
// number outside the set, one with problems (naming it), or a bad list.
QList<qsizetype> chooseProposals(const ProposalSet& set, const QString& choice);
QList<Proposal> proposalsAt(const ProposalSet& set, const QList<qsizetype>& indexes);

} // namespace tp::suggest
