// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationCatalogue.h"
#include "DestinationTableModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "WorkerBarrier.h"
#include "Workspace.h"
#include "destinations/DestinationDialog.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Validation.h"
#include "main/Confirm.h"
#include "main/MainWindow.h"
#include "repo/DestinationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::DestinationDialog;
using tp::ui::MainWindow;

// The destinations tab driven as a user would: add with inline checks, a
// duplicate name and country refused in words, search, delete after a question
// that says how many trips lose the destination. On SQLite and PostgreSQL.
class TestDestinations : public QObject {
    Q_OBJECT

    static DestinationDialog* openDialog(ui::DestinationsPanel* panel) {
        QTest::mouseClick(panel->findChild<QPushButton*>(u"addDestination"_s), Qt::LeftButton);
        DestinationDialog* dialog = nullptr;
        [&] {
            QTRY_VERIFY((dialog = panel->findChild<DestinationDialog*>()) && dialog->isVisible());
        }();
        return dialog;
    }
    static void type(DestinationDialog* d, const QString& field, const QString& text) {
        auto* e = d->findChild<QLineEdit*>(field);
        e->clear();
        QTest::keyClicks(e, text);
    }
    static QPushButton* saveButton(DestinationDialog* d) {
        return d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_destinations"_s);
    }

