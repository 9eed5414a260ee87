// SPDX-License-Identifier: GPL-3.0-or-later
// The map widget: markers and selection, interaction, online tiles against a
// loopback tile server (User-Agent, HTTP caching, concurrency, attribution,
// dead server), PNG export.
#include "LoopbackTileServer.h"
#include "draw/Contrast.h"
#include "map/MapWidget.h"
#include "map/TileNetwork.h"

#include <QApplication>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QNativeGestureEvent>
#include <QNetworkCacheMetaData>
#include <QNetworkDiskCache>
#include <QPalette>
#include <QPinchGesture>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::ui;

namespace {

const QColor TileColour(255, 0, 255);

Destination dest(Id id, const QString& name, const QString& country, double lat, double lon) {
    Destination d;
    d.id = id;
    d.name = name;
    d.country = country;
    d.latitude = Decimal::parse(QString::number(lat, 'f', 6), 9, 6);
    d.longitude = Decimal::parse(QString::number(lon, 'f', 6), 9, 6);
    return d;
}

QList<Destination> sample() {
    QList<Destination> list{dest(1, u"Paris"_s, u"France"_s, 48.8566, 2.3522),
                            dest(2, u"Tokyo"_s, u"Japan"_s, 35.6762, 139.6503),
                            dest(3, u"New York"_s, u"United States"_s, 40.7128, -74.0060),
                            dest(4, u"Versailles"_s, u"France"_s, 48.8049, 2.1204)};
    list[1].bestTimeToVisit = u"March to May"_s;
    list[1].averageCostPerDay = Decimal::parse(u"180.50", 8, 2);
    Destination stub;
    stub.id = 5;
    stub.name = u"Stub"_s;
    stub.country = u"Peru"_s;
    list.append(stub);
    return list;
}

bool near(QColor a, QColor b, int tol = 8) {
    return qAbs(a.red() - b.red()) <= tol && qAbs(a.green() - b.green()) <= tol &&
           qAbs(a.blue() - b.blue()) <= tol;
}

int darkPixels(const QImage& img, const QRect& r) {
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = img.pixelColor(x, y);
            if (c.red() < 90 && c.green() < 90 && c.blue() < 90)
                ++n;
        }
    }
    return n;
}

// Fusion's dark palette as people set it (a dark window, light text).
QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    return p;
}

bool sameColour(const QImage& img, const QRect& r, QColor colour, int tol = 8) {
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (!near(img.pixelColor(x, y), colour, tol))
                return false;
    return true;
}

int pixelsNear(const QImage& img, const QRect& r, QColor colour, int tol = 30) {
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += near(img.pixelColor(x, y), colour, tol) ? 1 : 0;
    return n;
}

// The longitudes and latitudes the widget shows (no wrap: the view is narrower than the world).
QRectF visibleLonLat(const MapWidget& w) {
    const tp::geo::LonLat tl = w.toLonLat({0, 0}), br = w.toLonLat(QPointF(w.width(), w.height()));
    return QRectF(QPointF(tl.lon, br.lat), QPointF(br.lon, tl.lat));
}

QJsonArray portugalCards() {
    return QJsonArray{QJsonObject{{u"name"_s, u"Porto"_s},
                                  {u"country"_s, u"Portugal"_s},
                                  {u"latitude"_s, 41.1579},
                                  {u"longitude"_s, -8.6291}},
                      QJsonObject{{u"name"_s, u"Faro"_s},
                                  {u"country"_s, u"Portugal"_s},
                                  {u"latitude"_s, 37.0194},
                                  {u"longitude"_s, -7.9304}},
                      QJsonObject{{u"name"_s, u"Sevilla"_s}, {u"country"_s, u"Spain"_s}}}; // gazetteer
}

int visibleTiles(const MapWidget& w) {
    const int level = int(std::lround(w.zoom()));
    const double ws = tp::geo::worldSize(w.zoom());
    const QPointF tl = tp::geo::toUnit(w.center()) * ws - QPointF(w.width() / 2.0, w.height() / 2.0);
    return tp::geo::tilesCovering(QRectF(tl / ws, QSizeF(w.width() / ws, w.height() / ws)), level).count();
}

} // namespace

