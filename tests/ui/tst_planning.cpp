// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanSample.h"
#include "PlanningStagesModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "Workspace.h"
#include "main/MainWindow.h"
#include "plan/PlanEditor.h"
#include "planning/PlanningPanel.h"
#include "repo/PlanRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "style/ErrorText.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MainWindow;

namespace {
// The Alt+letter keys a person can press in `window` as it is shown now: the
// menu bar's, the tab bars' and every visible button's and buddied label's.
// Qt only moves the focus between widgets that share one, so each must be unique.
QMap<QChar, QStringList> visibleMnemonics(QWidget* window) {
    QMap<QChar, QStringList> keys;
    auto add = [&](const QString& text) {
        for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
            if (text[i + 1] != u'&') {
                keys[text[i + 1].toLower()] << text;
                return;
            }
        }
    };
    for (QAction* a : window->findChild<QMenuBar*>()->actions())
        add(a->text());
    for (QWidget* w : window->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(window))
            continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            add(b->text());
        else if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy())
            add(l->text());
        else if (auto* bar = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < bar->count(); ++i)
                add(bar->tabText(i));
    }
    return keys;
}

// "WHERE: Alt+x is A, B" for each letter that more than one of them answers.
QStringList mnemonicClashes(QWidget* window, const QString& where) {
    QStringList clashes;
    const QMap<QChar, QStringList> keys = visibleMnemonics(window);
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        if (it.value().size() > 1)
            clashes << u"%1: Alt+%2 is %3"_s.arg(where).arg(it.key()).arg(it.value().join(u", "_s));
    return clashes;
}
} // namespace

