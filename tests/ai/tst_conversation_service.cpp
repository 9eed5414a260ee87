// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's facade: the engine and the network on the conversation thread.
#include "ConversationDump.h"
#include "FakeLlmServer.h"
#include "TestBackends.h"
#include "conversation/ConversationService.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;

class TestConversationService : public QObject {
    Q_OBJECT

    struct Data {
        Data()
            : tmp(u"sqlite"_s)
            , db(tmp.connectMigrated()) {
            user = UserRepository(*db).create(u"erin"_s);
            Trip t;
            t.title = u"Trip"_s;
            trip = TripRepository(*db, user.id).create(t);
        }
        test::TempDatabase tmp;
        std::unique_ptr<Database> db;
        User user;
        Trip trip;
    };

private Q_SLOTS:
    void offlineTurns() {
        Data d;
        ConversationService service(d.tmp.url(), d.user.id, {});
        QSignalSpy done(&service, &ConversationService::turnCompleted);
        QSignalSpy failed(&service, &ConversationService::turnFailed);
        QSignalSpy busy(&service, &ConversationService::busyChanged);
        service.submit(d.trip.id, u"A city break"_s);
        QVERIFY(service.isBusy());
        service.submit(d.trip.id, u"Second, too early"_s); // refused, the text given back
        QCOMPARE(failed.size(), 1);
        const auto busyError = failed.takeFirst().first().value<TurnError>();
        QCOMPARE(busyError.kind, TurnError::Kind::Busy);
        QCOMPARE(busyError.userText, u"Second, too early"_s);
        QVERIFY(done.wait(10000));
        const auto r = done.first().first().value<TurnResult>();
        QCOMPARE(r.state.currentStage, u"asking_clarifications"_s);
        QCOMPARE(r.messages.size(), 2);
        QVERIFY(!service.isBusy());
        QCOMPARE(busy.size(), 2);
    }

    void streamedAndCancelled() {
        Data d;
        test::FakeLlmServer server;
        llm::ProviderConfig config;
        config.provider = llm::Provider::Gemini;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"k"_s;
        config.idleTimeoutMs = 20000;
        ConversationService service(d.tmp.url(), d.user.id, config);
        QSignalSpy done(&service, &ConversationService::turnCompleted);
        QSignalSpy failed(&service, &ConversationService::turnFailed);
        QSignalSpy deltas(&service, &ConversationService::textDelta);

        // The recommendations reply streams its intro; the first one starts,
        // shows a piece of it and then stalls.
        const test::FakeResponse stall = [] {
            test::FakeResponse r =
                test::FakeLlmServer::wrap(test::FakeLlmServer::Flavour::Gemini,
                                          test::FakeLlmServer::plannerAnswer("Recommend exactly 3"), true);
            r.silentAfterEvents = 1;
            return r;
        }();
        const auto normal = server.handler;
        bool stalled = false;
        server.handler = [&](const test::RecordedRequest& r) {
            if (!stalled && r.body.contains("Recommend exactly 3")) {
                stalled = true;
                return stall;
            }
            return normal(r);
        };
        for (const QString& a : {u"Beach please"_s, u"$100 a day"_s, u"June"_s}) {
            service.submit(d.trip.id, a);
            QVERIFY(done.wait(10000));
        }
        QVERIFY(deltas.isEmpty()); // the questions are not streamed as text

        // Cancel it once its first words are on screen (the reply has started).
        const QString before = test::dumpConversationTables(*d.db);
        service.submit(d.trip.id, u"5 days"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!deltas.isEmpty(), 10000);
        QVERIFY(stalled);
        service.cancel();
        QVERIFY(failed.wait(10000));
        const auto e = failed.first().first().value<TurnError>();
        QCOMPARE(e.kind, TurnError::Kind::Cancelled);
        QCOMPARE(e.userText, u"5 days"_s);
        QCOMPARE(test::dumpConversationTables(*d.db), before);

        // The retry goes through and streams the whole intro again.
        deltas.clear();
        service.submit(d.trip.id, u"5 days"_s);
        QVERIFY(done.wait(10000));
        const auto r = done.last().first().value<TurnResult>();
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QString streamed;
        for (const auto& args : deltas)
            streamed += args.at(1).toString();
        QCOMPARE(streamed, u"Three sunny places for you, \"handpicked\"."_s);
    }

    // Choosing another provider in the settings while a reply is on its way
    // does not cancel it (the user would read "Cancelled" for something they
    // did not do): the turn ends with the provider it began with, and the
    // next turn uses the new one.
    void providerChangedMidTurn() {
        Data d;
        test::FakeLlmServer server;
        llm::ProviderConfig config;
        config.provider = llm::Provider::OpenAiCompatible;
        config.baseUrl = server.baseUrl();
        config.stream = false;
        config.backoffBaseMs = 500;
        test::FakeResponse unavailable;
        unavailable.status = 503; // retried after a back-off: the turn is in the planner's event loop
        server.queued << unavailable;
        ConversationService service(d.tmp.url(), d.user.id, config);
        QSignalSpy done(&service, &ConversationService::turnCompleted);
        QSignalSpy failed(&service, &ConversationService::turnFailed);
        QSignalSpy retrying(&service, &ConversationService::retrying);
        service.submit(d.trip.id, u"Beach please"_s);
        QVERIFY(retrying.wait(10000));
        service.setProvider(llm::ProviderConfig{}); // the offline planner
        QVERIFY(done.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(server.requests.size(), 2); // the first try and its retry, both to the old provider
        service.submit(d.trip.id, u"$100 a day"_s);
        QVERIFY(done.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(server.requests.size(), 2); // the offline planner asked nobody
    }

    void destroyedMidReply() {
        Data d;
        test::FakeLlmServer server;
        llm::ProviderConfig config;
        config.provider = llm::Provider::OpenAiCompatible;
        config.baseUrl = server.baseUrl();
        auto stall = test::FakeLlmServer::wrap(test::FakeLlmServer::Flavour::OpenAi, "{", true);
        stall.silentAfterEvents = 0;
        server.queued << stall;
        const QString before = test::dumpConversationTables(*d.db);
        {
            ConversationService service(d.tmp.url(), d.user.id, config);
            service.submit(d.trip.id, u"Beach please"_s);
            QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, 10000);
        } // joins the thread without hanging
        QCOMPARE(test::dumpConversationTables(*d.db), before);
    }
};

QTEST_GUILESS_MAIN(TestConversationService)
#include "tst_conversation_service.moc"
