// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationCatalogue.h"
#include "FakeLlmServer.h"
#include "TestBackends.h"
#include "destinations/CoordinatePickerDialog.h"
#include "destinations/DestinationDialog.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Validation.h"
#include "map/MapWidget.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::DestinationDialog;

// Coordinates from the offline gazetteer in the destination editor and for the
// whole catalogue, and the coordinate check shown as the user types.
class TestDestinationGeo : public QObject {
    Q_OBJECT

    static void type(DestinationDialog* d, const QString& field, const QString& text) {
        auto* e = d->findChild<QLineEdit*>(field);
        e->clear();
        // QTest types Latin-1 only: other text is pasted in one piece, as an input method would.
        if (std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; }))
            QTest::keyClicks(e, text);
        else
            e->insert(text);
    }
    static QString text(DestinationDialog* d, const QString& field) {
        return d->findChild<QLineEdit*>(field)->text();
    }
    static QString label(QWidget* w, const QString& name) { return w->findChild<QLabel*>(name)->text(); }

private Q_SLOTS:
    void searchOnlineFillsFromNominatim();
    void pickOnMapAndSaveRecordsTheSource();
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_destination_geo"_s);
    }

    void findCoordinatesFillsFromTheGazetteer() {
        DestinationDialog dialog({});
        dialog.show();
        QVERIFY(label(&dialog, u"coordinateSource"_s).contains(u"none"_s));
        type(&dialog, u"name"_s, u"Kraków"_s);
        type(&dialog, u"country"_s, u"Poland"_s);
        QSignalSpy done(&dialog, &DestinationDialog::lookupFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"findCoordinates"_s), Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::Gazetteer));
        const Destination d = dialog.destination();
        QVERIFY(d.hasCoordinates());
        QVERIFY2(std::abs(d.latitude->toDouble() - 50.06) < 0.1, qPrintable(text(&dialog, u"latitude"_s)));
        QVERIFY2(std::abs(d.longitude->toDouble() - 19.94) < 0.1, qPrintable(text(&dialog, u"longitude"_s)));
        const QString source = label(&dialog, u"coordinateSource"_s);
        QVERIFY2(source.contains(u"from the offline gazetteer (GeoNames): Kraków"_s), qPrintable(source));
        QVERIFY2(label(&dialog, u"coordinateWarning"_s).isEmpty(),
                 qPrintable(label(&dialog, u"coordinateWarning"_s)));

        // Editing a coordinate by hand makes it typed.
        type(&dialog, u"latitude"_s, u"50.05"_s);
        QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::Typed));
        QVERIFY(label(&dialog, u"coordinateSource"_s).contains(u"typed"_s));

        // A name the gazetteer does not know, in a known country: the country's centre.
        type(&dialog, u"name"_s, u"Qwxzzy Flumph"_s);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"findCoordinates"_s), Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::CountryCentre));
        QVERIFY(label(&dialog, u"coordinateSource"_s).contains(u"country centre (approximate)"_s));
    }

    void pointInAnotherCountryIsAWarning() {
        DestinationDialog dialog({});
        dialog.show();
        type(&dialog, u"name"_s, u"Paris"_s);
        type(&dialog, u"country"_s, u"France"_s);
        type(&dialog, u"latitude"_s, u"52.52"_s);
        type(&dialog, u"longitude"_s, u"13.40"_s);
        const QString warning = label(&dialog, u"coordinateWarning"_s);
        QVERIFY2(warning.contains(u"Germany"_s) && warning.contains(u"France"_s), qPrintable(warning));
        QVERIFY(label(&dialog, u"errors"_s).isEmpty());
        // A warning, not an error: the user may still save.
        QVERIFY(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->isEnabled());
        QVERIFY(label(&dialog, u"coordinateSource"_s).contains(u"typed"_s));

        // Back in Paris: no warning.
        type(&dialog, u"latitude"_s, u"48.8566"_s);
        type(&dialog, u"longitude"_s, u"2.3522"_s);
        QVERIFY2(label(&dialog, u"coordinateWarning"_s).isEmpty(),
                 qPrintable(label(&dialog, u"coordinateWarning"_s)));
    }

    void fillMissingCoordinates() {
        test::TempDatabase tmp(u"sqlite"_s);
        {
            auto db = tmp.connectMigrated();
            DestinationRepository repo(*db);
            for (const auto& [name, country] :
                 {std::pair{u"Kraków"_s, u"Poland"_s}, std::pair{u"Valencia"_s, u"Spain"_s},
                  std::pair{u"Qwxzzy Flumph"_s, u"Nowhereland"_s}}) {
                Destination d;
                d.name = name;
                d.country = country;
                repo.create(d);
            }
            Destination placed; // already has coordinates: left alone, not counted
            placed.name = u"Lisbon"_s;
            placed.country = u"Portugal"_s;
            placed.latitude = validation::parseLatitude(u"38.7223"_s);
            placed.longitude = validation::parseLongitude(u"-9.1393"_s);
            repo.create(placed);
        }
        DatabaseService service(tmp.url(), 0);
        app::DestinationCatalogue catalogue(&service);
        ui::DestinationsPanel panel(&service, &catalogue);
        panel.show();
        panel.load();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.allDestinations().size(), 4);
        auto* fill = panel.findChild<QPushButton*>(u"fillCoordinates"_s);
        QVERIFY(fill);
        QSignalSpy changed(&panel, &ui::DestinationsPanel::catalogueChanged);
        QTest::mouseClick(fill, Qt::LeftButton);
        QTRY_COMPARE(changed.size(), 1);
        const QString status = label(&panel, u"destinationsStatus"_s);
        QVERIFY2(status.contains(u"2 of 3 destinations placed; 1 not found"_s), qPrintable(status));

        // Stored, as another connection sees it.
        auto db = tmp.connect();
        DestinationRepository repo(*db);
        const auto krakow = repo.findByNameCountry(u"Kraków"_s, u"Poland"_s);
        QVERIFY(krakow && krakow->hasCoordinates());
        QVERIFY(std::abs(krakow->latitude->toDouble() - 50.06) < 0.1);
        const auto valencia = repo.findByNameCountry(u"Valencia"_s, u"Spain"_s);
        QVERIFY(valencia && valencia->hasCoordinates());
        QVERIFY(std::abs(valencia->longitude->toDouble() - -0.38) < 0.1);
        const auto nonsense = repo.findByNameCountry(u"Qwxzzy Flumph"_s, u"Nowhereland"_s);
        QVERIFY(nonsense && !nonsense->hasCoordinates());
        const auto lisbon = repo.findByNameCountry(u"Lisbon"_s, u"Portugal"_s);
        QVERIFY(lisbon && std::abs(lisbon->latitude->toDouble() - 38.7223) < 1e-6);
        // Where the new coordinates came from is stored with them.
        const auto source = CoordinateSourceRepository(*db).of(*krakow);
        QVERIFY(source);
        QCOMPARE(source->origin, CoordinateOrigin::Gazetteer);
        QVERIFY2(source->detail.contains(u"Poland"_s), qPrintable(source->detail));
        QVERIFY(!CoordinateSourceRepository(*db).of(*lisbon));
        // The map was reloaded with the new coordinates.
        QTRY_VERIFY(std::count_if(panel.allDestinations().cbegin(), panel.allDestinations().cend(),
                                  [](const Destination& d) { return d.hasCoordinates(); }) == 3);

        // A second run has nothing left to place but the nonsense.
        QTest::mouseClick(fill, Qt::LeftButton);
        QTRY_COMPARE(changed.size(), 2);
        QVERIFY(
            label(&panel, u"destinationsStatus"_s).contains(u"0 of 1 destinations placed; 1 not found"_s));
    }
};

