// SPDX-License-Identifier: GPL-3.0-or-later
#include "Mercator.h"

#include <QHashFunctions>
#include <algorithm>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {
constexpr double Pi = std::numbers::pi;
constexpr double EarthRadiusKm = 6371.0088;
constexpr double EarthCircumferenceM = 40075016.686;
double radians(double deg) {
    return deg * Pi / 180.0;
}
} // namespace

double clampLatitude(double lat) {
    return std::clamp(lat, -MaxLatitude, MaxLatitude);
}

double wrapLongitude(double lon) {
    double w = std::fmod(lon + 180.0, 360.0);
    if (w < 0)
        w += 360.0;
    return w - 180.0;
}

QPointF toUnit(double lon, double lat) {
    const double x = (lon + 180.0) / 360.0;
    const double s = std::sin(radians(clampLatitude(lat)));
    const double y = 0.5 - std::log((1 + s) / (1 - s)) / (4 * Pi);
    return {x, y};
}

QPointF toUnit(LonLat p) {
    return toUnit(p.lon, p.lat);
}

LonLat fromUnit(QPointF unit) {
    const double lon = unit.x() * 360.0 - 180.0;
    const double n = Pi - 2.0 * Pi * unit.y();
    const double lat = 180.0 / Pi * std::atan(std::sinh(n));
    return {lon, lat};
}

double worldSize(double zoom) {
    return TileSize * std::exp2(zoom);
}

QPointF toWorldPx(LonLat p, double zoom) {
    return toUnit(p) * worldSize(zoom);
}

LonLat fromWorldPx(QPointF px, double zoom) {
    return fromUnit(px / worldSize(zoom));
}

double metresPerPixel(double lat, double zoom) {
    return EarthCircumferenceM * std::cos(radians(clampLatitude(lat))) / worldSize(zoom);
}

double haversineKm(LonLat a, LonLat b) {
    const double dLat = radians(b.lat - a.lat);
    const double dLon = radians(b.lon - a.lon);
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(radians(a.lat)) *
                                                                   std::cos(radians(b.lat)) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * EarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool TileId::isValid() const {
    if (z < 0 || z > 30)
        return false;
    const int n = 1 << z;
    return x >= 0 && x < n && y >= 0 && y < n;
}

size_t qHash(const TileId& t, size_t seed) noexcept {
    return ::qHashMulti(seed, t.z, t.x, t.y);
}

TileId tileAt(LonLat p, int z) {
    const QPointF u = toUnit(wrapLongitude(p.lon), p.lat);
    const int n = 1 << z;
    const int x = std::clamp(int(std::floor(u.x() * n)), 0, n - 1);
    const int y = std::clamp(int(std::floor(u.y() * n)), 0, n - 1);
    return {z, x, y};
}

QRectF tileUnitRect(TileId t) {
    const double size = 1.0 / double(1 << t.z);
    return {t.x * size, t.y * size, size, size};
}

LonLat tileNorthWest(TileId t) {
    return fromUnit(tileUnitRect(t).topLeft());
}

TileRange tilesCovering(const QRectF& unitRect, int z) {
    TileRange r;
    r.z = z;
    if (unitRect.isEmpty())
        return r;
    const int n = 1 << z;
    // A tile is needed when the rectangle overlaps its interior: the right and
    // bottom edges are exclusive.
    constexpr double eps = 1e-12;
    r.xMin = int(std::floor(unitRect.left() * n));
    r.xMax = int(std::ceil(unitRect.right() * n - eps)) - 1;
    r.yMin = std::max(0, int(std::floor(unitRect.top() * n)));
    r.yMax = std::min(n - 1, int(std::ceil(unitRect.bottom() * n - eps)) - 1);
    if (r.xMax < r.xMin)
        r.xMax = r.xMin;
    // Never more than one full turn of the world horizontally.
    if (r.xMax - r.xMin + 1 > n)
        r.xMax = r.xMin + n - 1;
    return r;
}

int wrapTileX(int x, int z) {
    const int n = 1 << z;
    const int w = x % n;
    return w < 0 ? w + n : w;
}

QString tileUrl(const QString& urlTemplate, TileId t) {
    QString url = urlTemplate;
    url.replace(u"{z}"_s, QString::number(t.z));
    url.replace(u"{x}"_s, QString::number(t.x));
    url.replace(u"{y}"_s, QString::number(t.y));
    url.replace(u"{s}."_s, QString());
    return url;
}

} // namespace tp::geo
