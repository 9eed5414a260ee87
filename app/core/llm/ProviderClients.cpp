// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderClients.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tp::llm {

namespace {
QUrl withPath(const QUrl& base, const QString& tail) {
    QUrl u = base;
    QString path = u.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    u.setPath(path + tail);
    return u;
}

QString errorOf(const QJsonObject& o) {
    QJsonValue e = o.value(u"error"_s);
    // vLLM and LiteLLM: {"object": "error", "message": "…"} at the top level.
    if ((e.isUndefined() || e.isNull()) && o.value(u"object"_s).toString() == u"error"_s)
        e = o.value(u"message"_s);
    if (e.isUndefined() || e.isNull())
        return {};
    const QString m = e.isObject() ? e.toObject().value(u"message"_s).toString() : e.toString();
    return m.isEmpty()
               ? QCoreApplication::translate("tp::llm::LlmClient",
                                             "The provider reported an error: (no message)")
               : QCoreApplication::translate("tp::llm::LlmClient", "The provider reported an error: %1")
                     .arg(m.left(300));
}
} // namespace

// ---- Gemini ----

QJsonObject GeminiClient::toGeminiSchema(const QJsonObject& schema) {
    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString key = it.key();
        if (key == u"additionalProperties"_s || key == u"$schema"_s)
            continue;
        if (key == u"type"_s) {
            if (it->isArray()) {
                for (const QJsonValue& t : it->toArray()) {
                    if (t.toString() == u"null"_s)
                        out.insert(u"nullable"_s, true);
                    else
                        out.insert(u"type"_s, t.toString().toUpper());
                }
            } else {
                out.insert(u"type"_s, it->toString().toUpper());
            }
        } else if (key == u"properties"_s) {
            QJsonObject props;
            const QJsonObject in = it->toObject();
            for (auto p = in.begin(); p != in.end(); ++p)
                props.insert(p.key(), toGeminiSchema(p->toObject()));
            out.insert(key, props);
        } else if (key == u"items"_s) {
            out.insert(key, toGeminiSchema(it->toObject()));
        } else {
            out.insert(key, *it);
        }
    }
    return out;
}

QNetworkRequest GeminiClient::buildRequest(const LlmRequest&, bool stream) const {
    const QString model = config().effectiveModel();
    QUrl url =
        withPath(config().effectiveBaseUrl(),
                 u"/models/"_s + model + (stream ? u":streamGenerateContent"_s : u":generateContent"_s));
    if (stream)
        url.setQuery(u"alt=sse"_s);
    QNetworkRequest req = baseRequest(url, stream);
    req.setRawHeader("x-goog-api-key", config().apiKey.toUtf8());
    return req;
}

QByteArray GeminiClient::buildBody(const LlmRequest& request, bool, bool structured) const {
    QJsonArray contents;
    for (const ChatMessage& m : request.messages)
        contents.append(QJsonObject{{u"role"_s, m.role == ChatMessage::Role::User ? u"user"_s : u"model"_s},
                                    {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, m.text}}}}});
    QJsonObject generation{{u"temperature"_s, request.temperature}};
    if (request.maxTokens > 0)
        generation.insert(u"maxOutputTokens"_s, request.maxTokens);
    if (!request.schema.isEmpty()) {
        generation.insert(u"responseMimeType"_s, u"application/json"_s);
        if (structured)
            generation.insert(u"responseSchema"_s, toGeminiSchema(request.schema));
    }
    QJsonObject body{{u"contents"_s, contents}, {u"generationConfig"_s, generation}};
    if (!request.system.isEmpty())
        body.insert(u"systemInstruction"_s,
                    QJsonObject{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, request.system}}}}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

static QString geminiText(const QJsonObject& o, bool* done, QString* error, bool* cutAtLimit) {
    if (QString e = errorOf(o); !e.isEmpty()) {
        *error = e;
        return {};
    }
    const QJsonArray candidates = o.value(u"candidates"_s).toArray();
    if (candidates.isEmpty()) {
        const QString blocked = o.value(u"promptFeedback"_s).toObject().value(u"blockReason"_s).toString();
        if (!blocked.isEmpty())
            *error =
                QCoreApplication::translate("tp::llm::LlmClient", "The provider declined to answer (%1).")
                    .arg(blocked);
        return {};
    }
    const QJsonObject c = candidates.first().toObject();
    QString text;
    for (const QJsonValue& p : c.value(u"content"_s).toObject().value(u"parts"_s).toArray())
        if (!p.toObject().value(u"thought"_s).toBool())
            text += p.toObject().value(u"text"_s).toString();
    const QString reason = c.value(u"finishReason"_s).toString();
    if (!reason.isEmpty()) {
        if (done)
            *done = true;
        if (reason == u"SAFETY"_s || reason == u"RECITATION"_s || reason == u"PROHIBITED_CONTENT"_s)
            *error =
                QCoreApplication::translate("tp::llm::LlmClient", "The provider stopped the answer (%1).")
                    .arg(reason);
        else if (reason == u"MAX_TOKENS"_s)
            *cutAtLimit = true;
    }
    return text;
}

