// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanMap.h"

#include <QList>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <functional>

class QPainter;

namespace tp::ui {

// The trip's plan drawn on a MapWidget (plan::PlanMap): each leg an arc from
// its start to its end (dashed for flights), the way between a day's places a
// dotted line, and a marker for each place by kind: a stay a square, an
// activity a disc, an idea a ring, a leg's end a small dot. On a day's map the
// markers carry the day's order and the places their names. Kept apart from
// the widget so that the widget's own file stays about the catalogue's markers.
class PlanLayer {
public:
    struct Drawn {
        QPointF pos; // widget pixels
        double radius = 0;
        int place = -1; // index into map().places
    };

    void setMap(const plan::PlanMap& map);
    const plan::PlanMap& map() const { return m_map; }
    bool isEmpty() const { return m_map.isEmpty(); }
    // The places' extent in Web Mercator unit coordinates; null when empty.
    QRectF unitBounds() const { return m_bounds; }
    QPointF unitOf(int place) const { return m_units.value(place); }

    // Draws the routes, then the places. `toScreen` gives the widget pixel of a
    // unit point on the copy of the world nearest the view's centre; a route
    // goes the short way round (across the date line when that is shorter).
    // Returns the markers drawn, topmost last, for hit tests.
    QList<Drawn> draw(QPainter& p, const std::function<QPointF(QPointF)>& toScreen, double worldPx,
                      const QRectF& visible, const QPalette& palette) const;

    // Rich text for a marker's tooltip: what is at the place.
    QString tooltip(int place) const;

    // The legend's icons (and the markers' look).
    static void drawPlaceIcon(QPainter& p, plan::MapPlace::Kind kind, QPointF centre, int order = 0);
    static void drawLegIcon(QPainter& p, QPointF centre);
    static double markerRadius(const plan::MapPlace& place);

    // Which kinds the map holds (for the legend's lines).
    bool has(plan::MapPlace::Kind kind) const;
    bool hasLegs() const;

private:
    plan::PlanMap m_map;
    QList<QPointF> m_units;
    QRectF m_bounds;
};

} // namespace tp::ui
