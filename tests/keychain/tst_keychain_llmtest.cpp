// SPDX-License-Identifier: GPL-3.0-or-later
// The AI planner page's "Test" request against a local fake HTTP server: the
// wire format of both providers and the outcome in words for each answer.
#include "settings/LlmEndpointTest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::LlmEndpointTest;
using tp::ui::LlmTestResult;

namespace {

// Answers every request with one canned response (or never, when silent) and
// remembers the last request's head.
class FakeServer : public QObject {
public:
    int status = 200;
    QByteArray body = "{}";
    bool silent = false;
    QByteArray lastRequest;

    FakeServer() {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffer += socket->readAll();
                    if (!m_buffer.contains("\r\n\r\n") || silent)
                        return;
                    lastRequest = m_buffer;
                    m_buffer.clear();
                    socket->write("HTTP/1.1 " + QByteArray::number(status) +
                                  " X\r\nContent-Type: application/json\r\n"
                                  "Content-Length: " +
                                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QString baseUrl() const { return u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()); }

private:
    QTcpServer m_server;
    QByteArray m_buffer;
};

// Runs the test on a worker thread, as the dialog does, while this thread serves.
LlmTestResult runOnWorker(const LlmSettings& settings, const QString& key,
                          std::atomic<bool>* cancel = nullptr) {
    LlmTestResult result;
    std::unique_ptr<QThread> thread(
        QThread::create([&] { result = LlmEndpointTest::run(settings, key, cancel, 10000); }));
    thread->start();
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, 20000))
        qWarning("the LLM test did not finish in time");
    thread->wait();
    return result;
}

} // namespace

class TestLlmEndpoint : public QObject {
    Q_OBJECT
private slots:
    void offlineNeedsNothing();
    void geminiRequest();
    void openAiRequest();
    void outcomes_data();
    void outcomes();
    void offlineServer();
    void cancel();
};

void TestLlmEndpoint::offlineNeedsNothing() {
    const LlmTestResult r = LlmEndpointTest::run({}, {});
    QCOMPARE(r.outcome, LlmTestResult::Outcome::NotNeeded);
}

void TestLlmEndpoint::geminiRequest() {
    FakeServer server;
    server.body = R"({"candidates":[{"content":{"parts":[{"text":"OK"}]}}]})";
    const LlmTestResult r = runOnWorker({LlmProvider::Gemini, server.baseUrl(), u"gemini-x"_s}, u"key-123"_s);
    QCOMPARE(r.outcome, LlmTestResult::Outcome::Ok);
    QVERIFY2(r.message.startsWith(u"It works"_s), qPrintable(r.message));
    QVERIFY(server.lastRequest.startsWith("POST /v1beta/models/gemini-x:generateContent HTTP/1.1"));
    QVERIFY(server.lastRequest.contains("x-goog-api-key: key-123"));
    QVERIFY(server.lastRequest.contains("User-Agent: TripPlanner/"));
    QVERIFY(!server.lastRequest.contains("Authorization"));
}

void TestLlmEndpoint::openAiRequest() {
    FakeServer server;
    const LlmTestResult r =
        runOnWorker({LlmProvider::OpenAiCompatible, server.baseUrl() + u"/v1/"_s, u"m"_s}, u"sk-abc"_s);
    QCOMPARE(r.outcome, LlmTestResult::Outcome::Ok);
    QVERIFY(server.lastRequest.startsWith("POST /v1/chat/completions HTTP/1.1"));
    QVERIFY(server.lastRequest.contains("Authorization: Bearer sk-abc"));
    QVERIFY(server.lastRequest.contains("User-Agent: TripPlanner/"));
}

void TestLlmEndpoint::outcomes_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("words");
    QTest::newRow("401") << 401 << QByteArray(R"({"error":{"message":"bad key key-123"}})")
                         << int(LlmTestResult::Outcome::KeyRejected) << u"API key was rejected"_s;
    QTest::newRow("403") << 403 << QByteArray("{}") << int(LlmTestResult::Outcome::KeyRejected)
                         << u"rejected"_s;
    QTest::newRow("gemini 400 key")
        << 400
        << QByteArray(
               R"({"error":{"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}})")
        << int(LlmTestResult::Outcome::KeyRejected) << u"API key was rejected"_s;
    QTest::newRow("429") << 429 << QByteArray("{}") << int(LlmTestResult::Outcome::Quota) << u"quota"_s;
    QTest::newRow("503") << 503 << QByteArray("{}") << int(LlmTestResult::Outcome::ServerError)
                         << u"server error"_s;
    QTest::newRow("404") << 404 << QByteArray("{}") << int(LlmTestResult::Outcome::NotFound)
                         << u"model name"_s;
}

void TestLlmEndpoint::outcomes() {
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, outcome);
    QFETCH(QString, words);
    FakeServer server;
    server.status = status;
    server.body = body;
    const LlmTestResult r = runOnWorker({LlmProvider::Gemini, server.baseUrl(), {}}, u"key-123"_s);
    QCOMPARE(int(r.outcome), outcome);
    QCOMPARE(r.httpStatus, status);
    QVERIFY2(r.message.contains(words), qPrintable(r.message));
    QVERIFY2(!r.message.contains(u"key-123"_s), qPrintable(r.message)); // an echoed key is blanked
}

void TestLlmEndpoint::offlineServer() {
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    const int port = closed.serverPort();
    closed.close();
    const LlmTestResult r =
        runOnWorker({LlmProvider::OpenAiCompatible, u"http://127.0.0.1:%1/v1"_s.arg(port), {}}, {});
    QCOMPARE(r.outcome, LlmTestResult::Outcome::Offline);
    QVERIFY2(r.message.contains(u"Nothing accepted the connection"_s), qPrintable(r.message));
}

void TestLlmEndpoint::cancel() {
    FakeServer server;
    server.silent = true;
    std::atomic<bool> cancel = false;
    QTimer::singleShot(300, this, [&] { cancel = true; });
    QElapsedTimer t;
    t.start();
    const LlmTestResult r = runOnWorker({LlmProvider::Gemini, server.baseUrl(), {}}, u"k"_s, &cancel);
    QCOMPARE(r.outcome, LlmTestResult::Outcome::Cancelled);
    QVERIFY(t.elapsed() < 5000);
}

QTEST_GUILESS_MAIN(TestLlmEndpoint)
#include "tst_keychain_llmtest.moc"
