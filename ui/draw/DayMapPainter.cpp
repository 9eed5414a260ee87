// SPDX-License-Identifier: GPL-3.0-or-later
#include "DayMapPainter.h"

#include "Basemap.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace tp::ui {

bool paintDayMap(QPainter& painter, const QRectF& target, const plan::PlanMap& day, Basemap& basemap) {
    if (day.isEmpty() || target.isEmpty())
        return false;
    QRectF bounds;
    QList<QPointF> units;
    for (const plan::MapPlace& p : day.places) {
        const QPointF u = geo::toUnit(p.longitude, p.latitude);
        units << u;
        bounds =
            bounds.isNull() ? QRectF(u, QSizeF(1e-9, 1e-9)) : bounds.united(QRectF(u, QSizeF(1e-9, 1e-9)));
    }
    // One tile pixel is `k` painter units; the deepest zoom (up to 11) that
    // keeps every point inside 80 % of the target.
    const double k = std::max(1.0, target.width() / 700.0);
    int z = 1;
    for (int candidate = 11; candidate >= 1; --candidate) {
        const double scale = geo::worldSize(candidate) * k;
        if (bounds.width() * scale <= target.width() * 0.8 &&
            bounds.height() * scale <= target.height() * 0.8) {
            z = candidate;
            break;
        }
    }
    const double scale = geo::worldSize(z) * k;
    const QPointF centre = bounds.center();
    const QRectF visible(centre.x() - target.width() / 2 / scale, centre.y() - target.height() / 2 / scale,
                         target.width() / scale, target.height() / scale);
    auto toTarget = [&](const QPointF& unit) {
        return target.center() + (unit - centre) * scale;
    };

    painter.save();
    painter.setClipRect(target);
    painter.fillRect(target, basemap.style().sea);
    const geo::TileRange range = geo::tilesCovering(visible, z);
    const double tileUnit = 1.0 / std::pow(2.0, z);
    for (int x = range.xMin; x <= range.xMax; ++x)
        for (int y = range.yMin; y <= range.yMax; ++y) {
            const QImage tile = basemap.tile(geo::TileId{z, geo::wrapTileX(x, z), y});
            const QPointF topLeft = toTarget(QPointF(x * tileUnit, y * tileUnit));
            const QPointF bottomRight = toTarget(QPointF((x + 1) * tileUnit, (y + 1) * tileUnit));
            painter.drawImage(QRectF(topLeft, bottomRight), tile);
        }

    painter.setRenderHint(QPainter::Antialiasing);
    const double unitPx = target.width() / 120.0;
    const QPen leg(QColor(0x1f, 0x5f, 0xa8), unitPx * 0.6, Qt::DashLine);
    const QPen way(QColor(0x55, 0x55, 0x55), unitPx * 0.3, Qt::DotLine);
    for (const plan::MapRoute& r : day.routes) {
        if (r.from < 0 || r.to < 0 || r.from >= units.size() || r.to >= units.size())
            continue;
        painter.setPen(r.kind == plan::MapRoute::Kind::Leg ? leg : way);
        painter.drawLine(toTarget(units[r.from]), toTarget(units[r.to]));
    }

    QFont font = painter.font();
    font.setPointSizeF(7);
    painter.setFont(font);
    for (int i = 0; i < units.size(); ++i) {
        const QPointF c = toTarget(units[i]);
        const double r = unitPx * 1.6;
        painter.setPen(QPen(Qt::white, unitPx * 0.4));
        painter.setBrush(QColor(0xc0, 0x39, 0x2b));
        painter.drawEllipse(c, r, r);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                         QString::number(day.places[i].order));
        // The label on a white halo, readable over land and sea.
        QPainterPath text;
        text.addText(c + QPointF(r * 1.4, r * 0.5), font, day.places[i].labels.join(u", "));
        painter.setPen(QPen(Qt::white, unitPx * 0.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(text);
        painter.fillPath(text, Qt::black);
    }
    painter.setPen(QPen(Qt::gray, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(target);
    painter.restore();
    return true;
}

} // namespace tp::ui
