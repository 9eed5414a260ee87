// SPDX-License-Identifier: GPL-3.0-or-later
#include "LlmClient.h"
#include "WithoutKey.h"
#include "domain/AppIdentity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::llm {

namespace {
// The reason a server gives, in the shapes real servers use: OpenAI and Gemini
// {"error": {"message": …}}, {"error": "…"}, vLLM and LiteLLM {"message": …} at
// the top level, FastAPI (llama-cpp-python) {"detail": "…"} or
// {"detail": [{"loc": [...], "msg": "…"}]}.
QString serverMessage(const QByteArray& body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QString m;
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonValue e = o.value(u"error"_s);
        m = e.isObject() ? e.toObject().value(u"message"_s).toString() : e.toString();
        if (m.isEmpty())
            m = o.value(u"message"_s).toString();
        if (m.isEmpty()) {
            const QJsonValue detail = o.value(u"detail"_s);
            if (detail.isString())
                m = detail.toString();
            QStringList parts;
            for (const QJsonValue& d : detail.toArray()) {
                QStringList where;
                for (const QJsonValue& l : d.toObject().value(u"loc"_s).toArray())
                    where << (l.isString() ? l.toString() : QString::number(l.toInt()));
                parts << (where.isEmpty() ? QString() : where.join(u'.') + u": "_s) +
                             d.toObject().value(u"msg"_s).toString();
            }
            if (m.isEmpty())
                m = parts.join(u"; "_s);
        }
    } else if (doc.isArray() && doc.array().first().isObject()) {
        m = doc.array().first().toObject().value(u"error"_s).toObject().value(u"message"_s).toString();
    }
    return m.simplified().left(300);
}

} // namespace

// A server may quote the key it refuses ("Incorrect API key provided:
// sk-ab***wxyz"): every word of a message that shares four characters in a
// row with the key is replaced, so no part of it reaches a screen or a log.
QString withoutKey(const QString& text, const QString& key) {
    if (key.size() < 4)
        return text;
    static const QRegularExpression word(u"\\S+"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString w = m.captured(0);
        bool shares = false;
        for (qsizetype i = 0; i + 4 <= key.size() && !shares; ++i)
            shares = w.contains(QStringView(key).mid(i, 4));
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += shares ? QCoreApplication::translate("tp::llm::LlmClient", "[hidden]") : w;
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

LlmClient::LlmClient(QNetworkAccessManager* nam, ProviderConfig config, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(std::move(config)) {
    m_timeout.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &LlmClient::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &LlmClient::sendAttempt);
}

LlmClient::~LlmClient() {
    dropReply();
}

QNetworkRequest LlmClient::baseRequest(const QUrl& url, bool stream) const {
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader, appUserAgent());
    req.setRawHeader("Accept", stream ? "text/event-stream" : "application/json");
    // The API key rides in a header: a redirect may only stay on the origin the
    // user configured (scheme, host and port), never carry the key elsewhere.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // Our own timers decide; no transfer timeout from Qt.
    req.setTransferTimeout(0);
    return req;
}

void LlmClient::start(const LlmRequest& request) {
    if (m_running)
        cancel();
    m_request = request;
    m_running = true;
    m_cancelled = false;
    m_structured = m_config.structuredOutput;
    m_attempt = 0;
    m_raisedLimit = false;
    m_deltasEmitted = false;
    if (m_config.needsKey() && m_config.apiKey.trimmed().isEmpty()) {
        fail({ErrorKind::NoKey,
              tr("No API key is set for %1. Add one in Settings, or use the offline planner.")
                  .arg(providerName(m_config.provider)),
              0});
        return;
    }
    sendAttempt();
}

void LlmClient::sendAttempt() {
    if (!m_running)
        return;
    ++m_attempt;
    m_buffer.clear();
    m_text.clear();
    m_sawDone = false;
    m_headersSeen = false;
    m_timedOut = false;
    m_cutAtLimit = false;
    m_streaming = m_config.stream;
    if (m_deltasEmitted) {
        m_deltasEmitted = false;
        Q_EMIT restarted();
    }
    LlmRequest request = m_request;
    if (m_raisedLimit)
        request.maxTokens = m_config.retryMaxTokens;
    const QNetworkRequest req = buildRequest(request, m_streaming);
    m_reply = m_nam->post(req, buildBody(request, m_streaming, m_structured));
    connect(m_reply, &QNetworkReply::readyRead, this, &LlmClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &LlmClient::onFinished);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_headersSeen = true;
        m_timeout.start(m_config.idleTimeoutMs);
    });
    m_timeout.start(m_config.connectTimeoutMs);
}

void LlmClient::onReadyRead() {
    if (!m_reply)
        return;
    m_timeout.start(m_config.idleTimeoutMs);
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_buffer += m_reply->readAll();
    if (m_streaming && status >= 200 && status < 300) {
        processEvents(false);
        // The end marker (or a final finish reason) came: the answer is whole
        // even if a proxy keeps the connection open after it.
        if (m_running && m_sawDone && m_reply)
            complete();
    }
}

