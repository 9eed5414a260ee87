#pragma once

#include "db/Database.h"
#include "geo/Nominatim.h"

#include <optional>

namespace tp {

// tripplanner_geocode_cache: the online geocoder's answers, so that a question
// is sent at most once within the cache's lifetime. Keyed by the folded query
// ("Zürich" and "zurich" are one question) and the country code.
class GeocodeCacheRepository {
public:
    static constexpr int FoundDays = 90;   // places do not move
    static constexpr int NotFoundDays = 7; // OpenStreetMap may learn the place

    GeocodeCacheRepository(Database& db, QString provider = QStringLiteral("nominatim"))
        : m_db(db)
        , m_provider(std::move(provider)) {}

    static QString keyOf(const QString& query);

    // The answer stored for the question, unless it is older than its lifetime.
    std::optional<QList<geo::OnlinePlace>> find(const QString& query, const QString& countryCode);
    void store(const QString& query, const QString& countryCode, const QList<geo::OnlinePlace>& places);

private:
    Database& m_db;
    QString m_provider;
};

} // namespace tp
