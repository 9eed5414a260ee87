// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Mercator.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <vector>

namespace tp::geo {

// A ring of (lon, lat) points; closed implicitly (last point != first).
using Ring = std::vector<QPointF>;

struct GeoPolygon {
    std::vector<Ring> rings; // outer ring first, holes after
    QRectF bbox;             // x = longitude, y = latitude (top() is the south edge)
};

struct Country {
    QString iso2;
    QString iso3;
    QString name;
    QStringList aliases;
    LonLat centroid;
    QRectF bbox;                      // x = longitude, y = latitude
    std::vector<GeoPolygon> polygons; // empty for countries too small for 1:110m
};

// The bundled Natural Earth 1:110m countries and land (resources/geo/world.json),
// loaded once; immutable afterwards, so it can be read from any thread.
class WorldData {
public:
    // The compiled-in data (":/geo/world.json"), parsed on first use.
    static const WorldData& instance();
    // Parses the format written by resources/geo/make_geo_data.py.
    static WorldData fromJson(const QByteArray& json, QString* error = nullptr);

    bool isValid() const { return !m_countries.empty(); }
    const std::vector<Country>& countries() const { return m_countries; }
    const std::vector<GeoPolygon>& land() const { return m_land; }

    // By name, alias or ISO alpha-2/alpha-3 code; case-, accent- and
    // punctuation-insensitive. nullptr when unknown.
    const Country* country(const QString& nameOrCode) const;
    // The country whose polygon holds the point (nullptr in the sea, or in a
    // country too small for the data).
    const Country* countryAt(LonLat p) const;
    bool isLand(LonLat p) const;
    // 0 inside; otherwise the distance in km to the nearest edge, capped at `maxKm`
    // (bounding boxes are used to skip polygons farther than that).
    double distanceToLandKm(LonLat p, double maxKm = 500) const;
    // 0 inside; for a country without polygons, the distance to its bounding box.
    double distanceToCountryKm(const Country& c, LonLat p, double maxKm = 500) const;

    static bool contains(const GeoPolygon& poly, LonLat p);
    static double distanceKm(const GeoPolygon& poly, LonLat p); // 0 inside

private:
    std::vector<Country> m_countries;
    std::vector<GeoPolygon> m_land;
    QHash<QString, int> m_byKey; // folded name/alias/code -> index
};

// Two spellings of one country: equal ignoring case, or the same country of
// the world data by name, alias or ISO code ("PT", "PRT", "Portugal").
bool sameCountry(const QString& a, const QString& b);

} // namespace tp::geo