// Answers /search like nominatim.openstreetmap.org (two Valencias, or nothing).
struct LoopbackNominatim {
    test::FakeLlmServer server;
    LoopbackNominatim() {
        server.handler = [](const test::RecordedRequest& r) {
            test::FakeResponse out;
            out.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
            const QString q = QUrlQuery(QUrl::fromEncoded(r.target).query()).queryItemValue(u"q"_s);
            out.body = q != u"Valencia"_s ? QByteArray("[]") : QByteArray(R"([
              {"lat":"39.4697065","lon":"-0.3763353","type":"administrative","name":"València",
               "display_name":"València, Comunitat Valenciana, España","address":{"country_code":"es"}},
              {"lat":"10.1621","lon":"-68.0077","type":"city","name":"Valencia",
               "display_name":"Valencia, Carabobo, Venezuela","address":{"country_code":"ve"}}])");
            return out;
        };
    }
};

void TestDestinationGeo::searchOnlineFillsFromNominatim() {
    test::TempDatabase tmp(u"sqlite"_s);
    tmp.connectMigrated();
    LoopbackNominatim nominatim;
    geo::GeocodingService geocoder(tmp.url(), {nominatim.server.baseUrl().toString(), {}, u"en"_s, 10000});
    DestinationDialog dialog({});
    auto* online = dialog.findChild<QPushButton*>(u"searchOnline"_s);
    QVERIFY(!online->isEnabled()); // no geocoder: turned off
    dialog.setGeocoder(&geocoder);
    QVERIFY(online->isEnabled());
    dialog.show();
    type(&dialog, u"name"_s, u"Valencia"_s);
    type(&dialog, u"country"_s, u"Spain"_s);
    QSignalSpy done(&dialog, &DestinationDialog::onlineSearchFinished);
    QTest::mouseClick(online, Qt::LeftButton);
    QVERIFY(done.wait(10000));
    QCOMPARE(nominatim.server.requests.size(), 1);
    QVERIFY(nominatim.server.requests.first().target.contains("countrycodes=es"));
    QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::Nominatim));
    QCOMPARE(text(&dialog, u"latitude"_s), u"39.469707"_s);
    QCOMPARE(text(&dialog, u"longitude"_s), u"-0.376335"_s);
    const QString source = label(&dialog, u"coordinateSource"_s);
    QVERIFY2(source.contains(u"OpenStreetMap Nominatim: València"_s) &&
                 source.contains(u"© OpenStreetMap contributors"_s),
             qPrintable(source));
    QVERIFY(label(&dialog, u"coordinateWarning"_s).isEmpty());

    // The other answers are listed; choosing one uses it (and the check speaks up).
    auto* list = dialog.findChild<QListWidget*>(u"onlineResults"_s);
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(1);
    QCOMPARE(text(&dialog, u"latitude"_s), u"10.162100"_s);
    QVERIFY2(label(&dialog, u"coordinateWarning"_s).contains(u"Venezuela"_s),
             qPrintable(label(&dialog, u"coordinateWarning"_s)));

    // Asked again: answered from the database, the server is not asked twice.
    QTest::mouseClick(online, Qt::LeftButton);
    QVERIFY(done.wait(10000));
    QCOMPARE(nominatim.server.requests.size(), 1);
    QCOMPARE(text(&dialog, u"latitude"_s), u"39.469707"_s);

    // Coordinates typed while a search runs are the user's: the answer is
    // offered in the list, not applied.
    QTest::mouseClick(online, Qt::LeftButton);
    type(&dialog, u"latitude"_s, u"39.5"_s);
    QVERIFY(done.wait(10000));
    QCOMPARE(text(&dialog, u"latitude"_s), u"39.5"_s);
    QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::Typed));
    QVERIFY2(label(&dialog, u"coordinateSource"_s).contains(u"were kept"_s),
             qPrintable(label(&dialog, u"coordinateSource"_s)));
    QVERIFY(list->isVisible());
    list->setCurrentRow(0);
    QCOMPARE(text(&dialog, u"latitude"_s), u"39.469707"_s);
    QCOMPARE(dialog.coordinateOrigin(), std::optional(CoordinateOrigin::Nominatim));

    // Nothing found: said so, and the coordinates stay as they were.
    type(&dialog, u"name"_s, u"Qwxzzy Flumph"_s);
    QTest::mouseClick(online, Qt::LeftButton);
    QVERIFY(done.wait(10000));
    QVERIFY2(label(&dialog, u"coordinateSource"_s).contains(u"found no place"_s),
             qPrintable(label(&dialog, u"coordinateSource"_s)));
    QCOMPARE(text(&dialog, u"latitude"_s), u"39.469707"_s);
}

