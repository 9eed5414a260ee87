// SPDX-License-Identifier: GPL-3.0-or-later
// A planner turn's result reaches every panel of the window without a
// database read (issue 14): the conversation, the cards, the trips list's row,
// the editor, the planning tab and the map are all updated from the turn's
// values. The window's own connection is counted around each turn: an
// answer or a recommendations turn costs it nothing; a commitment to a
// destination new to the catalogue costs only the catalogue table's page.
#include "PlanningStagesModel.h"
#include "TestBackends.h"
#include "TripListModel.h"
#include "TripSession.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "main/MainWindow.h"
#include "main/TripEditor.h"
#include "planning/PlanningPanel.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QFrame>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::conversation::ConversationService;
using tp::conversation::TurnResult;

class TestTurnStatements : public QObject {
    Q_OBJECT

    // Every job posted before now has been answered and its answer shown (the
    // worker answers in order): a barrier, not a sleep.
    static bool drain(DatabaseService& service) {
        bool answered = false;
        QObject context;
        service.post<int>(
            &context, [](Database&) { return 0; }, [&](Result<int>) { answered = true; });
        return QTest::qWaitFor([&] { return answered; }, 30000);
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setApplicationName(u"tp-turn-statements"_s); }

    void aTurnReadsNothingInTheWindow() {
        test::TempDatabase tmp(u"sqlite"_s);
        Id tripId = 0;
        User user;
        {
            auto db = tmp.connectMigrated();
            user = UserRepository(*db).ensureLocalUser(u"walker"_s);
            Trip draft;
            draft.title = u"Summer by the sea"_s;
            tripId = TripRepository(*db, user.id).create(draft).id;
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"walker"_s);
        ConversationService planner(tmp.url(), user.id, {}); // the offline planner
        workspace.usePlanner(&planner);
        ui::MainWindow w(&workspace);
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.tripModel()->rowCount() == 1, 30000);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        w.showPanel(ui::MainWindow::ConversationTab);
        QTRY_VERIFY(workspace.currentSession() && workspace.currentSession()->isLoaded());
        QTRY_COMPARE(w.conversationPanel()->tripId(), tripId);
        QVERIFY(drain(service));

        auto* input = w.conversationPanel()->findChild<QPlainTextEdit*>(u"messageInput"_s);
        auto* send = w.conversationPanel()->findChild<QPushButton*>(u"send"_s);
        auto cards = [&] {
            return w.conversationPanel()->findChildren<QFrame*>(u"recommendationCard"_s);
        };
        QSignalSpy done(&workspace, &app::Workspace::turnCompleted);
        QSignalSpy failed(&workspace, &app::Workspace::turnFailed);

        // Questions, then the three cards: every such turn costs the window's
        // connection no statement at all.
        const QStringList answers{u"A relaxed beach holiday with good food"_s,
                                  u"About $100 a day"_s,
                                  u"In June"_s,
                                  u"5 days"_s,
                                  u"Two adults"_s,
                                  u"Beaches, food and a bit of hiking"_s,
                                  u"Nothing else"_s};
        int turns = 0;
        for (const QString& answer : answers) {
            const quint64 before = service.statementsRun();
            QTRY_VERIFY(input->isEnabled());
            input->setPlainText(answer);
            QTest::mouseClick(send, Qt::LeftButton);
            ++turns;
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns, 20000);
            QVERIFY(drain(service));
            QCOMPARE(service.statementsRun() - before, quint64(0));
            if (cards().size() == 3)
                break; // shown from the turn's result: nothing was read to show them
        }
        QCOMPARE(failed.size(), 0);
        QCOMPARE(cards().size(), 3);
        const TurnResult recommended = done.last().first().value<TurnResult>();
        QVERIFY(recommended.recommendations.has_value());

        // The commitment: the row in the list, the editor, the planning tab and
        // the map take the turn's values. The destination is new to the
        // catalogue, so its table reads its page again, and nothing else is read.
        const quint64 before = service.statementsRun();
        auto* choose = cards().first()->findChild<QPushButton*>(u"chooseDestination"_s);
        QVERIFY(choose);
        QTest::mouseClick(choose, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns + 1, 20000);
        QVERIFY(drain(service));
        QVERIFY2(service.statementsRun() - before <= 2,
                 qPrintable(QString::number(service.statementsRun() - before)));
        const TurnResult committed = done.last().first().value<TurnResult>();
        QVERIFY(committed.destination.has_value());
        QVERIFY(committed.planningSession.has_value());
        QCOMPARE(committed.trip.status, u"destinations_selected"_s);

        const Trip row = w.tripModel()->tripAt(0);
        QCOMPARE(row.status, u"destinations_selected"_s);
        QCOMPARE(row.destinationId, std::optional<Id>(committed.destination->id));
        QCOMPARE(row.destinationName, committed.destination->name);
        QCOMPARE(w.editor()->currentTrip().destinationId, std::optional<Id>(committed.destination->id));
        QVERIFY(w.planningPanel()->stages()->session().has_value());
        QVERIFY(w.planningPanel()->stages()->session()->stagesCompleted.contains(u"destination"_s));
        const TripDetails& held = workspace.currentSession()->details();
        QCOMPARE(held.trip.status, u"destinations_selected"_s);
        QCOMPARE(held.state->currentStage, u"commitment_detected"_s);
        QVERIFY(held.destination.has_value());

        // What the window shows is what is stored.
        auto db = tmp.connect();
        const TripDetails stored = TripRepository(*db, user.id).open(tripId);
        QCOMPARE(stored.trip.status, row.status);
        QCOMPARE(stored.trip.destinationId, row.destinationId);
        QCOMPARE(stored.trip.updatedAt, held.trip.updatedAt); // the version the next edit is checked against
        QCOMPARE(stored.state->updatedAt, held.state->updatedAt);
    }
};

QTEST_MAIN(TestTurnStatements)
#include "tst_turn_statements.moc"
