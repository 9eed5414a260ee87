// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>

// Web Mercator (EPSG:3857) and the XYZ tile scheme ("slippy map" tiles), GUI-free.
//
// Three coordinate spaces:
//   lon/lat     degrees (WGS 84)
//   unit        the projected world as the square [0, 1] x [0, 1], x eastwards from
//               -180°, y southwards from +85.0511°
//   world px    unit * worldSize(zoom), with worldSize(z) = 256 * 2^z
namespace tp::geo {

inline constexpr int TileSize = 256;
inline constexpr double MaxLatitude = 85.05112877980659; // atan(sinh(pi))
inline constexpr int MaxZoom = 19;

struct LonLat {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

double clampLatitude(double lat);
// Longitude into [-180, 180).
double wrapLongitude(double lon);

QPointF toUnit(LonLat p);
QPointF toUnit(double lon, double lat);
LonLat fromUnit(QPointF unit);

double worldSize(double zoom);
QPointF toWorldPx(LonLat p, double zoom);
LonLat fromWorldPx(QPointF px, double zoom);

// Metres per pixel at a latitude (for a scale bar).
double metresPerPixel(double lat, double zoom);

// Great-circle distance in kilometres.
double haversineKm(LonLat a, LonLat b);

struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    friend bool operator==(const TileId&, const TileId&) = default;
    bool isValid() const;
};
size_t qHash(const TileId& t, size_t seed = 0) noexcept;

// The tile that holds a point at integer zoom z.
TileId tileAt(LonLat p, int z);
// The unit-space square a tile covers.
QRectF tileUnitRect(TileId t);
// Longitude/latitude of a tile's north-west corner.
LonLat tileNorthWest(TileId t);

// Tiles needed to cover a rectangle in unit space at zoom z. x may run outside
// [0, 2^z) when the rectangle crosses the antimeridian: wrapTileX() maps it
// back; y is clamped to the world.
struct TileRange {
    int z = 0;
    int xMin = 0, xMax = -1; // inclusive, unwrapped
    int yMin = 0, yMax = -1; // inclusive
    int count() const { return (xMax >= xMin && yMax >= yMin) ? (xMax - xMin + 1) * (yMax - yMin + 1) : 0; }
};
TileRange tilesCovering(const QRectF& unitRect, int z);
int wrapTileX(int x, int z);

// Fills {z}, {x}, {y} (and {s}: no subdomain, left empty) in a tile URL template.
QString tileUrl(const QString& urlTemplate, TileId t);

} // namespace tp::geo
