// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <optional>

namespace tp::ui {

// What the plan's editors need to know about the trip, as values: its dates,
// travellers and budget (tp::Trip) and its destination (average cost per day,
// coordinates). The budget and the review are computed from these with the
// plan (plan/Budget, plan/Review), exactly as the CLI does.
struct PlanContext {
    Trip trip;
    std::optional<Destination> destination;
};

} // namespace tp::ui
