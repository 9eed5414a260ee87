// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Budget.h"
#include "PlanTypes.h"

// The final review's checklist: what is still missing before the trip can be
// called booked. Each entry names the item it is about, so an editor can jump to it.
namespace tp::plan {

struct ReviewItem {
    enum class Kind { NightWithoutStay, OverlappingStays, Unbooked, LegWithoutTime, OutsideTrip, OverBudget };
    Kind kind;
    QString itemId; // empty for a night or the budget
    QString message;
};

QList<ReviewItem> reviewPlan(const Plan& plan, const Trip& trip, const BudgetReport& budget);
QString reviewKindName(ReviewItem::Kind kind);

} // namespace tp::plan
