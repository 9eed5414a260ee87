// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Proposal.h"

// The built-in planner's proposals: only what can honestly be derived from the
// bundled data and the plan itself, with no network and no key.
//  - accommodation: a stay near the destination's centre for each run of
//    nights the plan has no stay for;
//  - activities: ideas from the catalogue's tags for the destination, the
//    user's interests first and what they avoid left out;
//  - itinerary: a day skeleton over every day of the trip (arrival, departure,
//    rest days, moving days between stays), the plan's activity ideas put on
//    the free days; days that already hold a leg or an activity are kept as
//    they are;
//  - budget: a home currency when the plan has none, and the trip's budget as
//    the destination's average cost per day × travellers × days plus what the
//    plan already prices, exactly.
// Every proposal is checked (checkProposals) before it is returned.
namespace tp::suggest {

ProposalSet offlineProposals(const SuggestContext& context, Stage stage);

// Times of the draft's slots (local).
inline constexpr int MorningStartHour = 10;
inline constexpr int MorningEndHour = 13;
inline constexpr int AfternoonStartHour = 15;
inline constexpr int AfternoonEndHour = 18;
// In trips of this many days or more, every RestDayEvery-th full day is left free.
inline constexpr int RestDaysFromLength = 6;
inline constexpr int RestDayEvery = 4;

} // namespace tp::suggest
