// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

// The trip day by day: each day's legs, check-outs, check-ins and activities in
// time order, with the problems of that day flagged where they are.
namespace tp::plan {

// The thresholds of the flags (docs/plan-format.md says the same).
inline constexpr qint64 LongLegSeconds = 6 * 3600;      // a leg this long or longer is "long"
inline constexpr int FullDayActivitySeconds = 5 * 3600; // scheduled activity time that makes a day "full"
inline constexpr int FullDayActivityCount = 3;          // or this many activities
inline constexpr double FarFromStayKm = 50.0;           // an activity further than this from the night's stay

struct ItineraryEntry {
    enum class Kind { Leg, Departure, Arrival, CheckOut, CheckIn, Activity };
    Kind kind = Kind::Activity;
    QString itemId;
    QString title;
    QTime start; // local; invalid for a check-in/out or an activity without a time
    QTime end;   // local; invalid when unknown or on another day
    QString zone;
    int sortMinutes = 0; // position in the day (a check-out counts as 11:00, a check-in as 15:00)
};

struct DayProblem {
    enum class Kind { Overlap, Empty, LongLegFullDay, FarFromStay };
    Kind kind;
    QString message;
    QStringList itemIds;
};

struct ItineraryDay {
    QDate date;
    QString nightStayId; // the stay where this day's night is spent; empty when none
    QList<ItineraryEntry> entries;
    QList<DayProblem> problems;
};

// From `first` to `last` (the trip's dates), else the span of the plan's dated items.
QList<ItineraryDay> buildItinerary(const Plan& plan, const QDate& first, const QDate& last);
QString problemKindName(DayProblem::Kind kind); // "overlap", "empty", ...
QString entryKindName(ItineraryEntry::Kind kind);
// Great-circle distance in kilometres (only for flags and drawing).
double distanceKm(const Place& a, const Place& b);

} // namespace tp::plan
