// SPDX-License-Identifier: GPL-3.0-or-later
// The planner's proposals in the window, offline: Draft the itinerary on the
// Planning tab, untick one card, accept the rest as one undoable change; the
// budget's estimate saved as the trip's budget; proposals over a plan that
// changed meanwhile refused; nothing written when the dialog is discarded.
#include "FakeLlmServer.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "Workspace.h"
#include "config/Translations.h"
#include "conversation/ConversationPanel.h"
#include "main/MainWindow.h"
#include "plan/Itinerary.h"
#include "plan/PlanCodec.h"
#include "plan/PlanEditor.h"
#include "plan/ProposalsDialog.h"
#include "planning/PlanningPanel.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "style/ErrorText.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MainWindow;

namespace {

QByteArray json(const plan::Plan& p) {
    return QJsonDocument(plan::planToJson(p)).toJson(QJsonDocument::Compact);
}

bool everyDayHasPlan(const plan::Plan& p, const QDate& first, const QDate& last, QString* missing) {
    for (const plan::ItineraryDay& day : plan::buildItinerary(p, first, last)) {
        bool any = false;
        for (const plan::ItineraryEntry& e : day.entries)
            any = any || e.kind == plan::ItineraryEntry::Kind::Activity ||
                  e.kind == plan::ItineraryEntry::Kind::Leg;
        if (!any) {
            *missing = day.date.toString(Qt::ISODate);
            return false;
        }
    }
    return true;
}

} // namespace

// The window on the test's database, as the app starts it.
struct OpenWindow {
    explicit OpenWindow(const test::TempDatabase& db)
        : service(db.url(), 0)
        , workspace(&service, u"planner"_s)
        , window(&workspace) {}
    DatabaseService service;
    app::Workspace workspace;
    MainWindow window;
};

class TestPlanSuggestions : public QObject {
    Q_OBJECT

    test::TempDatabase m_db{u"sqlite"_s};
    Id m_tripId = 0;
    const QDate m_first{2027, 5, 10};
    const QDate m_last{2027, 5, 16};

    // Opens the window on the trip's Planning tab, the plan loaded.
    static void openPlanning(MainWindow& w) {
        w.show();
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.showPanel(MainWindow::PlanningTab);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTRY_VERIFY(!w.planningPanel()->editor()->plan().activities.isEmpty());
    }

