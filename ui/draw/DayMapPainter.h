// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanMap.h"

#include <QRectF>

class QPainter;

namespace tp::ui {

class Basemap;

// Draws a day's places (plan::dayMap) on the offline basemap (draw/Basemap:
// Natural Earth outlines, no network) into `target`, for the printed
// itinerary: the map fitted to the places, markers numbered in the day's
// order with their names, each leg a dashed line and the way between the
// day's places a thin dotted one. Draws nothing and returns false without places.
bool paintDayMap(QPainter& painter, const QRectF& target, const plan::PlanMap& day, Basemap& basemap);

} // namespace tp::ui
