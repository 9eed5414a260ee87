// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestBackends.h"
#include "TripListModel.h"
#include "TripSession.h"
#include "Workspace.h"
#include "main/Confirm.h"
#include "main/MainWindow.h"
#include "plan/PlanEditor.h"
#include "plan/StaysEditor.h"
#include "planning/PlanningPanel.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::Confirm;
using tp::ui::MainWindow;

// Plan edits are never lost on the way to the database (issue 13): writes
// asked for while one is in flight (an undo pressed during a save) are made in
// order; a failed write takes its undo step with it; a stay typed into the
// plan's form and not saved is asked about before another trip opens or the
// window closes, and the window waits for the plan's writes. SQLite and PostgreSQL.
class TestPlanSettle : public QObject {
    Q_OBJECT

    struct Fixture {
        explicit Fixture(const QString& backend)
            : tmp(backend) {
            auto db = tmp.connectMigrated();
            user = UserRepository(*db).ensureLocalUser(u"planner"_s);
            userId = user.id;
            for (const char* title : {"Sicily", "Norway"}) {
                Trip t;
                t.title = QString::fromLatin1(title);
                t.startDate = QDate(2027, 5, 1);
                t.endDate = QDate(2027, 5, 8);
                trips << TripRepository(*db, userId).create(t).id;
            }
        }
        plan::Plan stored(Id trip) {
            auto db = tmp.connect();
            return PlanRepository(*db, userId).load(trip).plan;
        }
        test::TempDatabase tmp;
        User user;
        Id userId = 0;
        QList<Id> trips;
    };

    // The application layer without a window: the first trip's session, with an undo stack.
    struct OpenTrip {
        explicit OpenTrip(Fixture& f)
            : service(f.tmp.url(), 0)
            , workspace(&service, u"planner"_s) {
            workspace.adoptUser(f.user);
            session = workspace.openTrip(f.trips[0]);
            session->setUndoStack(&undo);
        }
        DatabaseService service;
        app::Workspace workspace;
        QUndoStack undo;
        app::TripSession* session = nullptr;
    };

    static plan::Plan withStay(plan::Plan p, const QString& name) {
        plan::Stay s;
        s.id = plan::newItemId(u"stay"_s);
        s.name = name;
        s.checkIn = QDate(2027, 5, 1);
        s.checkOut = QDate(2027, 5, 3);
        p.stays << s;
        return p;
    }

    static QStringList stayNames(const plan::Plan& p) {
        QStringList out;
        for (const plan::Stay& s : p.stays)
            out << s.name;
        return out;
    }

