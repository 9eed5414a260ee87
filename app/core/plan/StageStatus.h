// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

// How the planning stages and the trip's status follow each other
// (docs/plan-format.md, "Stages and the trip's status"). Completing a stage
// moves the status to what that stage produced; going back a stage moves it
// back to what the stage before produced. A trip that is "completed" or
// "cancelled" keeps its status whatever the stages do.
namespace tp::plan {

// The status a trip has once `stage` is completed. The final review gives
// "booked" only when everything in the plan is booked, "itinerary_complete" otherwise.
std::optional<QString> statusAfterCompleting(const QString& stage, bool everythingBooked);
// The status a trip has while `stage` is the current stage (everything before it
// completed); nullopt for "destination", whose status depends on the conversation.
std::optional<QString> statusWhileCurrent(const QString& stage, bool everythingBooked);
// The other way: the stage that is current for a trip with `status`; nullopt for "cancelled".
std::optional<QString> stageForStatus(const QString& status);
// True for the statuses that stage moves leave alone.
bool statusIsFinal(const QString& status);

} // namespace tp::plan
