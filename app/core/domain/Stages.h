// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace tp {

// The seed's three choice lists, with their stored values and labels, in the
// seed's order. The stored values are what the Django app writes; never rename.
struct Choice {
    const char16_t* value;
    const char* label; // translated by the UI with QCoreApplication::translate("Stages", label)
};

namespace trip_status {
inline constexpr Choice all[] = {
    {u"planning", "Planning"},
    {u"ai_chat_active", "AI Chat Active"},
    {u"destinations_selected", "Destination Selected"},
    {u"hotels_selected", "Hotels Selected"},
    {u"flights_selected", "Flights Selected"},
    {u"activities_planned", "Activities Planned"},
    {u"itinerary_complete", "Itinerary Complete"},
    {u"booked", "Booked"},
    {u"completed", "Completed"},
    {u"cancelled", "Cancelled"},
};
inline constexpr int MaxLength = 21;
} // namespace trip_status

namespace planning_stage {
inline constexpr Choice all[] = {
    {u"destination", "Destination Selection"}, {u"accommodation", "Hotel/Accommodation Planning"},
    {u"flights", "Flight Planning"},           {u"activities", "Activity Planning"},
    {u"itinerary", "Itinerary Building"},      {u"finalization", "Final Review"},
    {u"completed", "Planning Completed"},
};
} // namespace planning_stage

namespace conversation_stage {
inline constexpr Choice all[] = {
    {u"initial", "Getting Initial Preferences"},
    {u"generating_questions", "Generating Clarifying Questions"},
    {u"asking_clarifications", "Asking Clarification Questions"},
    {u"generating_destinations", "Generating Destination Recommendations"},
    {u"destinations_complete", "Destinations Generated"},
    {u"commitment_detected", "User Committed to Destination"},
};
} // namespace conversation_stage

template <std::size_t N> QStringList choiceValues(const Choice (&choices)[N]) {
    QStringList out;
    for (const Choice& c : choices)
        out << QString::fromUtf16(c.value);
    return out;
}

template <std::size_t N> int choiceIndex(const Choice (&choices)[N], const QString& value) {
    for (std::size_t i = 0; i < N; ++i)
        if (value == QStringView(choices[i].value))
            return int(i);
    return -1;
}

template <std::size_t N> QString choiceLabel(const Choice (&choices)[N], const QString& value) {
    const int i = choiceIndex(choices, value);
    return i < 0 ? value : QString::fromUtf8(choices[i].label);
}

// The stage after `stage` in the planning order, or "completed" at the end.
QString nextPlanningStage(const QString& stage);
QString previousPlanningStage(const QString& stage);

} // namespace tp
