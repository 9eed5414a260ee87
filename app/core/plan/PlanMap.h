// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Itinerary.h"
#include "PlanTypes.h"

// What a map shows of the plan: its places (stays, activities, ideas and the
// ends of legs) and its routes (the legs, and on a day's map the way from one
// place to the next in the day's order). Shared by the window's maps and the
// printed itinerary, so both draw the same thing; GUI-free (plain degrees).
namespace tp::plan {

struct MapPlace {
    // What the place is for; where one point serves several items, the first
    // kind in this order wins (a stay is what a person looks for first).
    enum class Kind { Stay, Activity, Idea, Stop };
    Kind kind = Kind::Stop;
    double latitude = 0;
    double longitude = 0;
    QStringList labels;  // one per item at this point, in the order they were met
    QStringList itemIds; // the same order; a leg's end carries the leg's id
    int order = 0;       // on a day's map: 1, 2, ... in the day's order; 0 on the whole plan's

    QString label() const { return labels.value(0); }
    bool operator==(const MapPlace&) const = default;
};

struct MapRoute {
    enum class Kind { Leg, Sequence }; // a booked or planned leg; the way between two of a day's places
    Kind kind = Kind::Leg;
    int from = 0; // indices into PlanMap::places
    int to = 0;
    QString itemId; // the leg's; empty for a sequence
    QString mode;   // the leg's mode ("flight", "train", ...); empty for a sequence
    bool operator==(const MapRoute&) const = default;
};

struct PlanMap {
    QList<MapPlace> places;
    QList<MapRoute> routes;

    bool isEmpty() const { return places.isEmpty(); }
    bool operator==(const PlanMap&) const = default;
};

// Every stay, activity, idea and leg end that has coordinates; legs as routes.
// Items at the same coordinates share one place.
PlanMap planMap(const Plan& plan);

// One day of the itinerary: its places in the day's order (the night's stay
// last when it is not already there), numbered; its legs, and the way from
// each place to the next.
PlanMap dayMap(const ItineraryDay& day, const Plan& plan);

} // namespace tp::plan
