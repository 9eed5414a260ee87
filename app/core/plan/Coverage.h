// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

// Which nights of the trip have somewhere to sleep. A night is named by its
// date: the night of 3 June runs from the evening of the 3rd to the morning of
// the 4th; a stay from check-in D to check-out E covers the nights D .. E-1.
namespace tp::plan {

struct StayOverlap {
    QString firstId;
    QString secondId;
    QList<QDate> nights; // the nights both cover
};

struct Coverage {
    QList<QDate> nightsWithoutStay;
    QList<StayOverlap> overlaps;
};

// Nights from `first` to the night before `last` (the trip's start and end
// dates); a leg that arrives after midnight or leaves overnight is not a stay.
// When the trip has no dates, the span of the plan's stays is used.
Coverage coverage(const Plan& plan, const QDate& first, const QDate& last);
// The stay whose nights include `night`, or nullptr.
const Stay* stayForNight(const Plan& plan, const QDate& night);

} // namespace tp::plan
