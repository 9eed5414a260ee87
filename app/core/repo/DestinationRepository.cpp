#include "DestinationRepository.h"

#include "RowMapping.h"
#include "domain/Validation.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
// A function, not a global: rows::destinationColumns lives in another file,
// and globals across files have no defined initialization order.
QString selectAll() {
    return u"SELECT "_s + rows::destinationColumns + u" FROM api_destination d "_s;
}

Destination normalized(Destination d) {
    d.name = d.name.trimmed();
    d.country = d.country.trimmed();
    d.city = d.city.trimmed();
    return d;
}

SqlParams valuesOf(const Destination& d, const QDateTime& now) {
    return {{u"name"_s, d.name},
            {u"city"_s, SqlValue::textOrNull(d.city)},
            {u"country"_s, d.country},
            {u"description"_s, SqlValue::textOrNull(d.description)},
            {u"best"_s, SqlValue::textOrNull(d.bestTimeToVisit)},
            {u"cost"_s, d.averageCostPerDay},
            {u"lat"_s, d.latitude},
            {u"lon"_s, d.longitude},
            {u"now"_s, now}};
}
} // namespace

QList<Destination> DestinationRepository::list(int limit, int offset) {
    QString sql = selectAll() + u"ORDER BY d.name, d.country, d.id"_s;
    SqlParams params;
    if (limit >= 0) {
        sql += u" LIMIT :limit OFFSET :offset"_s;
        params = {{u"limit"_s, limit}, {u"offset"_s, offset}};
    }
    QList<Destination> out;
    for (const SqlRow& r : m_db.query(sql, params))
        out << rows::destination(r, "d_");
    return out;
}

int DestinationRepository::count() {
    const SqlRows r = m_db.query(u"SELECT count(*) AS n FROM api_destination"_s);
    return r.isEmpty() ? 0 : col::integer(r.first(), "n");
}

QList<Destination> DestinationRepository::search(const QString& text, int limit) {
    const QString q = text.simplified();
    if (q.isEmpty())
        return list(limit);
    SqlRows found;
    if (m_db.isPostgres()) {
        found = m_db.query(
            selectAll() +
                u"WHERE (coalesce(d.name, '') || ' ' || coalesce(d.city, '') || ' ' || "
                u"coalesce(d.country, '') || ' ' || coalesce(d.description, '')) ILIKE :p ESCAPE '!' "
                u"ORDER BY (d.name ILIKE :p ESCAPE '!') DESC, d.name, d.country LIMIT :limit"_s,
            {{u"p"_s, rows::likePattern(q)}, {u"limit"_s, limit}});
    } else {
        // Each word as a quoted FTS5 prefix term: user text never reaches the
        // FTS5 query syntax (quotes are doubled inside the string).
        QStringList terms;
        static const QRegularExpression words(u"[\\w]+"_s, QRegularExpression::UseUnicodePropertiesOption);
        auto it = words.globalMatch(q);
        while (it.hasNext())
            terms << u'"' + it.next().captured(0).replace(u'"', u"\"\""_s) + u"\"*"_s;
        if (terms.isEmpty())
            return {};
        found = m_db.query(selectAll() + u"JOIN (SELECT rowid AS rid, rank AS score FROM api_destination_fts "
                                         u"WHERE api_destination_fts MATCH :q) f ON f.rid = d.id "
                                         u"ORDER BY f.score, d.name LIMIT :limit"_s,
                           {{u"q"_s, terms.join(u' ')}, {u"limit"_s, limit}});
    }
    QList<Destination> out;
    for (const SqlRow& r : found)
        out << rows::destination(r, "d_");
    return out;
}

std::optional<Destination> DestinationRepository::find(Id id) {
    const SqlRows r = m_db.query(selectAll() + u"WHERE d.id = :id"_s, {{u"id"_s, id}});
    if (r.isEmpty())
        return std::nullopt;
    return rows::destination(r.first(), "d_");
}

std::optional<Destination> DestinationRepository::findByNameCountry(const QString& name,
                                                                    const QString& country) {
    const SqlRows r = m_db.query(selectAll() + u"WHERE d.name = :name AND d.country = :country"_s,
                                 {{u"name"_s, name.trimmed()}, {u"country"_s, country.trimmed()}});
    if (r.isEmpty())
        return std::nullopt;
    return rows::destination(r.first(), "d_");
}

