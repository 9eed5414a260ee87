// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

#include <QByteArray>

// Places saved in other programs (GPX waypoints, KML placemarks, GeoJSON point
// features) read as activity ideas: a title, coordinates and any description.
// Lines, tracks and polygons are skipped and counted.
namespace tp::plan {

struct PlacesImportResult {
    QList<Activity> ideas; // ids empty: given when added
    int skipped = 0;       // features that are not points, or have no usable coordinates
};

enum class PlacesFormat { Gpx, Kml, GeoJson };
// From the file name's extension (.gpx, .kml, .geojson, .json); nullopt otherwise.
std::optional<PlacesFormat> placesFormatFor(const QString& fileName);
// Throws Error::validation (field "file") when the data is not of that format.
PlacesImportResult importPlaces(const QByteArray& data, PlacesFormat format);

} // namespace tp::plan
