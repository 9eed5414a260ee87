// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <iterator>
#include <optional>

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

// The trip's status and the planning session's stage as the compiler knows
// them. The entities keep the stored strings (a value written by a newer web
// app survives a round trip unchanged); comparisons and the values this app
// writes go through these enums, so a misspelt status does not compile.
// The order is the seed's: each enumerator is its row in the table above.
enum class TripStatus {
    Planning,
    AiChatActive,
    DestinationsSelected,
    HotelsSelected,
    FlightsSelected,
    ActivitiesPlanned,
    ItineraryComplete,
    Booked,
    Completed,
    Cancelled,
};
enum class PlanningStage {
    Destination,
    Accommodation,
    Flights,
    Activities,
    Itinerary,
    Finalization,
    Completed
};

static_assert(std::size(trip_status::all) == std::size_t(TripStatus::Cancelled) + 1);
static_assert(std::size(planning_stage::all) == std::size_t(PlanningStage::Completed) + 1);

// The value stored in the database (from the tables above, the one spelling).
QString storedValue(TripStatus status);
QString storedValue(PlanningStage stage);
// The enum for a stored value; nullopt for one this version does not know.
std::optional<TripStatus> tripStatusFrom(QStringView stored);
std::optional<PlanningStage> planningStageFrom(QStringView stored);
// True when `stored` is exactly `status`'s (or `stage`'s) stored value.
bool isStatus(QStringView stored, TripStatus status);
bool isStage(QStringView stored, PlanningStage stage);

// The stage after `stage` in the planning order; Completed stays Completed.
PlanningStage nextStage(PlanningStage stage);
// The stage before `stage`; Destination stays Destination.
PlanningStage previousStage(PlanningStage stage);

} // namespace tp
