// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Stages.h"

#include <optional>

// How the planning stages and the trip's status follow each other
// (docs/plan-format.md, "Stages and the trip's status"). Completing a stage
// moves the status to what that stage produced; going back a stage moves it
// back to what the stage before produced. A trip that is Completed or
// Cancelled keeps its status whatever the stages do. Callers convert the
// stored strings at their edge (storedValue, tripStatusFrom, planningStageFrom).
namespace tp::plan {

// The status a trip has once `stage` is completed. The final review gives
// Booked only when everything in the plan is booked, ItineraryComplete otherwise;
// nullopt for Completed, which is never completed in its turn.
std::optional<TripStatus> statusAfterCompleting(PlanningStage stage, bool everythingBooked);
// The status a trip has while `stage` is the current stage (everything before it
// completed); nullopt for Destination, whose status depends on the conversation.
std::optional<TripStatus> statusWhileCurrent(PlanningStage stage, bool everythingBooked);
// The other way: the stage that is current for a trip with `status`; nullopt for Cancelled.
std::optional<PlanningStage> stageForStatus(TripStatus status);
// True for the statuses that stage moves leave alone.
bool statusIsFinal(TripStatus status);

} // namespace tp::plan
