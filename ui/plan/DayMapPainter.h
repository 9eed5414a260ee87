// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace tp::ui {

class Basemap;

struct DayMapPoint {
    double lat = 0;
    double lon = 0;
    QString label; // drawn beside the marker
};

// Draws a day's places on the offline basemap (ui/map/Basemap: Natural Earth
// outlines, no network) into `target`: the map fitted to the points, numbered
// markers, and a straight line for each leg (`lines` are pairs of indices into
// `points`). Draws nothing and returns false without points.
bool paintDayMap(QPainter& painter, const QRectF& target, const QList<DayMapPoint>& points,
                 const QList<std::pair<int, int>>& lines, Basemap& basemap);

} // namespace tp::ui
