// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorldData.h"

#include "NameFolding.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {

constexpr double KmPerDegree = 111.195; // mean Earth radius

Ring ringFromJson(const QJsonArray& flat, double scale) {
    Ring ring;
    ring.reserve(size_t(flat.size() / 2));
    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
        ring.emplace_back(flat[i].toDouble() / scale, flat[i + 1].toDouble() / scale);
    return ring;
}

GeoPolygon polygonFromJson(const QJsonArray& rings, double scale) {
    GeoPolygon poly;
    double w = 1e9, s = 1e9, e = -1e9, n = -1e9;
    for (const auto& r : rings) {
        Ring ring = ringFromJson(r.toArray(), scale);
        if (ring.size() < 3)
            continue;
        for (const QPointF& pt : ring) {
            w = std::min(w, pt.x());
            e = std::max(e, pt.x());
            s = std::min(s, pt.y());
            n = std::max(n, pt.y());
        }
        poly.rings.push_back(std::move(ring));
    }
    if (!poly.rings.empty())
        poly.bbox = QRectF(QPointF(w, s), QPointF(e, n));
    return poly;
}

bool ringContains(const Ring& ring, double x, double y) {
    bool inside = false;
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[i].x(), yi = ring[i].y();
        const double xj = ring[j].x(), yj = ring[j].y();
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

double wrapDelta(double dLon) {
    while (dLon > 180)
        dLon -= 360;
    while (dLon < -180)
        dLon += 360;
    return dLon;
}

// Lower bound of the distance from p to a lon/lat box, in km.
double boxLowerBoundKm(const QRectF& box, LonLat p) {
    double dLat = 0;
    if (p.lat < box.top())
        dLat = box.top() - p.lat;
    else if (p.lat > box.bottom())
        dLat = p.lat - box.bottom();
    double dLon = 0;
    const auto inside = [&](double lon) {
        return lon >= box.left() && lon <= box.right();
    };
    if (box.width() < 360 && !inside(p.lon) && !inside(p.lon + 360) && !inside(p.lon - 360))
        dLon = std::min(std::abs(wrapDelta(box.left() - p.lon)), std::abs(wrapDelta(p.lon - box.right())));
    const double maxAbsLat =
        std::min(89.9, std::max({std::abs(p.lat), std::abs(box.top()), std::abs(box.bottom())}));
    const double lonKm = dLon * KmPerDegree * std::cos(maxAbsLat * std::numbers::pi / 180);
    return std::hypot(dLat * KmPerDegree, lonKm);
}

double segmentDistanceKm(LonLat p, QPointF a, QPointF b, double cosLat) {
    // Local equirectangular plane centred on p.
    const double ax = wrapDelta(a.x() - p.lon) * cosLat, ay = a.y() - p.lat;
    const double bx = wrapDelta(b.x() - p.lon) * cosLat, by = b.y() - p.lat;
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(ax + t * dx, ay + t * dy) * KmPerDegree;
}

} // namespace

const WorldData& WorldData::instance() {
    static const WorldData data = [] {
        QFile f(u":/geo/world.json"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("WorldData: the bundled :/geo/world.json is missing");
            return WorldData();
        }
        QString error;
        WorldData d = fromJson(f.readAll(), &error);
        if (!d.isValid())
            qWarning("WorldData: %s", qPrintable(error));
        return d;
    }();
    return data;
}

