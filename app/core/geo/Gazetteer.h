// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <QHash>
#include <QIODevice>
#include <QList>
#include <QString>
#include <optional>
#include <vector>

namespace tp::geo {

// One populated place of the bundled GeoNames extract.
struct Place {
    QString name;
    QString countryCode; // ISO 3166-1 alpha-2
    QString admin1;      // GeoNames admin1 code ("CA", "ENG", "07")
    double lat = 0;
    double lon = 0;
    qint64 population = 0;
};

struct GeoMatch {
    enum class Kind { City, CountryCentroid };
    Kind kind = Kind::City;
    QString name;        // the place's name, or the country's for a centroid
    QString countryCode; // ISO alpha-2
    QString countryName;
    double lat = 0;
    double lon = 0;
    qint64 population = 0;
    // Places with the same name elsewhere (other countries when no country was
    // given, or other places in the country when one was): > 0 means the answer
    // is the largest of several.
    int alternatives = 0;

    // As the database stores them: NUMERIC(9, 6).
    Decimal latitude() const;
    Decimal longitude() const;
};

// Offline geocoding of "name, country" from the bundled GeoNames cities
// (population >= 15,000) and Natural Earth country centroids. Look-ups are
// in-memory hash look-ups; instances are immutable after loading and can be
// shared between threads.
class Gazetteer {
public:
    Gazetteer() = default;
    // The compiled-in data (":/geo/cities.tsv"), parsed on first use (~50 ms).
    static const Gazetteer& instance();
    // Reads `name \t iso2 \t admin1 \t lat \t lon \t population` lines; '#' starts a comment.
    static Gazetteer fromTsv(QIODevice& in);

    int size() const { return int(m_places.size()); }
    bool isEmpty() const { return m_places.empty(); }

    // Resolves a place name, optionally within a country (name, alias or ISO code).
    // - With a known country: the largest place of that name in it; failing that,
    //   the country's centroid (Kind::CountryCentroid).
    // - Without one (or an unknown one): the largest place of that name anywhere;
    //   failing that, the country the name itself names, as a centroid.
    // Accent-, case- and punctuation-insensitive. nullopt when nothing matches.
    std::optional<GeoMatch> resolve(const QString& name, const QString& country = {}) const;
    // "Valencia, Spain", "Zürich, CH", "Kyoto": the text after the last comma is
    // the country when it names one.
    std::optional<GeoMatch> resolveText(const QString& text) const;
    // A destination: its city when set, then its name, within its country.
    std::optional<GeoMatch> resolve(const Destination& d) const;

    // Every place with that name, largest first.
    QList<Place> candidates(const QString& name) const;

private:
    std::optional<GeoMatch> lookup(const QString& name, const QString& country, bool allowCentroid) const;

    std::vector<Place> m_places;              // largest first
    QHash<QString, std::vector<int>> m_index; // folded name -> indices, largest first
};

} // namespace tp::geo
