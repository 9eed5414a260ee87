// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace tp {

// One stored answer of the online geocoder: the places as geo/ encodes them
// (geo::encodePlaces) and when they were fetched (UTC).
struct CachedGeocode {
    QByteArray results;
    QDateTime fetchedAt;
};

// Where geo/ keeps the online geocoder's answers. Declared at the bottom of
// the layers so that repo/ (GeocodeCacheRepository) can implement it without
// knowing geo/'s types, and geo/ (GeocodeCache: the lifetimes and the
// encoding) can use it: the include graph between the folders stays a line.
class GeocodeCacheStore {
public:
    virtual ~GeocodeCacheStore() = default;
    // The answer stored for the question (server, language, text, country),
    // however old it is; nullopt when none is.
    virtual std::optional<CachedGeocode> find(const QString& query, const QString& countryCode) = 0;
    // Stores or replaces the answer, fetched now.
    virtual void store(const QString& query, const QString& countryCode, const QByteArray& results) = 0;
};

} // namespace tp
