// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlacesImport.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

std::optional<Decimal> coordinate(const QString& text, double limit) {
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || std::abs(v) > limit)
        return std::nullopt;
    return Decimal::parse(QString::number(v, 'f', decimal_shape::CoordinateScale),
                          decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
}

bool addIdea(PlacesImportResult& out, const QString& name, const QString& description, const QString& lat,
             const QString& lon) {
    const auto la = coordinate(lat, 90), lo = coordinate(lon, 180);
    if (!la || !lo) {
        ++out.skipped;
        return false;
    }
    Activity a;
    a.title = name.trimmed().isEmpty() ? QCoreApplication::translate("tp::PlanImport", "Place at %1, %2")
                                             .arg(la->toString(), lo->toString())
                                       : name.trimmed().left(200);
    a.place.name = a.title;
    a.place.latitude = la;
    a.place.longitude = lo;
    a.notes = description.trimmed().left(10'000);
    out.ideas << a;
    return true;
}

// GPX 1.1: <wpt lat=".." lon=".."><name/><desc/></wpt>.
PlacesImportResult readGpx(const QByteArray& data) {
    PlacesImportResult out;
    QXmlStreamReader xml(data);
    bool sawGpx = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"gpx")
            sawGpx = true;
        if (xml.name() == u"trk" || xml.name() == u"rte") {
            ++out.skipped;
            xml.skipCurrentElement();
            continue;
        }
        if (xml.name() != u"wpt")
            continue;
        const QString lat = xml.attributes().value(u"lat"_s).toString();
        const QString lon = xml.attributes().value(u"lon"_s).toString();
        QString name, desc;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name")
                name = xml.readElementText();
            else if (xml.name() == u"desc" || (xml.name() == u"cmt" && desc.isEmpty()))
                desc = xml.readElementText();
            else
                xml.skipCurrentElement();
        }
        addIdea(out, name, desc, lat, lon);
    }
    if (xml.hasError() || !sawGpx)
        throw Error::validation(u"file"_s,
                                xml.hasError()
                                    ? QCoreApplication::translate("tp::PlanImport", "is not a GPX file (%1)")
                                          .arg(xml.errorString())
                                    : QCoreApplication::translate("tp::PlanImport", "is not a GPX file"));
    return out;
}

// KML 2.2:
// <Placemark><name/><description/><Point><coordinates>lon,lat[,alt]</coordinates></Point></Placemark>.
PlacesImportResult readKml(const QByteArray& data) {
    PlacesImportResult out;
    QXmlStreamReader xml(data);
    bool sawKml = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"kml")
            sawKml = true;
        if (xml.name() != u"Placemark")
            continue;
        QString name, desc, coordinates;
        bool point = false;
        int depth = 1;
        while (depth > 0 && !xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::EndElement) {
                --depth;
                continue;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"name" && depth == 1) {
                name = xml.readElementText();
            } else if (xml.name() == u"description" && depth == 1) {
                desc = xml.readElementText();
            } else if (xml.name() == u"Point") {
                point = true;
                ++depth;
            } else if (xml.name() == u"coordinates" && point && coordinates.isEmpty()) {
                coordinates = xml.readElementText().trimmed();
            } else {
                ++depth;
            }
        }
        if (!point) {
            ++out.skipped;
            continue;
        }
        const QStringList parts = coordinates.section(QRegularExpression(u"\\s+"_s), 0, 0).split(u',');
        addIdea(out, name, desc, parts.value(1), parts.value(0));
    }
    if (xml.hasError() || !sawKml)
        throw Error::validation(u"file"_s,
                                xml.hasError()
                                    ? QCoreApplication::translate("tp::PlanImport", "is not a KML file (%1)")
                                          .arg(xml.errorString())
                                    : QCoreApplication::translate("tp::PlanImport", "is not a KML file"));
    return out;
}

// GeoJSON (RFC 7946): Point features, [longitude, latitude]; name from name/title.
PlacesImportResult readGeoJson(const QByteArray& data) {
    PlacesImportResult out;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        throw Error::validation(
            u"file"_s,
            QCoreApplication::translate("tp::PlanImport", "is not a GeoJSON file (%1)").arg(e.errorString()));
    const QJsonObject root = doc.object();
    QJsonArray features;
    if (root[u"type"_s] == u"FeatureCollection"_s)
        features = root[u"features"_s].toArray();
    else if (root[u"type"_s] == u"Feature"_s)
        features.append(root);
    else
        throw Error::validation(
            u"file"_s,
            QCoreApplication::translate("tp::PlanImport", "is not a GeoJSON Feature or FeatureCollection"));
    for (const QJsonValue& f : features) {
        const QJsonObject geometry = f[u"geometry"_s].toObject();
        const QJsonObject props = f[u"properties"_s].toObject();
        if (geometry[u"type"_s] != u"Point"_s) {
            ++out.skipped;
            continue;
        }
        const QJsonArray c = geometry[u"coordinates"_s].toArray();
        QString name = props[u"name"_s].toString();
        if (name.isEmpty())
            name = props[u"title"_s].toString();
        QString desc = props[u"description"_s].toString();
        if (c.size() < 2 || !c[0].isDouble() || !c[1].isDouble()) {
            ++out.skipped;
            continue;
        }
        // QString::number(…, 'g', 17) keeps what the file wrote; rounded to 6 decimals when stored.
        addIdea(out, name, desc, QString::number(c[1].toDouble(), 'g', 17),
                QString::number(c[0].toDouble(), 'g', 17));
    }
    return out;
}

} // namespace

std::optional<PlacesFormat> placesFormatFor(const QString& fileName) {
    const QString lower = fileName.toLower();
    if (lower.endsWith(u".gpx"))
        return PlacesFormat::Gpx;
    if (lower.endsWith(u".kml"))
        return PlacesFormat::Kml;
    if (lower.endsWith(u".geojson") || lower.endsWith(u".json"))
        return PlacesFormat::GeoJson;
    return std::nullopt;
}

PlacesImportResult importPlaces(const QByteArray& data, PlacesFormat format) {
    switch (format) {
    case PlacesFormat::Gpx:
        return readGpx(data);
    case PlacesFormat::Kml:
        return readKml(data);
    case PlacesFormat::GeoJson:
        return readGeoJson(data);
    }
    return {};
}

} // namespace tp::plan