void LlmClient::processEvents(bool atEnd) {
    m_buffer.replace("\r\n", "\n");
    while (m_running) {
        qsizetype end = m_buffer.indexOf("\n\n");
        QByteArray event;
        if (end >= 0) {
            event = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
        } else if (atEnd && !m_buffer.trimmed().isEmpty()) {
            event = m_buffer;
            m_buffer.clear();
        } else {
            return;
        }
        QByteArray data;
        bool hasData = false;
        for (const QByteArray& line : event.split('\n')) {
            if (!line.startsWith("data:"))
                continue; // comments (":"), event:, id:, retry:
            QByteArray value = line.mid(5);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (hasData)
                data += '\n';
            data += value;
            hasData = true;
        }
        if (!hasData)
            continue;
        if (data.trimmed() == "[DONE]") {
            m_sawDone = true;
            continue;
        }
        bool done = false;
        QString error;
        bool cut = false;
        const QString text = parseEvent(data, &done, &error, &cut);
        m_cutAtLimit = m_cutAtLimit || cut;
        if (!error.isEmpty()) {
            fail({ErrorKind::Server, error, 0});
            return;
        }
        if (!text.isEmpty()) {
            m_text += text;
            m_deltasEmitted = true;
            Q_EMIT delta(text);
        }
        m_sawDone = m_sawDone || done;
    }
}

void LlmClient::onTimeout() {
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() follows synchronously
}

void LlmClient::onFinished() {
    QNetworkReply* reply = m_reply;
    if (!reply || !m_running)
        return;
    m_timeout.stop();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netText = reply->errorString();
    // An aborted reply (our timeout) is closed: reading it would only warn.
    if (reply->isOpen())
        m_buffer += reply->readAll();
    const QByteArray retryAfterMs = reply->rawHeader("retry-after-ms");
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const QUrl redirectTo =
        reply->url().resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
    const bool redirected = netError == QNetworkReply::InsecureRedirectError ||
                            netError == QNetworkReply::TooManyRedirectsError ||
                            (status >= 300 && status < 400);
    dropReply();

    const bool nothingShown = m_text.isEmpty();
    if (m_timedOut) {
        const LlmError e{
            ErrorKind::Timeout,
            m_headersSeen
                ? tr("The answer stopped arriving (no data for %1 s).").arg(m_config.idleTimeoutMs / 1000)
                : tr("The provider did not answer within %1 s.").arg(m_config.connectTimeoutMs / 1000),
            status};
        if (nothingShown)
            scheduleRetry(-1, e.message, e);
        else
            fail(e);
        return;
    }
    if (redirected) {
        // Only the host is named: the rest of the address may carry a token.
        const QString elsewhere = redirectTo.port() > 0
                                      ? u"%1:%2"_s.arg(redirectTo.host()).arg(redirectTo.port())
                                      : redirectTo.host();
        fail(
            {ErrorKind::BadRequest,
             redirectTo.host().isEmpty()
                 ? tr("The server at %1 sent the request to another address. The API key is only sent to the "
                      "server you configured: if the new address is right, set it as the base URL in "
                      "Settings.")
                       .arg(m_config.effectiveBaseUrl().host())
                 : tr("The server at %1 sent the request to another address (to %2). The API key is only "
                      "sent "
                      "to the server you configured: if the new address is right, set it as the base URL in "
                      "Settings.")
                       .arg(m_config.effectiveBaseUrl().host(), elsewhere),
             status});
        return;
    }
    if (status >= 300) {
        const LlmError e = errorForStatus(status, m_buffer);
        const QString body = QString::fromUtf8(m_buffer).toLower();
        // 400 from OpenAI and most servers, 422 from FastAPI-based ones (llama-cpp-python).
        if ((status == 400 || status == 422) && m_structured &&
            (body.contains(u"response_format"_s) || body.contains(u"json_schema"_s) ||
             body.contains(u"responseschema"_s) || body.contains(u"response_schema"_s))) {
            // A server without structured output: ask again without it.
            m_structured = false;
            const QString reason = serverMessage(m_buffer);
            scheduleRetry(0,
                          reason.isEmpty() ? tr("structured output not supported")
                                           : tr("structured output not supported (%1)").arg(reason),
                          e);
            return;
        }
        if (isRetryableStatus(status))
            scheduleRetry(retryDelayFromHeaders(retryAfterMs, retryAfter, QDateTime::currentDateTimeUtc()),
                          e.message, e);
        else
            fail(e);
        return;
    }
    if (netError != QNetworkReply::NoError || status == 0) {
        const LlmError e =
            nothingShown || netError == QNetworkReply::NoError
                ? errorForNetwork(netError, netText)
                : LlmError{ErrorKind::Server,
                           tr("The answer was cut off: the connection closed before it was complete."),
                           status};
        if (nothingShown)
            scheduleRetry(-1, e.message, e);
        else
            fail(e);
        return;
    }
    if (m_streaming) {
        processEvents(true);
        if (!m_running)
            return;
        if (!m_sawDone) {
            const LlmError e{ErrorKind::Server, tr("The answer was cut off before it was complete."), status};
            if (nothingShown)
                scheduleRetry(-1, e.message, e);
            else
                fail(e);
            return;
        }
        complete();
        return;
    }
    QString error;
    bool cut = false;
    const QString text = parseResponse(m_buffer, &error, &cut);
    m_cutAtLimit = cut;
    if (!error.isEmpty() && !cut) {
        fail({ErrorKind::Unusable, error, status});
        return;
    }
    m_text = text;
    complete();
}

