// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestBackends.h"
#include "TripListModel.h"
#include "WorkerBarrier.h"
#include "Workspace.h"
#include "main/Confirm.h"
#include "main/ElidedLabel.h"
#include "main/MainWindow.h"
#include "main/TripEditor.h"
#include "repo/TripRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MainWindow;

// The window driven as a user would: typing into the editor, clicking Save,
// choosing filters, deleting with confirmation, undoing; on SQLite and PostgreSQL.
class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void tripLifecycle_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void tripLifecycle() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        QAbstractItemModelTester tester(w.tripModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(w.userId() != 0);

        // A fresh database: the empty state invites a first trip.
        auto* empty = w.findChild<QWidget*>(u"emptyState"_s);
        QTRY_VERIFY(empty->isVisible());
        auto* location = w.findChild<ui::ElidedLabel*>(u"dataLocation"_s);
        QVERIFY(location->fullText().contains(tmp.url().displayLocation()));
        QVERIFY(!location->fullText().contains(u"password"_s));
        QTest::mouseClick(w.findChild<QPushButton*>(u"planNewTrip"_s), Qt::LeftButton);

        ui::TripEditor* editor = w.editor();
        auto* title = editor->findChild<QLineEdit*>(u"title"_s);
        auto* budget = editor->findChild<QLineEdit*>(u"budget"_s);
        auto* start = editor->findChild<QLineEdit*>(u"startDate"_s);
        auto* end = editor->findChild<QLineEdit*>(u"endDate"_s);
        auto* save = editor->findChild<QPushButton*>(u"save"_s);
        auto* reason = editor->findChild<QLabel*>(u"saveReason"_s);
        // No message before the person did anything (no red on a fresh form).
        QVERIFY(!editor->findChild<QLabel*>(u"error_title"_s)->isVisibleTo(editor));
        QVERIFY(!reason->text().contains(u"Title"_s));
        // Invalid input: the message beside the field once the field is left, with the reason by Save.
        budget->setFocus();
        QTest::keyClicks(budget, u"12.345"_s);
        QVERIFY(!editor->findChild<QLabel*>(u"error_budget"_s)->isVisibleTo(editor)); // still typing
        start->setFocus();                                                            // leaves the budget
        QTRY_VERIFY(editor->findChild<QLabel*>(u"error_budget"_s)->isVisibleTo(editor));
        QVERIFY(reason->text().contains(u"Budget"_s));
        budget->clear();
        QTest::keyClicks(budget, u"1200.50"_s);
        QVERIFY(!editor->findChild<QLabel*>(u"error_budget"_s)->isVisibleTo(editor));
        QTest::keyClicks(start, u"2031-05-10"_s);
        end->setFocus();
        QTest::keyClicks(end, u"2031-05-01"_s);
        QTest::keyClick(end, Qt::Key_Tab); // leaves the end date
        QTRY_VERIFY(editor->findChild<QLabel*>(u"error_start_date"_s)->isVisibleTo(editor));
        // Dates in the wrong order: no length is shown, and no "%n" either.
        QVERIFY(!editor->findChild<QLabel*>(u"computed"_s)->text().contains(u"%n"_s));
        QVERIFY(!editor->findChild<QLabel*>(u"computed"_s)->text().contains(u"day"_s));
        end->clear();
        QTest::keyClicks(end, u"2031-05-16"_s);
        QVERIFY(!editor->findChild<QLabel*>(u"error_start_date"_s)->isVisibleTo(editor));
        // Save with no title: the message shows, the focus goes to the field, nothing is saved.
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(editor->findChild<QLabel*>(u"error_title"_s)->isVisibleTo(editor));
        QVERIFY(reason->text().contains(u"Title"_s));
        QTRY_VERIFY(title->hasFocus());
        QTest::keyClicks(title, u"Lisbon in spring"_s);
        QVERIFY(!editor->findChild<QLabel*>(u"error_title"_s)->isVisibleTo(editor)); // gone as it is fixed

        QVERIFY(save->isEnabled());
        QVERIFY(editor->findChild<QLabel*>(u"computed"_s)->text().contains(u"7"_s));
        QVERIFY(editor->findChild<QLabel*>(u"computed"_s)->text().contains(u"upcoming"_s));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        QTRY_VERIFY(!empty->isVisible());
        const Trip lisbon = w.tripModel()->tripAt(0);
        QCOMPARE(lisbon.budget->toString(), u"1200.50"_s);
        QCOMPARE(lisbon.durationDays(), 7);

        // Edit it: rename and move it along the status stepper.
        QTRY_COMPARE(editor->tripId(), lisbon.id);
        title->clear();
        QTest::keyClicks(title, u"Lisbon and Sintra"_s);
        auto* statusChoice = editor->findChild<QComboBox*>(u"statusChoice"_s);
        statusChoice->setCurrentIndex(statusChoice->findData(u"booked"_s));
        QTRY_VERIFY(save->isEnabled());
        QTest::keyClick(title, Qt::Key_Return); // Enter saves
        QTRY_COMPARE(w.tripModel()->tripAt(0).title, u"Lisbon and Sintra"_s);
        QCOMPARE(w.tripModel()->tripAt(0).status, u"booked"_s);

        // A second trip with the keyboard shortcut.
        QTest::keySequence(&w, QKeySequence::New);
        QCOMPARE(editor->tripId(), 0);
        QTest::keyClicks(title, u"Oslo weekend"_s);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(w.tripModel()->rowCount(), 2);
        QCOMPARE(w.tripModel()->tripAt(0).title, u"Oslo weekend"_s); // newest first

        // Filters re-query the database.
        auto* status = w.findChild<QComboBox*>(u"statusFilter"_s);
        status->setCurrentIndex(status->findData(u"booked"_s));
        QTRY_COMPARE(w.tripModel()->totalCount(), 1);
        QCOMPARE(w.tripModel()->tripAt(0).id, lisbon.id);
        status->setCurrentIndex(0);
        QTRY_COMPARE(w.tripModel()->totalCount(), 2);
        auto* search = w.findChild<QLineEdit*>(u"tripSearch"_s);
        QTest::keyClicks(search, u"osl"_s);
        QTRY_COMPARE(w.tripModel()->totalCount(), 1);
        QCOMPARE(w.tripModel()->tripAt(0).title, u"Oslo weekend"_s);
        search->clear();
        QTRY_COMPARE(w.tripModel()->totalCount(), 2);

        // Delete with confirmation, then undo and redo.
        QTableView* table = w.tripTable();
        table->setCurrentIndex(w.tripModel()->index(w.tripModel()->rowOf(lisbon.id), 0));
        ui::Confirm::setNextAnswer(false);
        w.deleteSelectedTrip();
        QVERIFY(ui::Confirm::lastQuestion().contains(u"Lisbon and Sintra"_s));
        // Had the answer been ignored, the delete would be posted by now.
        QVERIFY(test::waitForPostedJobs(service));
        QCOMPARE(w.tripModel()->rowCount(), 2);
        QCOMPARE(w.undoStack()->count(), 3);
        ui::Confirm::setNextAnswer(true);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        QTRY_COMPARE(w.undoStack()->count(), 4);
        w.undoStack()->undo(); // the delete
        QTRY_COMPARE(w.tripModel()->rowCount(), 2);
        QTRY_VERIFY(w.tripModel()->rowOf(lisbon.id) >= 0);
        QCOMPARE(w.tripModel()->tripAt(w.tripModel()->rowOf(lisbon.id)).title, u"Lisbon and Sintra"_s);
        w.undoStack()->undo(); // the creation of Oslo
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.undoStack()->undo(); // the edit of Lisbon
        QTRY_COMPARE(w.tripModel()->tripAt(0).title, u"Lisbon in spring"_s);
        QCOMPARE(w.tripModel()->tripAt(0).status, u"planning"_s);
        w.undoStack()->redo();
        QTRY_COMPARE(w.tripModel()->tripAt(0).title, u"Lisbon and Sintra"_s);
        w.undoStack()->redo();
        QTRY_COMPARE(w.tripModel()->rowCount(), 2);

        // What the window shows is what the database holds.
        QTRY_COMPARE(w.tripModel()->tripAt(0).title, u"Oslo weekend"_s);
        auto db = tmp.connect();
        TripRepository repo(*db, w.userId());
        QCOMPARE(repo.count(), 2);
        QCOMPARE(repo.get(lisbon.id).title, u"Lisbon and Sintra"_s);
    }

    void unreachableDatabaseAtStart() {
        DatabaseService service(DatabaseUrl::parse(u"postgresql://u@127.0.0.1:1/x?connect_timeout=3"_s), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* banner = w.findChild<QWidget*>(u"connectionProblem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        const QString text = w.findChild<QLabel*>(u"connectionProblemText"_s)->text();
        QVERIFY2(text.contains(u"127.0.0.1"_s), qPrintable(text));
        QCOMPARE(w.findChild<QLabel*>(u"connectionState"_s)->text(),
                 DatabaseService::stateText(DatabaseService::State::Offline));
        QVERIFY(w.findChild<QPushButton*>(u"retry"_s)->isVisible());
        bool settingsAsked = false;
        connect(&w, &MainWindow::settingsRequested, this, [&] { settingsAsked = true; });
        QTest::mouseClick(w.findChild<QPushButton*>(u"connectionSettings"_s), Qt::LeftButton);
        QVERIFY(settingsAsked);
        QTest::mouseClick(w.findChild<QPushButton*>(u"retry"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), DatabaseService::State::Offline, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QCOMPARE(w.userId(), 0);
        w.close(); // closes at once, nothing blocks
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
