// SPDX-License-Identifier: GPL-3.0-or-later
// GPX waypoints, KML placemarks and GeoJSON points become activity ideas with
// their coordinates; tracks, routes and areas are skipped and counted.
#include "domain/Error.h"
#include "plan/PlacesImport.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {
QByteArray readData(const char* name) {
    QFile f(QStringLiteral(TP_PLAN_TEST_DIR) + u"/data/"_s + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return f.readAll();
}
} // namespace

class TestPlacesImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gpx() {
        const QByteArray data = readData("places.gpx");
        const auto r = plan::importPlaces(data, plan::PlacesFormat::Gpx);
        QCOMPARE(r.ideas.size(), 2);
        QCOMPARE(r.skipped, 2);
        QCOMPARE(r.ideas[0].title, u"Cappella Palatina"_s);
        QCOMPARE(r.ideas[0].notes, u"Mosaics & more"_s);
        QCOMPARE(r.ideas[0].place.latitude->toString(), u"38.110800"_s);
        QCOMPARE(r.ideas[1].place.longitude->toString(), u"13.292000"_s);
        QVERIFY(!r.ideas[0].isScheduled());
    }

    void kml() {
        const QByteArray data = readData("places.kml");
        const auto r = plan::importPlaces(data, plan::PlacesFormat::Kml);
        QCOMPARE(r.ideas.size(), 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.ideas[0].title, u"Teatro Massimo"_s);
        QCOMPARE(r.ideas[0].notes, u"Opera house"_s);
        QCOMPARE(r.ideas[0].place.latitude->toString(), u"38.120300"_s);
        QCOMPARE(r.ideas[0].place.longitude->toString(), u"13.357100"_s);
    }

    void geojson() {
        const QByteArray data = readData("places.geojson");
        const auto r = plan::importPlaces(data, plan::PlacesFormat::GeoJson);
        QCOMPARE(r.ideas.size(), 2);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.ideas[0].title, u"Colosseum"_s);
        QCOMPARE(r.ideas[0].place.latitude->toString(), u"41.890200"_s);
        QCOMPARE(r.ideas[0].place.longitude->toString(), u"12.492200"_s);
        QCOMPARE(r.ideas[1].title, u"Saint Peter"_s);
    }

    void formatsAndErrors() {
        QCOMPARE(plan::placesFormatFor(u"a/b/Places.GPX"_s), std::optional(plan::PlacesFormat::Gpx));
        QCOMPARE(plan::placesFormatFor(u"x.geojson"_s), std::optional(plan::PlacesFormat::GeoJson));
        QVERIFY(!plan::placesFormatFor(u"x.ics"_s));
        QVERIFY_THROWS_EXCEPTION(Error, plan::importPlaces("<kml><unclosed>", plan::PlacesFormat::Kml));
        QVERIFY_THROWS_EXCEPTION(Error, plan::importPlaces("<html/>", plan::PlacesFormat::Gpx));
        QVERIFY_THROWS_EXCEPTION(Error, plan::importPlaces("[1,2]", plan::PlacesFormat::GeoJson));
    }
};

QTEST_GUILESS_MAIN(TestPlacesImport)
#include "tst_places_import.moc"
