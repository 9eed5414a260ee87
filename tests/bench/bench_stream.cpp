// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming benchmark (issue 4): a long planner reply streamed by a loopback
// OpenAI-compatible server (server-sent events, one token every few ms, sent
// from its own thread), through the LLM worker thread, into the conversation
// panel. Prints the time from a token being written to the socket to the
// panel painting it, and the longest GUI event-loop stall while it streams.
//   QT_QPA_PLATFORM=offscreen BUILD_DIR/tests/bench/bench_stream
#include "TestBackends.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "conversation/TurnTypes.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

constexpr int TokenCount = 600;
constexpr int TokenIntervalMs = 5;

QElapsedTimer g_clock; // one monotonic clock for both threads
std::vector<std::atomic<qint64>> g_sentNs(TokenCount);

QByteArray sseEvent(const QByteArray& content) {
    QJsonObject delta{{u"content"_s, QString::fromUtf8(content)}};
    QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, delta}};
    QJsonObject chunk{{u"object"_s, u"chat.completion.chunk"_s}, {u"choices"_s, QJsonArray{choice}}};
    const QByteArray data = "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

// Speaks just enough HTTP/1.1 for the planner's two kinds of request: the
// clarifying questions (answered whole) and the destinations (streamed).
class StreamingServer : public QObject {
public:
    QTcpServer* server = nullptr;

    // Runs on the server's thread, so that the server and its sockets live there.
    void start() {
        server = new QTcpServer(this);
        server->listen(QHostAddress::LocalHost);
        connect(server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server->nextPendingConnection())
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
        });
    }

