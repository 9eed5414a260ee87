// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationRepository.h"

#include "RowMapping.h"
#include "domain/Validation.h"

#include <QCoreApplication>
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

QList<Destination> DestinationRepository::list(int limit, const std::optional<Destination>& after) {
    QString sql = selectAll();
    SqlParams params;
    if (after) {
        sql += u"WHERE (d.name, d.country, d.id) > (:name, :country, :id) "_s;
        params = {{u"name"_s, after->name}, {u"country"_s, after->country}, {u"id"_s, after->id}};
    }
    sql += u"ORDER BY d.name, d.country, d.id"_s;
    if (limit >= 0) {
        sql += u" LIMIT :limit"_s;
        params.append({u"limit"_s, limit});
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

namespace {

// Lower case without accents, as SQLite's FTS5 "unicode61 remove_diacritics 2"
// tokenizer folds: canonical decomposition, combining marks dropped.
QString searchFold(const QString& text) {
    const QString d = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(d.size());
    for (const QChar c : d)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out.toLower();
}

// The query's words: runs of letters and digits, folded; everything else
// (quotes, dashes, OR, *) separates words and is never syntax.
QStringList searchWords(const QString& text) {
    static const QRegularExpression word(u"[\\p{L}\\p{N}]+"_s);
    QStringList out;
    for (auto it = word.globalMatch(searchFold(text)); it.hasNext() && out.size() < 32;)
        out << it.next().captured(0);
    return out;
}

// translate() arguments that fold the Latin letters of a PostgreSQL text the
// way searchFold() does (À..ɏ to their lower-case base letter); lower() does ASCII.
const std::pair<QString, QString>& latinFoldTable() {
    static const std::pair<QString, QString> table = [] {
        QString from, to;
        for (char16_t u = 0xC0; u <= 0x24F; ++u) {
            const QString f = searchFold(QString(QChar(u)));
            if (f.size() == 1 && f.at(0) != QChar(u)) {
                from.append(QChar(u));
                to.append(f.at(0));
            }
        }
        return std::pair{from, to};
    }();
    return table;
}

} // namespace

QList<Destination> DestinationRepository::search(const QString& text, int limit) {
    if (text.simplified().isEmpty())
        return list(limit);
    // One meaning on both engines: every word of the query begins a word of the
    // name, city, country or description; case and accents are ignored
    // ("sao paulo" finds São Paulo, "lis" finds Lisbon); punctuation and words
    // such as OR are plain text.
    const QStringList words = searchWords(text);
    if (words.isEmpty())
        return {};
    SqlRows found;
    if (m_db.isPostgres()) {
        const auto& [from, to] = latinFoldTable();
        SqlParams params{{u"from"_s, from}, {u"to"_s, to}, {u"limit"_s, limit}};
        QStringList conditions;
        for (qsizetype i = 0; i < words.size(); ++i) {
            // Letters and digits only: nothing in a word is regex syntax.
            conditions << u"f.doc ~ :w%1"_s.arg(i);
            params.append({u"w%1"_s.arg(i), QString(u"(^|[^[:alnum:]])"_s + words[i])});
        }
        found = m_db.query(
            selectAll() +
                u"JOIN (SELECT id, translate(lower(coalesce(name, '') || ' ' || coalesce(city, '') || ' ' || "
                u"coalesce(country, '') || ' ' || coalesce(description, '')), :from, :to) AS doc, "
                u"translate(lower(name), :from, :to) AS folded_name FROM api_destination) f ON f.id = d.id "
                u"WHERE "_s +
                conditions.join(u" AND "_s) +
                u" ORDER BY (f.folded_name ~ :w0) DESC, d.name, d.country LIMIT :limit"_s,
            params);
    } else {
        // Each word as a quoted FTS5 prefix term ("word"*, implicitly ANDed).
        QStringList terms;
        for (const QString& w : words)
            terms << u'"' + w + u"\"*"_s;
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
        throw Error(
            Error::Kind::Conflict,
            QCoreApplication::translate("tp::repo", "A destination named \"%1\" in %2 already exists.")
                .arg(d.name, d.country),
            //: A field error, shown after the name field's label: "Name "Valencia" in Spain already exists".
            {{u"name"_s, QCoreApplication::translate("tp::Validation", "\"%1\" in %2 already exists")
                             .arg(d.name, d.country)}});
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
            throw Error(
                Error::Kind::NotFound,
                QCoreApplication::translate("tp::repo", "There is no destination with id %1.").arg(d.id));
        return *find(d.id);
    });
}

std::optional<Destination> DestinationRepository::findSamePlace(const QString& name, const QString& country,
                                                                SameCountry sameCountry) {
    if (auto exact = findByNameCountry(name, country))
        return exact;
    const SqlRows r = m_db.query(selectAll() + u"WHERE lower(d.name) = lower(:name) ORDER BY d.id"_s,
                                 {{u"name"_s, name.trimmed()}});
    for (const SqlRow& row : r) {
        const Destination d = rows::destination(row, "d_");
        if (sameCountry(d.country, country))
            return d;
    }
    return std::nullopt;
}

Destination DestinationRepository::findOrCreate(const Destination& known, SameCountry sameCountry) {
    const Destination k = normalized(known);
    return m_db.transaction([&] {
        auto existing = findSamePlace(k.name, k.country, sameCountry);
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
            throw Error(
                Error::Kind::NotFound,
                QCoreApplication::translate("tp::repo", "There is no destination with id %1.").arg(id));
    });
}

} // namespace tp
