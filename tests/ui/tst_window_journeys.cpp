// SPDX-License-Identifier: GPL-3.0-or-later
// The window as people use it (issue 11): edits that are never dropped without
// asking, undo of a delete that brings everything back, layouts that the data
// cannot break, the date filter, the status stepper, keyboard access.
#include "TestBackends.h"
#include "TripListModel.h"
#include "WorkerBarrier.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "main/Confirm.h"
#include "main/DateFilterEdit.h"
#include "main/MainWindow.h"
#include "main/StatusStepper.h"
#include "main/TripEditor.h"
#include "repo/ConversationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::Confirm;
using tp::ui::MainWindow;

namespace {

// A database with a user and trips made before the window opens.
struct Seeded {
    explicit Seeded(const QString& backend)
        : tmp(backend) {
        auto db = tmp.connectMigrated();
        user = UserRepository(*db).ensureLocalUser(u"walker"_s).id;
    }
    Trip addTrip(const QString& title, const QString& status = u"planning"_s) {
        auto db = tmp.connect();
        Trip t;
        t.title = title;
        t.status = status;
        t.startDate = QDate(2031, 6, 1);
        t.endDate = QDate(2031, 6, 8);
        return TripRepository(*db, user).create(t);
    }
    test::TempDatabase tmp;
    Id user = 0;
};

struct Window {
    explicit Window(const DatabaseUrl& url)
        : service(url, 0)
        , workspace(&service, u"walker"_s)
        , w(&workspace) {
        w.resize(1280, 800);
        w.show();
    }
    bool ready() {
        return QTest::qWaitForWindowExposed(&w) &&
               QTest::qWaitFor([this] { return w.userId() != 0 && !w.tripModel()->isLoading(); }, 30000);
    }
    void select(Id id) {
        const int row = w.tripModel()->rowOf(id);
        QVERIFY(row >= 0);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(row, 0));
    }
    template <typename T> T* child(const QString& name) const { return w.findChild<T*>(name); }
    DatabaseService service;
    app::Workspace workspace;
    MainWindow w;
};

} // namespace

