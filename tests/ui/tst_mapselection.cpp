// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationTableModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "Workspace.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Validation.h"
#include "main/MainWindow.h"
#include "map/MapWidget.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MainWindow;
using tp::ui::MapWidget;

// One selection shared by the map and the catalogue table, in the real
// window: a marker click selects the row, a row selects (and centres) the
// marker; the selected trip's destination is highlighted on the trip's map.
class TestMapSelection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_mapselection"_s);
    }

    void markerAndTableShareOneSelection() {
        test::TempDatabase tmp(u"sqlite"_s);
        QList<Id> ids;
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"tester"_s);
            for (const auto& [name, country, lat, lon] :
                 {std::tuple{u"Lisbon"_s, u"Portugal"_s, u"38.7223"_s, u"-9.1393"_s},
                  std::tuple{u"Kyoto"_s, u"Japan"_s, u"35.0116"_s, u"135.7681"_s},
                  std::tuple{u"Cusco"_s, u"Peru"_s, u"-13.5319"_s, u"-71.9675"_s}}) {
                Destination d;
                d.name = name;
                d.country = country;
                d.latitude = validation::parseLatitude(lat);
                d.longitude = validation::parseLongitude(lon);
                ids << DestinationRepository(*db).create(d).id;
            }
            Trip t;
            t.title = u"Temples in autumn"_s;
            t.destinationId = ids[1];
            TripRepository(*db, user.id).create(t);
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        w.resize(1300, 800);
        w.show();
        QTRY_VERIFY(w.userId() != 0);

        ui::DestinationsPanel* panel = w.destinationsPanel();
        MapWidget* map = panel->map();
        w.showPanel(MainWindow::DestinationsTab);
        QTRY_COMPARE(panel->model()->rowCount(), 3);
        QTRY_COMPARE(panel->allDestinations().size(), 3);

        // A marker click (the map's signal) selects the table row.
        Q_EMIT map->destinationActivated(ids[2]);
        auto* table = panel->findChild<QTableView*>(u"destinationsTable"_s);
        QTRY_VERIFY(table->currentIndex().isValid());
        QCOMPARE(panel->model()->destinationAt(table->currentIndex().row()).id, ids[2]);
        QCOMPARE(map->selectedDestination(), ids[2]);

        // Selecting a row selects (and centres on) its marker.
        const int lisbonRow = panel->model()->rowOf(ids[0]);
        table->setCurrentIndex(panel->model()->index(lisbonRow, 0));
        QCOMPARE(map->selectedDestination(), ids[0]);
        QVERIFY(qAbs(map->center().lon - (-9.1393)) < 0.5);

        // The trip's map highlights the trip's destination once the trip is opened.
        w.showPanel(MainWindow::MapTab);
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTRY_COMPARE(w.tripMap()->selectedDestination(), ids[1]);

        // A marker click on the trip's map shows it in the catalogue.
        Q_EMIT w.tripMap()->destinationActivated(ids[0]);
        QTRY_VERIFY(panel->isVisible());
        QTRY_COMPARE(panel->model()->destinationAt(table->currentIndex().row()).id, ids[0]);
    }

    // The trip's map opens fitted to the trip: its destination and its latest
    // recommendations in view, at a regional scale, not the world; a trip
    // with nothing to show opens on the world.
    void tripMapOpensOnTheTrip() {
        test::TempDatabase tmp(u"sqlite"_s);
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"tester"_s);
            Destination lisbon;
            lisbon.name = u"Lisbon"_s;
            lisbon.country = u"Portugal"_s;
            lisbon.latitude = validation::parseLatitude(u"38.7223"_s);
            lisbon.longitude = validation::parseLongitude(u"-9.1393"_s);
            Destination kyoto = lisbon;
            kyoto.name = u"Kyoto"_s;
            kyoto.country = u"Japan"_s;
            kyoto.latitude = validation::parseLatitude(u"35.0116"_s);
            kyoto.longitude = validation::parseLongitude(u"135.7681"_s);
            DestinationRepository destinations(*db);
            Trip t;
            t.title = u"Atlantic coast"_s;
            t.destinationId = destinations.create(lisbon).id;
            destinations.create(kyoto); // in the catalogue, far away: not part of the trip's view
            TripRepository trips(*db, user.id);
            const Trip trip = trips.create(t);
            Trip empty;
            empty.title = u"Somewhere, some day"_s;
            trips.create(empty);
            ConversationRepository conversations(*db, user.id);
            auto [conversation, state] = conversations.ensureForTrip(trip.id);
            conversations.addRecommendations(
                conversation.id,
                QJsonArray{QJsonObject{{u"name"_s, u"Porto"_s}, {u"country"_s, u"Portugal"_s}},
                           QJsonObject{{u"name"_s, u"Faro"_s}, {u"country"_s, u"Portugal"_s}}});
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        w.resize(1300, 800);
        w.show();
        QTRY_VERIFY(w.userId() != 0);
        w.showPanel(MainWindow::MapTab);
        QTRY_COMPARE(w.tripModel()->rowCount(), 2);
        MapWidget* map = w.tripMap();
        QTRY_COMPARE(w.destinationsPanel()->allDestinations().size(), 2);

        const int atlantic = w.tripModel()->tripAt(0).title == u"Atlantic coast"_s ? 0 : 1;
        w.tripTable()->setCurrentIndex(w.tripModel()->index(atlantic, 0));
        QTRY_COMPARE(map->recommendationMarkerCount(), 2);
        QTRY_VERIFY(map->selectedDestination() != 0);
        const QRectF area = map->unobstructedRect();
        for (const tp::geo::LonLat& p : {tp::geo::LonLat{-9.1393, 38.7223}, {-8.61, 41.15}, {-7.93, 37.02}})
            QVERIFY2(area.contains(map->toScreen(p)),
                     qPrintable(u"%1,%2 at zoom %3"_s.arg(p.lon).arg(p.lat).arg(map->zoom())));
        QVERIFY2(map->zoom() > map->minimumZoom() + 2, qPrintable(QString::number(map->zoom())));
        QVERIFY(!map->rect().contains(map->toScreen({135.7681, 35.0116}).toPoint())); // Kyoto: not this trip
        // The legend explains the chosen destination and the recommendations.
        QStringList legend;
        for (const auto& e : map->legendEntries())
            legend << e.text;
        QVERIFY2(legend.join(u'|').contains(u"Chosen destination"_s) &&
                     legend.join(u'|').contains(u"Recommended"_s),
                 qPrintable(legend.join(u'|')));

        // The other trip: nothing of its own to show, so the world.
        w.tripTable()->setCurrentIndex(w.tripModel()->index(1 - atlantic, 0));
        QTRY_COMPARE(map->recommendationMarkerCount(), 0);
        QTRY_COMPARE(map->zoom(), map->minimumZoom());
        QCOMPARE(map->selectedDestination(), 0);
    }
};

QTEST_MAIN(TestMapSelection)
#include "tst_mapselection.moc"
