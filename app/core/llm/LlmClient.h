// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LlmTypes.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace tp::llm {

// One request to a chat model at a time, on the thread that owns the
// QNetworkAccessManager. Streams with server-sent events or waits for the
// whole answer; retries 408/409/429/5xx and dropped connections with backoff
// (honouring retry-after-ms, then Retry-After) as long as nothing has been
// streamed yet; cuts a connection that does not answer or a stream that goes
// silent; reports errors a user understands. Subclasses speak one provider's
// wire format.
class LlmClient : public QObject {
    Q_OBJECT
public:
    LlmClient(QNetworkAccessManager* nam, ProviderConfig config, QObject* parent = nullptr);
    ~LlmClient() override;

    const ProviderConfig& config() const { return m_config; }
    void start(const LlmRequest& request);
    // Ends the request; failed(Cancelled) follows. Nothing happens when idle.
    void cancel();
    bool isRunning() const { return m_running; }
    // How many HTTP requests the last start() sent (tests).
    int attempts() const { return m_attempt; }

Q_SIGNALS:
    void delta(const QString& text);
    void finished(const QString& text);
    void failed(const tp::llm::LlmError& error);
    void retrying(int attempt, int delayMs, const QString& reason);
    // A new attempt starts after deltas of an earlier one were emitted: what
    // was gathered from them is to be dropped (the answer starts again).
    void restarted();

protected:
    virtual QNetworkRequest buildRequest(const LlmRequest& request, bool stream) const = 0;
    virtual QByteArray buildBody(const LlmRequest& request, bool stream, bool structured) const = 0;
    // The text of a whole (non-streamed) response body; sets *error when unusable,
    // *cutAtLimit when the model stopped at the token limit.
    virtual QString parseResponse(const QByteArray& body, QString* error, bool* cutAtLimit) const = 0;
    // One SSE event's data. Returns its text; sets *done on the end marker or a
    // finish reason, *error when the event is an error or cannot be read,
    // *cutAtLimit when the finish reason is the token limit.
    virtual QString parseEvent(const QByteArray& data, bool* done, QString* error,
                               bool* cutAtLimit) const = 0;

    QNetworkRequest baseRequest(const QUrl& url, bool stream) const;

private:
    void sendAttempt();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void processEvents(bool atEnd);
    void fail(LlmError error);
    void succeed();
    void scheduleRetry(qint64 serverDelayMs, const QString& reason, const LlmError& ifExhausted);
    void dropReply();
    // The answer is complete: used, or asked again when it was cut at the token limit.
    void complete();
    LlmError errorForStatus(int status, const QByteArray& body) const;
    LlmError errorForNetwork(QNetworkReply::NetworkError code, const QString& text) const;

    QNetworkAccessManager* m_nam;
    ProviderConfig m_config;
    LlmRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_retryTimer;
    QByteArray m_buffer; // SSE bytes not yet split into events, or the whole body
    QString m_text;
    bool m_running = false;
    bool m_streaming = false;
    bool m_sawDone = false;
    bool m_headersSeen = false;
    bool m_structured = true;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_cutAtLimit = false;    // this attempt's answer stopped at the token limit
    bool m_raisedLimit = false;   // the request was already repeated with a larger limit
    bool m_deltasEmitted = false; // this start() emitted deltas (a retry restarts them)
    int m_attempt = 0;
};

} // namespace tp::llm