    // Clicks the stage's Suggest button and returns the dialog it opens.
    static ui::ProposalsDialog* ask(ui::PlanningPanel* panel, const char* stage, bool byKeyboard = false) {
        panel->editor()->showStage(QString::fromLatin1(stage));
        QSignalSpy shown(panel, &ui::PlanningPanel::proposalsShown);
        QPushButton* suggest = panel->editor()->suggestButton();
        if (!suggest->isVisible() || !suggest->isEnabled())
            return nullptr;
        if (byKeyboard) { // the button's shortcut, from wherever the focus is in the window
            panel->window()->activateWindow();
            if (!QTest::qWaitForWindowActive(panel->window()))
                return nullptr;
            QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : panel->window();
            QTest::keyClick(focus, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        } else {
            QTest::mouseClick(suggest, Qt::LeftButton);
        }
        if (!shown.wait(10000))
            return nullptr;
        return qobject_cast<ui::ProposalsDialog*>(shown.at(0).at(0).value<QDialog*>());
    }

private Q_SLOTS:
    void initTestCase() {
        tp::installTranslations(*QCoreApplication::instance(), QLocale(u"en"_s)); // the plural forms
        auto db = m_db.connectMigrated();
        const User user = UserRepository(*db).ensureLocalUser(u"planner"_s);
        Destination lisbon;
        lisbon.name = u"Lisbon"_s;
        lisbon.country = u"Portugal"_s;
        lisbon.averageCostPerDay = Decimal::parse(u"85.50", 12, 2);
        lisbon.latitude = Decimal::parse(u"38.72", 9, 6);
        lisbon.longitude = Decimal::parse(u"-9.13", 9, 6);
        const Id dest = DestinationRepository(*db).create(lisbon).id;
        Trip trip;
        trip.title = u"Lisbon in May"_s;
        trip.destinationId = dest;
        trip.startDate = m_first;
        trip.endDate = m_last;
        trip.travelersCount = 2;
        m_tripId = TripRepository(*db, user.id).create(trip).id;
        plan::Plan p;
        plan::Activity idea;
        idea.id = u"act-tram"_s;
        idea.title = u"Tram 28 across the hills"_s;
        p.activities << idea;
        PlanRepository plans(*db, user.id);
        plans.save(plans.load(m_tripId), p);
        // The destination was chosen in the conversation.
        ConversationRepository conversations(*db, user.id);
        auto [conversation, state] = conversations.ensureForTrip(m_tripId);
        conversations.addMessage(conversation.id, true, u"Lisbon, please."_s);
        state.currentStage = u"commitment_detected"_s;
        conversations.saveState(state);
    }

    // The conversation, once the destination is chosen, offers the planner's
    // help with the stages: Draft the itinerary there opens the Planning tab
    // with the draft's cards.
    void fromTheConversation() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        w.showPanel(MainWindow::ConversationTab);
        auto* conversation = w.findChild<ui::ConversationPanel*>();
        QTRY_VERIFY(conversation->nextStepsRow()->isVisible());
        QSignalSpy shown(w.planningPanel(), &ui::PlanningPanel::proposalsShown);
        QTest::mouseClick(conversation->nextStepsRow()->findChild<QPushButton*>(u"next_itinerary"_s),
                          Qt::LeftButton);
        QVERIFY(shown.wait(10000));
        auto* dialog = qobject_cast<ui::ProposalsDialog*>(shown.at(0).at(0).value<QDialog*>());
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"A draft itinerary"_s);
        QVERIFY(w.planningPanel()->isVisible());
        dialog->reject();
    }

    void draftTheItineraryAcceptAndUndo() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        const plan::Plan before = panel->editor()->plan();

        // Transport and the review have no Suggest button; the four other stages do.
        panel->editor()->showStage(u"flights"_s);
        QVERIFY(!panel->editor()->suggestButton()->isVisibleTo(&w));
        panel->editor()->showStage(u"itinerary"_s);
        QCOMPARE(panel->editor()->suggestButton()->text(), u"Draft the itinerary…"_s);

        ui::ProposalsDialog* dialog = ask(panel, "itinerary", true);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QListWidget* list = dialog->list();
        // Arrival, the idea and the catalogue's ideas two a day, a rest day, departure.
        const int cards = list->count();
        QCOMPARE(cards, 11);
        QVERIFY(list->item(1)->text().contains(u"Tram 28 across the hills"_s));
        QVERIFY(dialog->findChild<QLabel*>(u"proposalsNote"_s)->text().contains(u"built-in planner"_s));
        // Untick the last card (the departure day) with the keyboard: it stays out of the plan.
        list->setFocus();
        list->setCurrentRow(list->count() - 1);
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(list->item(list->count() - 1)->checkState(), Qt::Unchecked);
        QCOMPARE(dialog->chosen().size(), list->count() - 1);
        QTest::mouseClick(dialog->acceptSelectedButton(), Qt::LeftButton);

        // One undoable change; the plan saved with every day but the last filled.
        QTRY_COMPARE(panel->editor()->plan().activities.size(), before.activities.size() + cards - 2);
        QTRY_VERIFY(!w.planningPanel()->findChild<ui::ProposalsDialog*>());
        const plan::Plan drafted = panel->editor()->plan();
        QVERIFY(drafted.activity(u"act-tram"_s)->isScheduled());
        QString missing;
        QVERIFY(!everyDayHasPlan(drafted, m_first, m_last, &missing));
        QCOMPARE(missing, m_last.toString(Qt::ISODate));
        QVERIFY(everyDayHasPlan(drafted, m_first, m_last.addDays(-1), &missing));
        QCOMPARE(w.undoStack()->undoText(), u"Accept 10 suggestions"_s);
        auto* note = panel->findChild<QLabel*>(u"planningError"_s);
        QVERIFY2(note->text().startsWith(u"Added 10 suggestions to the plan"_s), qPrintable(note->text()));
        QVERIFY(!ui::isErrorText(note));

        w.undoStack()->undo();
        QTRY_COMPARE(json(panel->editor()->plan()), json(before));
        w.undoStack()->redo();
        QTRY_COMPARE(json(panel->editor()->plan()), json(drafted));
        w.undoStack()->undo();
        QTRY_COMPARE(json(panel->editor()->plan()), json(before));
        QTRY_VERIFY(!panel->editor()->isBusy());
    }

    void discardWritesNothing() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        const QByteArray before = json(panel->editor()->plan());
        ui::ProposalsDialog* dialog = ask(panel, "accommodation");
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 1);
        // Dates as the window writes them (the locale's; C here).
        QVERIFY2(dialog->list()->item(0)->text().startsWith(
                     u"A stay in central Lisbon: Mon 10 May 2027 to Sun 16 May 2027 (6 nights)"_s),
                 qPrintable(dialog->list()->item(0)->text()));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!panel->findChild<ui::ProposalsDialog*>());
        QTest::qWait(100);
        QCOMPARE(json(panel->editor()->plan()), before);
        QCOMPARE(w.undoStack()->count(), 0);
    }

    // Edit first: the proposed stay in the Stays form, not in the plan until
    // Save; the price typed in goes with it; one undo step takes it out.
    void editFirst() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        const QByteArray before = json(panel->editor()->plan());
        ui::ProposalsDialog* dialog = ask(panel, "accommodation");
        QVERIFY(dialog);
        QVERIFY(dialog->editButton()->isEnabled());
        QTest::mouseClick(dialog->editButton(), Qt::LeftButton);
        QTRY_VERIFY(!panel->findChild<ui::ProposalsDialog*>());
        QCOMPARE(panel->editor()->tabs()->currentIndex(), 0);
        auto* name = panel->editor()->findChild<QLineEdit*>(u"stayName"_s);
        QCOMPARE(name->text(), u"A stay in central Lisbon"_s);
        QVERIFY(panel->editor()->unsavedSection()); // leaving now would ask
        QCOMPARE(json(panel->editor()->plan()), before);
        name->setText(u"Casa do Largo"_s);
        panel->editor()->findChild<QLineEdit*>(u"stayPrice"_s)->setText(u"540.00"_s);
        panel->editor()->findChild<QLineEdit*>(u"stayCurrency"_s)->setText(u"EUR"_s);
        QTest::mouseClick(panel->editor()->findChild<QPushButton*>(u"staySave"_s), Qt::LeftButton);
        QTRY_COMPARE(panel->editor()->plan().stays.size(), 1);
        QCOMPARE(panel->editor()->plan().stays.first().name, u"Casa do Largo"_s);
        QCOMPARE(panel->editor()->plan().stays.first().checkOut, m_last);
        QCOMPARE(panel->editor()->plan().stays.first().price->amount.toString(), u"540.00"_s);
        w.undoStack()->undo();
        QTRY_COMPARE(json(panel->editor()->plan()), before);
        QTRY_VERIFY(!panel->editor()->isBusy());
    }

    // The plan changed (another save) while the cards were open: nothing is added.
    void staleProposalsRefused() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        ui::ProposalsDialog* dialog = ask(panel, "activities");
        QVERIFY(dialog);
        plan::Plan changed = panel->editor()->plan();
        changed.activities.first().notes = u"Buy a 24-hour ticket"_s;
        Q_EMIT panel->editor()->changeRequested(changed, u"Edit note"_s);
        QTRY_COMPARE(panel->editor()->plan().activities.first().notes, u"Buy a 24-hour ticket"_s);
        const QByteArray saved = json(panel->editor()->plan());
        QTest::mouseClick(dialog->acceptAllButton(), Qt::LeftButton);
        auto* note = panel->findChild<QLabel*>(u"planningError"_s);
        QTRY_VERIFY2(note->text().startsWith(u"The plan or the trip changed while the proposals were open"_s),
                     qPrintable(note->text() + u" / undo: "_s + w.undoStack()->undoText()));
        QVERIFY(ui::isErrorText(note));
        QCOMPARE(json(panel->editor()->plan()), saved);
        QCOMPARE(w.undoStack()->undoText(), u"Edit note"_s);
        w.undoStack()->undo();
        QTRY_VERIFY(panel->editor()->plan().activities.first().notes.isEmpty());
    }

    // The budget: the home currency into the plan, the estimate as the trip's budget
    // (85.50 × 2 travellers × 7 days = 1197.00), each undoable.
    void budgetEstimateBecomesTheTripsBudget() {
        OpenWindow open(m_db);
        MainWindow& w = open.window;
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        ui::ProposalsDialog* dialog = ask(panel, "budget");
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 2);
        QVERIFY(dialog->list()->item(1)->text().startsWith(u"Trip budget: 1197.00 USD"_s));
        QTest::mouseClick(dialog->acceptAllButton(), Qt::LeftButton);
        QTRY_COMPARE(panel->editor()->plan().budget.homeCurrency, u"USD"_s);
        QTRY_VERIFY(w.tripModel()->tripAt(0).budget.has_value());
        QCOMPARE(w.tripModel()->tripAt(0).budget->toString(), u"1197.00"_s);
        QTRY_COMPARE(w.undoStack()->count(), 2);
        w.undoStack()->undo(); // the trip's budget
        QTRY_VERIFY(!w.tripModel()->tripAt(0).budget.has_value());
        w.undoStack()->undo(); // the home currency
        QTRY_VERIFY(panel->editor()->plan().budget.homeCurrency.isEmpty());
    }

    // With a model chosen in the settings the model proposes (the fake
    // provider on loopback, streamed): its cards, marked to verify, accepted;
    // a request that hangs stopped with the same button; a refused request
    // reported, the plan untouched.
    void modelProposals() {
        test::FakeLlmServer server;
        const QByteArray answer =
            QJsonDocument(QJsonObject{{u"intro"_s, u"Two ideas for Lisbon."_s},
                                      {u"proposals"_s,
                                       QJsonArray{QJsonObject{{u"kind"_s, u"activity"_s},
                                                              {u"title"_s, u"Miradouro de Santa Luzia"_s},
                                                              {u"place_name"_s, u"Alfama"_s},
                                                              {u"latitude"_s, 38.7117},
                                                              {u"longitude"_s, -9.1300},
                                                              {u"reason"_s, u"The view over the river."_s}},
                                                  QJsonObject{{u"kind"_s, u"activity"_s},
                                                              {u"title"_s, u"Fado night"_s},
                                                              {u"cost"_s, -40},
                                                              {u"currency"_s, u"EUR"_s},
                                                              {u"reason"_s, u"Music."_s}}}}})
                .toJson(QJsonDocument::Compact);
        QString mode = u"answer"_s;
        server.handler = [&mode, answer](const test::RecordedRequest&) {
            test::FakeResponse r =
                test::FakeLlmServer::wrap(test::FakeLlmServer::Flavour::OpenAi, answer, true);
            if (mode == u"hang")
                r.silentAfterEvents = 1;
            if (mode == u"refuse") {
                r = {};
                r.status = 400;
                r.body = "{\"error\": {\"message\": \"The model `x` does not exist\"}}";
            }
            return r;
        };
        llm::ProviderConfig config;
        config.provider = llm::Provider::OpenAiCompatible;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"test-key-123"_s;
        config.model = u"test-model"_s;
        config.idleTimeoutMs = 20000;
        config.maxAttempts = 1;

        DatabaseService service(m_db.url(), 0);
        app::Workspace workspace(&service, u"planner"_s);
        workspace.setPlannerConfig(config);
        MainWindow w(&workspace);
        openPlanning(w);
        if (QTest::currentTestFailed())
            return;
        ui::PlanningPanel* panel = w.planningPanel();
        const QByteArray before = json(panel->editor()->plan());
        auto* note = panel->findChild<QLabel*>(u"planningError"_s);

        ui::ProposalsDialog* dialog = ask(panel, "activities");
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 2);
        QVERIFY(dialog->list()->item(0)->text().contains(u"check that it exists"_s));
        QVERIFY(dialog->list()->item(1)->text().contains(u"Cannot be accepted"_s));
        QVERIFY(!(dialog->list()->item(1)->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(dialog->findChild<QLabel*>(u"proposalsNote"_s)->text(), u"Two ideas for Lisbon."_s);
        QCOMPARE(dialog->chosen(), (QList<qsizetype>{0}));
        QTest::mouseClick(dialog->acceptSelectedButton(), Qt::LeftButton);
        QTRY_VERIFY(json(panel->editor()->plan()).contains("Miradouro de Santa Luzia"));
        QCOMPARE(w.undoStack()->undoText(), u"Accept 1 suggestion"_s);
        w.undoStack()->undo();
        QTRY_COMPARE(json(panel->editor()->plan()), before);

        // A request that hangs: the same button stops it.
        mode = u"hang"_s;
        panel->editor()->showStage(u"activities"_s);
        QPushButton* suggest = panel->editor()->suggestButton();
        QTest::mouseClick(suggest, Qt::LeftButton);
        QTRY_COMPARE(suggest->text(), u"Stop asking the planner"_s);
        QTRY_VERIFY(note->text().startsWith(u"The planner: Two ideas"_s)); // the intro as it streamed
        QTest::mouseClick(suggest, Qt::LeftButton);
        QTRY_COMPARE(note->text(), u"Stopped asking the planner; nothing was changed."_s);
        QCOMPARE(suggest->text(), u"Suggest activities…"_s);
        QVERIFY(!panel->findChild<ui::ProposalsDialog*>());

        // Stopped at once, before the model was even asked: nothing is sent.
        mode = u"answer"_s;
        const qsizetype sent = server.requests.size();
        QTest::mouseClick(suggest, Qt::LeftButton);
        QCOMPARE(suggest->text(), u"Stop asking the planner"_s);
        QTest::mouseClick(suggest, Qt::LeftButton);
        QTRY_COMPARE(note->text(), u"Stopped asking the planner; nothing was changed."_s);
        QTest::qWait(200);
        QCOMPARE(server.requests.size(), sent);
        QVERIFY(!panel->findChild<ui::ProposalsDialog*>());

        // A refused request: said in the note, in the error colour.
        mode = u"refuse"_s;
        QTest::mouseClick(suggest, Qt::LeftButton);
        QTRY_VERIFY2(note->text().startsWith(u"The planner could not make proposals: "_s),
                     qPrintable(note->text()));
        QVERIFY(ui::isErrorText(note));
        QCOMPARE(json(panel->editor()->plan()), before);
    }
};

QTEST_MAIN(TestPlanSuggestions)
#include "tst_plan_suggestions.moc"
