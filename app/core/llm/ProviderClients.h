// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LlmClient.h"

#include <memory>

namespace tp::llm {

// Gemini's native API: POST {base}/models/{model}:generateContent, or
// :streamGenerateContent?alt=sse (one GenerateContentResponse per event),
// key in x-goog-api-key, JSON output with responseMimeType + responseSchema.
class GeminiClient : public LlmClient {
    Q_OBJECT
public:
    using LlmClient::LlmClient;
    // JSON Schema (lower-case types, ["x","null"] unions) to Gemini's OpenAPI subset.
    static QJsonObject toGeminiSchema(const QJsonObject& schema);

protected:
    QNetworkRequest buildRequest(const LlmRequest& request, bool stream) const override;
    QByteArray buildBody(const LlmRequest& request, bool stream, bool structured) const override;
    QString parseResponse(const QByteArray& body, QString* error, bool* cutAtLimit) const override;
    QString parseEvent(const QByteArray& data, bool* done, QString* error, bool* cutAtLimit) const override;
};

// OpenAI-compatible Chat Completions: POST {base}/chat/completions with
// Authorization: Bearer; stream: true gives `data: {chunk}` events with
// choices[].delta.content ended by `data: [DONE]`; structured output with
// response_format json_schema (dropped for a server that refuses it).
class OpenAiCompatibleClient : public LlmClient {
    Q_OBJECT
public:
    using LlmClient::LlmClient;

protected:
    QNetworkRequest buildRequest(const LlmRequest& request, bool stream) const override;
    QByteArray buildBody(const LlmRequest& request, bool stream, bool structured) const override;
    QString parseResponse(const QByteArray& body, QString* error, bool* cutAtLimit) const override;
    QString parseEvent(const QByteArray& data, bool* done, QString* error, bool* cutAtLimit) const override;
};

// The client for `config.provider` (nullptr for Offline).
std::unique_ptr<LlmClient> makeClient(QNetworkAccessManager* nam, const ProviderConfig& config);

} // namespace tp::llm
