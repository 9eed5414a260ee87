// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeoExport.h"

#include <QJsonDocument>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace tp::geo {

QList<ExportPlace> exportPlaces(const QList<Destination>& destinations, int* skipped) {
    QList<ExportPlace> out;
    int missing = 0;
    for (const Destination& d : destinations) {
        if (!d.hasCoordinates()) {
            ++missing;
            continue;
        }
        ExportPlace p;
        p.name = d.name;
        p.country = d.country;
        p.description = d.description;
        p.kind = u"destination"_s;
        p.latitude = *d.latitude;
        p.longitude = *d.longitude;
        p.extra.insert(u"id"_s, d.id);
        if (!d.city.isEmpty())
            p.extra.insert(u"city"_s, d.city);
        if (!d.bestTimeToVisit.isEmpty())
            p.extra.insert(u"best_time_to_visit"_s, d.bestTimeToVisit);
        if (d.averageCostPerDay)
            p.extra.insert(u"average_cost_per_day"_s, d.averageCostPerDay->toString());
        out.append(p);
    }
    if (skipped)
        *skipped = missing;
    return out;
}

QByteArray toGeoJson(const QList<ExportPlace>& places) {
    // Assembled by hand around QJsonDocument-written properties so that the
    // coordinates keep their exact decimal digits.
    QByteArray out = R"({"type":"FeatureCollection","features":[)";
    bool first = true;
    for (const ExportPlace& p : places) {
        QJsonObject props = p.extra;
        props.insert(u"name"_s, p.name);
        props.insert(u"country"_s, p.country);
        if (!p.description.isEmpty())
            props.insert(u"description"_s, p.description);
        if (!p.kind.isEmpty())
            props.insert(u"kind"_s, p.kind);
        if (!first)
            out += ',';
        first = false;
        out += "\n"
               R"({"type":"Feature","geometry":{"type":"Point","coordinates":[)";
        out += p.longitude.toString().toLatin1();
        out += ',';
        out += p.latitude.toString().toLatin1();
        out += R"(]},"properties":)";
        out += QJsonDocument(props).toJson(QJsonDocument::Compact);
        out += '}';
    }
    out += "\n]}\n";
    return out;
}

QByteArray toGpx(const QList<ExportPlace>& places, const QString& title) {
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(u"gpx"_s);
    w.writeDefaultNamespace(u"http://www.topografix.com/GPX/1/1"_s);
    w.writeAttribute(u"version"_s, u"1.1"_s);
    w.writeAttribute(u"creator"_s, u"TripPlanner"_s);
    w.writeStartElement(u"metadata"_s);
    w.writeTextElement(u"name"_s, title);
    w.writeEndElement();
    for (const ExportPlace& p : places) {
        w.writeStartElement(u"wpt"_s);
        w.writeAttribute(u"lat"_s, p.latitude.toString());
        w.writeAttribute(u"lon"_s, p.longitude.toString());
        w.writeTextElement(u"name"_s, p.name);
        QString desc = p.country;
        if (!p.description.isEmpty())
            desc += u" — "_s + p.description;
        w.writeTextElement(u"desc"_s, desc);
        if (!p.kind.isEmpty())
            w.writeTextElement(u"type"_s, p.kind);
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace tp::geo
