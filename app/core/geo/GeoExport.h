// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tp::geo {

// A point to export. Coordinates are kept as exact decimal text: the export
// writes the stored digits, never a binary float's rendering.
struct ExportPlace {
    QString name;
    QString country;
    QString description;
    QString kind; // "destination", "recommendation", ...
    Decimal latitude;
    Decimal longitude;
    QJsonObject extra; // more GeoJSON properties (id, best time, daily cost, ...)
};

// Destinations with coordinates as export places; the others are skipped and
// counted in `skipped`.
QList<ExportPlace> exportPlaces(const QList<Destination>& destinations, int* skipped = nullptr);

// RFC 7946 FeatureCollection of Points ([longitude, latitude]).
QByteArray toGeoJson(const QList<ExportPlace>& places);
// GPX 1.1 with one <wpt> per place.
QByteArray toGpx(const QList<ExportPlace>& places, const QString& title);

inline QByteArray toGeoJson(const QList<Destination>& d) {
    return toGeoJson(exportPlaces(d));
}
inline QByteArray toGpx(const QList<Destination>& d, const QString& title) {
    return toGpx(exportPlaces(d), title);
}

} // namespace tp::geo
