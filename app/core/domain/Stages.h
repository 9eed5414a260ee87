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
                       // (QT_TRANSLATE_NOOP below puts them in the translation files)
};

namespace trip_status {
inline constexpr Choice all[] = {
    {u"planning", QT_TRANSLATE_NOOP("Stages", "Planning")},
    {u"ai_chat_active", QT_TRANSLATE_NOOP("Stages", "AI Chat Active")},
    {u"destinations_selected", QT_TRANSLATE_NOOP("Stages", "Destination Selected")},
    {u"hotels_selected", QT_TRANSLATE_NOOP("Stages", "Hotels Selected")},
    {u"flights_selected", QT_TRANSLATE_NOOP("Stages", "Flights Selected")},
    {u"activities_planned", QT_TRANSLATE_NOOP("Stages", "Activities Planned")},
    {u"itinerary_complete", QT_TRANSLATE_NOOP("Stages", "Itinerary Complete")},
    {u"booked", QT_TRANSLATE_NOOP("Stages", "Booked")},
    {u"completed", QT_TRANSLATE_NOOP("Stages", "Completed")},
    {u"cancelled", QT_TRANSLATE_NOOP("Stages", "Cancelled")},
};
inline constexpr int MaxLength = 21;
} // namespace trip_status

namespace planning_stage {
inline constexpr Choice all[] = {
    {u"destination", QT_TRANSLATE_NOOP("Stages", "Destination Selection")},
    {u"accommodation", QT_TRANSLATE_NOOP("Stages", "Hotel/Accommodation Planning")},
    {u"flights", QT_TRANSLATE_NOOP("Stages", "Flight Planning")},
    {u"activities", QT_TRANSLATE_NOOP("Stages", "Activity Planning")},
    {u"itinerary", QT_TRANSLATE_NOOP("Stages", "Itinerary Building")},
    {u"finalization", QT_TRANSLATE_NOOP("Stages", "Final Review")},
    {u"completed", QT_TRANSLATE_NOOP("Stages", "Planning Completed")},
};
} // namespace planning_stage

namespace conversation_stage {
inline constexpr Choice all[] = {
    {u"initial", QT_TRANSLATE_NOOP("Stages", "Getting Initial Preferences")},
    {u"generating_questions", QT_TRANSLATE_NOOP("Stages", "Generating Clarifying Questions")},
    {u"asking_clarifications", QT_TRANSLATE_NOOP("Stages", "Asking Clarification Questions")},
    {u"generating_destinations", QT_TRANSLATE_NOOP("Stages", "Generating Destination Recommendations")},
    {u"destinations_complete", QT_TRANSLATE_NOOP("Stages", "Destinations Generated")},
    {u"commitment_detected", QT_TRANSLATE_NOOP("Stages", "User Committed to Destination")},
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

// A choice's label, translated (QCoreApplication::translate("Stages", label)).
QString translatedChoiceLabel(const char* label);

// The label for a stored value, translated; an unknown value is returned as it is.
template <std::size_t N> QString choiceLabel(const Choice (&choices)[N], const QString& value) {
    const int i = choiceIndex(choices, value);
    return i < 0 ? value : translatedChoiceLabel(choices[i].label);
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
