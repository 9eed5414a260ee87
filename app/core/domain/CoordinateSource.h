// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Entities.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace tp {

// Where a destination's coordinates came from, as the destination editor shows it.
enum class CoordinateOrigin {
    Typed,         // typed into the editor or given on the command line
    Map,           // picked on the map
    Gazetteer,     // a place of the bundled GeoNames extract
    CountryCentre, // only the country was known: its centre
    Nominatim,     // the online geocoder
    Model,         // the AI planner's own numbers, checked against the country
    Catalogue,     // the offline planner's bundled catalogue
};

// As stored in tripplanner_coordinate_source.source ("typed", "country_centre", ...).
QString coordinateOriginId(CoordinateOrigin origin);
std::optional<CoordinateOrigin> coordinateOriginFromId(const QString& id);
// For people, translated: "typed in", "picked on the map", "the offline gazetteer", ...
QString coordinateOriginLabel(CoordinateOrigin origin);

struct CoordinateSource { // tripplanner_coordinate_source
    Id destinationId = 0;
    CoordinateOrigin origin = CoordinateOrigin::Typed;
    Decimal latitude;
    Decimal longitude;
    QString detail;       // the place that matched ("Valencia, Spain"), the service's name for it, ...
    QDateTime recordedAt; // UTC

    // Whether this row still describes the destination's coordinates: when
    // something else (the web app, an import) changed them, it does not.
    bool describes(const Destination& d) const;
    // "the offline gazetteer (Valencia, Spain)".
    QString text() const;
};

} // namespace tp