void LlmClient::complete() {
    dropReply();
    m_timeout.stop();
    if (!m_cutAtLimit) {
        succeed();
        return;
    }
    const LlmError e{
        ErrorKind::Unusable,
        m_raisedLimit || m_request.maxTokens >= m_config.retryMaxTokens
            ? tr("The answer was cut off at the model's token limit, even when asked with a limit "
                 "of %1 tokens. Ask for less at a time, or choose a model that can write longer "
                 "answers.")
                  .arg(std::max(m_config.retryMaxTokens, m_request.maxTokens))
            : tr("The answer was cut off at the model's token limit."),
        0};
    if (m_raisedLimit || m_request.maxTokens >= m_config.retryMaxTokens) {
        fail(e);
        return;
    }
    // Once more, allowing a longer answer.
    m_raisedLimit = true;
    scheduleRetry(0, tr("the answer was cut off at the token limit; asking again with a larger limit"), e);
}

void LlmClient::scheduleRetry(qint64 serverDelayMs, const QString& reason, const LlmError& ifExhausted) {
    if (m_attempt >= m_config.maxAttempts || serverDelayMs > m_config.maxRetryDelayMs) {
        LlmError e = ifExhausted;
        if (m_attempt > 1)
            e.message = tr("%1 (gave up after %2 attempts)").arg(e.message, QString::number(m_attempt));
        fail(e);
        return;
    }
    qint64 delay = serverDelayMs;
    if (delay < 0) {
        const double base = double(m_config.backoffBaseMs) * std::pow(2.0, m_attempt - 1);
        const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
        delay = qint64(std::min(base * jitter, 30000.0));
    }
    Q_EMIT retrying(m_attempt + 1, int(delay), withoutKey(reason, m_config.apiKey));
    m_retryTimer.start(int(delay));
}

void LlmClient::cancel() {
    if (!m_running)
        return;
    m_cancelled = true;
    fail({ErrorKind::Cancelled, tr("Cancelled."), 0});
}

void LlmClient::dropReply() {
    if (!m_reply)
        return;
    QNetworkReply* r = m_reply;
    m_reply = nullptr;
    disconnect(r, nullptr, this, nullptr);
    r->abort();
    r->deleteLater();
}

void LlmClient::fail(LlmError error) {
    error.message = withoutKey(error.message, m_config.apiKey);
    dropReply();
    m_timeout.stop();
    m_retryTimer.stop();
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT failed(error);
}

void LlmClient::succeed() {
    dropReply();
    m_timeout.stop();
    m_running = false;
    Q_EMIT finished(m_text);
}

LlmError LlmClient::errorForStatus(int status, const QByteArray& body) const {
    const QString detail = serverMessage(body);
    const QString suffix = detail.isEmpty() ? QString() : u": "_s + detail;
    if (status == 401 || status == 403 ||
        (status == 400 && detail.contains(u"API key"_s, Qt::CaseInsensitive)))
        return {
            ErrorKind::KeyRejected,
            tr("The API key was rejected (HTTP %1%2). Check the key in Settings.").arg(status).arg(suffix),
            status};
    if (status == 429)
        return {
            ErrorKind::QuotaExhausted,
            tr("The provider's rate limit or quota is used up (HTTP 429%1). Try again later.").arg(suffix),
            status};
    if (status == 408)
        return {ErrorKind::Timeout, tr("The provider timed out (HTTP 408)."), status};
    if (status == 404)
        return {ErrorKind::BadRequest,
                tr("The model or address was not found (HTTP 404%1). Check the model name and base URL.")
                    .arg(suffix),
                status};
    if (status >= 500 || status == 409)
        return {
            ErrorKind::Server,
            tr("The provider had a server error (HTTP %1%2). Try again in a moment.").arg(status).arg(suffix),
            status};
    return {ErrorKind::BadRequest,
            tr("The provider refused the request (HTTP %1%2).").arg(status).arg(suffix), status};
}

LlmError LlmClient::errorForNetwork(QNetworkReply::NetworkError code, const QString& text) const {
    const QString host = m_config.effectiveBaseUrl().host();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownNetworkError:
        return {ErrorKind::Offline,
                tr("Cannot reach %1 (%2). Check your connection or the base URL.").arg(host, text), 0};
    case QNetworkReply::TimeoutError:
        return {ErrorKind::Timeout, tr("The connection to %1 timed out.").arg(host), 0};
    case QNetworkReply::SslHandshakeFailedError:
        return {ErrorKind::Offline, tr("A secure connection to %1 could not be made (%2).").arg(host, text),
                0};
    default:
        return {ErrorKind::Server, tr("The connection to %1 failed (%2).").arg(host, text), 0};
    }
}

} // namespace tp::llm