void DestinationRepository::throwIfDuplicate(const Destination& d) {
    const SqlRows r = m_db.query(u"SELECT id FROM api_destination WHERE name = :name AND country = :country "
                                 u"AND id <> :id"_s,
                                 {{u"name"_s, d.name}, {u"country"_s, d.country}, {u"id"_s, d.id}});
    if (!r.isEmpty())
        throw Error(Error::Kind::Conflict,
                    u"A destination named \"%1\" in %2 already exists."_s.arg(d.name, d.country),
                    {{u"name"_s, u"\"%1\" in %2 already exists"_s.arg(d.name, d.country)}});
}

Destination DestinationRepository::create(const Destination& draft) {
    const Destination d = normalized(draft);
    validation::require(validation::checkDestination(d));
    return m_db.transaction([&] {
        throwIfDuplicate(d);
        const SqlRows r =
            m_db.write(u"INSERT INTO api_destination (name, city, country, description, best_time_to_visit, "
                       u"average_cost_per_day, latitude, longitude, created_at, updated_at) VALUES (:name, "
                       u":city, :country, "
                       u":description, :best, :cost, :lat, :lon, :now, :now) RETURNING id"_s,
                       valuesOf(d, QDateTime::currentDateTimeUtc()));
        return *find(col::id(r.first(), "id"));
    });
}

Destination DestinationRepository::update(const Destination& draft) {
    const Destination d = normalized(draft);
    validation::require(validation::checkDestination(d));
    return m_db.transaction([&] {
        throwIfDuplicate(d);
        SqlParams params = valuesOf(d, QDateTime::currentDateTimeUtc());
        params.append({u"id"_s, d.id});
        if (m_db.execute(
                u"UPDATE api_destination SET name = :name, city = :city, country = :country, "
                u"description = :description, best_time_to_visit = :best, average_cost_per_day = :cost, "
                u"latitude = :lat, longitude = :lon, updated_at = :now WHERE id = :id"_s,
                params) == 0)
            throw Error(Error::Kind::NotFound, u"There is no destination with id %1."_s.arg(d.id));
        return *find(d.id);
    });
}

Destination DestinationRepository::findOrCreate(const Destination& known) {
    const Destination k = normalized(known);
    return m_db.transaction([&] {
        auto existing = findByNameCountry(k.name, k.country);
        if (!existing)
            return create(k);
        Destination d = *existing;
        bool changed = false;
        auto fill = [&changed](auto& field, const auto& value, bool missing) {
            if (missing) {
                field = value;
                changed = true;
            }
        };
        fill(d.city, k.city, d.city.isEmpty() && !k.city.isEmpty());
        fill(d.description, k.description, d.description.isEmpty() && !k.description.isEmpty());
        fill(d.bestTimeToVisit, k.bestTimeToVisit,
             d.bestTimeToVisit.isEmpty() && !k.bestTimeToVisit.isEmpty());
        fill(d.averageCostPerDay, k.averageCostPerDay,
             !d.averageCostPerDay && k.averageCostPerDay.has_value());
        if (!d.hasCoordinates() && k.hasCoordinates()) {
            d.latitude = k.latitude;
            d.longitude = k.longitude;
            changed = true;
        }
        return changed ? update(d) : d;
    });
}

int DestinationRepository::tripsUsing(Id id) {
    const SqlRows r =
        m_db.query(u"SELECT count(*) AS n FROM api_trip WHERE destination_id = :id"_s, {{u"id"_s, id}});
    return r.isEmpty() ? 0 : col::integer(r.first(), "n");
}

void DestinationRepository::remove(Id id) {
    m_db.transaction([&] {
        // ON DELETE SET NULL clears api_trip.destination_id in the same transaction.
        if (m_db.execute(u"DELETE FROM api_destination WHERE id = :id"_s, {{u"id"_s, id}}) == 0)
            throw Error(Error::Kind::NotFound, u"There is no destination with id %1."_s.arg(id));
    });
}

} // namespace tp
