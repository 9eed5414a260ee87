// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageStatus.h"

#include "domain/Stages.h"

using namespace Qt::StringLiterals;

namespace tp::plan {

std::optional<QString> statusAfterCompleting(const QString& stage, bool everythingBooked) {
    if (stage == u"destination")
        return u"destinations_selected"_s;
    if (stage == u"accommodation")
        return u"hotels_selected"_s;
    if (stage == u"flights")
        return u"flights_selected"_s;
    if (stage == u"activities")
        return u"activities_planned"_s;
    if (stage == u"itinerary")
        return u"itinerary_complete"_s;
    if (stage == u"finalization")
        return everythingBooked ? u"booked"_s : u"itinerary_complete"_s;
    return std::nullopt;
}

std::optional<QString> statusWhileCurrent(const QString& stage, bool everythingBooked) {
    if (stage == u"completed")
        return statusAfterCompleting(u"finalization"_s, everythingBooked);
    const int i = choiceIndex(planning_stage::all, stage);
    if (i <= 0)
        return std::nullopt;
    return statusAfterCompleting(QString::fromUtf16(planning_stage::all[i - 1].value), everythingBooked);
}

std::optional<QString> stageForStatus(const QString& status) {
    if (status == u"planning" || status == u"ai_chat_active")
        return u"destination"_s;
    if (status == u"destinations_selected")
        return u"accommodation"_s;
    if (status == u"hotels_selected")
        return u"flights"_s;
    if (status == u"flights_selected")
        return u"activities"_s;
    if (status == u"activities_planned")
        return u"itinerary"_s;
    if (status == u"itinerary_complete")
        return u"finalization"_s;
    if (status == u"booked" || status == u"completed")
        return u"completed"_s;
    return std::nullopt;
}

bool statusIsFinal(const QString& status) {
    return status == u"completed" || status == u"cancelled";
}

} // namespace tp::plan