    void addDuplicateDelete_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void addDuplicateDelete() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id lisbonId = 0;
        QList<Id> tripIds;
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"tester"_s);
            Destination lisbon;
            lisbon.name = u"Lisbon"_s;
            lisbon.country = u"Portugal"_s;
            lisbon.latitude = validation::parseLatitude(u"38.7223"_s);
            lisbon.longitude = validation::parseLongitude(u"-9.1393"_s);
            lisbonId = DestinationRepository(*db).create(lisbon).id;
            TripRepository trips(*db, user.id);
            for (const QString& title : {u"Tiles and trams"_s, u"Fado nights"_s, u"Elsewhere"_s}) {
                Trip t;
                t.title = title;
                if (title != u"Elsewhere")
                    t.destinationId = lisbonId;
                tripIds << trips.create(t).id;
            }
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.userId() != 0);
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_4)); // View › Destinations
        ui::DestinationsPanel* panel = w.destinationsPanel();
        QVERIFY(panel->isVisible());
        DestinationTableModel* model = panel->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 1);
        auto* status = panel->findChild<QLabel*>(u"destinationsStatus"_s);

        // Add, with the inline checks.
        DestinationDialog* dialog = openDialog(panel);
        auto* errors = dialog->findChild<QLabel*>(u"errors"_s);
        QVERIFY(!saveButton(dialog)->isEnabled()); // name and country are required
        type(dialog, u"name"_s, u"Kyoto"_s);
        type(dialog, u"country"_s, u"Japan"_s);
        type(dialog, u"city"_s, u"Kyoto"_s);
        type(dialog, u"latitude"_s, u"95"_s);
        QVERIFY(!saveButton(dialog)->isEnabled());
        QVERIFY(!errors->text().isEmpty());
        type(dialog, u"latitude"_s, u"35.0116"_s);
        type(dialog, u"longitude"_s, u"135.768"_s);
        type(dialog, u"cost"_s, u"140"_s);
        QVERIFY2(saveButton(dialog)->isEnabled(), qPrintable(errors->text()));
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY(status->text().contains(u"Kyoto"_s));
        QTRY_VERIFY(!panel->findChild<DestinationDialog*>());

        // A duplicate (same name and country, other case): refused, said in the dialog, which stays open.
        dialog = openDialog(panel);
        type(dialog, u"name"_s, u"Lisbon"_s);
        type(dialog, u"country"_s, u"Portugal"_s);
        QVERIFY(saveButton(dialog)->isEnabled());
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        errors = dialog->findChild<QLabel*>(u"errors"_s);
        QTRY_VERIFY2(errors->text().contains(u"already exists"_s), qPrintable(errors->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(model->rowCount(), 2);
        dialog->reject();
        QTRY_VERIFY(!panel->findChild<DestinationDialog*>());

        // Search.
        auto* search = panel->findChild<QLineEdit*>(u"destinationSearch"_s);
        QTest::keyClicks(search, u"kyo"_s);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->destinationAt(0).name, u"Kyoto"_s);
        search->clear();
        QTRY_COMPARE(model->rowCount(), 2);

        // Delete Lisbon: the question says that two trips lose it; declined, nothing changes.
        auto* table = panel->findChild<QTableView*>(u"destinationsTable"_s);
        table->setCurrentIndex(model->index(model->rowOf(lisbonId), 0));
        ui::Confirm::lastQuestion().clear();
        ui::Confirm::setNextAnswer(false);
        QTest::mouseClick(panel->findChild<QPushButton*>(u"deleteDestination"_s), Qt::LeftButton);
        QTRY_VERIFY(!ui::Confirm::lastQuestion().isEmpty());
        QVERIFY2(ui::Confirm::lastQuestion().contains(u"Lisbon, Portugal"_s),
                 qPrintable(ui::Confirm::lastQuestion()));
        QVERIFY2(ui::Confirm::lastQuestion().contains(u"2 trips"_s), qPrintable(ui::Confirm::lastQuestion()));
        // Had the answer been ignored, the delete would have been posted already:
        // once a job posted now has been answered, its answer has been too.
        QVERIFY(test::waitForPostedJobs(service));
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(DestinationRepository(*tmp.connect()).find(lisbonId).has_value());

        ui::Confirm::lastQuestion().clear();
        ui::Confirm::setNextAnswer(true);
        QTest::mouseClick(panel->findChild<QPushButton*>(u"deleteDestination"_s), Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->destinationAt(0).name, u"Kyoto"_s);
        QTRY_VERIFY(status->text().contains(u"Deleted Lisbon"_s));

        // The trips stay, without a destination; the window's trip list says so too.
        auto db = tmp.connect();
        TripRepository trips(*db, w.userId());
        QCOMPARE(trips.count(), 3);
        for (Id id : std::as_const(tripIds))
            QVERIFY(!trips.get(id).destinationId.has_value());
        QVERIFY(!DestinationRepository(*db).find(lisbonId).has_value());

        // Deleting one no trip uses asks without a count.
        table->setCurrentIndex(model->index(0, 0));
        ui::Confirm::lastQuestion().clear();
        ui::Confirm::setNextAnswer(true);
        QTest::mouseClick(panel->findChild<QPushButton*>(u"deleteDestination"_s), Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), 0);
        QVERIFY(!ui::Confirm::lastQuestion().contains(u"trip"_s));
    }

    // Edit… and Delete act on a selected destination and are disabled without
    // one; an empty catalogue (or a search without matches) says what to do
    // instead of showing an empty grid; "Fill missing coordinates" on an empty
    // catalogue says there is nothing to fill.
    void buttonStatesAndHints_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void buttonStatesAndHints() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        tmp.connectMigrated();
        DatabaseService service(tmp.url(), 0);
        app::DestinationCatalogue catalogue(&service);
        ui::DestinationsPanel panel(&service, &catalogue);
        panel.resize(1000, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* edit = panel.findChild<QPushButton*>(u"editDestination"_s);
        auto* del = panel.findChild<QPushButton*>(u"deleteDestination"_s);
        auto* fill = panel.findChild<QPushButton*>(u"fillCoordinates"_s);
        auto* hint = panel.findChild<QLabel*>(u"destinationsEmptyHint"_s);
        auto* table = panel.findChild<QTableView*>(u"destinationsTable"_s);
        auto* status = panel.findChild<QLabel*>(u"destinationsStatus"_s);
        QVERIFY(edit && del && fill && hint && table && status);
        // Before the first answer: no hint (the catalogue is not known to be empty yet).
        QVERIFY(!hint->isVisible());
        QVERIFY(!edit->isEnabled() && !del->isEnabled());
        panel.load();

        // Empty: a hint that says how to add one; nothing to edit or delete.
        QTRY_VERIFY(hint->isVisible());
        QVERIFY(!table->isVisible());
        QVERIFY2(hint->text().contains(u"Add"_s), qPrintable(hint->text()));
        QVERIFY(!edit->isEnabled() && !del->isEnabled());
        // Clicking them anyway (a shortcut, a script) does nothing.
        panel.editSelected();
        panel.deleteSelected();
        QVERIFY(!panel.findChild<DestinationDialog*>());
        // Fill on an empty catalogue: nothing to fill, said as such.
        QTest::mouseClick(fill, Qt::LeftButton);
        QTRY_VERIFY(fill->isEnabled());
        QTRY_VERIFY(!status->text().startsWith(u"Looking up"_s));
        QVERIFY2(status->text().contains(u"nothing to fill"_s), qPrintable(status->text()));
        QVERIFY(!status->text().contains(u"already has coordinates"_s));

        // Two destinations (one added with the dialog): the table is back, nothing selected yet.
        {
            auto db = tmp.connect();
            Destination d;
            d.name = u"Porto"_s;
            d.country = u"Portugal"_s;
            d.latitude = validation::parseLatitude(u"41.1579"_s);
            d.longitude = validation::parseLongitude(u"-8.6291"_s);
            DestinationRepository(*db).create(d);
        }
        panel.load();
        QTRY_VERIFY(table->isVisible());
        DestinationDialog* dialog = openDialog(&panel);
        type(dialog, u"name"_s, u"Kyoto"_s);
        type(dialog, u"country"_s, u"Japan"_s);
        type(dialog, u"latitude"_s, u"35.0116"_s);
        type(dialog, u"longitude"_s, u"135.768"_s);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_VERIFY(!panel.findChild<DestinationDialog*>());
        DestinationTableModel* model = panel.model();
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY(table->isVisible());
        QVERIFY(!hint->isVisible());
        QVERIFY(!edit->isEnabled() && !del->isEnabled());

        // A row selected: both enabled, and Edit… opens that destination.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(model->index(1, 0)).center());
        QVERIFY(edit->isEnabled() && del->isEnabled());
        QTest::mouseClick(edit, Qt::LeftButton);
        QTRY_VERIFY((dialog = panel.findChild<DestinationDialog*>()));
        QCOMPARE(dialog->findChild<QLineEdit*>(u"name"_s)->text(), model->destinationAt(1).name);
        dialog->reject();
        QTRY_VERIFY(!panel.findChild<DestinationDialog*>());
        // Selection cleared: disabled again.
        table->clearSelection();
        QVERIFY(!edit->isEnabled() && !del->isEnabled());
        // Selected again, then the catalogue reloads (the rows are new): disabled.
        table->selectRow(0);
        QVERIFY(edit->isEnabled());
        model->load();
        QTRY_VERIFY(!model->isLoading());
        QTRY_VERIFY(!edit->isEnabled() && !del->isEnabled());

        // Every destination placed: fill says so.
        QTest::mouseClick(fill, Qt::LeftButton);
        QTRY_VERIFY(status->text().contains(u"Every destination already has coordinates"_s));

        // A search without matches: the hint says so (not "empty catalogue").
        auto* search = panel.findChild<QLineEdit*>(u"destinationSearch"_s);
        QTest::keyClicks(search, u"Atlantis"_s);
        QTRY_VERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(u"No destination matches"_s) && hint->text().contains(u"Atlantis"_s),
                 qPrintable(hint->text()));
        QVERIFY(!edit->isEnabled() && !del->isEnabled());
        search->clear();
        QTRY_COMPARE(model->rowCount(), 2);
        QTRY_VERIFY(table->isVisible());
    }
};

QTEST_MAIN(TestDestinations)
#include "tst_destinations.moc"
