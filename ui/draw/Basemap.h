// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/Mercator.h"
#include "geo/WorldData.h"

#include <QCache>
#include <QColor>
#include <QImage>
#include <QPolygonF>
#include <algorithm>
#include <vector>

class QPalette;

namespace tp::ui {

// The offline basemap: Natural Earth land and country outlines rendered into
// 256 px Web Mercator tiles on demand, at any zoom, and kept in an LRU cache so
// that panning only blits images. Rings are clipped to each tile before they
// reach QPainter, so deep zooms never hand it huge coordinates.
class Basemap {
public:
    // The default is the light style (OpenStreetMap-like colours).
    struct Style {
        QColor sea{0xaa, 0xd3, 0xdf};
        QColor land{0xf2, 0xef, 0xe9};
        QColor border{0x9a, 0x93, 0x8c};
        QColor coast{0x7f, 0xa8, 0xb8};

        static Style light() { return {}; }
        // For a dark palette: a night-blue sea, slate land, borders and coast
        // lighter than the land, so that white-ringed markers and light text
        // on the map stay readable and the map does not glare in a dark window.
        static Style dark();
        // dark() for a dark palette (Contrast.h, isDarkPalette), light() otherwise.
        static Style forPalette(const QPalette& palette);
        bool operator==(const Style&) const = default;
    };

    // `data` null: the bundled world, loaded when the first tile is drawn (not
    // when a map is made: the window builds maps that are not shown yet, and
    // reading the outlines was a tenth of the start-up).
    explicit Basemap(const geo::WorldData* data = nullptr, int cachedTiles = 128);

    const Style& style() const { return m_style; }
    // A new style drops the rendered tiles (they are drawn again on demand).
    void setStyle(const Style& style);
    // Renders the tile when it is not cached (about 0.2–2 ms).
    QImage tile(const geo::TileId& id);
    // The cached tile, or a null image: never renders.
    QImage cachedTile(const geo::TileId& id) const;
    int cachedTiles() const { return m_cache.size(); }
    // Grows the cache to hold at least `tiles` (it never shrinks).
    void ensureCapacity(int tiles) { m_cache.setMaxCost(std::max(int(m_cache.maxCost()), tiles)); }
    qint64 cacheBytes() const { return qint64(m_cache.totalCost()) * geo::TileSize * geo::TileSize * 4; }

private:
    struct Shape {
        std::vector<QPolygonF> rings; // unit Web Mercator coordinates
        QRectF bounds;
    };
    static Shape shapeOf(const geo::GeoPolygon& poly);
    QImage render(const geo::TileId& id) const;
    void ensureShapes();

    const geo::WorldData* m_data;
    bool m_shaped = false;
    Style m_style;
    std::vector<Shape> m_land;
    std::vector<Shape> m_countries;
    QCache<geo::TileId, QImage> m_cache;
};

} // namespace tp::ui
