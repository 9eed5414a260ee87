// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationDump.h"
#include "FakeLlmServer.h"
#include "TestBackends.h"
#include "conversation/ConversationEngine.h"
#include "conversation/LlmPlanner.h"
#include "llm/ProviderClients.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;
using namespace tp::llm;
using tp::test::FakeLlmServer;
using tp::test::FakeResponse;

namespace {

struct Setup {
    Setup(const QString& backend, Provider provider, bool stream)
        : tmp(backend)
        , db(tmp.connectMigrated()) {
        user = UserRepository(*db).create(u"bob"_s);
        Trip t;
        t.title = u"Islands"_s;
        trip = TripRepository(*db, user.id).create(t);
        config.provider = provider;
        config.baseUrl = server.baseUrl();
        config.apiKey = u"test-key-123"_s;
        config.model = u"test-model"_s;
        config.stream = stream;
        config.connectTimeoutMs = 3000;
        config.idleTimeoutMs = 400;
        config.maxAttempts = 3;
        config.backoffBaseMs = 10;
        client = makeClient(&nam, config);
        planner = std::make_unique<LlmPlanner>(client.get());
        planner->setDeltaHandler([this](const QString& d) { deltas += d; });
        engine = std::make_unique<ConversationEngine>(*db, user.id, *planner);
    }
    FakeLlmServer::Flavour flavour() const {
        return config.provider == Provider::Gemini ? FakeLlmServer::Flavour::Gemini
                                                   : FakeLlmServer::Flavour::OpenAi;
    }
    test::TempDatabase tmp;
    std::unique_ptr<Database> db;
    User user;
    Trip trip;
    FakeLlmServer server;
    QNetworkAccessManager nam;
    ProviderConfig config;
    std::unique_ptr<LlmClient> client;
    std::unique_ptr<LlmPlanner> planner;
    std::unique_ptr<ConversationEngine> engine;
    QString deltas;
};

void addProviderRows() {
    QTest::addColumn<int>("provider");
    QTest::addColumn<bool>("stream");
    QTest::newRow("gemini") << int(Provider::Gemini) << false;
    QTest::newRow("gemini-streamed") << int(Provider::Gemini) << true;
    QTest::newRow("openai") << int(Provider::OpenAiCompatible) << false;
    QTest::newRow("openai-streamed") << int(Provider::OpenAiCompatible) << true;
}

} // namespace

