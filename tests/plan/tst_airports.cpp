// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled airport list: every row readable, every zone known to Qt, a sample checked by hand.
#include "plan/Airports.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace tp;

class TestAirports : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyRowIsUsable() {
        QFile f(u":/airports/airports.tsv"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!f.atEnd()) {
            const QList<QByteArray> c = f.readLine().trimmed().split('\t');
            QCOMPARE(c.size(), 7);
            ++rows;
            QVERIFY2(QTimeZone::isTimeZoneIdAvailable(c[6]),
                     QByteArray(c[0] + " has zone " + c[6]).constData());
            bool okLat = false, okLon = false;
            QVERIFY(std::abs(c[4].toDouble(&okLat)) <= 90 && okLat);
            QVERIFY(std::abs(c[5].toDouble(&okLon)) <= 180 && okLon);
        }
        QCOMPARE(plan::airportCount(), rows);
        QVERIFY(rows > 4000);
    }

    void sample_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("city");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::newRow("PMO") << u"pmo"_s << u"Palermo"_s << u"IT"_s << u"Europe/Rome"_s << 38.18 << 13.09;
        QTest::newRow("LHR") << u"LHR"_s << u"London"_s << u"GB"_s << u"Europe/London"_s << 51.47 << -0.46;
        QTest::newRow("JFK") << u"JFK"_s << u"New York"_s << u"US"_s << u"America/New_York"_s << 40.64
                             << -73.78;
        QTest::newRow("DEN") << u"DEN"_s << u"Denver"_s << u"US"_s << u"America/Denver"_s << 39.86 << -104.67;
        QTest::newRow("PHX") << u"PHX"_s << u"Phoenix"_s << u"US"_s << u"America/Phoenix"_s << 33.43
                             << -112.01;
        QTest::newRow("AKL") << u"AKL"_s << u"Auckland"_s << u"NZ"_s << u"Pacific/Auckland"_s << -37.01
                             << 174.79;
        QTest::newRow("HNL") << u"HNL"_s << u"Honolulu"_s << u"US"_s << u"Pacific/Honolulu"_s << 21.32
                             << -157.92;
        QTest::newRow("PER") << u"PER"_s << u"Perth"_s << u"AU"_s << u"Australia/Perth"_s << -31.94 << 115.97;
    }
    void sample() {
        QFETCH(QString, code);
        QFETCH(QString, city);
        QFETCH(QString, country);
        QFETCH(QString, zone);
        QFETCH(double, lat);
        QFETCH(double, lon);
        const auto a = plan::findAirport(code);
        QVERIFY(a);
        QCOMPARE(a->iata, code.toUpper());
        QVERIFY2(a->city.contains(city), qPrintable(a->city));
        QCOMPARE(a->country, country);
        QCOMPARE(a->zone, zone);
        QVERIFY(std::abs(a->latitude - lat) < 0.05);
        QVERIFY(std::abs(a->longitude - lon) < 0.05);
    }

    void unknownCodes() {
        QVERIFY(!plan::findAirport(u"ZZZ"_s));
        QVERIFY(!plan::findAirport(QString()));
    }
};

QTEST_GUILESS_MAIN(TestAirports)
#include "tst_airports.moc"