    static void addBackends() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }

    static void type(QLineEdit* field, const QString& text) {
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_plan_settle"_s);
    }

    // Save, then Ctrl+Z before the save is back: the undo undoes that save,
    // after it. Two saves in a row are both written, in order.
    void undoDuringSave_data() { addBackends(); }
    void undoDuringSave() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OpenTrip open(f);
        QUndoStack& undo = open.undo;
        app::TripSession* session = open.session;
        QTRY_VERIFY(session->plan().has_value()); // openTrip reads it

        const plan::Plan one = withStay(session->plan()->plan, u"Hotel Etna"_s);
        session->savePlan(one, u"Add stay Hotel Etna"_s);
        QVERIFY(session->isSavingPlan());
        QCOMPARE(undo.count(), 1); // the step is there at once, in the order asked
        undo.undo();               // before the save is back
        QVERIFY(session->isSavingPlan());
        QTRY_VERIFY(!session->isSavingPlan());
        QCOMPARE(stayNames(f.stored(f.trips[0])), QStringList());
        QCOMPARE(stayNames(session->plan()->plan), QStringList());
        QCOMPARE(undo.index(), 0);

        undo.redo();
        QTRY_VERIFY(!session->isSavingPlan());
        QCOMPARE(stayNames(f.stored(f.trips[0])), QStringList{u"Hotel Etna"_s});

        // Two changes asked for back to back: each from the one before, both stored.
        const plan::Plan two = withStay(one, u"B&B Ortigia"_s);
        const plan::Plan three = withStay(two, u"Casa Noto"_s);
        QSignalSpy saving(session, &app::TripSession::planSaving);
        session->savePlan(two, u"Add stay B&B Ortigia"_s);
        session->savePlan(three, u"Add stay Casa Noto"_s);
        QTRY_VERIFY(!session->isSavingPlan());
        QCOMPARE(stayNames(f.stored(f.trips[0])),
                 (QStringList{u"Hotel Etna"_s, u"B&B Ortigia"_s, u"Casa Noto"_s}));
        // One busy span for the queued writes: planSaving(true), then (false) once.
        QTRY_COMPARE(saving.size(), 2);
        QCOMPARE(saving.first().first().toBool(), true);
        QCOMPARE(saving.last().first().toBool(), false);
        QCOMPARE(undo.count(), 3);
        undo.undo();
        undo.undo();
        QTRY_VERIFY(!session->isSavingPlan());
        QCOMPARE(stayNames(f.stored(f.trips[0])), QStringList{u"Hotel Etna"_s});
    }

    // A write refused as a conflict (the plan changed elsewhere) takes its undo
    // step and the writes queued behind it with it; the stored plan is read again.
    void failedWriteDropsItsSteps_data() { addBackends(); }
    void failedWriteDropsItsSteps() {
        QFETCH(QString, backend);
        Fixture f(backend);
        OpenTrip open(f);
        QUndoStack& undo = open.undo;
        app::TripSession* session = open.session;
        QTRY_VERIFY(session->plan().has_value()); // openTrip reads it
        session->savePlan(withStay(session->plan()->plan, u"Hotel Etna"_s), u"Add stay Hotel Etna"_s);
        QTRY_VERIFY(!session->isSavingPlan());
        QCOMPARE(undo.count(), 1);

        // Another window adds a stay meanwhile.
        {
            auto db = f.tmp.connect();
            PlanRepository(*db, f.userId).edit(f.trips[0], [](plan::Plan& p) {
                p = withStay(p, u"Elsewhere"_s);
            });
        }
        QSignalSpy failed(session, &app::TripSession::planSaveFailed);
        const plan::Plan mine = withStay(session->plan()->plan, u"Mine"_s);
        session->savePlan(mine, u"Add stay Mine"_s);
        session->savePlan(withStay(mine, u"Mine too"_s), u"Add stay Mine too"_s);
        QCOMPARE(undo.count(), 3);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toBool(), true); // a conflict
        QVERIFY(!session->isSavingPlan());
        QCOMPARE(undo.count(), 1); // the two steps that stored nothing are gone
        QCOMPARE(undo.index(), 1);
        QCOMPARE(undo.undoText(), u"Add stay Hotel Etna"_s);
        QCOMPARE(stayNames(f.stored(f.trips[0])), (QStringList{u"Hotel Etna"_s, u"Elsewhere"_s}));
        QTRY_COMPARE(stayNames(session->plan()->plan), (QStringList{u"Hotel Etna"_s, u"Elsewhere"_s}));
    }

    // A stay typed into the Stays form and not saved: selecting another trip
    // asks. Cancel keeps the trip and the form; Discard drops the form; Save
    // stores the stay, and the other trip opens once it is stored. Closing the
    // window asks the same.
    void unsavedFormOnSwitchAndClose_data() { addBackends(); }
    void unsavedFormOnSwitchAndClose() {
        QFETCH(QString, backend);
        Fixture f(backend);
        DatabaseService service(f.tmp.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.tripModel()->rowCount(), 2);
        const int sicily = w.tripModel()->rowOf(f.trips[0]);
        const int norway = w.tripModel()->rowOf(f.trips[1]);
        ui::PlanEditor* editor = w.planningPanel()->editor();
        auto* name = editor->findChild<QLineEdit*>(u"stayName"_s);
        auto* checkOut = editor->findChild<QLineEdit*>(u"stayCheckOut"_s);
        QVERIFY(name && checkOut);

        w.tripTable()->setCurrentIndex(w.tripModel()->index(sicily, 0));
        w.showPanel(MainWindow::PlanningTab);
        QTRY_VERIFY(workspace.currentSession() && workspace.currentSession()->plan().has_value());
        editor->showStage(u"accommodation"_s);
        type(name, u"Hotel Etna"_s);
        type(checkOut, u"2027-05-03"_s);
        QVERIFY(editor->unsavedSection() == editor->stays());

        // Cancel: the same trip, the form as typed.
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(norway, 0));
        QVERIFY2(Confirm::lastQuestion().contains(u"The stay “Hotel Etna” has changes"_s),
                 qPrintable(Confirm::lastQuestion()));
        QCOMPARE(workspace.currentSession()->tripId(), f.trips[0]);
        QCOMPARE(w.tripTable()->currentIndex().row(), sicily);
        QCOMPARE(name->text(), u"Hotel Etna"_s);

        // Closing asks too; Cancel keeps the window.
        Confirm::lastQuestion().clear();
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        QVERIFY(!w.close());
        QVERIFY(Confirm::lastQuestion().contains(u"Hotel Etna"_s));
        QVERIFY(w.isVisible());

        // Save: the stay is stored, then Norway opens.
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Save);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(norway, 0));
        QTRY_VERIFY(workspace.currentSession() && workspace.currentSession()->tripId() == f.trips[1]);
        QCOMPARE(stayNames(f.stored(f.trips[0])), QStringList{u"Hotel Etna"_s});
        QCOMPARE(w.tripTable()->currentIndex().row(), norway);
        QVERIFY(!editor->unsavedSection());

        // Discard: nothing stored, the form empty, Sicily opens.
        QTRY_VERIFY(workspace.currentSession()->plan().has_value());
        editor->showStage(u"accommodation"_s);
        type(name, u"Fjord cabin"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Discard);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(sicily, 0));
        QTRY_VERIFY(workspace.currentSession() && workspace.currentSession()->tripId() == f.trips[0]);
        QCOMPARE(stayNames(f.stored(f.trips[1])), QStringList());
        QVERIFY(!editor->unsavedSection());

        // A form that cannot be saved yet (no check-out): Save keeps the trip and shows why.
        QTRY_VERIFY(workspace.currentSession()->plan().has_value());
        editor->showStage(u"accommodation"_s);
        editor->stays()->discardForm();
        QTest::mouseClick(editor->findChild<QWidget*>(u"stayNew"_s), Qt::LeftButton);
        type(name, u"Half typed"_s);
        type(checkOut, u"2027-13-40"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Save);
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        QCOMPARE(name->text(), u"Half typed"_s);

        // Discard on close: the window closes, nothing more stored.
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Discard);
        QVERIFY(w.close());
        QCOMPARE(stayNames(f.stored(f.trips[0])), QStringList{u"Hotel Etna"_s});
    }

    // Another row of the same table while the form holds changes: asked too.
    void unsavedFormOnRowChange() {
        ui::PlanEditor editor;
        plan::Plan p = withStay({}, u"Hotel Etna"_s);
        p = withStay(p, u"B&B Ortigia"_s);
        QList<plan::Plan> asked;
        connect(&editor, &ui::PlanEditor::changeRequested, &editor,
                [&](const plan::Plan& changed, const QString&) { asked << changed; });
        editor.setPlan(p);
        editor.showStage(u"accommodation"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* table = editor.findChild<QTableView*>(u"stayTable"_s);
        auto* name = editor.findChild<QLineEdit*>(u"stayName"_s);
        table->setCurrentIndex(table->model()->index(0, 0));
        QCOMPARE(name->text(), u"Hotel Etna"_s);
        type(name, u"Hotel Etna Nord"_s);

        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        table->setCurrentIndex(table->model()->index(1, 0));
        QCOMPARE(name->text(), u"Hotel Etna Nord"_s);
        QCOMPARE(table->currentIndex().row(), 0);

        Confirm::setNextSaveChoice(Confirm::SaveChoice::Save);
        table->setCurrentIndex(table->model()->index(1, 0));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(stayNames(asked.first()), (QStringList{u"Hotel Etna Nord"_s, u"B&B Ortigia"_s}));
        QCOMPARE(name->text(), u"B&B Ortigia"_s);
    }
};

QTEST_MAIN(TestPlanSettle)
#include "tst_plan_settle.moc"
