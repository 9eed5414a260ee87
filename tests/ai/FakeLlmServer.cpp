// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tp::test {

FakeLlmServer::FakeLlmServer(QObject* parent)
    : QObject(parent) {
    m_server.listen(QHostAddress::LocalHost);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* s = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            connect(s, &QTcpSocket::readyRead, this, [this, s, buffer] {
                *buffer += s->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                RecordedRequest r;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.first().trimmed().split(' ');
                r.method = first.value(0);
                r.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                         lines[i].mid(colon + 1).trimmed());
                }
                const int length = r.headers.value("content-length").toInt();
                if (buffer->size() < end + 4 + length)
                    return;
                r.body = buffer->mid(end + 4, length);
                buffer->clear();
                disconnect(s, &QTcpSocket::readyRead, this, nullptr);
                requests << r;
                serve(s, r);
            });
        }
    });
    handler = [](const RecordedRequest& r) {
        const Flavour f = r.target.contains("chat/completions") ? Flavour::OpenAi : Flavour::Gemini;
        const bool stream = r.target.contains("alt=sse") || r.body.contains("\"stream\":true");
        return wrap(f, plannerAnswer(r.body), stream);
    };
}

QUrl FakeLlmServer::baseUrl() const {
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_server.serverPort()));
}

QByteArray FakeLlmServer::plannerAnswer(const QByteArray& body) {
    if (body.contains("clarifying questions"))
        return R"({"questions": ["What is your budget?", "When do you want to travel?", "How many days?"]})";
    if (body.contains("Recommend exactly 3"))
        return R"({"intro": "Three sunny places for you, \"handpicked\".", "destinations": [
 {"name": "Bali", "country": "Indonesia", "description": "Beaches and temples.", "latitude": -8.41, "longitude": 115.19, "best_time_to_visit": "April to October", "average_cost_per_day": 70},
 {"name": "Maldives", "country": "", "description": "Overwater bungalows.", "latitude": null, "longitude": null, "best_time_to_visit": "", "average_cost_per_day": null},
 {"name": "Santorini", "country": "Greece", "description": "Sunsets.", "latitude": 36.39, "longitude": 25.46, "best_time_to_visit": "May to October", "average_cost_per_day": 180}]})";
    if (body.contains("Let's go with Maldives") || body.contains("Let's go with Bali"))
        return R"({"intent": "commit", "choice": "Maldives", "reply": "Wonderful, the Maldives it is!"})";
    return R"({"intent": "question", "choice": "", "reply": "It is warm all year."})";
}

FakeResponse FakeLlmServer::wrap(Flavour flavour, const QByteArray& answer, bool stream,
                                 const QString& finishReason) {
    const QString text = QString::fromUtf8(answer);
    const QString openAiReason = finishReason.isEmpty() ? u"stop"_s : finishReason;
    const QString geminiReason = finishReason.isEmpty() ? u"STOP"_s : finishReason;
    FakeResponse r;
    r.headers << qMakePair(QByteArray("Content-Type"),
                           QByteArray(stream ? "text/event-stream" : "application/json"));
    auto piece = [&](const QString& t, bool last) {
        QJsonObject o;
        if (flavour == Flavour::OpenAi) {
            QJsonObject choice{{u"index"_s, 0},
                               {u"delta"_s, QJsonObject{{u"content"_s, t}}},
                               {u"finish_reason"_s, last ? QJsonValue(openAiReason) : QJsonValue()}};
            o = {{u"id"_s, u"chatcmpl-1"_s},
                 {u"object"_s, u"chat.completion.chunk"_s},
                 {u"choices"_s, QJsonArray{choice}}};
        } else {
            QJsonObject cand{
                {u"content"_s, QJsonObject{{u"role"_s, u"model"_s},
                                           {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, t}}}}}}};
            if (last)
                cand.insert(u"finishReason"_s, geminiReason);
            o = {{u"candidates"_s, QJsonArray{cand}}};
        }
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    if (!stream) {
        if (flavour == Flavour::OpenAi)
            r.body = QJsonDocument(QJsonObject{{u"choices"_s,
                                                QJsonArray{QJsonObject{
                                                    {u"index"_s, 0},
                                                    {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s},
                                                                               {u"content"_s, text}}},
                                                    {u"finish_reason"_s, openAiReason}}}}})
                         .toJson(QJsonDocument::Compact);
        else
            r.body = piece(text, true);
        return r;
    }
    r.sse = true;
    for (qsizetype i = 0; i < text.size(); i += 40)
        r.events << piece(text.mid(i, 40), flavour == Flavour::Gemini && i + 40 >= text.size());
    if (flavour == Flavour::OpenAi) {
        r.events << piece(QString(), true);
        r.events << "[DONE]";
    }
    return r;
}

void FakeLlmServer::serve(QTcpSocket* s, const RecordedRequest& request) {
    const FakeResponse r = queued.isEmpty() ? handler(request) : queued.takeFirst();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nConnection: close\r\n";
    for (const auto& h : r.headers)
        head += h.first + ": " + h.second + "\r\n";
    if (!r.sse) {
        head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n\r\n";
        s->write(head + r.body);
        s->disconnectFromHost();
        return;
    }
    head += "Transfer-Encoding: chunked\r\nCache-Control: no-cache\r\n\r\n";
    s->write(head);
    // One event per chunk, a few milliseconds apart, as a model streams.
    auto timer = new QTimer(s);
    auto next = std::make_shared<int>(0);
    QPointer<QTcpSocket> socket(s);
    connect(timer, &QTimer::timeout, s, [=] {
        if (!socket)
            return;
        if (*next == r.cutAfterEvents) {
            timer->stop();
            socket->abort();
            return;
        }
        if (*next == r.silentAfterEvents) {
            timer->stop(); // the connection stays open, silent
            return;
        }
        if (*next >= r.events.size()) {
            timer->stop();
            socket->write("0\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        const QByteArray event = "data: " + r.events[*next] + "\n\n";
        socket->write(QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n");
        ++*next;
    });
    timer->start(3);
}

} // namespace tp::test
