// SPDX-License-Identifier: GPL-3.0-or-later
#include "LlmEndpointTest.h"

#include "llm/WithoutKey.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tp::ui {

QByteArray LlmEndpointTest::userAgent() {
    const QString version = QCoreApplication::applicationVersion();
    return "TripPlanner/" + (version.isEmpty() ? QByteArray("0.1") : version.toUtf8()) +
           " (desktop trip planner; Qt " + QByteArray(qVersion()) + ")";
}

namespace {

// The provider's own explanation, if its error body has one, without the key.
QString providerMessage(const QByteArray& body, const QString& apiKey) {
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    QJsonValue error = root.value(u"error"_s);
    if (error.isArray())
        error = error.toArray().first();
    QString text = error.isObject() ? error.toObject().value(u"message"_s).toString() : error.toString();
    // Any part of the key the server quotes is hidden, not only the whole key.
    return llm::withoutKey(text.simplified(), apiKey).left(200);
}

} // namespace

LlmTestResult LlmEndpointTest::run(const LlmSettings& settings, const QString& apiKey,
                                   const std::atomic<bool>* cancel, int timeoutMs) {
    LlmTestResult r;
    if (settings.provider == LlmProvider::Offline) {
        r.outcome = LlmTestResult::Outcome::NotNeeded;
        r.message = tr("The built-in offline planner needs no connection.");
        return r;
    }
    const QString base = settings.effectiveBaseUrl();
    const QString model = settings.effectiveModel();
    QNetworkRequest request;
    QJsonObject body;
    if (settings.provider == LlmProvider::Gemini) {
        const QString root = base.endsWith(u"/v1beta"_s) ? base : base + u"/v1beta"_s;
        request.setUrl(QUrl(root + u"/models/"_s + model + u":generateContent"_s));
        request.setRawHeader("x-goog-api-key", apiKey.toUtf8());
        body = QJsonObject{
            {u"contents"_s, QJsonArray{QJsonObject{
                                {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, u"Reply with OK."_s}}}}}}},
            {u"generationConfig"_s, QJsonObject{{u"maxOutputTokens"_s, 5}}}};
    } else {
        request.setUrl(QUrl(base + u"/chat/completions"_s));
        if (!apiKey.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + apiKey.toUtf8());
        body = QJsonObject{{u"model"_s, model},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s},
                                                                  {u"content"_s, u"Reply with OK."_s}}}},
                           {u"max_tokens"_s, 5}};
    }
    if (!request.url().isValid() || request.url().host().isEmpty()) {
        r.outcome = LlmTestResult::Outcome::Rejected;
        r.message = tr("The base URL is not a valid http(s) address.");
        return r;
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    // The key rides in a header: a redirect may stay on the origin the user
    // configured (scheme, host and port), never carry the key elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);

    QNetworkAccessManager manager; // lives on, and is used by, this worker thread only
    QElapsedTimer elapsed;
    elapsed.start();
    QNetworkReply* reply = manager.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    bool timedOut = false;
    bool cancelled = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancel && cancel->load()) {
            cancelled = true;
            reply->abort();
        } else if (elapsed.elapsed() > timeoutMs) {
            timedOut = true;
            reply->abort();
        }
    });
    poll.start(100);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    poll.stop();
    r.elapsedMs = double(elapsed.nsecsElapsed()) / 1e6;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray replyBody = reply->readAll();
    const QNetworkReply::NetworkError netError = reply->error();
    const QUrl redirectTo =
        reply->url().resolved(reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
    reply->deleteLater();

    const QString host = request.url().host();
    if (cancelled) {
        r.outcome = LlmTestResult::Outcome::Cancelled;
        r.message = tr("Cancelled.");
        return r;
    }
    if (timedOut) {
        r.outcome = LlmTestResult::Outcome::Offline;
        r.message = tr("%1 did not answer within %2 seconds.").arg(host).arg(timeoutMs / 1000);
        return r;
    }
    if (r.httpStatus == 0) {
        r.outcome = LlmTestResult::Outcome::Offline;
        switch (netError) {
        case QNetworkReply::HostNotFoundError:
            r.message =
                tr("The server name %1 could not be found: check the base URL and that you are online.")
                    .arg(host);
            break;
        case QNetworkReply::ConnectionRefusedError:
            r.message = tr("Nothing accepted the connection at %1 (is the server running?).").arg(host);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            r.message = tr("The secure connection to %1 failed (TLS certificate problem).").arg(host);
            break;
        default:
            r.message = tr("No answer from %1: the network or the server is unavailable.").arg(host);
        }
        return r;
    }
    if (netError == QNetworkReply::InsecureRedirectError ||
        netError == QNetworkReply::TooManyRedirectsError || (r.httpStatus >= 300 && r.httpStatus < 400)) {
        // Only the host is named: the rest of the address may carry a token.
        r.outcome = LlmTestResult::Outcome::Rejected;
        const QString target = redirectTo.host().isEmpty() ? QString()
                               : redirectTo.port() > 0
                                   ? u"%1:%2"_s.arg(redirectTo.host()).arg(redirectTo.port())
                                   : redirectTo.host();
        r.message =
            (target.isEmpty()
                 ? tr("The server at %1 sent the request to another address.").arg(host)
                 : tr("The server at %1 sent the request to another address (%2).").arg(host, target)) +
            u' ' +
            tr("The API key is only sent to the server you configured: if the new address is right, "
               "enter it as the base URL.");
        return r;
    }
    const QString detail = providerMessage(replyBody, apiKey);
    const QString suffix = detail.isEmpty() ? QString() : u" ("_s + detail + u')';
    const int s = r.httpStatus;
    if (s >= 200 && s < 300) {
        r.outcome = LlmTestResult::Outcome::Ok;
        r.message =
            tr("It works: %1 answered in %2 ms with model %3.").arg(host).arg(qRound(r.elapsedMs)).arg(model);
    } else if (s == 401 || s == 403 ||
               (s == 400 && (detail.contains(u"API key"_s, Qt::CaseInsensitive) ||
                             replyBody.contains("API_KEY_INVALID")))) {
        r.outcome = LlmTestResult::Outcome::KeyRejected;
        r.message = tr("The API key was rejected (HTTP %1): check or replace the key.").arg(s) + suffix;
    } else if (s == 429) {
        r.outcome = LlmTestResult::Outcome::Quota;
        r.message =
            tr("The quota or rate limit is exhausted (HTTP 429): wait, or check the plan of the account.") +
            suffix;
    } else if (s >= 500) {
        r.outcome = LlmTestResult::Outcome::ServerError;
        r.message = tr("The provider had a server error (HTTP %1); try again later.").arg(s) + suffix;
    } else if (s == 404) {
        r.outcome = LlmTestResult::Outcome::NotFound;
        r.message =
            tr("Not found (HTTP 404): check the base URL and the model name \"%1\".").arg(model) + suffix;
    } else {
        r.outcome = LlmTestResult::Outcome::Rejected;
        r.message = tr("The provider refused the request (HTTP %1).").arg(s) + suffix;
    }
    return r;
}

} // namespace tp::ui
