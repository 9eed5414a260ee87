// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/GeocodeCacheStore.h"

namespace tp {

// tripplanner_geocode_cache: the online geocoder's answers, so that a question
// is sent at most once within the cache's lifetime (geo::GeocodeCache decides
// the lifetime and the encoding; this class only reads and writes the rows).
// A question is the server, the answers' language, the text (spacing and case
// do not matter, accents do) and the country it was limited to.
class GeocodeCacheRepository : public GeocodeCacheStore {
public:
    static constexpr int KeyMaxLength = 200;

    GeocodeCacheRepository(Database& db, QString server, QString language)
        : m_db(db)
        , m_server(std::move(server))
        , m_language(std::move(language)) {}

    static QString keyOf(const QString& query);

    std::optional<CachedGeocode> find(const QString& query, const QString& countryCode) override;
    void store(const QString& query, const QString& countryCode, const QByteArray& results) override;

private:
    SqlParams keyParams(const QString& query, const QString& countryCode) const;

    Database& m_db;
    QString m_server;
    QString m_language;
};

} // namespace tp
