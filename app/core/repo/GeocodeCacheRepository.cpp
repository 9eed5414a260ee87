#include "GeocodeCacheRepository.h"

#include "geo/NameFolding.h"

using namespace Qt::StringLiterals;

namespace tp {

namespace {
constexpr int QueryMaxLength = 300; // the column's width
}

QString GeocodeCacheRepository::keyOf(const QString& query) {
    return geo::foldName(query).left(QueryMaxLength);
}

std::optional<QList<geo::OnlinePlace>> GeocodeCacheRepository::find(const QString& query,
                                                                    const QString& countryCode) {
    const SqlRows rows =
        m_db.query(u"SELECT results, fetched_at FROM tripplanner_geocode_cache "
                   u"WHERE provider = :p AND query = :q AND country_code = :c"_s,
                   {{u"p"_s, m_provider}, {u"q"_s, keyOf(query)}, {u"c"_s, countryCode.toUpper()}});
    if (rows.isEmpty())
        return std::nullopt;
    const QList<geo::OnlinePlace> places = geo::decodePlaces(col::text(rows.first(), "results").toUtf8());
    const QDateTime fetched = col::timestamp(rows.first(), "fetched_at");
    const int lifetimeDays = places.isEmpty() ? NotFoundDays : FoundDays;
    if (!fetched.isValid() || fetched.addDays(lifetimeDays) < QDateTime::currentDateTimeUtc())
        return std::nullopt;
    return places;
}

void GeocodeCacheRepository::store(const QString& query, const QString& countryCode,
                                   const QList<geo::OnlinePlace>& places) {
    m_db.write(u"INSERT INTO tripplanner_geocode_cache (provider, query, country_code, results, fetched_at) "
               u"VALUES (:p, :q, :c, :r, :now) ON CONFLICT (provider, query, country_code) DO UPDATE SET "
               u"results = excluded.results, fetched_at = excluded.fetched_at"_s,
               {{u"p"_s, m_provider},
                {u"q"_s, keyOf(query)},
                {u"c"_s, countryCode.toUpper()},
                {u"r"_s, QString::fromUtf8(geo::encodePlaces(places))},
                {u"now"_s, QDateTime::currentDateTimeUtc()}});
}

} // namespace tp
