// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI-free map core: projection, tiles, clustering, gazetteer, coordinate
// check, GeoJSON/GPX export.
#include "geo/CoordinateCheck.h"
#include "geo/Gazetteer.h"
#include "geo/GeoExport.h"
#include "geo/MarkerClusterer.h"
#include "geo/Mercator.h"
#include "geo/NameFolding.h"
#include "geo/WorldData.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::geo;

namespace {
Decimal coord(const char* text) {
    return *Decimal::parse(QString::fromLatin1(text), 9, 6);
}

Destination dest(Id id, const QString& name, const QString& country, const char* lat, const char* lon) {
    Destination d;
    d.id = id;
    d.name = name;
    d.country = country;
    if (lat)
        d.latitude = coord(lat);
    if (lon)
        d.longitude = coord(lon);
    return d;
}
} // namespace

class TestGeo : public QObject {
    Q_OBJECT
private slots:
    void projectionKnownValues() {
        QCOMPARE(toUnit(0, 0), QPointF(0.5, 0.5));
        QCOMPARE(toUnit(-180, 0).x(), 0.0);
        QCOMPARE(toUnit(180, 0).x(), 1.0);
        QVERIFY(qAbs(toUnit(0, MaxLatitude).y()) < 1e-9);
        QVERIFY(qAbs(toUnit(0, -MaxLatitude).y() - 1) < 1e-9);
        QCOMPARE(toUnit(0, 89.9), toUnit(0, MaxLatitude)); // clamped
        QCOMPARE(worldSize(0), 256.0);
        QCOMPARE(worldSize(3), 2048.0);
        QCOMPARE(toWorldPx({0, 0}, 2), QPointF(512, 512));
    }

    void projectionRoundTrip() {
        for (double lat = -85; lat <= 85; lat += 2.5) {
            for (double lon = -180; lon < 180; lon += 7.5) {
                const LonLat back = fromUnit(toUnit(lon, lat));
                QVERIFY2(qAbs(back.lon - lon) < 1e-9 && qAbs(back.lat - lat) < 1e-9,
                         qPrintable(u"%1,%2"_s.arg(lon).arg(lat)));
                for (int z : {0, 7, 19}) {
                    const LonLat px = fromWorldPx(toWorldPx({lon, lat}, z), z);
                    QVERIFY(qAbs(px.lon - lon) < 1e-9 && qAbs(px.lat - lat) < 1e-9);
                }
            }
        }
        QCOMPARE(wrapLongitude(190), -170.0);
        QCOMPARE(wrapLongitude(-190), 170.0);
        QCOMPARE(wrapLongitude(180), -180.0);
    }

