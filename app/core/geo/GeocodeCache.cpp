// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeocodeCache.h"

namespace tp::geo {

std::optional<QList<OnlinePlace>> GeocodeCache::find(const QString& query, const QString& countryCode) {
    const std::optional<CachedGeocode> cached = m_store.find(query, countryCode);
    if (!cached)
        return std::nullopt;
    const QList<OnlinePlace> places = decodePlaces(cached->results);
    const int lifetimeDays = places.isEmpty() ? NotFoundDays : FoundDays;
    if (!cached->fetchedAt.isValid() ||
        cached->fetchedAt.addDays(lifetimeDays) < QDateTime::currentDateTimeUtc())
        return std::nullopt;
    return places;
}

void GeocodeCache::store(const QString& query, const QString& countryCode, const QList<OnlinePlace>& places) {
    m_store.store(query, countryCode, encodePlaces(places));
}

} // namespace tp::geo
