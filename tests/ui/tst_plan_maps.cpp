// SPDX-License-Identifier: GPL-3.0-or-later
// The plan on the maps (issue 13): the trip's map shows the plan's stays,
// activities, ideas and legs (as arcs, the short way round), the itinerary
// shows the day the list is on with its places in order, and a click on a
// place shows its item in its editor; the window's trip map follows the saved plan.
#include "PlanSample.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "TripSession.h"
#include "Workspace.h"
#include "main/MainWindow.h"
#include "map/MapWidget.h"
#include "plan/ActivitiesEditor.h"
#include "plan/ItineraryView.h"
#include "plan/PlanEditor.h"
#include "plan/PlanMap.h"
#include "plan/StaysEditor.h"
#include "planning/PlanningPanel.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MapWidget;

namespace sample = ::test::plansample;

namespace {

QStringList legendTexts(const MapWidget& map) {
    QStringList out;
    for (const MapWidget::LegendEntry& e : map.legendEntries())
        out << e.text;
    return out;
}

// Where a plan place is drawn (it must have been drawn: the map was painted).
QPointF placeOnScreen(const MapWidget& map, int place) {
    const plan::MapPlace& p = map.planLayer().map().places.at(place);
    return map.toScreen(geo::LonLat{p.longitude, p.latitude});
}

int indexOfItem(const plan::PlanMap& map, const QString& itemId) {
    for (int i = 0; i < map.places.size(); ++i)
        if (map.places[i].itemIds.contains(itemId))
            return i;
    return -1;
}

bool isLegBlue(QRgb c) {
    return std::abs(qRed(c) - 0x1f) < 40 && std::abs(qGreen(c) - 0x5f) < 40 && std::abs(qBlue(c) - 0xa8) < 40;
}

// Pixels of the legs' blue in a rectangle of the image (device pixels = widget pixels here).
int legPixels(const QImage& image, const QRect& area) {
    int n = 0;
    const QRect r = area.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += isLegBlue(image.pixel(x, y)) ? 1 : 0;
    return n;
}

} // namespace