QString GeminiClient::parseResponse(const QByteArray& body, QString* error, bool* cutAtLimit) const {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("tp::llm::LlmClient", "The provider's response was not JSON.");
        return {};
    }
    const QString text = geminiText(doc.object(), nullptr, error, cutAtLimit);
    if (error->isEmpty() && text.isEmpty())
        *error = QCoreApplication::translate("tp::llm::LlmClient", "The provider's response had no text.");
    return text;
}

QString GeminiClient::parseEvent(const QByteArray& data, bool* done, QString* error, bool* cutAtLimit) const {
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("tp::llm::LlmClient",
                                             "The provider sent a stream event that is not JSON.");
        return {};
    }
    return geminiText(doc.object(), done, error, cutAtLimit);
}

// ---- OpenAI-compatible ----

QNetworkRequest OpenAiCompatibleClient::buildRequest(const LlmRequest&, bool stream) const {
    QNetworkRequest req = baseRequest(withPath(config().effectiveBaseUrl(), u"/chat/completions"_s), stream);
    if (!config().apiKey.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + config().apiKey.toUtf8());
    return req;
}

QByteArray OpenAiCompatibleClient::buildBody(const LlmRequest& request, bool stream, bool structured) const {
    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, request.system}});
    for (const ChatMessage& m : request.messages)
        messages.append(
            QJsonObject{{u"role"_s, m.role == ChatMessage::Role::User ? u"user"_s : u"assistant"_s},
                        {u"content"_s, m.text}});
    QJsonObject body{{u"model"_s, config().effectiveModel()},
                     {u"messages"_s, messages},
                     {u"stream"_s, stream},
                     {u"temperature"_s, request.temperature}};
    if (request.maxTokens > 0)
        body.insert(u"max_tokens"_s, request.maxTokens);
    if (!request.schema.isEmpty() && structured)
        body.insert(u"response_format"_s,
                    QJsonObject{{u"type"_s, u"json_schema"_s},
                                {u"json_schema"_s, QJsonObject{{u"name"_s, request.schemaName},
                                                               {u"schema"_s, request.schema},
                                                               {u"strict"_s, true}}}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString OpenAiCompatibleClient::parseResponse(const QByteArray& body, QString* error,
                                              bool* cutAtLimit) const {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("tp::llm::LlmClient", "The provider's response was not JSON.");
        return {};
    }
    if (QString e = errorOf(doc.object()); !e.isEmpty()) {
        *error = e;
        return {};
    }
    const QJsonObject choice = doc.object().value(u"choices"_s).toArray().first().toObject();
    const QJsonObject message = choice.value(u"message"_s).toObject();
    if (choice.value(u"finish_reason"_s).toString() == u"length"_s)
        *cutAtLimit = true;
    if (const QString refusal = message.value(u"refusal"_s).toString(); !refusal.isEmpty()) {
        *error = QCoreApplication::translate("tp::llm::LlmClient", "The model declined to answer: %1")
                     .arg(refusal.left(300));
        return {};
    }
    const QString text = message.value(u"content"_s).toString();
    if (text.isEmpty())
        *error = QCoreApplication::translate("tp::llm::LlmClient", "The provider's response had no text.");
    return text;
}

QString OpenAiCompatibleClient::parseEvent(const QByteArray& data, bool* done, QString* error,
                                           bool* cutAtLimit) const {
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("tp::llm::LlmClient",
                                             "The provider sent a stream event that is not JSON.");
        return {};
    }
    if (QString e = errorOf(doc.object()); !e.isEmpty()) {
        *error = e;
        return {};
    }
    QString text;
    for (const QJsonValue& c : doc.object().value(u"choices"_s).toArray()) {
        const QJsonObject choice = c.toObject();
        text += choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        if (choice.value(u"finish_reason"_s).isString())
            *done = true; // servers that never send [DONE] end here
        if (choice.value(u"finish_reason"_s).toString() == u"length"_s)
            *cutAtLimit = true;
    }
    return text;
}

std::unique_ptr<LlmClient> makeClient(QNetworkAccessManager* nam, const ProviderConfig& config) {
    switch (config.provider) {
    case Provider::Gemini:
        return std::make_unique<GeminiClient>(nam, config);
    case Provider::OpenAiCompatible:
        return std::make_unique<OpenAiCompatibleClient>(nam, config);
    case Provider::Offline:
        break;
    }
    return nullptr;
}

} // namespace tp::llm