WorldData WorldData::fromJson(const QByteArray& json, QString* error) {
    WorldData d;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        if (error)
            *error = pe.errorString();
        return d;
    }
    const QJsonObject root = doc.object();
    const double scale = root.value(u"scale").toDouble(100);
    for (const auto& p : root.value(u"land").toArray()) {
        GeoPolygon poly = polygonFromJson(p.toArray(), scale);
        if (!poly.rings.empty())
            d.m_land.push_back(std::move(poly));
    }
    for (const auto& v : root.value(u"countries").toArray()) {
        const QJsonObject o = v.toObject();
        Country c;
        c.iso2 = o.value(u"iso2").toString();
        c.iso3 = o.value(u"iso3").toString();
        c.name = o.value(u"name").toString();
        for (const auto& a : o.value(u"aliases").toArray())
            c.aliases.append(a.toString());
        const QJsonArray cen = o.value(u"centroid").toArray();
        c.centroid = {cen.at(0).toDouble(), cen.at(1).toDouble()};
        const QJsonArray bb = o.value(u"bbox").toArray();
        c.bbox = QRectF(QPointF(bb.at(0).toDouble(), bb.at(1).toDouble()),
                        QPointF(bb.at(2).toDouble(), bb.at(3).toDouble()));
        for (const auto& p : o.value(u"polygons").toArray()) {
            GeoPolygon poly = polygonFromJson(p.toArray(), scale);
            if (!poly.rings.empty())
                c.polygons.push_back(std::move(poly));
        }
        d.m_countries.push_back(std::move(c));
    }
    for (int i = 0; i < int(d.m_countries.size()); ++i) {
        const Country& c = d.m_countries[size_t(i)];
        // Codes and official names first; an alias never displaces them.
        for (const QString& key : {c.iso2, c.iso3, c.name})
            d.m_byKey.insert(foldName(key), i);
    }
    for (int i = 0; i < int(d.m_countries.size()); ++i) {
        for (const QString& a : d.m_countries[size_t(i)].aliases) {
            const QString key = foldName(a);
            if (!d.m_byKey.contains(key))
                d.m_byKey.insert(key, i);
        }
    }
    if (d.m_countries.empty() && error)
        *error = u"no countries in the data"_s;
    return d;
}

const Country* WorldData::country(const QString& nameOrCode) const {
    QString key = foldName(nameOrCode);
    if (key.startsWith(u"the "_s) && !m_byKey.contains(key))
        key = key.mid(4);
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.constEnd() ? nullptr : &m_countries[size_t(*it)];
}

bool WorldData::contains(const GeoPolygon& poly, LonLat p) {
    if (poly.rings.empty())
        return false;
    // Rings that run past the antimeridian (lon > 180 or < -180) hold the point
    // at lon ± 360.
    for (const double shift : {0.0, 360.0, -360.0}) {
        const QPointF q(p.lon + shift, p.lat);
        if (!poly.bbox.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(q))
            continue;
        if (!ringContains(poly.rings.front(), q.x(), q.y()))
            continue;
        bool inHole = false;
        for (size_t i = 1; i < poly.rings.size() && !inHole; ++i)
            inHole = ringContains(poly.rings[i], q.x(), q.y());
        if (!inHole)
            return true;
    }
    return false;
}

double WorldData::distanceKm(const GeoPolygon& poly, LonLat p) {
    if (contains(poly, p))
        return 0;
    const double cosLat = std::cos(std::clamp(p.lat, -89.9, 89.9) * std::numbers::pi / 180);
    double best = std::numeric_limits<double>::infinity();
    for (const Ring& ring : poly.rings) {
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            best = std::min(best, segmentDistanceKm(p, ring[j], ring[i], cosLat));
    }
    return best;
}

const Country* WorldData::countryAt(LonLat p) const {
    for (const Country& c : m_countries) {
        for (const GeoPolygon& poly : c.polygons) {
            if (contains(poly, p))
                return &c;
        }
    }
    return nullptr;
}

bool WorldData::isLand(LonLat p) const {
    return std::any_of(m_land.begin(), m_land.end(),
                       [&](const GeoPolygon& poly) { return contains(poly, p); });
}

double WorldData::distanceToLandKm(LonLat p, double maxKm) const {
    double best = maxKm;
    for (const GeoPolygon& poly : m_land) {
        if (boxLowerBoundKm(poly.bbox, p) >= best)
            continue;
        best = std::min(best, distanceKm(poly, p));
        if (best == 0)
            break;
    }
    return best;
}

double WorldData::distanceToCountryKm(const Country& c, LonLat p, double maxKm) const {
    if (c.polygons.empty())
        return std::min(maxKm, boxLowerBoundKm(c.bbox, p));
    double best = maxKm;
    for (const GeoPolygon& poly : c.polygons) {
        if (boxLowerBoundKm(poly.bbox, p) >= best)
            continue;
        best = std::min(best, distanceKm(poly, p));
        if (best == 0)
            break;
    }
    return best;
}

bool sameCountry(const QString& a, const QString& b) {
    if (a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0)
        return true;
    const WorldData& world = WorldData::instance();
    const Country* ca = world.country(a.trimmed());
    return ca && ca == world.country(b.trimmed());
}

} // namespace tp::geo