class TestWindowJourneys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_window_journeys"_s);
    }
    void init() {
        // Each test starts from the default layout, not the one a previous test saved.
        QSettings().clear();
    }

    // Edit a trip, select another: the edit is not dropped without asking.
    void editsSurviveSwitchingTrips() {
        Seeded data(u"sqlite"_s);
        const Trip a = data.addTrip(u"Alpha"_s);
        const Trip b = data.addTrip(u"Bravo"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        ui::TripEditor* editor = win.w.editor();
        auto* budget = editor->findChild<QLineEdit*>(u"budget"_s);
        win.select(a.id);
        QTRY_COMPARE(editor->tripId(), a.id);
        budget->setText(u"1234.00"_s);
        QVERIFY(editor->isModified());

        // Cancel: the selection goes back, the edit is still there.
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        win.select(b.id);
        QVERIFY(Confirm::lastQuestion().contains(u"Alpha"_s));
        QCOMPARE(editor->tripId(), a.id);
        QCOMPARE(budget->text(), u"1234.00"_s);
        QCOMPARE(win.w.tripModel()->tripAt(win.w.tripTable()->currentIndex().row()).id, a.id);

        // Save: stored, then the other trip opens.
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Save);
        win.select(b.id);
        QTRY_COMPARE(editor->tripId(), b.id);
        auto db = data.tmp.connect();
        QCOMPARE(TripRepository(*db, data.user).get(a.id).budget->toString(), u"1234.00"_s);

        // Discard: the edit goes, the other trip opens.
        budget->setText(u"99.00"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Discard);
        win.select(a.id);
        QTRY_COMPARE(editor->tripId(), a.id);
        QVERIFY(!TripRepository(*db, data.user).get(b.id).budget.has_value());

        // A new trip's draft is asked about too, and so is quitting with it.
        QTest::keySequence(&win.w, QKeySequence::New);
        QCOMPARE(editor->tripId(), 0);
        editor->findChild<QLineEdit*>(u"title"_s)->setText(u"Draft trip"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        QVERIFY(!win.w.close());
        QVERIFY(win.w.isVisible());
        QCOMPARE(editor->findChild<QLineEdit*>(u"title"_s)->text(), u"Draft trip"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Save); // saved, then the window closes
        win.w.close();
        QTRY_VERIFY(!win.w.isVisible());
        QTRY_COMPARE(TripRepository(*db, data.user).count(), 3);
    }

    // Unsent text for the planner: kept per trip while switching, asked about at quit.
    void unsentPlannerTextIsKeptAndAskedAbout() {
        Seeded data(u"sqlite"_s);
        const Trip a = data.addTrip(u"Alpha"_s);
        const Trip b = data.addTrip(u"Bravo"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        auto* input = win.w.conversationPanel()->findChild<QPlainTextEdit*>(u"messageInput"_s);
        win.select(a.id);
        QTRY_COMPARE(win.w.conversationPanel()->tripId(), a.id);
        input->setPlainText(u"Somewhere warm in March"_s);
        win.select(b.id);
        QTRY_COMPARE(win.w.conversationPanel()->tripId(), b.id);
        QVERIFY(input->toPlainText().isEmpty()); // not shown for the other trip
        win.select(a.id);
        QTRY_COMPARE(win.w.conversationPanel()->tripId(), a.id);
        QCOMPARE(input->toPlainText(), u"Somewhere warm in March"_s);
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Cancel);
        QVERIFY(!win.w.close());
        QVERIFY(Confirm::lastQuestion().contains(u"not sent"_s));
        Confirm::setNextSaveChoice(Confirm::SaveChoice::Discard);
        QVERIFY(win.w.close());
    }

    // Undo of a delete brings back the conversation, its messages,
    // recommendations and state, and the planning session with its data.
    void undoDeleteRestoresEverything_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgres") << u"postgres"_s;
    }
    void undoDeleteRestoresEverything() {
        QFETCH(QString, backend);
        Seeded data(backend);
        const Trip trip = data.addTrip(u"Everything in it"_s);
        Id conversationId = 0;
        QList<Message> messagesBefore;
        QJsonObject plan{{u"stays"_s, QJsonArray{QJsonObject{{u"name"_s, u"Casa Azul"_s}}}},
                         {u"someone_elses_key"_s, 42}};
        {
            auto db = data.tmp.connect();
            ConversationRepository conv(*db, data.user);
            conversationId = conv.ensureForTrip(trip.id).first.id;
            conv.addMessage(conversationId, true, u"Somewhere with hills"_s);
            conv.addMessage(conversationId, false, u"How many days?"_s);
            conv.addRecommendations(conversationId, QJsonArray{QJsonObject{{u"name"_s, u"Sintra"_s},
                                                                           {u"country"_s, u"Portugal"_s}}});
            messagesBefore = conv.messages(conversationId);
            PlanningRepository planning(*db, data.user);
            const PlanningSession s = planning.start(trip.id);
            planning.setSessionData(s.id, plan);
        }
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        win.select(trip.id);
        Confirm::setNextAnswer(true);
        win.w.deleteSelectedTrip();
        QVERIFY(Confirm::lastQuestion().contains(u"brings all of it back"_s));
        QTRY_COMPARE(win.w.tripModel()->rowCount(), 0);
        {
            auto db = data.tmp.connect();
            QVERIFY(!ConversationRepository(*db, data.user).findForTrip(trip.id)); // cascaded
        }
        win.w.undoStack()->undo();
        QTRY_COMPARE(win.w.tripModel()->rowCount(), 1);
        QTRY_VERIFY(win.w.statusBar()->currentMessage().contains(u"Restored"_s));
        auto db = data.tmp.connect();
        ConversationRepository conv(*db, data.user);
        const auto restored = conv.findForTrip(trip.id);
        QVERIFY(restored);
        QCOMPARE(restored->id, conversationId);
        const QList<Message> messagesAfter = conv.messages(conversationId);
        QCOMPARE(messagesAfter.size(), messagesBefore.size());
        for (int i = 0; i < messagesAfter.size(); ++i) {
            QCOMPARE(messagesAfter[i].id, messagesBefore[i].id);
            QCOMPARE(messagesAfter[i].content, messagesBefore[i].content);
            QCOMPARE(messagesAfter[i].isUser, messagesBefore[i].isUser);
        }
        QCOMPARE(conv.recommendationHistory(conversationId).size(), 1);
        QVERIFY(conv.state(conversationId));
        const auto session = PlanningRepository(*db, data.user).active(trip.id);
        QVERIFY(session);
        QCOMPARE(session->sessionData, plan); // the plan, with a key we do not know, as it was

        // Redo deletes it all again; a second undo brings it back again.
        win.w.undoStack()->redo();
        QTRY_COMPARE(win.w.tripModel()->rowCount(), 0);
        QTRY_VERIFY(!conv.findForTrip(trip.id));
        win.w.undoStack()->undo();
        QTRY_COMPARE(win.w.tripModel()->rowCount(), 1);
        QTRY_COMPARE(conv.messages(conversationId).size(), messagesBefore.size());
    }

    // Nothing the data holds may grow the window: a 200-character title.
    void longTitleDoesNotGrowTheWindow() {
        Seeded data(u"sqlite"_s);
        const QString longTitle = QString(u"A very long trip title that goes on "_s).repeated(6).left(200);
        const Trip t = data.addTrip(longTitle);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        const int width = win.w.width();
        win.select(t.id);
        for (MainWindow::Panel p : {MainWindow::DetailsPanel, MainWindow::ConversationTab,
                                    MainWindow::PlanningTab, MainWindow::MapTab, MainWindow::DetailsPanel}) {
            win.w.showPanel(p);
            // What the panel asked the database for has arrived and been shown,
            // and the layouts that asked to be redone have been: nothing is left
            // that could still grow the window.
            QVERIFY(test::waitForPostedJobs(win.service));
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCOMPARE(win.w.width(), width);
            QVERIFY2(win.w.minimumSizeHint().width() <= 1024,
                     qPrintable(QString::number(win.w.minimumSizeHint().width())));
        }
    }

    // At 1024×700 the window fits, the search box is usable, the title column readable.
    void smallScreenLayout() {
        Seeded data(u"sqlite"_s);
        data.addTrip(u"Small screen trip"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        win.w.resize(1024, 700);
        QTRY_COMPARE(win.w.width(), 1024);
        QVERIFY2(win.w.minimumSizeHint().width() <= 1024,
                 qPrintable(QString::number(win.w.minimumSizeHint().width())));
        QVERIFY2(win.w.minimumSizeHint().height() <= 700,
                 qPrintable(QString::number(win.w.minimumSizeHint().height())));
        QTRY_VERIFY(win.child<QLineEdit>(u"tripSearch"_s)->width() >= 200);
        const QHeaderView* header = win.w.tripTable()->horizontalHeader();
        QVERIFY(header->sectionSize(TripListModel::TitleColumn) >=
                win.w.tripTable()->fontMetrics().averageCharWidth() * 20);
        // The status labels wrap instead of clipping: every step lies inside the stepper.
        auto* stepper = win.w.editor()->findChild<ui::StatusStepper*>(u"statusStepper"_s);
        int visibleSteps = 0;
        for (QLabel* step : stepper->findChildren<QLabel*>())
            if (step->isVisibleTo(stepper)) {
                ++visibleSteps;
                QVERIFY2(stepper->rect().contains(step->geometry()), qPrintable(step->text()));
            }
        QVERIFY(visibleSteps > 0); // else the loop above checked nothing
    }

    void statusStepperShowsWhereTheTripStands() {
        Seeded data(u"sqlite"_s);
        const Trip t = data.addTrip(u"Hotels"_s, u"hotels_selected"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        win.select(t.id);
        ui::TripEditor* editor = win.w.editor();
        QTRY_COMPARE(editor->tripId(), t.id);
        auto* stepper = editor->findChild<ui::StatusStepper*>(u"statusStepper"_s);
        QCOMPARE(stepper->stepState(u"planning"_s), u"done"_s);
        QCOMPARE(stepper->stepState(u"hotels_selected"_s), u"current"_s);
        QCOMPARE(stepper->stepState(u"booked"_s), u"todo"_s);
        // The current step stands out in light and dark palettes alike.
        auto* current = stepper->findChild<QLabel*>(u"step_hotels_selected"_s);
        QCOMPARE(current->palette().color(QPalette::Window), stepper->palette().color(QPalette::Highlight));
        // A person sets only the statuses that are theirs to set (and sees the current one).
        auto* choice = editor->findChild<QComboBox*>(u"statusChoice"_s);
        QStringList offered;
        for (int i = 0; i < choice->count(); ++i)
            offered << choice->itemData(i).toString();
        QVERIFY(!offered.contains(u"ai_chat_active"_s));
        QVERIFY(!offered.contains(u"flights_selected"_s));
        QCOMPARE(offered, (QStringList{u"hotels_selected"_s, u"planning"_s, u"booked"_s, u"completed"_s,
                                       u"cancelled"_s}));
        choice->setCurrentIndex(choice->findData(u"cancelled"_s));
        QCOMPARE(stepper->stepState(u"cancelled"_s), u"current"_s);
        QVERIFY(stepper->findChild<QLabel*>(u"step_cancelled"_s)->isVisibleTo(stepper));
    }

    // The date filter: typed, picked from a calendar that opens at today, cleared.
    void dateFilter() {
        Seeded data(u"sqlite"_s);
        data.addTrip(u"June trip"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        auto* from = win.child<ui::DateFilterEdit>(u"fromFilter"_s);
        auto* clear = win.child<QPushButton>(u"clearFilters"_s);
        QVERIFY(!clear->isEnabled());
        QVERIFY(!from->date().isValid());
        QCOMPARE(from->lineEdit()->placeholderText(), u"any date"_s);

        from->lineEdit()->setFocus();
        QTest::keyClicks(from->lineEdit(), u"2031-07-01"_s);
        QTest::keyClick(from->lineEdit(), Qt::Key_Return);
        QCOMPARE(from->date(), QDate(2031, 7, 1));
        QCOMPARE(from->lineEdit()->text(), u"2031-07-01"_s); // what was typed, nothing else
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 0);
        QVERIFY(clear->isEnabled());
        QTRY_VERIFY(win.child<QLabel>(u"tripCount"_s)->text().contains(u"0"_s));

        // Not a date: said, and the filter keeps its date.
        from->lineEdit()->selectAll();
        QTest::keyClicks(from->lineEdit(), u"2031-13-45"_s);
        QTest::keyClick(from->lineEdit(), Qt::Key_Return);
        QCOMPARE(from->date(), QDate(2031, 7, 1));
        QVERIFY(from->lineEdit()->toolTip().contains(u"YYYY-MM-DD"_s));

        // The clear button of the field: any date again.
        from->lineEdit()->clear();
        QVERIFY(!from->date().isValid());
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 1);

        // The calendar opens at today, not in 1900.
        QTest::mouseClick(from->calendarButton(), Qt::LeftButton);
        QCalendarWidget* calendar = nullptr;
        QTRY_VERIFY(
            (calendar = qApp->activePopupWidget()
                            ? qApp->activePopupWidget()->findChild<QCalendarWidget*>(u"filterCalendar"_s)
                            : nullptr));
        QCOMPARE(calendar->selectedDate(), QDate::currentDate());
        calendar->setSelectedDate(QDate(2031, 5, 1));
        Q_EMIT calendar->activated(QDate(2031, 5, 1));
        QCOMPARE(from->date(), QDate(2031, 5, 1));

        // Clear filters: everything back to "any".
        win.child<QLineEdit>(u"tripSearch"_s)->setText(u"nothing matches this"_s);
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 0);
        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY(!from->date().isValid());
        QVERIFY(win.child<QLineEdit>(u"tripSearch"_s)->text().isEmpty());
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 1);
        QVERIFY(!clear->isEnabled());
    }

    // A search that matches nothing does not go on showing the previous trip.
    void noMatchClearsTheTripOnTheRight() {
        Seeded data(u"sqlite"_s);
        const Trip t = data.addTrip(u"Visible trip"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        win.select(t.id);
        QTRY_COMPARE(win.w.editor()->tripId(), t.id);
        win.child<QLineEdit>(u"tripSearch"_s)->setText(u"zzzz no such trip"_s);
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 0);
        QTRY_COMPARE(win.w.editor()->tripId(), 0);
        QCOMPARE(win.w.conversationPanel()->tripId(), 0);
    }

    // Ctrl+End goes to the last trip of all, not the last of the loaded page.
    void ctrlEndReachesTheLastTrip() {
        Seeded data(u"sqlite"_s);
        {
            auto db = data.tmp.connect();
            TripRepository trips(*db, data.user);
            db->transaction([&] {
                for (int i = 0; i < 450; ++i) {
                    Trip t;
                    t.title = u"Trip %1"_s.arg(i, 3, 10, QChar(u'0'));
                    trips.create(t);
                }
            });
        }
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        QTRY_COMPARE(win.w.tripModel()->totalCount(), 450);
        QVERIFY(win.w.tripModel()->rowCount() < 450); // paged
        QTableView* table = win.w.tripTable();
        table->setFocus();
        table->setCurrentIndex(win.w.tripModel()->index(0, 0));
        QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(table->currentIndex().row(), 449, 20000);
        QCOMPARE(win.w.tripModel()->tripAt(449).title, u"Trip 000"_s); // newest first: the oldest is last
    }

    // Keyboard: no mnemonic is claimed twice on the trips page, Ctrl+S saves,
    // Settings has a shortcut everywhere.
    void keyboardAccess() {
        Seeded data(u"sqlite"_s);
        const Trip t = data.addTrip(u"Keys"_s);
        Window win(data.tmp.url());
        QVERIFY(win.ready());
        win.select(t.id);
        QTRY_COMPARE(win.w.editor()->tripId(), t.id);
        QHash<QChar, QStringList> owners;
        auto note = [&](const QString& text) {
            const qsizetype amp = text.indexOf(u'&');
            if (amp >= 0 && amp + 1 < text.size() && text.at(amp + 1) != u'&')
                owners[text.at(amp + 1).toLower()] << text;
        };
        for (QAction* menu : win.w.menuBar()->actions())
            note(menu->text());
        for (QWidget* widget : win.w.findChildren<QWidget*>()) {
            if (!widget->isVisibleTo(&win.w))
                continue;
            if (auto* button = qobject_cast<QAbstractButton*>(widget))
                note(button->text());
            else if (auto* label = qobject_cast<QLabel*>(widget); label && label->buddy())
                note(label->text());
            else if (auto* tabs = qobject_cast<QTabWidget*>(widget))
                for (int i = 0; i < tabs->count(); ++i)
                    note(tabs->tabText(i));
        }
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1,
                     qPrintable(u"Alt+%1: %2"_s.arg(it.key(), it.value().join(u", "_s))));

        QAction* settings = win.w.findChild<QAction*>(u"actionSettings"_s);
        QVERIFY(!settings->shortcuts().isEmpty());
        auto* title = win.w.editor()->findChild<QLineEdit*>(u"title"_s);
        title->setText(u"Keys, renamed"_s);
        QTest::keySequence(&win.w, QKeySequence::Save);
        QTRY_COMPARE(win.w.tripModel()->tripAt(0).title, u"Keys, renamed"_s);
    }
};

QTEST_MAIN(TestWindowJourneys)
#include "tst_window_journeys.moc"