class TestMapWidget : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QCoreApplication::setApplicationVersion(u"0.1.0"_s); }

    void markersAndClick() {
        MapWidget w;
        w.resize(800, 500);
        w.setDestinations(sample());
        QCOMPARE(w.destinationMarkerCount(), 4); // the stub has no coordinates
        w.setCenter({30, 30});
        w.setZoom(2);
        w.grab();
        // Paris and Versailles are one cluster at zoom 2; Tokyo and New York single.
        QCOMPARE(w.lastFrameItems(), 3);

        QSignalSpy activated(&w, &MapWidget::destinationActivated);
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen({139.6503, 35.6762}).toPoint());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toLongLong(), 2);
        QCOMPARE(w.selectedDestination(), 2);
        // Clicking the sea activates nothing.
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen({-30, 0}).toPoint());
        QCOMPARE(activated.size(), 1);

        // Clicking the cluster zooms into it until Paris and Versailles part.
        const double before = w.zoom();
        for (int i = 0; i < 6 && w.lastFrameItems() < 4; ++i) {
            QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen({2.24, 48.83}).toPoint());
            w.grab();
        }
        QVERIFY(w.zoom() > before);
        QVERIFY(w.grab().rect().contains(w.toScreen({2.3522, 48.8566}).toPoint()));
        QSignalSpy spy2(&w, &MapWidget::destinationActivated);
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen({2.1204, 48.8049}).toPoint());
        QCOMPARE(spy2.size(), 1);
        QCOMPARE(spy2.at(0).at(0).toLongLong(), 4);
    }

    void selectionCentres() {
        MapWidget w;
        w.resize(640, 480);
        w.setDestinations(sample());
        w.setCenter({0, 0});
        w.setZoom(4);
        QSignalSpy activated(&w, &MapWidget::destinationActivated);
        w.setSelectedDestination(3);
        QCOMPARE(w.selectedDestination(), 3);
        QVERIFY(qAbs(w.center().lon - -74.0060) < 1e-6);
        QVERIFY(qAbs(w.center().lat - 40.7128) < 1e-6);
        QCOMPARE(activated.size(), 0); // no echo back to the tables
        const QPointF mid = w.toScreen({-74.0060, 40.7128});
        QVERIFY(qAbs(mid.x() - 320) < 0.01 && qAbs(mid.y() - 240) < 0.01);
        // The selected marker is drawn, highlighted (red), at the centre.
        const QImage img = w.renderImage();
        QVERIFY(near(img.pixelColor(323, 240), QColor(0xe0, 0x36, 0x2c), 20));
        // Already selected: nothing moves.
        w.setCenter({10, 10});
        w.setSelectedDestination(3);
        QVERIFY(qAbs(w.center().lon - 10) < 1e-6);
        // Unknown id clears.
        w.setSelectedDestination(999);
        QCOMPARE(w.selectedDestination(), 0);
        // The selection survives a reload that keeps the destination.
        w.setSelectedDestination(2, false);
        w.setDestinations(sample());
        QCOMPARE(w.selectedDestination(), 2);
    }

    void tooltip() {
        MapWidget w;
        w.resize(640, 480);
        w.setDestinations(sample());
        w.setCenter({139.6503, 35.6762});
        w.setZoom(6);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.grab();
        const QPoint pos = w.toScreen({139.6503, 35.6762}).toPoint();
        QHelpEvent ev(QEvent::ToolTip, pos, w.mapToGlobal(pos));
        QApplication::sendEvent(&w, &ev);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(u"Tokyo"_s) && text.contains(u"Japan"_s) && text.contains(u"March to May"_s) &&
                     text.contains(u"180.50"_s),
                 qPrintable(text));
    }

    void recommendations() {
        MapWidget w;
        w.resize(640, 480);
        QJsonArray recs{QJsonObject{{u"name"_s, u"Kyoto"_s}, {u"country"_s, u"Japan"_s}},
                        QJsonObject{{u"name"_s, u"Cusco"_s},
                                    {u"country"_s, u"Peru"_s},
                                    {u"latitude"_s, u"-13.5319"_s},
                                    {u"longitude"_s, -71.9675}},
                        QJsonObject{{u"name"_s, u"Xyzzyq"_s}, {u"country"_s, u"Atlantis"_s}}};
        w.setRecommendations(recs);
        QCOMPARE(w.recommendationMarkerCount(), 2); // the unknown one is skipped
        w.setCenter({135.7681, 35.0116});
        w.setZoom(7);
        const QImage img = w.renderImage();
        const QPoint at = w.toScreen({135.75385, 35.02107}).toPoint(); // GeoNames' Kyoto
        QVERIFY(near(img.pixelColor(at + QPoint(5, 0)), QColor(0xf0, 0x8c, 0x00), 30));
        QSignalSpy spy(&w, &MapWidget::recommendationActivated);
        QTest::mouseClick(&w, Qt::LeftButton, {}, at);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 0);
    }

    void panAndZoom() {
        MapWidget w;
        w.resize(800, 600);
        w.setCenter({0, 0});
        w.setZoom(4);
        QTest::keyClick(&w, Qt::Key_Right);
        QVERIFY(w.center().lon > 0);
        QTest::keyClick(&w, Qt::Key_Up);
        QVERIFY(w.center().lat > 0);
        QTest::keyClick(&w, Qt::Key_Plus);
        QCOMPARE(w.zoom(), 5.0);
        QTest::keyClick(&w, Qt::Key_Minus);
        QCOMPARE(w.zoom(), 4.0);

        // The wheel zooms around the cursor: the point under it stays.
        const QPointF cursor(600, 150);
        const tp::geo::LonLat under = w.toLonLat(cursor);
        QWheelEvent wheel(cursor, w.mapToGlobal(cursor), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&w, &wheel);
        QCOMPARE(w.zoom(), 5.0);
        const QPointF again = w.toScreen(under);
        QVERIFY2(QLineF(again, cursor).length() < 0.01, qPrintable(u"%1,%2"_s.arg(again.x()).arg(again.y())));

        // Dragging moves the map with the mouse.
        const tp::geo::LonLat grabbed = w.toLonLat({400, 300});
        QTest::mousePress(&w, Qt::LeftButton, {}, {400, 300});
        QMouseEvent move(QEvent::MouseMove, QPointF(300, 250), w.mapToGlobal(QPointF(300, 250)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &move);
        QTest::mouseRelease(&w, Qt::LeftButton, {}, {300, 250});
        const QPointF now = w.toScreen(grabbed);
        QVERIFY(QLineF(now, QPointF(300, 250)).length() < 0.01);

        // Zoom stays within limits; the world fills the view.
        w.setZoom(-5);
        QCOMPARE(w.zoom(), w.minimumZoom());
        w.setZoom(40);
        QCOMPARE(w.zoom(), 19.0);
        // Panning across the antimeridian wraps.
        w.setZoom(3);
        w.setCenter({179, 0});
        w.panBy({200, 0});
        QVERIFY(w.center().lon < 0);

        // Fit to markers shows them all.
        w.setDestinations(sample());
        w.fitToMarkers();
        const QImage img = w.renderImage();
        for (auto p : {tp::geo::LonLat{2.35, 48.86}, {139.65, 35.68}, {-74.0, 40.71}})
            QVERIFY(img.rect().contains(w.toScreen(p).toPoint()));
    }

    // Pinch zooms around the fingers, from a touchpad (native gesture) and from
    // a touchscreen (the pinch gesture recognizer), in both directions.
    void pinchZooms() {
        MapWidget w;
        w.resize(800, 600);
        w.setCenter({10, 45});
        w.setZoom(4);
        const QPointF fingers(300, 200);
        const tp::geo::LonLat under = w.toLonLat(fingers);
        // A touchpad pinch that doubles the size: one zoom level in.
        QNativeGestureEvent spread(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                                   fingers, fingers, w.mapToGlobal(fingers), 1.0, QPointF(), 1);
        QApplication::sendEvent(&w, &spread);
        QVERIFY2(std::abs(w.zoom() - 5.0) < 1e-9, qPrintable(QString::number(w.zoom())));
        QVERIFY(QLineF(w.toScreen(under), fingers).length() < 0.01);
        // A touchpad pinch that halves it: back out.
        QNativeGestureEvent squeeze(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2,
                                    fingers, fingers, w.mapToGlobal(fingers), -0.5, QPointF(), 2);
        QApplication::sendEvent(&w, &squeeze);
        QVERIFY2(std::abs(w.zoom() - 4.0) < 1e-9, qPrintable(QString::number(w.zoom())));

        // A touchscreen pinch gesture with a scale factor of 4: two levels in, around its centre.
        const QPointF centre(500, 400);
        const tp::geo::LonLat below = w.toLonLat(centre);
        QPinchGesture pinch;
        pinch.setChangeFlags(QPinchGesture::ScaleFactorChanged);
        pinch.setScaleFactor(4.0);
        pinch.setCenterPoint(w.mapToGlobal(centre));
        QGestureEvent gesture(QList<QGesture*>{&pinch});
        QApplication::sendEvent(&w, &gesture);
        QVERIFY2(std::abs(w.zoom() - 6.0) < 1e-9, qPrintable(QString::number(w.zoom())));
        QVERIFY(gesture.isAccepted(&pinch));
        QVERIFY(QLineF(w.toScreen(below), centre).length() < 0.5);
        // A pinch that only moved (no scale change) zooms nothing.
        pinch.setChangeFlags(QPinchGesture::CenterPointChanged);
        QGestureEvent moved(QList<QGesture*>{&pinch});
        QApplication::sendEvent(&w, &moved);
        QVERIFY(std::abs(w.zoom() - 6.0) < 1e-9);
    }

    // A click where no marker is reports the point (the coordinate picker's
    // input); the pin is drawn there.
    void clickOnTheMapAndPin() {
        MapWidget w;
        w.resize(800, 600);
        w.setCenter({0, 0});
        w.setZoom(3);
        QSignalSpy clicked(&w, &MapWidget::mapClicked);
        const tp::geo::LonLat lisbon{-9.14, 38.72};
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen(lisbon).toPoint());
        QCOMPARE(clicked.size(), 1);
        const auto where = clicked.first().first().value<tp::geo::LonLat>();
        QVERIFY(std::abs(where.lon - lisbon.lon) < 0.1 && std::abs(where.lat - lisbon.lat) < 0.1);
        const QPoint at = w.toScreen(lisbon).toPoint();
        const QColor before = w.renderImage().pixelColor(at + QPoint(9, 0));
        w.setPin(lisbon);
        const QColor after = w.renderImage().pixelColor(at + QPoint(9, 0)); // on the pin's ring
        QVERIFY2(after != before && after.red() > 150 && after.green() < 120, qPrintable(after.name()));
        // A drag is not a click.
        QTest::mousePress(&w, Qt::LeftButton, {}, {400, 300});
        QMouseEvent move(QEvent::MouseMove, QPointF(300, 250), w.mapToGlobal(QPointF(300, 250)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &move);
        QTest::mouseRelease(&w, Qt::LeftButton, {}, {300, 250});
        QCOMPARE(clicked.size(), 1);

        // On a marker a click selects it; in pick mode it picks the point under it.
        w.setDestinations(sample());
        w.setCenter({139.65, 35.68});
        w.renderImage(); // lays the markers out
        QSignalSpy activated(&w, &MapWidget::destinationActivated);
        const QPoint tokyo = w.toScreen({139.6503, 35.6762}).toPoint();
        QTest::mouseClick(&w, Qt::LeftButton, {}, tokyo);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(clicked.size(), 1);
        w.setPickMode(true);
        QTest::mouseClick(&w, Qt::LeftButton, {}, tokyo);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(clicked.size(), 2);
    }

    // Frames on screen have budgets (basemap tiles, cluster labels): a cold view
    // over many clusters takes a few frames, each making progress, and then
    // shows exactly what a whole frame (an export) shows, and asks for no more.
    void coldFramesFinish() {
        QList<Destination> many;
        QRandomGenerator rng(11);
        for (int i = 0; i < 20000; ++i)
            many << dest(i + 1, u"D%1"_s.arg(i), u"Somewhere"_s, rng.bounded(120.0) - 55,
                         rng.bounded(360.0) - 180);
        MapWidget w;
        w.resize(1600, 1000);
        w.setDestinations(many);
        w.setCenter({10, 30});
        w.setZoom(3.4);
        QImage frame(w.size(), QImage::Format_ARGB32_Premultiplied);
        int frames = 0;
        do {
            w.render(&frame);
            QCoreApplication::processEvents();
            ++frames;
        } while (!w.lastFrameComplete() && frames < 100);
        QVERIFY2(w.lastFrameComplete(), qPrintable(u"still incomplete after %1 frames"_s.arg(frames)));
        QVERIFY2(frames > 1, "the first frame was within budget: the test did not exercise the budget");
        w.render(&frame);
        QVERIFY(w.lastFrameComplete());
        QCOMPARE(frame, w.renderImage().convertToFormat(frame.format()));
    }

    void basemapOffline() {
        MapWidget w;
        w.resize(640, 480);
        QVERIFY(!w.onlineTilesEnabled());
        const Basemap::Style style;
        for (double z : {2.0, 6.0, 11.0, 17.0}) {
            w.setZoom(z);
            w.setCenter({20, 15}); // Chad: land
            QImage img = w.renderImage();
            QVERIFY2(near(img.pixelColor(320, 240), style.land), qPrintable(QString::number(z)));
            w.setCenter({-30, 0}); // Atlantic
            img = w.renderImage();
            QVERIFY(near(img.pixelColor(320, 240), style.sea));
        }
        QVERIFY(w.basemapCacheBytes() > 0);
        QCOMPARE(w.attributionText(), u"Made with Natural Earth"_s);
    }

    // Two maps at once (the trip's panel and the catalogue's view) share the
    // limit on requests in flight and the disk cache: 2 for the app, not 2 each.
    void twoMapsShareTheRequestLimit() {
        LoopbackTileServer server(TileColour, "public, max-age=86400", 60);
        QVERIFY(server.listen());
        QTemporaryDir cacheDir;
        TileSourceConfig cfg;
        cfg.urlTemplate = server.urlTemplate();
        cfg.cacheDirectory = cacheDir.path();
        MapWidget a, b;
        for (MapWidget* w : {&a, &b}) {
            w->resize(700, 500);
            w->setOnlineTiles(true, cfg);
            w->setZoom(5);
        }
        a.setCenter({10, 45});
        b.setCenter({-70, -20}); // other tiles
        a.grab();
        b.grab();
        const int expected = visibleTiles(a) + visibleTiles(b);
        QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), expected, 15000);
        QTRY_COMPARE(a.tileFetcher()->inFlight() + b.tileFetcher()->inFlight(), 0);
        QVERIFY2(server.maxOutstanding() == 2, qPrintable(QString::number(server.maxOutstanding())));
        QTRY_VERIFY(near(a.renderImage().pixelColor(350, 250), TileColour));
        QTRY_VERIFY(near(b.renderImage().pixelColor(350, 250), TileColour));
    }

    void onlineTilesUserAgentCacheAttribution() {
        LoopbackTileServer server(TileColour, "public, max-age=86400", 40);
        QVERIFY(server.listen());
        QTemporaryDir cacheDir;
        TileSourceConfig cfg;
        cfg.urlTemplate = server.urlTemplate();
        cfg.cacheDirectory = cacheDir.path();
        int firstCount = 0;
        {
            MapWidget w;
            w.resize(700, 500);
            w.setOnlineTiles(true, cfg);
            w.setCenter({10, 45});
            w.setZoom(4);
            QCOMPARE(w.tileFetcher()->config().maxConcurrent, 2);
            const int expected = visibleTiles(w);
            w.grab();
            QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), expected, 10000);
            QTRY_COMPARE(w.tileFetcher()->inFlight(), 0);
            // Nothing beyond the view: no prefetch. A finished tile starts the next
            // queued one at once, so with none in flight none is waiting either.
            QCOMPARE(w.tileFetcher()->requestsStarted(), expected);
            QCOMPARE(server.requests().size(), expected);
            firstCount = expected;
            QSet<QByteArray> paths;
            for (const auto& r : server.requests()) {
                const QByteArray ua = r.headers.value("user-agent");
                QCOMPARE(ua, "TripPlanner/0.1.0 (desktop trip planner)");
                QVERIFY(!r.headers.value("cache-control").contains("no-cache"));
                QVERIFY(!r.headers.contains("pragma"));
                paths.insert(r.path);
            }
            QCOMPARE(paths.size(), expected); // each tile once
            QVERIFY2(server.maxOutstanding() <= 2, qPrintable(QString::number(server.maxOutstanding())));
            QVERIFY(server.maxOutstanding() >= 1);

            // The tiles are drawn, and so is the attribution.
            const QImage img = w.renderImage();
            QVERIFY(near(img.pixelColor(350, 250), TileColour));
            const QRect attribution = w.attributionRect();
            QVERIFY(!attribution.isEmpty());
            QVERIFY(img.rect().contains(attribution));
            QVERIFY(darkPixels(img, attribution) > 20);
            QCOMPARE(w.tileFetcher()->config().attribution, u"© OpenStreetMap contributors"_s);
            // Repainting does not ask again (memory cache): a paint asks the fetcher
            // for what it lacks, and the fetcher starts requests there and then.
            w.grab();
            QCOMPARE(w.tileFetcher()->requestsStarted(), firstCount);
            QCOMPARE(w.tileFetcher()->inFlight(), 0);
            QCOMPARE(server.requests().size(), firstCount);
        }
        // A new map (empty memory cache) on the same disk cache: the tiles are
        // fresh (max-age=86400), so none is requested again.
        {
            MapWidget w;
            w.resize(700, 500);
            w.setOnlineTiles(true, cfg);
            w.setCenter({10, 45});
            w.setZoom(4);
            w.grab();
            QTRY_VERIFY(near(w.renderImage().pixelColor(350, 250), TileColour));
            QTRY_COMPARE(w.tileFetcher()->inFlight(), 0);
            QTRY_VERIFY(near(w.renderImage().pixelColor(5, 5), TileColour));
            QCOMPARE(server.requests().size(), firstCount);
            QVERIFY(w.tileFetcher()->requestsStarted() > 0); // served by the disk cache
        }
    }

    // Tiles fetched a moment ago whose HTTP lifetime is over: the test marks
    // every cached entry expired yesterday (as a server's short max-age would,
    // without waiting for it). Qt's PreferNetwork then asks the server again;
    // the policy (a tile younger than minCacheDays is used from the cache
    // whatever its headers say) does not. The row with minCacheDays 0 is the
    // same map without the policy: it must ask again, or the test proves nothing.
    void cachedAtLeastSevenDays_data() {
        QTest::addColumn<int>("minCacheDays");
        QTest::addColumn<bool>("asksAgain");
        QTest::newRow("policy: 7 days") << 7 << false;
        QTest::newRow("no policy") << 0 << true;
    }
    void cachedAtLeastSevenDays() {
        QFETCH(int, minCacheDays);
        QFETCH(bool, asksAgain);
        LoopbackTileServer server(TileColour, "max-age=3600");
        QVERIFY(server.listen());
        QTemporaryDir cacheDir;
        TileSourceConfig cfg;
        cfg.urlTemplate = server.urlTemplate();
        cfg.cacheDirectory = cacheDir.path();
        cfg.minCacheDays = minCacheDays;
        int count = 0;
        {
            MapWidget w;
            w.resize(300, 300);
            w.setOnlineTiles(true, cfg);
            w.setZoom(2);
            w.grab();
            QTRY_VERIFY(server.requests().size() > 0 && w.tileFetcher()->inFlight() == 0);
            count = int(server.requests().size());
        }
        QNetworkDiskCache* cache =
            TileNetwork::forCacheDirectory(cfg.cacheDirectory, cfg.cacheBytes)->diskCache();
        int expired = 0;
        for (const LoopbackTileServer::Request& r : server.requests()) {
            QNetworkCacheMetaData meta = cache->metaData(
                QUrl(u"http://127.0.0.1:%1"_s.arg(server.port()) + QString::fromLatin1(r.path)));
            if (!meta.isValid())
                continue;
            meta.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(-1));
            cache->updateMetaData(meta);
            ++expired;
        }
        QCOMPARE(expired, count);
        MapWidget w;
        w.resize(300, 300);
        w.setOnlineTiles(true, cfg);
        w.setZoom(2);
        w.grab();
        QTRY_VERIFY(near(w.renderImage().pixelColor(150, 150), TileColour));
        QTRY_VERIFY(w.tileFetcher()->inFlight() == 0);
        if (asksAgain)
            QVERIFY2(server.requests().size() > count,
                     "without the policy the stale tiles are asked for again");
        else
            QCOMPARE(server.requests().size(), count);
    }

    void deadServerKeepsBasemap() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        } // closed: nothing listens there now
        TileSourceConfig cfg;
        cfg.urlTemplate = u"http://127.0.0.1:%1/{z}/{x}/{y}.png"_s.arg(port);
        QTemporaryDir cacheDir;
        cfg.cacheDirectory = cacheDir.path();
        MapWidget w;
        w.resize(640, 480);
        w.setOnlineTiles(true, cfg);
        w.setCenter({20, 15});
        w.setZoom(5);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy offline(w.tileFetcher(), &TileFetcher::offlineChanged);
        // One paint queues every visible tile; each refused one starts the next.
        w.grab();
        QTRY_VERIFY(w.tileFetcher()->isOffline());
        QVERIFY(w.tileFetcher()->failures() >= 3);
        QCOMPARE(offline.size(), 1);
        // While offline nothing more is requested.
        const int started = w.tileFetcher()->requestsStarted();
        w.setZoom(6);
        w.grab();
        QCOMPARE(w.tileFetcher()->requestsStarted(), started);
        // The basemap is there, and so is the attribution of the configured source.
        const QImage img = w.renderImage();
        QVERIFY(near(img.pixelColor(320, 240), Basemap::Style().land));
        w.setCenter({-30, 0});
        QVERIFY(near(w.renderImage().pixelColor(320, 240), Basemap::Style().sea));
        // Only the basemap was drawn: only it is credited.
        QVERIFY(!w.attributionRect().isEmpty());
        QCOMPARE(w.attributionText(), u"Made with Natural Earth"_s);
        // No dialog, no modal window.
        QVERIFY(!QApplication::activeModalWidget());
    }

    void exportPng() {
        MapWidget w;
        w.resize(500, 300);
        w.setDestinations(sample());
        w.fitToMarkers();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"map.png"_s);
        QVERIFY(w.exportPng(path));
        QImage img(path);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(500, 300));
    }

    // The trip map opens on the trip's places: its destination and its
    // recommendations all in view, closer than the world; one place at a
    // country's scale; none: the world. It keeps fitting them (a resize, the
    // catalogue arriving late) until the user moves the map.
    void tripMapFitsTheTrip() {
        QList<Destination> catalogue = sample();
        catalogue << dest(6, u"Lisbon"_s, u"Portugal"_s, 38.7223, -9.1393);
        MapWidget w;
        w.resize(560, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setDestinations(catalogue);
        w.showTrip(6, portugalCards());
        QVERIFY(w.isTripMap());
        QCOMPARE(w.selectedDestination(), 6);
        QCOMPARE(w.recommendationMarkerCount(), 3);
        auto checkFitted = [&w](const QList<tp::geo::LonLat>& places) {
            const QRectF area = w.unobstructedRect();
            for (const auto& p : places) {
                const QPointF at = w.toScreen(p);
                QVERIFY2(area.contains(at),
                         qPrintable(u"%1,%2 at %3,%4"_s.arg(p.lon).arg(p.lat).arg(at.x()).arg(at.y())));
            }
            QVERIFY2(w.zoom() > w.minimumZoom() + 2, qPrintable(QString::number(w.zoom())));
            QVERIFY(visibleLonLat(w).width() < 60); // Iberia, not the world
            QVERIFY(w.zoom() <= 6);                 // with its neighbours around it
        };
        const QList<tp::geo::LonLat> places{
            {-9.1393, 38.7223}, {-8.6291, 41.1579}, {-7.9304, 37.0194}, {-5.98, 37.38}};
        checkFitted(places);
        // Whatever the legend covers is not where the places are.
        QVERIFY(!w.legendRect().isEmpty());
        for (const auto& p : places)
            QVERIFY(!w.legendRect().contains(w.toScreen(p).toPoint()));

        // A resize keeps the fit; so does the catalogue read again.
        w.resize(900, 420);
        checkFitted(places);
        w.setDestinations(catalogue);
        checkFitted(places);

        // The user moves the map: it stays where they put it; Home fits again.
        QTest::keyClick(&w, Qt::Key_Minus);
        QVERIFY(!w.followsTrip());
        const double moved = w.zoom();
        w.setDestinations(catalogue);
        QCOMPARE(w.zoom(), moved);
        QTest::keyClick(&w, Qt::Key_Home);
        QVERIFY(w.followsTrip());
        checkFitted(places);

        // One place: centred, at a country's scale.
        w.showTrip(2, {});
        QCOMPARE(w.selectedDestination(), 2);
        QVERIFY(QLineF(w.toScreen({139.6503, 35.6762}), w.unobstructedRect().center()).length() < 1);
        QVERIFY2(w.zoom() >= 4 && w.zoom() <= 6, qPrintable(QString::number(w.zoom())));

        // None (a trip without a destination, nothing recommended yet): the world.
        w.showTrip(0, {});
        QCOMPARE(w.selectedDestination(), 0);
        QCOMPARE(w.zoom(), w.minimumZoom());

        // The catalogue after the trip (the app reads it in the background):
        // the destination is highlighted and fitted when it arrives.
        MapWidget late;
        late.resize(560, 600);
        late.showTrip(2, {});
        QCOMPARE(late.zoom(), late.minimumZoom());
        late.setDestinations(catalogue);
        QCOMPARE(late.selectedDestination(), 2);
        QVERIFY2(late.zoom() >= 4, qPrintable(QString::number(late.zoom())));
        QVERIFY(late.rect().contains(late.toScreen({139.6503, 35.6762}).toPoint()));

        // A click on another marker of the trip map does not move the trip's highlight.
        w.showTrip(6, {});
        w.renderImage();
        QSignalSpy activated(&w, &MapWidget::destinationActivated);
        w.setCenter({2.35, 48.85});
        w.setZoom(9);
        w.renderImage();
        QTest::mouseClick(&w, Qt::LeftButton, {}, w.toScreen({2.3522, 48.8566}).toPoint());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(w.selectedDestination(), 6);
    }

    // The legend names each colour the map uses, is drawn on the map, and
    // hides and comes back with its button.
    void legend() {
        MapWidget w;
        w.resize(700, 500);
        QVERIFY(w.legendEntries().isEmpty()); // nothing to explain
        QVERIFY(w.legendRect().isEmpty());
        w.setDestinations(sample());
        w.showTrip(1, portugalCards());
        QStringList texts;
        QList<MapWidget::LegendKind> kinds;
        for (const auto& e : w.legendEntries()) {
            texts << e.text;
            kinds << e.kind;
        }
        QCOMPARE(kinds, (QList<MapWidget::LegendKind>{
                            MapWidget::LegendKind::Selected, MapWidget::LegendKind::Recommendation,
                            MapWidget::LegendKind::Destination, MapWidget::LegendKind::Cluster}));
        QVERIFY2(texts.join(u'|').contains(u"Chosen destination"_s), qPrintable(texts.join(u'|')));
        QVERIFY(texts.join(u'|').contains(u"Recommended"_s));
        QVERIFY(texts.join(u'|').contains(u"catalogue"_s));
        const QRect legend = w.legendRect();
        QVERIFY(!legend.isEmpty());
        QVERIFY(w.rect().contains(legend));
        // Drawn: the swatches' colours are in the panel.
        const QImage img = w.exportImage();
        QVERIFY(pixelsNear(img, legend, QColor(0xe0, 0x36, 0x2c)) > 20); // chosen
        QVERIFY(pixelsNear(img, legend, QColor(0xf0, 0x8c, 0x00)) > 20); // recommended
        QVERIFY(pixelsNear(img, legend, QColor(0x1f, 0x6f, 0xd6)) > 20); // catalogue
        QVERIFY(pixelsNear(img, legend, QColor(0x2b, 0x8a, 0x7e)) > 20); // several
        QVERIFY(darkPixels(img, legend) > 50);                           // its text
        // A click on the legend is not a click on the map.
        QSignalSpy clicked(&w, &MapWidget::mapClicked);
        QTest::mouseClick(&w, Qt::LeftButton, {}, legend.center());
        QCOMPARE(clicked.size(), 0);

        // Hidden with its button, shown again with it.
        auto* toggle = w.findChild<QToolButton*>(u"legendToggle"_s);
        QVERIFY(toggle && !toggle->isHidden());
        QVERIFY(legend.contains(toggle->geometry()));
        toggle->click();
        QVERIFY(!w.legendExpanded());
        QVERIFY(w.legendRect().isEmpty());
        QVERIFY(!toggle->isHidden());
        QCOMPARE(toggle->text(), u"Legend"_s);
        toggle->click();
        QVERIFY(!w.legendRect().isEmpty());

        // The destinations map says "selected", not "chosen".
        MapWidget catalogue;
        catalogue.resize(700, 500);
        catalogue.setDestinations(sample());
        catalogue.setSelectedDestination(2);
        QVERIFY(catalogue.legendEntries().first().text.contains(u"Selected"_s));
        // A map too small for it shows none.
        catalogue.show();
        QVERIFY(QTest::qWaitForWindowExposed(&catalogue));
        catalogue.resize(200, 150);
        QVERIFY(catalogue.legendRect().isEmpty());
    }

    // The exported picture is the map: no zoom or fit buttons, no legend
    // button; the legend panel and the attribution are in it.
    void exportHasNoControls() {
        MapWidget w;
        w.resize(640, 480);
        w.setDestinations(sample());
        w.showTrip(3, {});
        w.setCenter({-30, 10}); // the Atlantic under the buttons
        w.setZoom(4);
        const QImage shown = w.renderImage();
        const QImage exported = w.exportImage();
        QCOMPARE(exported.size(), QSize(640, 480));
        const QColor sea = Basemap::Style().sea;
        for (const char* name : {"zoomIn", "zoomOut", "fitMarkers"}) {
            auto* b = w.findChild<QToolButton*>(QString::fromLatin1(name));
            QVERIFY(b);
            const QRect r = b->geometry();
            QVERIFY2(!sameColour(shown, r, sea), name);   // on screen: the button
            QVERIFY2(sameColour(exported, r, sea), name); // exported: the sea under it
        }
        // The legend's button: on screen, not in the picture (the panel's plain background there).
        auto* toggle = w.findChild<QToolButton*>(u"legendToggle"_s);
        const QRect t = toggle->geometry();
        QVERIFY(w.legendRect().contains(t));
        QVERIFY(darkPixels(shown, t) > 3);    // its "−"
        QCOMPARE(darkPixels(exported, t), 0); // nothing drawn there
        QVERIFY(darkPixels(exported, w.legendRect()) > 50);
        // The attribution is in the picture.
        QVERIFY(!w.attributionRect().isEmpty());
        QVERIFY(darkPixels(exported, w.attributionRect()) > 20);
        // exportPng writes that picture.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"trip.png"_s);
        QVERIFY(w.exportPng(path));
        QCOMPARE(QImage(path).convertToFormat(QImage::Format_ARGB32),
                 exported.convertToFormat(QImage::Format_ARGB32));
    }

    // The attribution names what was drawn: Natural Earth for the built-in
    // basemap (online tiles off, or on but unreachable), the tile server's
    // credit once its tiles cover the view.
    void attributionNamesWhatWasDrawn() {
        {
            MapWidget w;
            w.resize(640, 480);
            w.setCenter({10, 45});
            w.setZoom(4);
            w.exportImage();
            QCOMPARE(w.attributionText(), u"Made with Natural Earth"_s);
        }
        {
            // Tiles on, the server gone: only the basemap is drawn and credited.
            quint16 port = 0;
            {
                QTcpServer probe;
                QVERIFY(probe.listen(QHostAddress::LocalHost));
                port = probe.serverPort();
            }
            TileSourceConfig cfg;
            cfg.urlTemplate = u"http://127.0.0.1:%1/{z}/{x}/{y}.png"_s.arg(port);
            QTemporaryDir cacheDir;
            cfg.cacheDirectory = cacheDir.path();
            MapWidget w;
            w.resize(640, 480);
            w.setOnlineTiles(true, cfg);
            w.setCenter({10, 45});
            w.setZoom(4);
            w.exportImage(); // asks for the tiles, which fail
            QTRY_VERIFY(w.tileFetcher()->failures() > 0 && w.tileFetcher()->inFlight() == 0);
            w.exportImage();
            QCOMPARE(w.attributionText(), u"Made with Natural Earth"_s);
            QVERIFY(!w.attributionText().contains(u"OpenStreetMap"_s));
        }
        {
            LoopbackTileServer server(TileColour, "public, max-age=86400", 40);
            QVERIFY(server.listen());
            QTemporaryDir cacheDir;
            TileSourceConfig cfg;
            cfg.urlTemplate = server.urlTemplate();
            cfg.cacheDirectory = cacheDir.path();
            MapWidget w;
            w.resize(640, 480);
            w.setOnlineTiles(true, cfg);
            w.setCenter({10, 45});
            w.setZoom(4);
            w.exportImage(); // asks for the tiles
            QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), visibleTiles(w), 10000);
            QTRY_COMPARE(w.tileFetcher()->inFlight(), 0);
            const QImage img = w.exportImage();
            QCOMPARE(w.attributionText(), u"© OpenStreetMap contributors"_s);
            QVERIFY(near(img.pixelColor(320, 240), TileColour));
            QVERIFY(darkPixels(img, w.attributionRect()) > 20);
            // Half a view further: the tiles there are not in yet, the basemap
            // stands in for them, and both are credited.
            w.panBy({320, 0});
            w.exportImage();
            QCOMPARE(w.attributionText(), u"© OpenStreetMap contributors \u00b7 Made with Natural Earth"_s);
        }
    }

    // With a dark palette the basemap is dark (other colours than the light
    // one), land and sea stay apart, the legend and attribution keep their
    // text readable (WCAG 4.5:1), and it switches when the palette changes.
    void darkBasemap() {
        const Basemap::Style light = Basemap::Style::light(), dark = Basemap::Style::dark();
        QVERIFY(!near(light.sea, dark.sea, 60) && !near(light.land, dark.land, 60));
        QVERIFY(light.border != dark.border && light.coast != dark.coast);
        QVERIFY(tp::ui::relativeLuminance(dark.land) < 0.1 && tp::ui::relativeLuminance(dark.sea) < 0.1);
        // Land, sea and borders apart, in both.
        for (const auto& s : {light, dark}) {
            QVERIFY2(tp::ui::contrastRatio(s.land, s.sea) >= 1.25,
                     qPrintable(QString::number(tp::ui::contrastRatio(s.land, s.sea))));
            QVERIFY(tp::ui::contrastRatio(s.border, s.land) >= 2.0);
        }

        MapWidget w;
        w.resize(700, 500);
        w.setDestinations(sample());
        w.showTrip(1, portugalCards());
        w.setCenter({20, 15}); // Chad: land
        w.setZoom(4);
        QVERIFY(near(w.exportImage().pixelColor(350, 250), light.land));
        w.setPalette(darkPalette());
        QImage img = w.exportImage();
        QVERIFY2(near(img.pixelColor(350, 250), dark.land), qPrintable(img.pixelColor(350, 250).name()));
        w.setCenter({-30, 0});
        img = w.exportImage();
        QVERIFY(near(img.pixelColor(350, 250), dark.sea));
        // The legend's and the attribution's text on their backgrounds: at least 4.5:1.
        const QColor text = darkPalette().color(QPalette::WindowText);
        const QRect legend = w.legendRect();
        const QColor legendBack = img.pixelColor(legend.left() + 3, legend.bottom() - 3);
        QVERIFY2(tp::ui::contrastRatio(text, legendBack) >= 4.5,
                 qPrintable(QString::number(tp::ui::contrastRatio(text, legendBack))));
        const QRect attribution = w.attributionRect();
        const QColor attributionBack = img.pixelColor(attribution.left() + 1, attribution.top() + 1);
        QVERIFY2(tp::ui::contrastRatio(text, attributionBack) >= 4.5,
                 qPrintable(QString::number(tp::ui::contrastRatio(text, attributionBack))));
        // Light text really is drawn there.
        QVERIFY(pixelsNear(img, attribution, text, 40) > 20);
        QVERIFY(pixelsNear(img, legend, text, 40) > 50);
        // Back to a light palette: back to the light map.
        w.setPalette(QPalette());
        w.setCenter({20, 15});
        QVERIFY(near(w.exportImage().pixelColor(350, 250), light.land));
    }

    // The app's tile choice reaches the maps that exist and those made later.
    void onlineTilesForAll() {
        QTemporaryDir cache;
        TileSourceConfig cfg;
        cfg.urlTemplate = u"http://127.0.0.1:9/{z}/{x}/{y}.png"_s;
        cfg.cacheDirectory = cache.path();
        MapWidget before;
        QVERIFY(!before.onlineTilesEnabled());
        // The choice is global: undone however this test ends.
        const auto reset = qScopeGuard([] { MapWidget::setOnlineTilesForAll(false); });
        MapWidget::setOnlineTilesForAll(true, cfg);
        QVERIFY(before.onlineTilesEnabled());
        QCOMPARE(before.tileFetcher()->config().urlTemplate, cfg.urlTemplate);
        {
            MapWidget later;
            QVERIFY(later.onlineTilesEnabled());
            QCOMPARE(later.tileFetcher()->config().urlTemplate, cfg.urlTemplate);
        } // (a map destroyed leaves the list)
        MapWidget::setOnlineTilesForAll(false);
        QVERIFY(!before.onlineTilesEnabled());
        MapWidget after;
        QVERIFY(!after.onlineTilesEnabled());
    }

    void fiftyThousandMarkers() {
        QList<Destination> many;
        for (int i = 0; i < 50000; ++i)
            many.append(dest(i + 1, u"D%1"_s.arg(i), u"X"_s, -60 + (i % 1300) * 0.1,
                             -180 + (i / 1300) * 9.2 + (i % 7)));
        MapWidget w;
        w.resize(800, 600);
        QElapsedTimer t;
        t.start();
        w.setDestinations(many);
        qInfo("setDestinations(50,000): %lld ms", t.elapsed());
        QCOMPARE(w.destinationMarkerCount(), 50000);
        w.fitToMarkers();
        w.grab();
        QVERIFY(w.lastFrameItems() > 0);
        QVERIFY(w.lastFrameItems() < 2000);
    }
};

QTEST_MAIN(TestMapWidget)
#include "tst_mapwidget.moc"
