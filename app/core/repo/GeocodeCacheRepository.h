#pragma once

#include "db/Database.h"
#include "geo/Nominatim.h"

#include <optional>

namespace tp {

// tripplanner_geocode_cache: the online geocoder's answers, so that a question
// is sent at most once within the cache's lifetime. A question is the server,
// the answers' language, the text (spacing and case do not matter, accents do)
// and the country it was limited to.
class GeocodeCacheRepository {
public:
    static constexpr int FoundDays = 90;   // places do not move
    static constexpr int NotFoundDays = 7; // OpenStreetMap may learn the place
    static constexpr int KeyMaxLength = 200;

    GeocodeCacheRepository(Database& db, QString server, QString language)
        : m_db(db)
        , m_server(std::move(server))
        , m_language(std::move(language)) {}

    static QString keyOf(const QString& query);

    // The answer stored for the question, unless it is older than its lifetime.
    std::optional<QList<geo::OnlinePlace>> find(const QString& query, const QString& countryCode);
    void store(const QString& query, const QString& countryCode, const QList<geo::OnlinePlace>& places);

private:
    SqlParams keyParams(const QString& query, const QString& countryCode) const;

    Database& m_db;
    QString m_server;
    QString m_language;
};

} // namespace tp