    void tileArithmetic() {
        // Reference values from the slippy-map formula (OSM wiki).
        QCOMPARE(tileAt({13.4050, 52.5200}, 10), (TileId{10, 550, 335}));
        QCOMPARE(tileAt({-74.006, 40.7128}, 12), (TileId{12, 1205, 1540}));
        QCOMPARE(tileAt({151.2093, -33.8688}, 15), (TileId{15, 30147, 19663}));
        QCOMPARE(tileAt({0, 0}, 0), (TileId{0, 0, 0}));
        QCOMPARE(tileAt({180, -90}, 2), (TileId{2, 0, 3})); // wrapped, clamped

        // A tile holds the point that named it, at every zoom.
        for (int z = 0; z <= 19; ++z) {
            const LonLat p{-122.4194, 37.7749};
            const TileId t = tileAt(p, z);
            QVERIFY(tileUnitRect(t).contains(toUnit(p)));
            const LonLat nw = tileNorthWest(t);
            QVERIFY(nw.lon <= p.lon && nw.lat >= p.lat);
        }

        // An 800 x 600 viewport at zoom 3 centred on (0, 0).
        const double ws = worldSize(3);
        const QRectF view(QPointF(ws / 2 - 400, ws / 2 - 300) / ws, QSizeF(800 / ws, 600 / ws));
        TileRange r = tilesCovering(view, 3);
        QCOMPARE(r.xMin, 2);
        QCOMPARE(r.xMax, 5);
        QCOMPARE(r.yMin, 2);
        QCOMPARE(r.yMax, 5);
        QCOMPARE(r.count(), 16);
        // Exactly on tile edges: no extra column.
        r = tilesCovering(QRectF(0.25, 0.25, 0.25, 0.25), 2);
        QCOMPARE(r.xMin, 1);
        QCOMPARE(r.xMax, 1);

        // Across the antimeridian: x runs past the edge and wraps.
        r = tilesCovering(QRectF(-0.1, 0.4, 0.2, 0.1), 4);
        QCOMPARE(r.xMin, -2);
        QCOMPARE(r.xMax, 1);
        QCOMPARE(wrapTileX(-2, 4), 14);
        QCOMPARE(wrapTileX(-1, 4), 15);
        QCOMPARE(wrapTileX(16, 4), 0);
        // Never more than the whole world; y clamped.
        r = tilesCovering(QRectF(-1, -1, 3, 3), 1);
        QCOMPARE(r.xMax - r.xMin + 1, 2);
        QCOMPARE(r.yMin, 0);
        QCOMPARE(r.yMax, 1);

        QCOMPARE(tileUrl(u"https://tile.openstreetmap.org/{z}/{x}/{y}.png"_s, {5, 16, 10}),
                 u"https://tile.openstreetmap.org/5/16/10.png"_s);
        QVERIFY(!(TileId{2, 4, 0}).isValid());
        QVERIFY(qHash(TileId{1, 2, 3}) != qHash(TileId{1, 3, 2}));
    }

    void haversine() {
        // Paris - London: about 344 km.
        const double d = haversineKm({2.3522, 48.8566}, {-0.1276, 51.5072});
        QVERIFY2(d > 340 && d < 348, qPrintable(QString::number(d)));
    }

    void clusteringMergesNearPoints() {
        MarkerClusterer c;
        const QPointF a = toUnit(2.3522, 48.8566); // Paris
        const QPointF b = toUnit(2.1204, 48.8049); // Versailles, ~17 km away
        const QPointF t = toUnit(139.69, 35.69);   // Tokyo
        c.build({a, b, t}, 18, 40);
        // World view: Paris and Versailles are one cluster of 2.
        auto world = c.query(QRectF(0, 0, 1, 1), 3);
        QCOMPARE(world.size(), 2);
        int two = 0;
        for (const auto& cl : world) {
            if (cl.count == 2) {
                ++two;
                QCOMPARE(cl.index, -1);
                QVERIFY(cl.bounds().contains(QRectF(a, b).normalized().center()));
                QVERIFY(qAbs(cl.x - (a.x() + b.x()) / 2) < 1e-12);
            } else {
                QCOMPARE(cl.count, 1);
                QCOMPARE(cl.index, 2);
            }
        }
        QCOMPARE(two, 1);
        // Street level: all apart, with their indices.
        auto close = c.query(QRectF(0, 0, 1, 1), 12);
        QCOMPARE(close.size(), 3);
        QCOMPARE(c.clusterCount(19), 3);
        // The query keeps to its rectangle.
        auto europe = c.query(QRectF(QPointF(0.45, 0.3), QPointF(0.55, 0.4)), 12);
        QCOMPARE(europe.size(), 2);
    }