class TestPlanMaps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_plan_maps"_s);
    }

    // The trip's map with the sample plan: a legend line for each kind it
    // holds, the view fitted to the plan's places, a tooltip naming what is
    // there, and a click that names the item.
    void tripMapShowsThePlan() {
        MapWidget map;
        map.resize(900, 600);
        map.showTrip(0, {});
        const plan::PlanMap planMap = plan::planMap(sample::plan());
        map.setPlan(planMap);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QCOMPARE(legendTexts(map), (QStringList{u"Stay"_s, u"Activity"_s, u"Leg (dashed: a flight)"_s,
                                                u"Start or end of a leg"_s}));
        // Fitted: London and Catania are both in the view.
        const QRectF view(map.rect());
        for (int i = 0; i < planMap.places.size(); ++i)
            QVERIFY2(view.contains(placeOnScreen(map, i)), qPrintable(planMap.places[i].label()));
        map.repaint();

        const int hotel = indexOfItem(planMap, u"stay-hotel1"_s);
        QVERIFY(hotel >= 0);
        QCOMPARE(planMap.places[hotel].kind, plan::MapPlace::Kind::Stay);
        QSignalSpy activated(&map, &MapWidget::planItemActivated);
        // Zoomed in on Sicily the hotel and the airport are apart.
        map.fitToUnitRect(QRectF(map.planLayer().unitOf(hotel), QSizeF(1e-9, 1e-9)), 11);
        map.repaint();
        QTest::mouseClick(&map, Qt::LeftButton, {}, placeOnScreen(map, hotel).toPoint());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"stay-hotel1"_s);

        // Clearing the plan takes its lines out of the legend.
        map.setPlan({});
        QVERIFY(!legendTexts(map).contains(u"Stay"_s));
        QVERIFY(map.planLayer().isEmpty());
    }

    void ideasHaveTheirOwnMarker() {
        plan::Plan p;
        plan::Activity idea;
        idea.id = u"act-idea"_s;
        idea.title = u"Valley of the Temples"_s;
        idea.place.latitude = sample::amount("37.290000", 6);
        idea.place.longitude = sample::amount("13.585000", 6);
        p.activities << idea;
        MapWidget map;
        map.resize(600, 400);
        map.setPlan(plan::planMap(p));
        QCOMPARE(legendTexts(map), QStringList{u"Idea, not scheduled yet"_s});
    }

    // Tokyo to Honolulu with the view on Europe: the arc leaves Tokyo eastwards
    // across the date line (off the right edge); it never crosses Europe and
    // the Atlantic, the long way round.
    void aLegGoesTheShortWayRound() {
        plan::Plan p;
        plan::Leg l;
        l.id = u"leg-pacific"_s;
        l.from.place = plan::Place{
            u"Tokyo"_s,      u"HND"_s, sample::amount("35.549400", 6), sample::amount("139.779800", 6),
            u"Asia/Tokyo"_s, {}};
        l.to.place = plan::Place{
            u"Honolulu"_s,         u"HNL"_s, sample::amount("21.318700", 6), sample::amount("-157.922500", 6),
            u"Pacific/Honolulu"_s, {}};
        p.legs << l;
        MapWidget map;
        map.resize(800, 500);
        map.setPlan(plan::planMap(p));
        map.setZoom(map.minimumZoom());
        map.setCenter(geo::LonLat{0, 20});
        const QImage image = map.exportImage().convertToFormat(QImage::Format_RGB32);
        const QPointF tokyo = map.toScreen(geo::LonLat{139.7798, 35.5494});
        const QPointF greenwich = map.toScreen(geo::LonLat{0, 20});
        // East of Tokyo: the arc is there.
        QVERIFY(legPixels(image, QRect(tokyo.toPoint() + QPoint(12, -80), QSize(60, 90))) > 20);
        // Over the Atlantic and Europe: nothing of it.
        QCOMPARE(legPixels(image, QRect(int(greenwich.x()) - 150, 0, 300, image.height())), 0);

        // The trip map fits the two across the Pacific, not across the world.
        map.showTrip(0, {});
        const double lon = map.center().lon;
        QVERIFY2(lon > 139 || lon < -157, qPrintable(QString::number(lon)));
    }

    // The itinerary's map shows the day the list is on: its places in the
    // day's order; another day in the list, another map; a click on a place
    // shows its item in its editor. Side by side when wide, stacked when narrow.
    void itineraryShowsTheDay() {
        ui::PlanEditor editor;
        editor.resize(1200, 800);
        editor.setContext(sample::context());
        const plan::Plan p = sample::plan();
        editor.setPlan(p);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.showStage(u"itinerary"_s);
        ui::ItineraryView* view = editor.itinerary();
        MapWidget* map = view->dayMap();
        QTRY_VERIFY(map->isVisible());

        // The first day: the flight from London to Catania, then the hotel's check-in.
        QCOMPARE(view->shownDay(), QDate(2026, 6, 3));
        QStringList labels;
        for (const plan::MapPlace& place : map->planLayer().map().places)
            labels << place.label();
        QCOMPARE(labels, (QStringList{u"LHR"_s, u"CTA"_s, u"Hotel Etna"_s}));
        QCOMPARE(map->planLayer().map().places.last().order, 3);
        auto* caption = view->findChild<QLabel*>(u"itineraryMapCaption"_s);
        QVERIFY(caption->text().contains(u"3 places"_s));

        // The hike's day, chosen in the list.
        QVERIFY(view->showDay(QDate(2026, 6, 4)));
        const plan::PlanMap day = map->planLayer().map();
        const QList<plan::ItineraryDay> days = plan::buildItinerary(p, QDate(2026, 6, 3), QDate(2026, 6, 8));
        QCOMPARE(day, plan::dayMap(days[1], p));
        const int hike = indexOfItem(day, u"act-etna"_s);
        QVERIFY(hike >= 0);
        QCOMPARE(day.places[hike].order, 1);

        // A click on the hike's marker: the activities' editor with the hike.
        map->repaint();
        QTest::mouseClick(map, Qt::LeftButton, {}, placeOnScreen(*map, hike).toPoint());
        QCOMPARE(editor.tabs()->currentWidget(), static_cast<QWidget*>(editor.activities()));

        // A day without a place with coordinates says so.
        QVERIFY(view->showDay(QDate(2026, 6, 7)));
        QVERIFY(map->planLayer().isEmpty());
        QVERIFY(caption->text().contains(u"no place of this day has coordinates"_s));

        // Narrow: the map goes below the list.
        auto* splitter = view->findChild<QSplitter*>(u"itinerarySplitter"_s);
        editor.showStage(u"itinerary"_s);
        QCOMPARE(splitter->orientation(), Qt::Horizontal);
        editor.resize(560, 700);
        QTRY_COMPARE(splitter->orientation(), Qt::Vertical);
    }

    // The window's Map tab shows the open trip's plan as it is saved, and a
    // click on a plan place opens its item in the Planning tab.
    void windowTripMapFollowsThePlan() {
        tp::test::TempDatabase tmp(u"sqlite"_s);
        Id tripId = 0;
        User user;
        {
            auto db = tmp.connectMigrated();
            user = UserRepository(*db).ensureLocalUser(u"planner"_s);
            Trip t;
            t.title = u"Sicily in June"_s;
            t.startDate = QDate(2026, 6, 3);
            t.endDate = QDate(2026, 6, 8);
            tripId = TripRepository(*db, user.id).create(t).id;
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        ui::MainWindow w(&workspace);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTRY_VERIFY(workspace.currentSession() && workspace.currentSession()->plan().has_value());
        MapWidget* map = w.tripMap();
        QVERIFY(map->planLayer().isEmpty());

        app::TripSession* session = workspace.currentSession();
        QCOMPARE(session->tripId(), tripId);
        session->savePlan(sample::plan(), u"Sample plan"_s);
        QTRY_VERIFY(!session->isSavingPlan());
        QTRY_COMPARE(map->planLayer().map(), plan::planMap(sample::plan()));

        // The Map and Planning tabs take room from the trips table, and give it back.
        auto* splitter = w.findChild<QSplitter*>(u"tripsSplitter"_s);
        QVERIFY(splitter);
        const QList<int> narrow = splitter->sizes();
        QVERIFY2(narrow[1] < 800, qPrintable(QString::number(narrow[1])));
        w.showPanel(ui::MainWindow::MapTab);
        QTRY_VERIFY(map->isVisible());
        QVERIFY2(splitter->sizes()[1] >= 800, qPrintable(QString::number(splitter->sizes()[1])));
        const int hotel = indexOfItem(map->planLayer().map(), u"stay-hotel1"_s);
        map->fitToUnitRect(QRectF(map->planLayer().unitOf(hotel), QSizeF(1e-9, 1e-9)), 11);
        map->repaint();
        QTest::mouseClick(map, Qt::LeftButton, {}, placeOnScreen(*map, hotel).toPoint());
        ui::PlanEditor* editor = w.planningPanel()->editor();
        QTRY_VERIFY(editor->isVisible());
        QCOMPARE(editor->tabs()->currentWidget(), static_cast<QWidget*>(editor->stays()));
        QVERIFY(splitter->sizes()[1] >= 800);
        w.showPanel(ui::MainWindow::DetailsPanel);
        QCOMPARE(splitter->sizes(), narrow);

        // Another trip, or none: the plan's places leave the map.
        w.newTrip();
        QVERIFY(map->planLayer().isEmpty());
    }
};

QTEST_MAIN(TestPlanMaps)
#include "tst_plan_maps.moc"
