// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Nominatim.h"
#include "domain/GeocodeCacheStore.h"

#include <QList>
#include <optional>

namespace tp::geo {

// The online geocoder's answers kept in a store (the database's
// tripplanner_geocode_cache through GeocodeCacheRepository), so that a
// question is sent at most once within its lifetime: 90 days for places, 7
// for "nothing found".
class GeocodeCache {
public:
    static constexpr int FoundDays = 90;   // places do not move
    static constexpr int NotFoundDays = 7; // OpenStreetMap may learn the place

    explicit GeocodeCache(GeocodeCacheStore& store)
        : m_store(store) {}

    // The answer stored for the question, unless it is older than its lifetime.
    std::optional<QList<OnlinePlace>> find(const QString& query, const QString& countryCode);
    void store(const QString& query, const QString& countryCode, const QList<OnlinePlace>& places);

private:
    GeocodeCacheStore& m_store;
};

} // namespace tp::geo
