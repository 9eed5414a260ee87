#include "DestinationTableModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Validation.h"
#include "main/MainWindow.h"
#include "map/MapWidget.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
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
        MainWindow w(&service, u"tester"_s);
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
};

QTEST_MAIN(TestMapSelection)
#include "tst_mapselection.moc"
