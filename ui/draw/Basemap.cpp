// SPDX-License-Identifier: GPL-3.0-or-later
#include "Basemap.h"

#include "Contrast.h"

#include <QPainter>
#include <QPainterPath>

namespace tp::ui {

namespace {

// Sutherland–Hodgman against the square [lo, hi]².
QPolygonF clipToSquare(const QPolygonF& in, double lo, double hi) {
    QPolygonF poly = in;
    for (int edge = 0; edge < 4 && !poly.isEmpty(); ++edge) {
        auto inside = [&](const QPointF& p) {
            switch (edge) {
            case 0:
                return p.x() >= lo;
            case 1:
                return p.x() <= hi;
            case 2:
                return p.y() >= lo;
            default:
                return p.y() <= hi;
            }
        };
        auto cross = [&](const QPointF& a, const QPointF& b) {
            const double bound = (edge == 0 || edge == 2) ? lo : hi;
            if (edge < 2) {
                const double t = (bound - a.x()) / (b.x() - a.x());
                return QPointF(bound, a.y() + t * (b.y() - a.y()));
            }
            const double t = (bound - a.y()) / (b.y() - a.y());
            return QPointF(a.x() + t * (b.x() - a.x()), bound);
        };
        QPolygonF out;
        out.reserve(poly.size() + 4);
        for (qsizetype i = 0; i < poly.size(); ++i) {
            const QPointF& cur = poly[i];
            const QPointF& prev = poly[(i + poly.size() - 1) % poly.size()];
            const bool ci = inside(cur), pi = inside(prev);
            if (ci) {
                if (!pi)
                    out.append(cross(prev, cur));
                out.append(cur);
            } else if (pi) {
                out.append(cross(prev, cur));
            }
        }
        poly = out;
    }
    return poly;
}

} // namespace

Basemap::Basemap(const geo::WorldData* data, int cachedTiles)
    : m_data(data) {
    m_cache.setMaxCost(std::max(8, cachedTiles));
}

void Basemap::ensureShapes() {
    if (m_shaped)
        return;
    m_shaped = true;
    const geo::WorldData& data = m_data ? *m_data : geo::WorldData::instance();
    // A polygon that runs past the antimeridian is also drawn one world to the
    // other side, so that both edges of the map show it.
    auto add = [](std::vector<Shape>& to, Shape s) {
        if (s.bounds.left() < 0 || s.bounds.right() > 1) {
            const double shift = s.bounds.left() < 0 ? 1 : -1;
            Shape copy = s;
            for (QPolygonF& r : copy.rings)
                r.translate(shift, 0);
            copy.bounds.translate(shift, 0);
            to.push_back(std::move(copy));
        }
        to.push_back(std::move(s));
    };
    for (const auto& p : data.land())
        add(m_land, shapeOf(p));
    for (const auto& c : data.countries()) {
        for (const auto& p : c.polygons)
            add(m_countries, shapeOf(p));
    }
}

Basemap::Shape Basemap::shapeOf(const geo::GeoPolygon& poly) {
    Shape s;
    for (const auto& ring : poly.rings) {
        QPolygonF r;
        r.reserve(qsizetype(ring.size()));
        for (const QPointF& p : ring)
            r.append(geo::toUnit(p.x(), p.y()));
        s.bounds = s.bounds.isNull() ? r.boundingRect() : s.bounds.united(r.boundingRect());
        s.rings.push_back(std::move(r));
    }
    return s;
}

Basemap::Style Basemap::Style::dark() {
    Style s;
    s.sea = QColor(0x14, 0x2a, 0x3a);
    s.land = QColor(0x38, 0x3e, 0x45);
    s.border = QColor(0x72, 0x7b, 0x84);
    s.coast = QColor(0x4f, 0x7a, 0x8c);
    return s;
}

Basemap::Style Basemap::Style::forPalette(const QPalette& palette) {
    return isDarkPalette(palette) ? dark() : light();
}

void Basemap::setStyle(const Style& style) {
    if (style == m_style)
        return;
    m_style = style;
    m_cache.clear();
}

QImage Basemap::cachedTile(const geo::TileId& id) const {
    const QImage* img = m_cache.object(id);
    return img ? *img : QImage();
}

QImage Basemap::tile(const geo::TileId& id) {
    if (const QImage* img = m_cache.object(id))
        return *img;
    ensureShapes();
    QImage img = render(id);
    m_cache.insert(id, new QImage(img));
    return img;
}

QImage Basemap::render(const geo::TileId& id) const {
    QImage img(geo::TileSize, geo::TileSize, QImage::Format_ARGB32_Premultiplied);
    img.fill(m_style.sea);
    if (!id.isValid())
        return img;
    const QRectF unit = geo::tileUnitRect(id);
    const double scale = geo::TileSize / unit.width();
    // A margin wider than the pens, so that the edges the clipping adds fall
    // outside the image.
    const double margin = 3.0;
    const QRectF reach = unit.adjusted(-margin / scale, -margin / scale, margin / scale, margin / scale);

    auto clipped = [&](const Shape& s) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const QPolygonF& ring : s.rings) {
            QPolygonF px;
            px.reserve(ring.size());
            for (const QPointF& p : ring)
                px.append((p - unit.topLeft()) * scale);
            px = clipToSquare(px, -margin, geo::TileSize + margin);
            if (px.size() >= 3) {
                path.addPolygon(px);
                path.closeSubpath();
            }
        }
        return path;
    };

    std::vector<QPainterPath> land;
    for (const Shape& s : m_land) {
        if (s.bounds.intersects(reach))
            land.push_back(clipped(s));
    }
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(m_style.land);
    for (const QPainterPath& path : land)
        p.drawPath(path);
    // Borders, then the coast over them (country rings run along the coast too).
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(m_style.border, id.z >= 5 ? 1.0 : 0.6));
    for (const Shape& s : m_countries) {
        if (s.bounds.intersects(reach))
            p.drawPath(clipped(s));
    }
    p.setPen(QPen(m_style.coast, id.z >= 5 ? 1.4 : 0.9));
    for (const QPainterPath& path : land)
        p.drawPath(path);
    return img;
}

} // namespace tp::ui
