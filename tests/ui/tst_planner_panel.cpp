// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation panel driving the AI planner (issue 4): the offline
// planner from the first message to a chosen destination, and an
// OpenAI-compatible provider on a loopback server: streaming into the pending
// reply, Cancel, a server failure kept as unsent with Retry, and the retry.
#include "../ai/ConversationDump.h"
#include "../ai/FakeLlmServer.h"
#include "MessageListModel.h"
#include "TestBackends.h"
#include "Workspace.h"
#include "config/ProviderFromSettings.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::conversation::ConversationService;
using tp::ui::ConversationPanel;

namespace {

// A database, the window's DatabaseService, a user with a trip, and the panel showing it.
struct Fixture {
    Fixture()
        : tmp(u"sqlite"_s)
        , service(tmp.url(), 0) {}

    bool start() {
        if (!QTest::qWaitFor([this] { return service.state() == DatabaseService::State::Connected; }, 30000))
            return false;
        db = tmp.connect();
        user = UserRepository(*db).create(u"erin"_s);
        Trip draft;
        draft.title = u"Summer"_s;
        trip = TripRepository(*db, user.id).create(draft);
        workspace = std::make_unique<app::Workspace>(&service, user.username);
        workspace->adoptUser(user);
        panel = std::make_unique<ConversationPanel>(workspace.get());
        panel->resize(800, 700);
        panel->show();
        panel->showTrip(TripRepository(*db, user.id).open(trip.id));
        return QTest::qWaitForWindowExposed(panel.get());
    }

    template <typename T> T* child(const QString& name) const { return panel->findChild<T*>(name); }
    // Waits until every read the panel posted before now has been answered
    // and shown (the worker answers in order): a barrier, not a sleep.
    bool drain() {
        bool answered = false;
        QObject context;
        service.post<int>(
            &context, [](Database&) { return 0; }, [&](Result<int>) { answered = true; });
        return QTest::qWaitFor([&] { return answered; }, 30000);
    }
    QPlainTextEdit* input() const { return child<QPlainTextEdit>(u"messageInput"_s); }
    QPushButton* send() const { return child<QPushButton>(u"send"_s); }
    QPushButton* cancel() const { return child<QPushButton>(u"cancelReply"_s); }
    QPushButton* retry() const { return child<QPushButton>(u"retrySend"_s); }
    QLabel* note() const { return child<QLabel>(u"inputNote"_s); }
    QLabel* pendingUser() const { return child<QLabel>(u"pendingUserMessage"_s); }
    QPlainTextEdit* pendingReply() const { return child<QPlainTextEdit>(u"pendingReply"_s); }
    QWidget* pending() const { return child<QWidget>(u"pendingTurn"_s); }
    QList<QFrame*> cards() const { return panel->findChildren<QFrame*>(u"recommendationCard"_s); }
    bool hasChosenCard() const {
        const QList<QFrame*> all = cards();
        return std::any_of(all.cbegin(), all.cend(),
                           [](QFrame* c) { return c->property("chosen").toBool(); });
    }

    void type(const QString& text) {
        input()->setFocus();
        input()->setPlainText(text);
        QTest::mouseClick(send(), Qt::LeftButton);
    }

    test::TempDatabase tmp;
    DatabaseService service;
    std::unique_ptr<Database> db; // a connection of its own, to check what was stored
    User user;
    Trip trip;
    std::unique_ptr<app::Workspace> workspace;
    std::unique_ptr<ConversationPanel> panel;
};

} // namespace

class TestPlannerPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_config; // the settings file of this test, not the user's

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    // The provider the settings name, with its key; a missing key is said in words.
    void providerFromSettings() {
        const QString profile = u"plannerpanel"_s;
        Settings settings(profile);
        const SecretStore secrets(profile);
        // As the window does it: asynchronously, the answer through the event loop.
        QString problem = u"stale"_s;
        llm::ProviderConfig c;
        auto resolve = [&] {
            QObject context;
            bool answered = false;
            tp::providerFromSettingsAsync(settings, secrets, &context,
                                          [&](const llm::ProviderConfig& config, const QString& text) {
                                              c = config;
                                              problem = text;
                                              answered = true;
                                          });
            return !answered && QTest::qWaitFor([&answered] { return answered; }, 30000);
        };
        QVERIFY(resolve());
        QCOMPARE(c.provider, llm::Provider::Offline);
        QVERIFY(problem.isEmpty());

        // A local OpenAI-compatible server (the default, Ollama) needs no key.
        settings.setLlm({LlmProvider::OpenAiCompatible, {}, {}});
        QVERIFY(resolve());
        QCOMPARE(c.provider, llm::Provider::OpenAiCompatible);
        QCOMPARE(c.baseUrl, QUrl(u"http://localhost:11434/v1"_s));
        QCOMPARE(c.model, u"llama3.2"_s);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // Gemini needs one: without it the config comes back keyless, with the problem in words.
        settings.setLlm({LlmProvider::Gemini, {}, u"gemini-test"_s});
        const QString key = secrets.llmApiKeyKey(LlmProvider::Gemini);
        SecretStore::clearSessionSecret(key);
        QVERIFY(resolve());
        QCOMPARE(c.provider, llm::Provider::Gemini);
        QCOMPARE(c.baseUrl, QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s));
        QCOMPARE(c.model, u"gemini-test"_s);
        QVERIFY(c.apiKey.isEmpty());
        QVERIFY(!problem.isEmpty());
        QVERIFY2(problem.contains(u"Gemini"_s) && problem.contains(u"key"_s), qPrintable(problem));

        // With a key (here the session-only one), it is used and nothing is said.
        SecretStore::setSessionSecret(key, u"test-key-123"_s);
        QVERIFY(resolve());
        QCOMPARE(c.apiKey, u"test-key-123"_s);
        QVERIFY(problem.isEmpty());
        QVERIFY(!problem.contains(u"test-key-123"_s));
        SecretStore::clearSessionSecret(key);
    }

    void offlineToChosenDestination() {
        Fixture f;
        QVERIFY(f.start());
        ConversationService planner(f.tmp.url(), f.user.id, {});
        f.workspace->usePlanner(&planner);
        QSignalSpy done(&planner, &ConversationService::turnCompleted);
        QSignalSpy failed(&planner, &ConversationService::turnFailed);

        // The first message shows at once as pending; the input waits for the reply.
        f.type(u"A relaxed beach holiday with good food"_s);
        QCOMPARE(f.pendingUser()->text(), u"A relaxed beach holiday with good food"_s);
        QVERIFY(f.pending()->isVisible());
        QVERIFY(!f.input()->isEnabled());
        QVERIFY(f.input()->toPlainText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QTRY_COMPARE(f.panel->messages()->rowCount(), 2);
        QVERIFY(f.panel->messages()->messageAt(0).isUser);
        QCOMPARE(f.panel->messages()->messageAt(0).content, u"A relaxed beach holiday with good food"_s);
        const Message question = f.panel->messages()->messageAt(1);
        QVERIFY(!question.isUser);
        QVERIFY2(question.content.contains(u'?'), qPrintable(question.content));
        QVERIFY(!f.pending()->isVisible());
        QVERIFY(f.input()->isEnabled());
        QVERIFY(!f.cancel()->isVisible());

        // Answer the questions until the three cards appear.
        const QStringList answers{u"About $100 a day"_s,
                                  u"In June"_s,
                                  u"5 days"_s,
                                  u"Two adults"_s,
                                  u"Beaches, food and a bit of hiking"_s,
                                  u"Nothing else"_s};
        int turns = 1;
        for (const QString& answer : answers) {
            if (f.cards().size() == 3)
                break;
            f.type(answer);
            ++turns;
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns, 20000);
            QTRY_COMPARE(f.panel->messages()->rowCount(), 2 * turns);
            QTRY_VERIFY(f.input()->isEnabled());
            if (QTest::qWaitFor([&] { return f.cards().size() == 3; }, 300)) // the refresh after the turn
                break;
        }
        QTRY_COMPARE(f.cards().size(), 3);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(done.last().first().value<conversation::TurnResult>().state.currentStage,
                 u"destinations_complete"_s);

        // Choosing a card commits the trip to it.
        QFrame* card = f.cards().first();
        auto* choose = card->findChild<QPushButton*>(u"chooseDestination"_s);
        QVERIFY(choose);
        QVERIFY(choose->isEnabled());
        const QString cardName = card->accessibleName();
        QTest::mouseClick(choose, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns + 1, 20000);
        QCOMPARE(failed.size(), 0);
        TripDetails stored;
        QTRY_VERIFY_WITH_TIMEOUT(
            (stored = TripRepository(*f.db, f.user.id).open(f.trip.id)).trip.destinationId, 10000);
        QVERIFY2(cardName.startsWith(stored.trip.destinationName),
                 qPrintable(cardName + u" / "_s + stored.trip.destinationName));
        QCOMPARE(stored.trip.status, u"destinations_selected"_s);
        QVERIFY(stored.state);
        QCOMPARE(stored.state->currentStage, u"commitment_detected"_s);
        QTRY_COMPARE(f.panel->messages()->rowCount(), 2 * (turns + 1));

        // The chosen card is marked and offers nothing to press; the others offer a change of mind.
        QVERIFY(f.drain());
        QTRY_VERIFY(f.hasChosenCard());
        for (QFrame* c : f.cards()) {
            const bool chosen = c->property("chosen").toBool();
            QCOMPARE(c->findChild<QLabel*>(u"chosenMark"_s) != nullptr, chosen);
            auto* button = c->findChild<QPushButton*>(u"chooseDestination"_s);
            QCOMPARE(button != nullptr, !chosen);
            if (button)
                QCOMPARE(button->text(), u"Choose this instead"_s);
        }
        // Every card shows its whole description, and its button, without clipping.
        for (QFrame* c : f.cards()) {
            auto* desc = c->findChild<QLabel*>(u"cardDescription"_s);
            QVERIFY(desc->height() >= desc->heightForWidth(desc->width()));
        }
        // The conversation shows its newest message: the confirmation.
        auto* view = f.child<QListView>(u"messages"_s);
        QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    }

    // The whole journey with the keyboard only: typing, Ctrl+Enter, Tab to a card, Space.
    void keyboardOnlyToChosenDestination() {
        Fixture f;
        QVERIFY(f.start());
        ConversationService planner(f.tmp.url(), f.user.id, {});
        f.workspace->usePlanner(&planner);
        f.panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.panel.get()));
        QSignalSpy done(&planner, &ConversationService::turnCompleted);
        QPlainTextEdit* input = f.input();
        input->setFocus();
        QTRY_VERIFY(input->hasFocus());

        // Tab leaves the box instead of typing a tab character.
        QTest::keyClicks(input, u"Hiking and quiet nature"_s);
        QTest::keyClick(input, Qt::Key_Tab);
        QVERIFY(!input->toPlainText().contains(u'\t'));
        QVERIFY(!input->hasFocus());
        input->setFocus();

        const QStringList answers{u"Hiking and quiet nature, avoid crowds"_s,
                                  u"About $120 a day"_s,
                                  u"In June"_s,
                                  u"6 days"_s,
                                  u"Two adults"_s,
                                  u"Nothing else"_s,
                                  u"No"_s};
        int turns = 0;
        for (const QString& answer : answers) {
            if (f.cards().size() == 3)
                break;
            if (turns > 0) {
                QTRY_VERIFY(input->hasFocus()); // the box has the focus again after each reply
            } else {
                input->clear();
            }
            QTest::keyClicks(input, answer);
            QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
            ++turns;
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns, 20000);
            if (QTest::qWaitFor([&] { return f.cards().size() == 3; }, 300))
                break;
        }
        QTRY_COMPARE(f.cards().size(), 3);
        QVERIFY(f.drain()); // the panel's own reads after the turn are shown: the cards stay as they are
        QTRY_VERIFY(input->hasFocus());

        // Tab through the panel to the first card's button, and press Space.
        QPushButton* target = nullptr;
        for (int i = 0; i < 20 && !target; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            target = qobject_cast<QPushButton*>(QApplication::focusWidget());
            if (target && target->objectName() != u"chooseDestination"_s)
                target = nullptr;
        }
        QVERIFY2(target, "no card button is reachable with Tab");
        const QString chosenCard = target->accessibleName();
        QTest::keyClick(target, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns + 1, 20000);
        QVERIFY(f.drain());
        // The card pressed is the one marked as the destination.
        QFrame* marked = nullptr;
        for (QFrame* c : f.cards())
            if (c->property("chosen").toBool())
                marked = c;
        QVERIFY(marked);
        QVERIFY2(chosenCard.endsWith(marked->findChild<QLabel*>(u"cardName"_s)->text()),
                 qPrintable(chosenCard));
        QTRY_VERIFY(input->hasFocus());
        QVERIFY(TripRepository(*f.db, f.user.id).open(f.trip.id).trip.destinationId.has_value());
    }

    void openAiStreamCancelFailRetry() {
        Fixture f;
        QVERIFY(f.start());
        enum class Mode { Normal, Stall, Fail };
        Mode mode = Mode::Normal;
        test::FakeLlmServer server;
        server.handler = [&mode](const test::RecordedRequest& r) {
            using test::FakeLlmServer;
            const bool destinations = r.body.contains("Recommend exactly 3");
            if (destinations && mode == Mode::Fail) {
                test::FakeResponse failure;
                failure.status = 500;
                failure.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
                failure.body = R"({"error": {"message": "internal error"}})";
                return failure;
            }
            const bool stream = r.body.contains("\"stream\":true");
            test::FakeResponse response = FakeLlmServer::wrap(FakeLlmServer::Flavour::OpenAi,
                                                              FakeLlmServer::plannerAnswer(r.body), stream);
            if (destinations && mode == Mode::Stall)
                response.silentAfterEvents = 2; // the intro has arrived, then nothing
            return response;
        };
        llm::ProviderConfig config;
        config.provider = llm::Provider::OpenAiCompatible;
        config.baseUrl = server.baseUrl(); // loopback: no key needed
        config.model = u"test-model"_s;
        config.idleTimeoutMs = 30000;
        config.maxAttempts = 2;
        config.backoffBaseMs = 10;
        ConversationService planner(f.tmp.url(), f.user.id, config);
        f.workspace->usePlanner(&planner);
        QSignalSpy done(&planner, &ConversationService::turnCompleted);
        QSignalSpy failed(&planner, &ConversationService::turnFailed);
        QSignalSpy retrying(&planner, &ConversationService::retrying);

        // To the last question, as the server answers.
        int turns = 0;
        for (const QString& text : {u"Beach please"_s, u"$100 a day"_s, u"June"_s}) {
            f.type(text);
            ++turns;
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns, 20000);
            QTRY_VERIFY(f.input()->isEnabled());
        }
        QCOMPARE(failed.size(), 0);
        QTRY_COMPARE(f.panel->messages()->rowCount(), 6);
        const QString before = test::dumpConversationTables(*f.db);

        // The reply streams into the pending bubble before the turn completes.
        mode = Mode::Stall;
        f.type(u"5 days"_s);
        QCOMPARE(f.pendingUser()->text(), u"5 days"_s);
        QTRY_VERIFY_WITH_TIMEOUT(f.pendingReply()->toPlainText().startsWith(u"Three sunny places"_s), 20000);
        QVERIFY(f.pendingReply()->isVisible());
        QCOMPARE(done.size(), turns);
        QVERIFY(planner.isBusy());
        QVERIFY(f.cancel()->isVisible());
        QVERIFY(!f.input()->isEnabled());

        // Cancel: nothing written, the text back in the box, Retry offered.
        QTest::mouseClick(f.cancel(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QCOMPARE(failed.first().first().value<conversation::TurnError>().kind,
                 conversation::TurnError::Kind::Cancelled);
        QTRY_VERIFY(f.input()->isEnabled());
        QCOMPARE(f.input()->toPlainText(), u"5 days"_s);
        QVERIFY2(f.note()->text().startsWith(u"Not sent"_s), qPrintable(f.note()->text()));
        QVERIFY(f.retry()->isVisible());
        QVERIFY(!f.pending()->isVisible());
        QVERIFY(!f.cancel()->isVisible());
        QCOMPARE(test::dumpConversationTables(*f.db), before);
        QCOMPARE(f.panel->messages()->rowCount(), 6);

        // A server error (after the retry the provider is allowed): unsent, with Retry.
        mode = Mode::Fail;
        QTest::mouseClick(f.retry(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
        QCOMPARE(failed.last().first().value<conversation::TurnError>().kind,
                 conversation::TurnError::Kind::Server);
        QVERIFY(retrying.size() >= 1);
        QTRY_VERIFY(f.input()->isEnabled());
        QCOMPARE(f.input()->toPlainText(), u"5 days"_s);
        QVERIFY2(f.note()->text().startsWith(u"Not sent: "_s), qPrintable(f.note()->text()));
        QVERIFY(f.note()->text().contains(u"Retry"_s));
        QVERIFY(f.retry()->isVisible());
        QCOMPARE(test::dumpConversationTables(*f.db), before);
        QCOMPARE(done.size(), turns);

        // The server is fixed: Retry goes through, and the cards come.
        mode = Mode::Normal;
        QTest::mouseClick(f.retry(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), turns + 1, 20000);
        QTRY_COMPARE(f.panel->messages()->rowCount(), 8);
        QTRY_COMPARE(f.cards().size(), 3);
        QVERIFY(f.input()->toPlainText().isEmpty());
        QVERIFY(f.note()->text().isEmpty());
        QVERIFY(!f.retry()->isVisible());
        QVERIFY(f.panel->messages()->messageAt(7).content.startsWith(u"Three sunny places"_s));
        QVERIFY(test::dumpConversationTables(*f.db) != before);
    }
};

QTEST_MAIN(TestPlannerPanel)
#include "tst_planner_panel.moc"
