// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/Itinerary.h"

// The itinerary's words, shared by the itinerary view and the PDF: a day's
// heading and an entry's line.
namespace tp::ui::itinerarytext {

QString dayHeading(const plan::ItineraryDay& day,
                   const plan::Plan& plan);       // "Wed 3 Jun 2026 · night: Hotel X"
QString entryLine(const plan::ItineraryEntry& e); // "09:00–11:00  Activity: Etna"

} // namespace tp::ui::itinerarytext
