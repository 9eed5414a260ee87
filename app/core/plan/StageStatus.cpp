// SPDX-License-Identifier: GPL-3.0-or-later
#include "StageStatus.h"

namespace tp::plan {

// Switches without a default: a new enumerator is a compiler warning here.
std::optional<TripStatus> statusAfterCompleting(PlanningStage stage, bool everythingBooked) {
    switch (stage) {
    case PlanningStage::Destination:
        return TripStatus::DestinationsSelected;
    case PlanningStage::Accommodation:
        return TripStatus::HotelsSelected;
    case PlanningStage::Flights:
        return TripStatus::FlightsSelected;
    case PlanningStage::Activities:
        return TripStatus::ActivitiesPlanned;
    case PlanningStage::Itinerary:
        return TripStatus::ItineraryComplete;
    case PlanningStage::Finalization:
        return everythingBooked ? TripStatus::Booked : TripStatus::ItineraryComplete;
    case PlanningStage::Completed:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<TripStatus> statusWhileCurrent(PlanningStage stage, bool everythingBooked) {
    if (stage == PlanningStage::Destination)
        return std::nullopt;
    return statusAfterCompleting(previousStage(stage), everythingBooked);
}

std::optional<PlanningStage> stageForStatus(TripStatus status) {
    switch (status) {
    case TripStatus::Planning:
    case TripStatus::AiChatActive:
        return PlanningStage::Destination;
    case TripStatus::DestinationsSelected:
        return PlanningStage::Accommodation;
    case TripStatus::HotelsSelected:
        return PlanningStage::Flights;
    case TripStatus::FlightsSelected:
        return PlanningStage::Activities;
    case TripStatus::ActivitiesPlanned:
        return PlanningStage::Itinerary;
    case TripStatus::ItineraryComplete:
        return PlanningStage::Finalization;
    case TripStatus::Booked:
    case TripStatus::Completed:
        return PlanningStage::Completed;
    case TripStatus::Cancelled:
        return std::nullopt;
    }
    return std::nullopt;
}

bool statusIsFinal(TripStatus status) {
    return status == TripStatus::Completed || status == TripStatus::Cancelled;
}

} // namespace tp::plan