    void clusteringFiftyThousand() {
        QRandomGenerator rng(42);
        QList<QPointF> pts;
        for (int i = 0; i < 50000; ++i) {
            // Mostly in "cities" (dense blobs), some scattered.
            if (i % 5 == 0) {
                pts.append(toUnit(rng.bounded(360.0) - 180, rng.bounded(140.0) - 60));
            } else {
                const int city = i % 97;
                pts.append(
                    toUnit(-150 + city * 3.1 + rng.bounded(0.5), -40 + (city % 23) * 4 + rng.bounded(0.5)));
            }
        }
        MarkerClusterer c;
        QElapsedTimer t;
        t.start();
        c.build(pts);
        const qint64 buildMs = t.elapsed();
        qInfo("50,000 points clustered in %lld ms, %zu KB", buildMs, c.memoryBytes() / 1024);
        QVERIFY2(buildMs < 3000, qPrintable(QString::number(buildMs)));
        for (int z = 0; z <= 19; ++z) {
            const auto all = c.query(QRectF(0, 0, 1, 1), z);
            int sum = 0;
            for (const auto& cl : all)
                sum += cl.count;
            QCOMPARE(sum, 50000);
            if (z < 19)
                QVERIFY(c.clusterCount(z) <= c.clusterCount(z + 1));
        }
        // Few clusters at world view: a frame draws hundreds, not 50,000.
        QVERIFY(c.clusterCount(2) < 400);
        QCOMPARE(c.clusterCount(19), 50000);
        // A viewport query is fast.
        t.start();
        int n = 0;
        for (int i = 0; i < 1000; ++i)
            n += int(c.query(QRectF(0.3, 0.3, 0.01, 0.01), 9).size());
        qInfo("1000 viewport queries: %lld ms (%d clusters)", t.elapsed(), n);
        QVERIFY(t.elapsed() < 2000);
    }

    void nameFolding() {
        QCOMPARE(foldName(u"Zürich"), u"zurich"_s);
        QCOMPARE(foldName(u"  São   Paulo "), u"sao paulo"_s);
        QCOMPARE(foldName(u"KRAKÓW"), u"krakow"_s);
        QCOMPARE(foldName(u"Łódź"), u"lodz"_s);
        QCOMPARE(foldName(u"Straße"), u"strasse"_s);
        QCOMPARE(foldName(u"Saint-Étienne"), u"saint etienne"_s);
        QCOMPARE(foldName(u"St. Petersburg"), u"saint petersburg"_s);
        QCOMPARE(foldName(u"Côte d'Ivoire"), foldName(u"Cote d’Ivoire"));
        QCOMPARE(foldName(u"Tromsø"), u"tromso"_s);
    }

    void worldData() {
        const WorldData& w = WorldData::instance();
        QVERIFY(w.isValid());
        QVERIFY(w.countries().size() > 200);
        QVERIFY(w.land().size() > 50);
        for (const char* name : {"France", "FR", "FRA", "france"})
            QCOMPARE(w.country(QString::fromLatin1(name))->iso2, u"FR"_s);
        QCOMPARE(w.country(u"USA"_s)->iso2, u"US"_s);
        QCOMPARE(w.country(u"United States of America"_s)->iso2, u"US"_s);
        QCOMPARE(w.country(u"UK"_s)->iso2, u"GB"_s);
        QCOMPARE(w.country(u"The Netherlands"_s)->iso2, u"NL"_s);
        QCOMPARE(w.country(u"Côte d'Ivoire"_s)->iso2, u"CI"_s);
        QCOMPARE(w.country(u"Cote d'Ivoire"_s)->iso2, u"CI"_s);
        QCOMPARE(w.country(u"Czech Republic"_s)->iso2, u"CZ"_s);
        QCOMPARE(w.country(u"South Korea"_s)->iso2, u"KR"_s);
        QVERIFY(!w.country(u"Atlantis"_s));

        QCOMPARE(w.countryAt({2.35, 48.86})->iso2, u"FR"_s);
        QCOMPARE(w.countryAt({13.40, 52.52})->iso2, u"DE"_s);
        QCOMPARE(w.countryAt({-99.13, 19.43})->iso2, u"MX"_s);
        QCOMPARE(w.countryAt({151.2, -33.9})->iso2, u"AU"_s);
        QVERIFY(!w.countryAt({-30, 0}));
        // Across the antimeridian: Chukotka (west of 180) and Fiji.
        QCOMPARE(w.countryAt({-175, 66.5})->iso2, u"RU"_s);
        QCOMPARE(w.countryAt({170, 66})->iso2, u"RU"_s);
        QCOMPARE(w.countryAt({178.0, -17.8})->iso2, u"FJ"_s);
        QVERIFY(!w.countryAt({-170, 60})); // Bering Sea
        QVERIFY(w.isLand({-175, 66.5}));
        QVERIFY(w.isLand({20, 10}));
        QVERIFY(!w.isLand({-150, 0}));
        QVERIFY(w.distanceToLandKm({-30, 0}) > 500 - 1e-9);
        // Every country's centroid lies in (or, for odd shapes, near) the country.
        int far = 0;
        for (const Country& c : w.countries()) {
            if (!c.polygons.empty() && w.distanceToCountryKm(c, c.centroid) > 50)
                ++far;
        }
        QCOMPARE(far, 0);
    }

