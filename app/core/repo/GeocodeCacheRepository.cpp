// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeocodeCacheRepository.h"

using namespace Qt::StringLiterals;

namespace tp {

QString GeocodeCacheRepository::keyOf(const QString& query) {
    return query.simplified().toCaseFolded().left(KeyMaxLength);
}

SqlParams GeocodeCacheRepository::keyParams(const QString& query, const QString& countryCode) const {
    return {{u"s"_s, m_server.left(KeyMaxLength)},
            {u"l"_s, m_language.left(35)},
            {u"q"_s, keyOf(query)},
            {u"c"_s, countryCode.toUpper().left(2)}};
}

std::optional<CachedGeocode> GeocodeCacheRepository::find(const QString& query, const QString& countryCode) {
    const SqlRows rows =
        m_db.query(u"SELECT results, fetched_at FROM tripplanner_geocode_cache "
                   u"WHERE server = :s AND language = :l AND query = :q AND country_code = :c"_s,
                   keyParams(query, countryCode));
    if (rows.isEmpty())
        return std::nullopt;
    return CachedGeocode{col::text(rows.first(), "results").toUtf8(),
                         col::timestamp(rows.first(), "fetched_at")};
}

void GeocodeCacheRepository::store(const QString& query, const QString& countryCode,
                                   const QByteArray& results) {
    SqlParams params = keyParams(query, countryCode);
    params.append({u"r"_s, QString::fromUtf8(results)});
    params.append({u"now"_s, QDateTime::currentDateTimeUtc()});
    m_db.write(u"INSERT INTO tripplanner_geocode_cache (server, language, query, country_code, results, "
               u"fetched_at) VALUES (:s, :l, :q, :c, :r, :now) ON CONFLICT (server, language, query, "
               u"country_code) DO UPDATE SET results = excluded.results, fetched_at = excluded.fetched_at"_s,
               params);
}

} // namespace tp
