// SPDX-License-Identifier: GPL-3.0-or-later
#include "Entities.h"

namespace tp {

std::optional<int> Trip::durationDays() const {
    if (!startDate.isValid() || !endDate.isValid())
        return std::nullopt;
    return int(startDate.daysTo(endDate)) + 1;
}

bool Trip::isFutureTrip(const QDate& today) const {
    // The seed: no start date counts as a future trip.
    return !startDate.isValid() || startDate > today;
}

bool ConversationState::isComplete() const {
    return currentStage == u"destinations_complete" || currentStage == u"commitment_detected";
}

int ConversationState::progressPercentage() const {
    if (totalQuestions <= 0)
        return 0;
    return int((qint64(questionsAsked) * 100) / totalQuestions);
}

} // namespace tp
