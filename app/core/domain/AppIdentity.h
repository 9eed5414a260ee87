// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace tp {

// How the app names itself to the services it calls (the LLM providers,
// Nominatim): "TripPlanner/<version> (desktop trip planner; Qt <version>)".
// Here, at the bottom of the layers, so that llm/ and geo/ need not include
// each other for it.
QByteArray appUserAgent();

} // namespace tp