    void gazetteerAccents() {
        const Gazetteer& g = Gazetteer::instance();
        QVERIFY(g.size() > 20000);
        for (const char* name : {"Zurich", "Zürich", "ZURICH", "zürich"}) {
            const auto m = g.resolve(QString::fromUtf8(name));
            QVERIFY(m);
            QCOMPARE(m->countryCode, u"CH"_s);
            QCOMPARE(m->name, u"Zürich"_s);
        }
        QCOMPARE(g.resolve(u"Sao Paulo"_s)->countryCode, u"BR"_s);
        QCOMPARE(g.resolve(u"Krakow"_s, u"Poland"_s)->name, u"Kraków"_s);
        QCOMPARE(g.resolve(u"Reykjavik"_s)->countryCode, u"IS"_s);
        QCOMPARE(g.resolve(u"Malmo"_s)->countryCode, u"SE"_s);
        const auto sp = g.resolve(u"St. Petersburg"_s, u"Russia"_s);
        QVERIFY(sp);
        QCOMPARE(sp->countryCode, u"RU"_s);
        QVERIFY(qAbs(sp->lat - 59.94) < 0.2);
    }

    void gazetteerAmbiguousByCountry() {
        const Gazetteer& g = Gazetteer::instance();
        // Without a country: the largest, with the others counted.
        auto v = g.resolve(u"Valencia"_s);
        QVERIFY(v);
        QCOMPARE(v->countryCode, u"VE"_s);
        QVERIFY(v->alternatives >= 1);
        // The country decides.
        v = g.resolve(u"Valencia"_s, u"Spain"_s);
        QCOMPARE(v->countryCode, u"ES"_s);
        QCOMPARE(v->latitude().toString(), u"39.469750"_s);
        QCOMPARE(v->longitude().toString(), u"-0.377390"_s);
        QCOMPARE(g.resolve(u"Valencia"_s, u"ES"_s)->countryCode, u"ES"_s);
        QCOMPARE(g.resolve(u"Cordoba"_s, u"Spain"_s)->countryCode, u"ES"_s);
        QCOMPARE(g.resolve(u"Córdoba"_s, u"Argentina"_s)->countryCode, u"AR"_s);
        QCOMPARE(g.resolve(u"Córdoba"_s, u"Mexico"_s)->countryCode, u"MX"_s);
        QCOMPARE(g.resolve(u"Birmingham"_s)->countryCode, u"GB"_s);
        const auto bham = g.resolve(u"Birmingham"_s, u"United States"_s);
        QCOMPARE(bham->countryCode, u"US"_s);
        QCOMPARE(bham->kind, GeoMatch::Kind::City);
        QCOMPARE(g.resolveText(u"Hyderabad, Pakistan"_s)->countryCode, u"PK"_s);
        QCOMPARE(g.resolveText(u"Hyderabad, India"_s)->countryCode, u"IN"_s);
        QCOMPARE(g.resolveText(u"Paris, USA"_s)->countryCode, u"US"_s);
        QCOMPARE(g.resolveText(u"Paris"_s)->countryCode, u"FR"_s);
        QVERIFY(g.candidates(u"Paris"_s).size() >= 2);
        // "Portland, Oregon": no country after the comma; the largest Portland.
        QCOMPARE(g.resolveText(u"Portland, Oregon"_s)->countryCode, u"US"_s);
    }