private:
    void onRead(QTcpSocket* s) {
        QByteArray& buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression lengthRe(u"content-length:\\s*(\\d+)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
        const auto m = lengthRe.match(QString::fromLatin1(buffer.left(end)));
        const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray body = buffer.mid(end + 4, length);
        m_buffers.remove(s);
        s->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
        if (body.contains("clarifying questions")) {
            s->write(sseEvent(R"({"questions": ["What is your budget?", "When do you want to travel?", )"
                              R"("How many days?"]})"));
            finish(s);
            return;
        }
        s->write(sseEvent(R"({"intro": ")"));
        auto* timer = new QTimer(s);
        auto next = std::make_shared<int>(0);
        connect(timer, &QTimer::timeout, s, [s, timer, next] {
            if (*next < TokenCount) {
                const int i = (*next)++;
                s->write(sseEvent(QByteArray("t") + QByteArray::number(i).rightJustified(4, '0') + ' '));
                s->flush();
                g_sentNs[i] = g_clock.nsecsElapsed();
                return;
            }
            timer->stop();
            s->write(
                sseEvent(R"(", "destinations": [)"
                         R"({"name": "Lisbon", "country": "Portugal", "description": "Trams and tiles."},)"
                         R"({"name": "Kyoto", "country": "Japan", "description": "Temples."},)"
                         R"({"name": "Cusco", "country": "Peru", "description": "Mountains."}]})"));
            finish(s);
        });
        timer->start(TokenIntervalMs);
    }

    static void finish(QTcpSocket* s) {
        const QByteArray done = "data: [DONE]\n\n";
        s->write(QByteArray::number(done.size(), 16) + "\r\n" + done + "\r\n0\r\n\r\n");
        s->flush();
    }

    QHash<QTcpSocket*, QByteArray> m_buffers;
};

// Records the newest token visible at each paint of the reply bubble.
class PaintProbe : public QObject {
public:
    QPlainTextEdit* edit = nullptr;
    std::vector<double> latenciesMs;
    int lastSeen = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && edit) {
            const QString text = edit->toPlainText();
            const qsizetype at = text.lastIndexOf(u't');
            bool ok = false;
            const int i = at >= 0 ? text.mid(at + 1, 4).toInt(&ok) : -1;
            if (ok && i > lastSeen && i < TokenCount && g_sentNs[i] > 0) {
                latenciesMs.push_back(double(g_clock.nsecsElapsed() - g_sentNs[i]) / 1e6);
                lastSeen = i;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    g_clock.start();

    QThread serverThread;
    StreamingServer server;
    server.moveToThread(&serverThread);
    serverThread.start();
    QMetaObject::invokeMethod(
        &server, [&server] { server.start(); }, Qt::BlockingQueuedConnection);
    const quint16 port = server.server->serverPort();

    test::TempDatabase tmp(u"sqlite"_s);
    Id userId = 0, tripId = 0;
    {
        auto db = tmp.connectMigrated();
        userId = UserRepository(*db).create(u"bench"_s).id;
        Trip t;
        t.title = u"Somewhere warm"_s;
        tripId = TripRepository(*db, userId).create(t).id;
    }
    llm::ProviderConfig config;
    config.provider = llm::Provider::OpenAiCompatible;
    config.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port));
    config.model = u"bench"_s;

    DatabaseService database(tmp.url(), 0);
    conversation::ConversationService planner(tmp.url(), userId, config);
    app::Workspace workspace(&database, u"bench"_s);
    User benchUser;
    benchUser.id = userId;
    workspace.adoptUser(benchUser);
    workspace.usePlanner(&planner);
    ui::ConversationPanel panel(&workspace);
    panel.resize(900, 700);
    panel.show();
    TripDetails details;
    details.trip.id = tripId;
    details.trip.userId = userId;
    details.trip.title = u"Somewhere warm"_s;
    panel.showTrip(details);

    auto turn = [&](const QString& text) {
        QEventLoop loop;
        bool ok = false;
        auto c1 = QObject::connect(&planner, &conversation::ConversationService::turnCompleted, &loop,
                                   [&](const conversation::TurnResult&) {
                                       ok = true;
                                       loop.quit();
                                   });
        auto c2 = QObject::connect(&planner, &conversation::ConversationService::turnFailed, &loop,
                                   [&](const conversation::TurnError& e) {
                                       std::fprintf(stderr, "turn failed: %s\n", qPrintable(e.message));
                                       loop.quit();
                                   });
        planner.submit(tripId, text);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        return ok;
    };

    auto stopServer = [&] {
        QMetaObject::invokeMethod(
            &server, [&server] { delete server.server; }, Qt::BlockingQueuedConnection);
        serverThread.quit();
        serverThread.wait();
    };
    if (!turn(u"Somewhere warm in spring"_s) || !turn(u"About 3000 dollars"_s) || !turn(u"In April"_s)) {
        stopServer();
        return 1;
    }

    // The last answer makes the planner generate destinations: the long stream.
    PaintProbe probe;
    probe.edit = panel.findChild<QPlainTextEdit*>(u"pendingReply"_s);
    if (!probe.edit) {
        std::fprintf(stderr, "no pendingReply widget\n");
        stopServer();
        return 1;
    }
    probe.edit->viewport()->installEventFilter(&probe);
    qint64 longestStallNs = 0, last = g_clock.nsecsElapsed();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        const qint64 now = g_clock.nsecsElapsed();
        longestStallNs = std::max(longestStallNs, now - last);
        last = now;
    });
    ticker.start(1);
    QElapsedTimer total;
    total.start();
    const bool ok = turn(u"A week"_s);
    ticker.stop();

    std::printf("streamed reply: %d tokens, one every %d ms, OpenAI-compatible SSE on loopback, %s\n",
                TokenCount, TokenIntervalMs, ok ? "turn completed" : "TURN FAILED");
    std::printf("  paints that showed a new token: %zu (the rest were coalesced into them)\n",
                probe.latenciesMs.size());
    std::printf("  token written to socket -> painted: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                percentile(probe.latenciesMs, 0.5), percentile(probe.latenciesMs, 0.95),
                percentile(probe.latenciesMs, 1.0));
    std::printf("  longest GUI event-loop stall while streaming: %.2f ms (whole turn %.0f ms)\n",
                double(longestStallNs) / 1e6, double(total.nsecsElapsed()) / 1e6);

    QMetaObject::invokeMethod(
        &server, [&server] { delete server.server; }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return ok ? 0 : 1;
}
