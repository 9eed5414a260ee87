// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QTcpServer>
#include <QUrl>
#include <functional>

// A loopback HTTP/1.1 server speaking the providers' real wire formats by
// hand (so that streams can be cut or fall silent at the byte level):
// Gemini generateContent / streamGenerateContent?alt=sse and OpenAI-compatible
// /chat/completions, whole or as server-sent events in chunked encoding.
namespace tp::test {

struct RecordedRequest {
    QByteArray method;
    QByteArray target;                    // path and query
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

struct FakeResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;          // a whole response (Content-Length)
    QList<QByteArray> events; // else SSE: each is sent as "data: <event>\n\n" in its own chunk
    bool sse = false;
    int cutAfterEvents = -1;    // close the connection after N events (no final chunk)
    int silentAfterEvents = -1; // send nothing more after N events, keep the connection open
};

class FakeLlmServer : public QObject {
    Q_OBJECT
public:
    enum class Flavour { Gemini, OpenAi };
    explicit FakeLlmServer(QObject* parent = nullptr);
    QUrl baseUrl() const;

    // The model's answer (a JSON text) for a request, by what it asks for.
    static QByteArray plannerAnswer(const QByteArray& requestBody);
    // `answer` wrapped in the flavour's response format, whole or streamed.
    // `finishReason`: the last piece's finish reason as the flavour spells it
    // ("length" / "MAX_TOKENS"); empty: a normal stop.
    static FakeResponse wrap(Flavour flavour, const QByteArray& answer, bool stream,
                             const QString& finishReason = {});

    // Used for every request after the queued ones; default: the planner's answers.
    std::function<FakeResponse(const RecordedRequest&)> handler;
    QList<FakeResponse> queued;
    QList<RecordedRequest> requests;

private:
    void serve(QTcpSocket* socket, const RecordedRequest& request);
    QTcpServer m_server;
};

} // namespace tp::test