    void gazetteerCountryFallback() {
        const Gazetteer& g = Gazetteer::instance();
        // Unknown place in a known country: the country's centroid.
        auto m = g.resolve(u"Nowhereville"_s, u"France"_s);
        QVERIFY(m);
        QCOMPARE(m->kind, GeoMatch::Kind::CountryCentroid);
        QCOMPARE(m->countryCode, u"FR"_s);
        QCOMPARE(WorldData::instance().countryAt({m->lon, m->lat})->iso2, u"FR"_s);
        // A country's name alone.
        m = g.resolve(u"Iceland"_s);
        QCOMPARE(m->kind, GeoMatch::Kind::CountryCentroid);
        QCOMPARE(m->countryCode, u"IS"_s);
        m = g.resolveText(u"Bali, Indonesia"_s);
        QVERIFY(m);
        QCOMPARE(m->countryCode, u"ID"_s);
        // A country too small for 1:110m still resolves.
        m = g.resolve(QString(), u"Singapore"_s);
        QVERIFY(m);
        QVERIFY(qAbs(m->lat - 1.29) < 0.3);
        QVERIFY(!g.resolve(u"Xyzzyq"_s));
        QVERIFY(!g.resolve(u"Xyzzyq"_s, u"Atlantis"_s));

        // A destination: its city first, then its name.
        Destination d;
        d.name = u"Kyoto Temples"_s;
        d.city = u"Kyoto"_s;
        d.country = u"Japan"_s;
        m = g.resolve(d);
        QCOMPARE(m->name, u"Kyoto"_s);
        QCOMPARE(m->kind, GeoMatch::Kind::City);
        d.city.clear();
        d.name = u"Lisbon"_s;
        d.country = u"Portugal"_s;
        QCOMPARE(g.resolve(d)->countryCode, u"PT"_s);
    }

    void coordinateCheck() {
        using S = CoordinateCheck::Status;
        QCOMPARE(checkCoordinate(48.8566, 2.3522, u"France"_s).status, S::Ok);
        QCOMPARE(checkCoordinate(coord("48.856600"), coord("2.352200"), u"FR"_s).status, S::Ok);
        // Coastal cities fall slightly off 1:110m outlines: within the tolerance.
        QCOMPARE(checkCoordinate(45.4408, 12.3155, u"Italy"_s).status, S::Ok);     // Venice
        QCOMPARE(checkCoordinate(1.2897, 103.8501, u"Singapore"_s).status, S::Ok); // too small for the data
        QCOMPARE(checkCoordinate(22.3193, 114.1694, u"Hong Kong"_s).status, S::Ok);
        // Near a border: tolerated.
        QCOMPARE(checkCoordinate(47.56, 7.59, u"Switzerland"_s).status, S::Ok); // Basel

        // Paris said to be in Germany.
        auto r = checkCoordinate(48.8566, 2.3522, u"Germany"_s);
        QCOMPARE(r.status, S::InOtherCountry);
        QCOMPARE(r.foundCountry, u"FR"_s);
        QCOMPARE(r.expectedCountry, u"DE"_s);
        QVERIFY(r.flagged());
        QVERIFY(r.distanceKm > 200);
        QVERIFY(r.message().contains(u"France"_s));
        // Latitude and longitude swapped: Paris lands off Somalia.
        r = checkCoordinate(2.3522, 48.8566, u"France"_s);
        QCOMPARE(r.status, S::InSea);
        QVERIFY(r.flagged());
        // Mid-Atlantic.
        QCOMPARE(checkCoordinate(0, -30, u"Brazil"_s).status, S::InSea);
        QCOMPARE(checkCoordinate(0, -30, QString()).status, S::InSea);
        // Unknown country: only the sea test.
        r = checkCoordinate(48.8566, 2.3522, u"Atlantis"_s);
        QCOMPARE(r.status, S::UnknownCountry);
        QVERIFY(!r.flagged());
        QCOMPARE(checkCoordinate(91, 0, u"France"_s).status, S::InvalidCoordinate);
        QCOMPARE(checkCoordinate(0, 181, u"France"_s).status, S::InvalidCoordinate);
        // Kyoto said to be in China.
        QCOMPARE(checkCoordinate(35.0116, 135.7681, u"China"_s).status, S::InOtherCountry);
    }