class TestLlmProviders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void retryAfterHeaders() {
        const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 27, 0), Qt::UTC);
        QCOMPARE(retryDelayFromHeaders("1500", "9", now), 1500);
        QCOMPARE(retryDelayFromHeaders("", "9", now), 9000);
        QCOMPARE(retryDelayFromHeaders("", "Wed, 21 Oct 2015 07:28:00 GMT", now), 60000);
        QCOMPARE(retryDelayFromHeaders("", "", now), -1);
        QCOMPARE(retryDelayFromHeaders("", "soon", now), -1);
        QVERIFY(isRetryableStatus(429) && isRetryableStatus(503) && isRetryableStatus(408) &&
                isRetryableStatus(409));
        QVERIFY(!isRetryableStatus(401) && !isRetryableStatus(400));
    }

    void geminiSchema() {
        const LlmRequest r = LlmPlanner::destinationsRequest({});
        const QJsonObject g = GeminiClient::toGeminiSchema(r.schema);
        QCOMPARE(g[u"type"_s].toString(), u"OBJECT"_s);
        const QJsonObject item = g[u"properties"_s][u"destinations"_s][u"items"_s].toObject();
        QCOMPARE(item[u"properties"_s][u"latitude"_s][u"type"_s].toString(), u"NUMBER"_s);
        QVERIFY(item[u"properties"_s][u"latitude"_s][u"nullable"_s].toBool());
        QVERIFY(!item.contains(u"additionalProperties"_s));
    }

    void wholeConversation_data() { addProviderRows(); }
    void wholeConversation() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Setup s(u"sqlite"_s, Provider(provider), stream);
        TurnResult r = s.engine->submit(s.trip.id, u"A beach holiday please"_s);
        QCOMPARE(r.state.currentStage, u"asking_clarifications"_s);
        QCOMPARE(r.state.totalQuestions, 3);
        r = s.engine->submit(s.trip.id, u"$3000"_s); // no model call: the queue holds the next question
        QCOMPARE(s.server.requests.size(), 1);
        r = s.engine->submit(s.trip.id, u"July"_s);
        r = s.engine->submit(s.trip.id, u"7 days"_s);
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QCOMPARE(r.recommendations->locations.size(), 3);
        // The empty country of the seed's Maldives example is filled from the catalogue.
        QCOMPARE(r.recommendations->locations[1][u"country"_s].toString(), u"Maldives"_s);
        QVERIFY(r.recommendations->locations[1][u"latitude"_s].isDouble());
        QVERIFY(r.state.destinationsText.contains(u"Santorini"_s));
        if (stream)
            QVERIFY2(s.deltas.startsWith(u"Three sunny places for you, \"handpicked\"."_s),
                     qPrintable(s.deltas));
        else
            QVERIFY(s.deltas.isEmpty());
        r = s.engine->submit(s.trip.id, u"Is it warm there?"_s);
        QCOMPARE(r.messages[1].content, u"It is warm all year."_s);
        r = s.engine->submit(s.trip.id, u"Let's go with Maldives"_s);
        QCOMPARE(r.state.currentStage, u"commitment_detected"_s);
        QCOMPARE(r.destination->name, u"Maldives"_s);
        QCOMPARE(r.destination->country, u"Maldives"_s);
        QCOMPARE(r.tripStatus, u"destinations_selected"_s);

        // The wire: what each provider expects.
        QCOMPARE(s.server.requests.size(), 4);
        for (const test::RecordedRequest& q : s.server.requests) {
            QCOMPARE(q.method, QByteArray("POST"));
            QVERIFY(q.headers.value("user-agent").startsWith("TripPlanner/"));
            QCOMPARE(q.headers.value("content-type"), QByteArray("application/json"));
            const QJsonObject body = QJsonDocument::fromJson(q.body).object();
            if (Provider(provider) == Provider::Gemini) {
                QCOMPARE(q.target, stream ? QByteArray("/v1/models/test-model:streamGenerateContent?alt=sse")
                                          : QByteArray("/v1/models/test-model:generateContent"));
                QCOMPARE(q.headers.value("x-goog-api-key"), QByteArray("test-key-123"));
                QVERIFY(!q.headers.contains("authorization"));
                QCOMPARE(body[u"generationConfig"_s][u"responseMimeType"_s].toString(),
                         u"application/json"_s);
                QVERIFY(body[u"generationConfig"_s][u"responseSchema"_s].isObject());
                QVERIFY(body[u"systemInstruction"_s].isObject());
                QCOMPARE(body[u"contents"_s][0][u"role"_s].toString(), u"user"_s);
            } else {
                QCOMPARE(q.target, QByteArray("/v1/chat/completions"));
                QCOMPARE(q.headers.value("authorization"), QByteArray("Bearer test-key-123"));
                QCOMPARE(body[u"model"_s].toString(), u"test-model"_s);
                QCOMPARE(body[u"stream"_s].toBool(), stream);
                QCOMPARE(body[u"response_format"_s][u"type"_s].toString(), u"json_schema"_s);
                QVERIFY(body[u"response_format"_s][u"json_schema"_s][u"strict"_s].toBool());
                QCOMPARE(body[u"messages"_s][0][u"role"_s].toString(), u"system"_s);
            }
            if (stream)
                QCOMPARE(q.headers.value("accept"), QByteArray("text/event-stream"));
        }
    }

    // Every failure at every stage that calls the model: nothing written, then a retry succeeds.
    void failuresLeaveNoTrace_data() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("failure");
        QTest::addColumn<int>("expected");
        const QList<std::tuple<QString, int, QList<bool>>> failures = {
            {u"refused"_s, int(PlannerError::Kind::Offline), {false}},
            {u"401"_s, int(PlannerError::Kind::KeyRejected), {false}},
            {u"429"_s, int(PlannerError::Kind::QuotaExhausted), {false, true}},
            {u"500"_s, int(PlannerError::Kind::Server), {false, true}},
            {u"cut"_s, int(PlannerError::Kind::Server), {true}},
            {u"silent"_s, int(PlannerError::Kind::Timeout), {true}},
            {u"malformed"_s, int(PlannerError::Kind::Unusable), {false, true}},
            {u"partial"_s, int(PlannerError::Kind::Unusable), {false, true}},
            {u"nokey"_s, int(PlannerError::Kind::NoKey), {false}},
        };
        for (const auto& [name, kind, streams] : failures)
            for (Provider p : {Provider::Gemini, Provider::OpenAiCompatible})
                for (bool st : streams) {
                    if (name == u"nokey"_s && p != Provider::Gemini)
                        continue; // a loopback OpenAI-compatible server (Ollama) needs no key
                    QTest::newRow(
                        qPrintable(u"%1-%2%3"_s.arg(providerName(p), name, st ? u"-streamed"_s : QString())))
                        << int(p) << st << name << kind;
                }
    }
    void failuresLeaveNoTrace() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        QFETCH(QString, failure);
        QFETCH(int, expected);
        Setup s(u"sqlite"_s, Provider(provider), stream);
        const QStringList turns = {u"Beach please"_s, u"$3000"_s,        u"July"_s,
                                   u"7 days"_s,       u"Tell me more"_s, u"Let's go with Maldives"_s};
        for (const QString& text : turns) {
            const bool callsModel = text != u"$3000"_s && text != u"July"_s;
            if (callsModel) {
                const QString before = test::dumpConversationTables(*s.db);
                const QByteArray answer =
                    FakeLlmServer::plannerAnswer(text == u"Beach please"_s ? "clarifying questions"
                                                 : text == u"7 days"_s     ? "Recommend exactly 3"
                                                                           : text.toUtf8());
                FakeResponse bad;
                ProviderConfig cfg = s.config;
                if (failure == u"refused"_s) {
                    QTcpServer closed;
                    closed.listen(QHostAddress::LocalHost);
                    cfg.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(closed.serverPort()));
                    closed.close();
                } else if (failure == u"nokey"_s) {
                    cfg.apiKey.clear();
                } else if (failure == u"401"_s) {
                    bad.status = 401;
                    bad.body = R"({"error": {"message": "Invalid API key"}})";
                    s.server.queued << bad;
                } else if (failure == u"429"_s) {
                    bad.status = 429;
                    bad.headers << qMakePair(QByteArray("Retry-After"), QByteArray("0"));
                    bad.body = R"({"error": {"message": "Resource has been exhausted"}})";
                    s.server.queued << bad << bad << bad;
                } else if (failure == u"500"_s) {
                    bad.status = 500;
                    s.server.queued << bad << bad << bad;
                } else if (failure == u"cut"_s || failure == u"silent"_s) {
                    bad = FakeLlmServer::wrap(s.flavour(), answer, true);
                    // Before the last event: a stream whose last event came is complete
                    // (it is used at once, even if the connection then stays open).
                    (failure == u"cut"_s ? bad.cutAfterEvents : bad.silentAfterEvents) =
                        std::min(2, int(bad.events.size()) - 1);
                    s.server.queued << bad;
                } else if (failure == u"malformed"_s) {
                    s.server.queued << FakeLlmServer::wrap(s.flavour(), "Sorry, I cannot help with {that",
                                                           stream);
                } else if (failure == u"partial"_s) {
                    s.server.queued << FakeLlmServer::wrap(s.flavour(), answer.left(answer.size() / 2),
                                                           stream);
                }
                auto client = makeClient(&s.nam, cfg);
                LlmPlanner failing(client.get());
                ConversationEngine engine(*s.db, s.user.id, failing);
                try {
                    engine.submit(s.trip.id, text);
                    QFAIL(qPrintable(u"no failure at: "_s + text));
                } catch (const PlannerError& e) {
                    QVERIFY2(int(e.kind()) == expected, qPrintable(e.message()));
                    QVERIFY(!e.message().isEmpty());
                    QVERIFY(!e.message().contains(u"test-key-123"_s));
                }
                QCOMPARE(test::dumpConversationTables(*s.db), before);
                s.server.queued.clear();
            }
            s.engine->submit(s.trip.id, text); // the retry succeeds
        }
        QCOMPARE(s.engine->load(s.trip.id).state.currentStage, u"commitment_detected"_s);
    }

    void retriesHonourRetryAfter() {
        Setup s(u"sqlite"_s, Provider::OpenAiCompatible, true);
        FakeResponse busy;
        busy.status = 429;
        busy.headers << qMakePair(QByteArray("retry-after-ms"), QByteArray("300"))
                     << qMakePair(QByteArray("Retry-After"), QByteArray("30"));
        FakeResponse down;
        down.status = 503;
        down.headers << qMakePair(QByteArray("Retry-After"), QByteArray("1"));
        s.server.queued << busy << down;
        QSignalSpy retrying(s.client.get(), &LlmClient::retrying);
        QElapsedTimer t;
        t.start();
        const TurnResult r = s.engine->submit(s.trip.id, u"Beach please"_s);
        QCOMPARE(r.state.currentStage, u"asking_clarifications"_s);
        QCOMPARE(s.server.requests.size(), 3);
        QCOMPARE(retrying.size(), 2);
        QCOMPARE(retrying[0][1].toInt(), 300);  // retry-after-ms wins over Retry-After
        QCOMPARE(retrying[1][1].toInt(), 1000); // Retry-After in seconds
        QVERIFY(t.elapsed() >= 1250);
    }

    void quotaThatResetsTomorrowIsNotWaitedFor() {
        Setup s(u"sqlite"_s, Provider::Gemini, false);
        FakeResponse quota;
        quota.status = 429;
        quota.headers << qMakePair(QByteArray("Retry-After"), QByteArray("86400"));
        s.server.queued << quota;
        QElapsedTimer t;
        t.start();
        QVERIFY_THROWS_EXCEPTION(PlannerError, s.engine->submit(s.trip.id, u"Beach please"_s));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(s.server.requests.size(), 1);
    }

    void structuredOutputFallback() {
        Setup s(u"sqlite"_s, Provider::OpenAiCompatible, false);
        FakeResponse refuse;
        refuse.status = 400;
        refuse.body = R"({"error": {"message": "response_format json_schema is not supported"}})";
        s.server.queued << refuse;
        s.engine->submit(s.trip.id, u"Beach please"_s);
        QCOMPARE(s.server.requests.size(), 2);
        QVERIFY(s.server.requests[0].body.contains("response_format"));
        QVERIFY(!s.server.requests[1].body.contains("response_format"));
    }

    void cancelEndsTheCall() {
        Setup s(u"sqlite"_s, Provider::Gemini, true);
        FakeResponse slow =
            FakeLlmServer::wrap(s.flavour(), FakeLlmServer::plannerAnswer("clarifying questions"), true);
        slow.silentAfterEvents = 1;
        s.server.queued << slow;
        s.config.idleTimeoutMs = 10000;
        const QString before = test::dumpConversationTables(*s.db);
        QTimer::singleShot(200, s.client.get(), [&] { s.planner->cancel(); });
        try {
            s.engine->submit(s.trip.id, u"Beach please"_s);
            QFAIL("not cancelled");
        } catch (const PlannerError& e) {
            QCOMPARE(e.kind(), PlannerError::Kind::Cancelled);
        }
        QCOMPARE(test::dumpConversationTables(*s.db), before);
    }

    // A reply read after it was aborted makes Qt warn "device not open": never.
    void init() { QTest::failOnWarning(QRegularExpression(u"device not open"_s)); }

    // A redirect to another origin (here another port of the same host) fails
    // with a clear message; the other server never sees the key, nor a request.
    void redirectElsewhereKeepsTheKey_data() { addProviderRows(); }
    void redirectElsewhereKeepsTheKey() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Setup s(u"sqlite"_s, Provider(provider), stream);
        FakeLlmServer elsewhere;
        FakeResponse moved;
        moved.status = 307;
        moved.headers << qMakePair(QByteArray("Location"), elsewhere.baseUrl().toEncoded() + "/moved");
        s.server.queued << moved;
        try {
            s.engine->submit(s.trip.id, u"Beach please"_s);
            QFAIL("the redirect was followed");
        } catch (const PlannerError& e) {
            QCOMPARE(e.kind(), PlannerError::Kind::BadRequest);
            QVERIFY2(e.message().contains(u"another address"_s), qPrintable(e.message()));
            QVERIFY(!e.message().contains(u"test-key-123"_s));
        }
        QCOMPARE(s.server.requests.size(), 1);
        QCOMPARE(elsewhere.requests.size(), 0);
    }

    // A redirect on the same origin is still followed (and keeps the key).
    void redirectOnTheSameOriginIsFollowed() {
        Setup s(u"sqlite"_s, Provider::OpenAiCompatible, false);
        FakeResponse moved;
        moved.status = 307;
        moved.headers << qMakePair(QByteArray("Location"),
                                   s.server.baseUrl().toEncoded() + "/chat/completions");
        s.server.queued << moved;
        QCOMPARE(s.engine->submit(s.trip.id, u"Beach please"_s).state.currentStage,
                 u"asking_clarifications"_s);
        QCOMPARE(s.server.requests.size(), 2);
        QCOMPARE(s.server.requests[1].headers.value("authorization"), QByteArray("Bearer test-key-123"));
    }

    // Servers that refuse response_format with 422 (FastAPI) or with the
    // message at the top level (vLLM): the same fallback as for a 400; when
    // the request fails anyway, the server's reason is shown.
    void structuredOutputFallbackOtherShapes_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("422 FastAPI detail")
            << 422
            << QByteArray(
                   R"({"detail": [{"loc": ["body", "response_format"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}]})");
        QTest::newRow("422 top-level message")
            << 422 << QByteArray(R"({"message": "json_schema response_format is not supported"})");
        QTest::newRow("400 vLLM object error")
            << 400
            << QByteArray(
                   R"({"object": "error", "message": "response_format json_schema unsupported", "type": "BadRequestError", "code": 400})");
    }
    void structuredOutputFallbackOtherShapes() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        Setup s(u"sqlite"_s, Provider::OpenAiCompatible, false);
        FakeResponse refuse;
        refuse.status = status;
        refuse.body = body;
        s.server.queued << refuse;
        QCOMPARE(s.engine->submit(s.trip.id, u"Beach please"_s).state.currentStage,
                 u"asking_clarifications"_s);
        QCOMPARE(s.server.requests.size(), 2);
        QVERIFY(s.server.requests[0].body.contains("response_format"));
        QVERIFY(!s.server.requests[1].body.contains("response_format"));

        // Refused again without it: the server's own words reach the user.
        Setup t(u"sqlite"_s, Provider::OpenAiCompatible, false);
        FakeResponse other;
        other.status = status;
        other.body = R"({"message": "model 'test-model' is not loaded"})";
        t.server.queued << refuse << other;
        try {
            t.engine->submit(t.trip.id, u"Beach please"_s);
            QFAIL("accepted");
        } catch (const PlannerError& e) {
            QVERIFY2(e.message().contains(u"is not loaded"_s), qPrintable(e.message()));
        }
    }

    // A proxy that keeps the connection open after the end of the stream: the
    // whole answer is used at once, not thrown away when the idle timer fires.
    void streamHeldOpenAfterTheEnd_data() {
        QTest::addColumn<int>("provider");
        QTest::newRow("gemini") << int(Provider::Gemini);
        QTest::newRow("openai") << int(Provider::OpenAiCompatible);
    }
    void streamHeldOpenAfterTheEnd() {
        QFETCH(int, provider);
        Setup s(u"sqlite"_s, Provider(provider), true);
        s.engine.reset();
        s.planner.reset();
        s.config.idleTimeoutMs = 8000;
        s.client = makeClient(&s.nam, s.config);
        s.planner = std::make_unique<LlmPlanner>(s.client.get());
        s.engine = std::make_unique<ConversationEngine>(*s.db, s.user.id, *s.planner);
        FakeResponse open =
            FakeLlmServer::wrap(s.flavour(), FakeLlmServer::plannerAnswer("clarifying questions"), true);
        open.silentAfterEvents = int(open.events.size());
        s.server.queued << open;
        QElapsedTimer t;
        t.start();
        QCOMPARE(s.engine->submit(s.trip.id, u"Beach please"_s).state.currentStage,
                 u"asking_clarifications"_s);
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
    }

    // Cut off at the token limit: asked once more with a larger limit; cut
    // again: a message that says so (not "could not be used").
    void cutOffAtTheTokenLimit_data() { addProviderRows(); }
    void cutOffAtTheTokenLimit() {
        QFETCH(int, provider);
        QFETCH(bool, stream);
        Setup s(u"sqlite"_s, Provider(provider), stream);
        const QByteArray answer = FakeLlmServer::plannerAnswer("clarifying questions");
        const QString reason = Provider(provider) == Provider::Gemini ? u"MAX_TOKENS"_s : u"length"_s;
        const FakeResponse cut =
            FakeLlmServer::wrap(s.flavour(), answer.left(answer.size() / 2), stream, reason);
        s.server.queued << cut;
        QCOMPARE(s.engine->submit(s.trip.id, u"Beach please"_s).state.currentStage,
                 u"asking_clarifications"_s);
        QCOMPARE(s.server.requests.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(s.server.requests[0].body).object();
        const QJsonObject second = QJsonDocument::fromJson(s.server.requests[1].body).object();
        if (Provider(provider) == Provider::Gemini) {
            QVERIFY(!first[u"generationConfig"_s].toObject().contains(u"maxOutputTokens"_s));
            QCOMPARE(second[u"generationConfig"_s][u"maxOutputTokens"_s].toInt(), s.config.retryMaxTokens);
        } else {
            QVERIFY(!first.contains(u"max_tokens"_s));
            QCOMPARE(second[u"max_tokens"_s].toInt(), s.config.retryMaxTokens);
        }

        s.server.queued << cut << cut;
        try {
            s.engine->submit(s.trip.id, u"$3000"_s); // a fixed question: no model call
            s.engine->submit(s.trip.id, u"July"_s);
            s.engine->submit(s.trip.id, u"7 days"_s);
            QFAIL("a cut-off answer was used");
        } catch (const PlannerError& e) {
            QCOMPARE(e.kind(), PlannerError::Kind::Unusable);
            QVERIFY2(e.message().contains(u"token limit"_s), qPrintable(e.message()));
        }
        QCOMPARE(s.server.requests.size(), 4);
    }

    void loopbackNeedsNoKey() {
        ProviderConfig c;
        c.provider = Provider::OpenAiCompatible;
        c.baseUrl = QUrl(u"http://localhost:11434/v1"_s);
        QVERIFY(!c.needsKey());
        c.baseUrl = QUrl(u"https://openrouter.ai/api/v1"_s);
        QVERIFY(c.needsKey());
        c.provider = Provider::Gemini;
        QVERIFY(c.needsKey());
    }
};

QTEST_GUILESS_MAIN(TestLlmProviders)
#include "tst_llm_providers.moc"
