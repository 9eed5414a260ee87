// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Proposal.h"
#include "repo/PlanRepository.h"

namespace tp {
class Database;
}

namespace tp::suggest {

// What the planner needs to know about one of the user's trips, read in one
// go: the trip, its destination, the plan (with the document a guarded save
// of accepted proposals needs) and the saved preferences. Throws NotFound
// for a trip that is not the user's.
struct LoadedContext {
    SuggestContext context;
    PlanDocument document;
};
LoadedContext loadSuggestContext(Database& db, Id userId, Id tripId);

} // namespace tp::suggest