    void geoJsonExport() {
        QList<Destination> list{dest(1, u"Paris"_s, u"France"_s, "48.856600", "2.352200"),
                                dest(2, u"Stub"_s, u"Peru"_s, nullptr, nullptr),
                                dest(3, u"Quito \"Old Town\""_s, u"Ecuador"_s, "-0.220000", "-78.512300")};
        list[0].bestTimeToVisit = u"April to June"_s;
        list[0].averageCostPerDay = *Decimal::parse(u"150.00", 8, 2);
        int skipped = -1;
        const auto places = exportPlaces(list, &skipped);
        QCOMPARE(skipped, 1);
        const QByteArray json = toGeoJson(places);
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
        QVERIFY2(doc.isObject(), qPrintable(err.errorString()));
        QCOMPARE(doc[u"type"].toString(), u"FeatureCollection"_s);
        const QJsonArray features = doc[u"features"].toArray();
        QCOMPARE(features.size(), 2);
        const QJsonObject f0 = features[0].toObject();
        QCOMPARE(f0[u"type"].toString(), u"Feature"_s);
        QCOMPARE(f0[u"geometry"][u"type"].toString(), u"Point"_s);
        const QJsonArray c0 = f0[u"geometry"][u"coordinates"].toArray();
        QCOMPARE(c0.size(), 2);
        QCOMPARE(c0[0].toDouble(), 2.3522); // longitude first (RFC 7946)
        QCOMPARE(c0[1].toDouble(), 48.8566);
        QCOMPARE(f0[u"properties"][u"name"].toString(), u"Paris"_s);
        QCOMPARE(f0[u"properties"][u"id"].toInteger(), 1);
        QCOMPARE(f0[u"properties"][u"best_time_to_visit"].toString(), u"April to June"_s);
        QCOMPARE(f0[u"properties"][u"average_cost_per_day"].toString(), u"150.00"_s);
        QCOMPARE(features[1][u"properties"][u"name"].toString(), u"Quito \"Old Town\""_s);
        // The stored digits, exactly.
        QVERIFY(json.contains("[2.352200,48.856600]"));
        QVERIFY(json.contains("[-78.512300,-0.220000]"));
        // Empty list: still a valid collection.
        QCOMPARE(QJsonDocument::fromJson(toGeoJson(QList<ExportPlace>{}))[u"features"].toArray().size(), 0);
    }

    void gpxExport() {
        QList<Destination> list{dest(1, u"Paris"_s, u"France"_s, "48.856600", "2.352200"),
                                dest(2, u"Kraków & <Wieliczka>"_s, u"Poland"_s, "50.061430", "19.936580"),
                                dest(3, u"Stub"_s, u"Peru"_s, nullptr, nullptr)};
        const QByteArray gpx = toGpx(list, u"My trip"_s);
        QXmlStreamReader xml(gpx);
        int wpts = 0;
        QStringList names, lats;
        QString root, ns, version;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (root.isEmpty()) {
                root = xml.name().toString();
                ns = xml.namespaceUri().toString();
                version = xml.attributes().value(u"version"_s).toString();
            }
            if (xml.name() == u"wpt") {
                ++wpts;
                lats << xml.attributes().value(u"lat"_s).toString();
                QVERIFY(!xml.attributes().value(u"lon"_s).isEmpty());
            } else if (xml.name() == u"name") {
                names << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, u"gpx"_s);
        QCOMPARE(ns, u"http://www.topografix.com/GPX/1/1"_s);
        QCOMPARE(version, u"1.1"_s);
        QCOMPARE(wpts, 2);
        QCOMPARE(lats, (QStringList{u"48.856600"_s, u"50.061430"_s}));
        QVERIFY(names.contains(u"My trip"_s));
        QVERIFY(names.contains(u"Kraków & <Wieliczka>"_s));
    }
};

QTEST_GUILESS_MAIN(TestGeo)
#include "tst_geo.moc"