// The planning panel in the window, driven by its buttons: start a session on
// the selected trip, advance through the seven stages, go back, finish; at most
// one active session per trip. On SQLite and on PostgreSQL. And the printable
// itinerary written on a thread of its own.
class TestPlanning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_planning"_s);
    }

    void startAdvanceBack_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void startAdvanceBack() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        Id tripId = 0;
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"planner"_s);
            Trip draft;
            draft.title = u"Atlas mountains"_s;
            tripId = TripRepository(*db, user.id).create(draft).id;
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);

        ui::PlanningPanel* panel = w.planningPanel();
        QAbstractItemModelTester tester(panel->stages(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* start = panel->findChild<QPushButton*>(u"startPlanning"_s);
        auto* advance = panel->findChild<QPushButton*>(u"advanceStage"_s);
        auto* back = panel->findChild<QPushButton*>(u"backStage"_s);
        auto* summary = panel->findChild<QLabel*>(u"planningSummary"_s);
        QVERIFY(!start->isEnabled()); // no trip selected yet

        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTest::keySequence(&w, QKeySequence(Qt::CTRL | Qt::Key_3)); // View › Planning
        QVERIFY(panel->isVisible());
        QTRY_VERIFY(start->isEnabled());
        QVERIFY(!advance->isEnabled());
        QVERIFY(!back->isEnabled());
        QVERIFY(summary->text().contains(u"No active planning session"_s));

        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(panel->stages()->session().has_value());
        QCOMPARE(panel->stages()->session()->currentStage, u"destination"_s);
        QCOMPARE(panel->stages()->stateAt(0), PlanningStagesModel::StageState::Current);
        QVERIFY(!start->isEnabled()); // one active session per trip
        QVERIFY(advance->isEnabled());
        QVERIFY(!back->isEnabled()); // nothing before the first stage
        QVERIFY2(summary->text().contains(u"Stage 1 of 6"_s), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(u"0 of 6 stages completed"_s));
        QVERIFY(panel->editor()->plan().isEmpty()); // nothing planned yet: the editors are empty

        // Alt+Right advances from anywhere in the tab (the plan's editors keep the letters).
        QTest::keyClick(panel, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(panel->stages()->session()->currentStage, u"accommodation"_s);
        QCOMPARE(panel->stages()->stateAt(0), PlanningStagesModel::StageState::Completed);
        QCOMPARE(panel->stages()->stateAt(1), PlanningStagesModel::StageState::Current);
        QTRY_VERIFY(back->isEnabled());
        QTest::mouseClick(advance, Qt::LeftButton);
        QTRY_COMPARE(panel->stages()->session()->currentStage, u"flights"_s);
        QTRY_VERIFY(back->isEnabled());
        QTest::mouseClick(back, Qt::LeftButton);
        QTRY_COMPARE(panel->stages()->session()->currentStage, u"accommodation"_s);
        QVERIFY(summary->text().contains(u"Hotel"_s));

        // What the panel shows is what the database holds.
        {
            auto db = tmp.connect();
            const auto active = PlanningRepository(*db, w.userId()).active(tripId);
            QVERIFY(active.has_value());
            QCOMPARE(active->currentStage, u"accommodation"_s);
            QVERIFY(active->stagesCompleted.contains(u"destination"_s));
        }

        // Switching trips and back reads the session again.
        w.newTrip();
        QVERIFY(!start->isEnabled());
        w.showPanel(MainWindow::PlanningTab);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTRY_VERIFY(panel->stages()->session().has_value());
        QCOMPARE(panel->stages()->session()->currentStage, u"accommodation"_s);

        // On to the end: the session completes and a new one may start.
        for (const char* next : {"flights", "activities", "itinerary", "finalization", "completed"}) {
            QTRY_VERIFY(advance->isEnabled());
            QTest::mouseClick(advance, Qt::LeftButton);
            QTRY_COMPARE(panel->stages()->session()->currentStage, QString::fromLatin1(next));
        }
        QVERIFY(!advance->isEnabled());
        QVERIFY(!back->isEnabled());
        QVERIFY(start->isEnabled());
        // The counts agree with the list: six working stages, all done.
        QVERIFY2(summary->text().contains(u"all 6 stages done"_s), qPrintable(summary->text()));
        QCOMPARE(start->text(), u"Start a new session"_s);
        {
            auto db = tmp.connect();
            QVERIFY(!PlanningRepository(*db, w.userId()).active(tripId).has_value());
            QCOMPARE(PlanningRepository(*db, w.userId()).history(tripId).size(), 1);
        }
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE(panel->stages()->session()->currentStage, u"destination"_s);
        QTRY_VERIFY(advance->isEnabled());
        auto db = tmp.connect();
        QCOMPARE(PlanningRepository(*db, w.userId()).history(tripId).size(), 2);
    }

    // A second window started a session meanwhile: Start reports it in words.
    void oneActiveSessionPerTrip() {
        test::TempDatabase tmp(u"sqlite"_s);
        auto db = tmp.connectMigrated();
        const User user = UserRepository(*db).ensureLocalUser(u"planner"_s);
        Trip draft;
        draft.title = u"Faroe Islands"_s;
        const Id tripId = TripRepository(*db, user.id).create(draft).id;
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        MainWindow w(&workspace);
        w.show();
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.showPanel(MainWindow::PlanningTab);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        auto* start = w.planningPanel()->findChild<QPushButton*>(u"startPlanning"_s);
        QTRY_VERIFY(start->isEnabled());
        PlanningRepository(*db, user.id).start(tripId); // elsewhere
        QTest::mouseClick(start, Qt::LeftButton);
        auto* error = w.planningPanel()->findChild<QLabel*>(u"planningError"_s);
        QTRY_VERIFY(!error->text().isEmpty());
        QVERIFY2(error->text().contains(u"in progress"_s), qPrintable(error->text()));
        // The panel then shows the session the other window started.
        QTRY_VERIFY(w.planningPanel()->stages()->session().has_value());
        QTRY_VERIFY(!start->isEnabled());
        QVERIFY(w.planningPanel()->findChild<QPushButton*>(u"advanceStage"_s)->isEnabled());
        QCOMPARE(PlanningRepository(*db, user.id).history(tripId).size(), 1);
    }

    // Export PDF: the pages are written on a thread of its own while the window
    // goes on; the note says so at once and what was written at the end; a path
    // that cannot be written says why; closing the window while a PDF is being
    // written waits for it (no crash, no half-written file left behind).
    void pdfWrittenOffTheGuiThread() {
        test::TempDatabase tmp(u"sqlite"_s);
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"planner"_s);
            Trip trip = test::plansample::context().trip;
            trip.id = 0;
            const Id id = TripRepository(*db, user.id).create(trip).id;
            PlanRepository plans(*db, user.id);
            plans.save(plans.load(id), test::plansample::plan());
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sicily.pdf"_s);
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        {
            MainWindow w(&workspace);
            w.show();
            QTRY_COMPARE(w.tripModel()->rowCount(), 1);
            w.showPanel(MainWindow::PlanningTab);
            w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
            ui::PlanningPanel* panel = w.planningPanel();
            QTRY_VERIFY(!panel->editor()->plan().isEmpty());
            auto* note = panel->findChild<QLabel*>(u"planningError"_s);
            // Every stage's tab of the plan answers each of its Alt+letters alone (the Review
            // tab's Export PDF once shared Alt+P with the window's Trips tab).
            QStringList clashes;
            for (const char* stage :
                 {"accommodation", "flights", "activities", "itinerary", "budget", "finalization"}) {
                panel->editor()->showStage(QString::fromLatin1(stage));
                QCoreApplication::processEvents();
                clashes << mnemonicClashes(&w, QString::fromLatin1(stage));
            }
            // And the window's other views.
            const std::pair<MainWindow::Panel, const char*> views[] = {
                {MainWindow::DetailsPanel, "details"},
                {MainWindow::ConversationTab, "conversation"},
                {MainWindow::MapTab, "map"},
                {MainWindow::DestinationsTab, "destinations"}};
            for (const auto& [view, name] : views) {
                w.showPanel(view);
                QCoreApplication::processEvents();
                clashes << mnemonicClashes(&w, QString::fromLatin1(name));
            }
            w.showPanel(MainWindow::PlanningTab);
            QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u"; "_s)));
            QSignalSpy finished(panel, &ui::PlanningPanel::pdfExportFinished);

            panel->exportPdfTo(path);
            // Returned at once: the note says the work has started, the result comes later.
            QVERIFY2(note->text().startsWith(u"Writing the itinerary to "_s), qPrintable(note->text()));
            QCOMPARE(finished.count(), 0);
            QVERIFY(finished.wait(30000));
            const QString done = finished.at(0).at(0).toString();
            QVERIFY2(done.startsWith(u"Wrote the itinerary (6 pages) to "_s), qPrintable(done));
            QCOMPARE(note->text(), done);
            QVERIFY(!finished.at(0).at(1).toBool());
            QVERIFY(!ui::isErrorText(note)); // what was written is news, not an error
            QFile pdf(path);
            QVERIFY(pdf.open(QIODevice::ReadOnly));
            QVERIFY(pdf.read(5) == "%PDF-");

            panel->exportPdfTo(dir.filePath(u"no-such-folder/sicily.pdf"_s));
            QVERIFY(finished.wait(30000));
            QVERIFY2(finished.at(1).at(0).toString().startsWith(u"Not exported: "_s),
                     qPrintable(finished.at(1).at(0).toString()));
            QVERIFY(finished.at(1).at(1).toBool());
            QVERIFY(ui::isErrorText(note));

            // Closed mid-export: the window's destruction waits for the thread.
            panel->exportPdfTo(dir.filePath(u"closing.pdf"_s));
        }
        QVERIFY(QFile::exists(dir.filePath(u"closing.pdf"_s)));
    }
};

QTEST_MAIN(TestPlanning)
#include "tst_planning.moc"
