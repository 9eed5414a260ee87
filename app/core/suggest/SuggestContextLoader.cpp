// SPDX-License-Identifier: GPL-3.0-or-later
#include "SuggestContextLoader.h"

#include "db/Database.h"
#include "repo/DestinationRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"

namespace tp::suggest {

LoadedContext loadSuggestContext(Database& db, Id userId, Id tripId) {
    LoadedContext loaded;
    SuggestContext& c = loaded.context;
    c.trip = TripRepository(db, userId).get(tripId);
    if (c.trip.destinationId)
        c.destination = DestinationRepository(db).find(*c.trip.destinationId);
    loaded.document = PlanRepository(db, userId).load(tripId);
    c.plan = loaded.document.plan;
    c.preferences = PreferencesRepository(db, userId).get();
    return loaded;
}

} // namespace tp::suggest
