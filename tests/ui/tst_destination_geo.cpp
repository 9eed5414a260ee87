#include "TestBackends.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Validation.h"
#include "repo/DestinationRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

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
        QCOMPARE(dialog.coordinateSource(), DestinationDialog::CoordinateSource::Gazetteer);
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
        QCOMPARE(dialog.coordinateSource(), DestinationDialog::CoordinateSource::Typed);
        QVERIFY(label(&dialog, u"coordinateSource"_s).contains(u"typed"_s));

        // A name the gazetteer does not know, in a known country: the country's centre.
        type(&dialog, u"name"_s, u"Qwxzzy Flumph"_s);
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"findCoordinates"_s), Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QCOMPARE(dialog.coordinateSource(), DestinationDialog::CoordinateSource::CountryCentre);
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
        ui::DestinationsPanel panel(&service);
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

QTEST_MAIN(TestDestinationGeo)
#include "tst_destination_geo.moc"