void TestDestinationGeo::pickOnMapAndSaveRecordsTheSource() {
    test::TempDatabase tmp(u"sqlite"_s);
    tmp.connectMigrated();
    DatabaseService service(tmp.url(), 0);
    app::DestinationCatalogue catalogue(&service);
    ui::DestinationsPanel panel(&service, &catalogue);
    panel.resize(1000, 700);
    panel.show();
    panel.load();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.addDestination();
    DestinationDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = panel.findChild<DestinationDialog*>()) != nullptr);
    type(dialog, u"name"_s, u"Montmartre"_s);
    type(dialog, u"country"_s, u"France"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"pickOnMap"_s), Qt::LeftButton);
    ui::CoordinatePickerDialog* picker = nullptr;
    QTRY_VERIFY((picker = dialog->findChild<ui::CoordinatePickerDialog*>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(picker));
    auto* ok = picker->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // nothing picked yet
    // The picker opens on the country; a click on Paris puts the pin there.
    const geo::LonLat paris{2.3431, 48.8867};
    const QPoint at = picker->map()->toScreen(paris).toPoint();
    QVERIFY(picker->map()->rect().contains(at));
    QTest::mouseClick(picker->map(), Qt::LeftButton, {}, at);
    QVERIFY(picker->picked());
    QVERIFY(std::abs(picker->picked()->lat - paris.lat) < 0.05);
    QVERIFY(std::abs(picker->picked()->lon - paris.lon) < 0.05);
    QVERIFY(picker->map()->pin().has_value());
    QVERIFY(!label(picker, u"pickedCoordinates"_s).contains(u"Warning"_s));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog->coordinateOrigin(), std::optional(CoordinateOrigin::Map));
    QVERIFY(label(dialog, u"coordinateSource"_s).contains(u"picked on the map"_s));
    QVERIFY(std::abs(dialog->destination().latitude->toDouble() - paris.lat) < 0.05);

    QSignalSpy changed(&panel, &ui::DestinationsPanel::catalogueChanged);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_COMPARE(changed.size(), 1);
    auto db = tmp.connect();
    const auto saved = DestinationRepository(*db).findByNameCountry(u"Montmartre"_s, u"France"_s);
    QVERIFY(saved && saved->hasCoordinates());
    const auto source = CoordinateSourceRepository(*db).of(*saved);
    QVERIFY(source);
    QCOMPARE(source->origin, CoordinateOrigin::Map);

    // The picker on saved coordinates shows them but picks nothing until a
    // click: "Use this position" stays off, and cancelling changes nothing.
    {
        DestinationDialog again(*saved);
        again.setSavedSource(source);
        again.show();
        QTest::mouseClick(again.findChild<QPushButton*>(u"pickOnMap"_s), Qt::LeftButton);
        ui::CoordinatePickerDialog* p2 = nullptr;
        QTRY_VERIFY((p2 = again.findChild<ui::CoordinatePickerDialog*>()) != nullptr);
        QVERIFY(p2->map()->pin().has_value());
        QVERIFY(!p2->picked());
        QVERIFY(!p2->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        p2->reject();
        QVERIFY(!again.coordinatesChanged());
        QCOMPARE(again.coordinateOrigin(), std::optional(CoordinateOrigin::Map));
        // Typing the saved numbers back is no change either: the recorded source stays.
        type(&again, u"latitude"_s, saved->latitude->toString());
        QVERIFY(!again.coordinatesChanged());
    }

    // Opened again, the editor says where the saved coordinates came from.
    QTRY_VERIFY(panel.findChild<DestinationDialog*>() == nullptr);
    panel.selectDestination(saved->id);
    panel.editSelected();
    QTRY_VERIFY((dialog = panel.findChild<DestinationDialog*>()) != nullptr);
    QTRY_VERIFY2(label(dialog, u"coordinateSource"_s).contains(u"picked on the map"_s),
                 qPrintable(label(dialog, u"coordinateSource"_s)));
    QVERIFY(label(dialog, u"coordinateSource"_s).contains(u"Recorded"_s));
    QVERIFY(!dialog->coordinatesChanged());
    dialog->reject();
}

QTEST_MAIN(TestDestinationGeo)
#include "tst_destination_geo.moc"
