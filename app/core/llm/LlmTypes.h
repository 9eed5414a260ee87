// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace tp::llm {

enum class Provider { Offline, Gemini, OpenAiCompatible };
Provider providerFromName(const QString& name, bool* ok = nullptr); // "offline", "gemini", "openai"
QString providerName(Provider p);

// A JSON schema object whose every property is required and nothing else is
// allowed: what OpenAI's strict structured output asks for (nullable fields
// are typed ["...", "null"]); Gemini reads the same schema.
QJsonObject strictObjectSchema(const QJsonObject& properties);

// Where and how to reach a model. Values; cross threads freely.
struct ProviderConfig {
    Provider provider = Provider::Offline;
    QUrl baseUrl;   // empty: the provider's public endpoint
    QString model;  // empty: the provider's default below
    QString apiKey; // never logged, never on a command line
    bool stream = true;
    bool structuredOutput = true; // response schema / response_format json_schema
    int connectTimeoutMs = 20000; // until the response headers arrive
    int idleTimeoutMs = 30000;    // a stream that stays silent this long is cut
    int maxAttempts = 4;          // including the first
    int backoffBaseMs = 1000;     // 1 s, 2 s, 4 s ... with jitter
    int maxRetryDelayMs = 60000;  // a server asking to wait longer: give up (quota)
    // An answer cut off at the token limit is asked for once more with this
    // limit (max_tokens / maxOutputTokens) when the first request set none or less.
    int retryMaxTokens = 16384;

    QUrl effectiveBaseUrl() const;
    QString effectiveModel() const;
    // Loopback servers (Ollama, LM Studio, llama.cpp) need no key.
    bool needsKey() const;
};

struct ChatMessage {
    enum class Role { User, Assistant };
    Role role = Role::User;
    QString text;
};

struct LlmRequest {
    QString system;
    QList<ChatMessage> messages;
    QJsonObject schema; // JSON Schema (lower-case types); empty: free text
    QString schemaName = QStringLiteral("answer");
    double temperature = 0.7;
    int maxTokens = 0; // the longest answer asked for; 0: the server's default
};

// Why a request to a model failed. llm/ is the lowest layer above domain/ and
// knows nothing of the planner: LlmPlanner (conversation/) maps each kind to
// its PlannerError::Kind, with a switch the compiler checks for completeness.
enum class ErrorKind {
    NoKey,          // no API key configured
    KeyRejected,    // 401/403 or "API key not valid"
    QuotaExhausted, // 429 after the retries (or a daily quota)
    Offline,        // no connection to the provider
    Timeout,        // no answer in time, or a stream that went silent
    Server,         // 5xx after the retries, or a stream cut off
    BadRequest,     // the provider refused the request (model name, base URL)
    Unusable,       // an answer that cannot be used
    Cancelled,      // the request was cancelled
};

struct LlmError {
    ErrorKind kind = ErrorKind::Server;
    QString message;
    int httpStatus = 0;
};

// HTTP/date helpers, public for tests.
// The delay a response asks for: retry-after-ms, then Retry-After (seconds or
// an HTTP date, relative to `now`); -1 when it asks for none.
qint64 retryDelayFromHeaders(const QByteArray& retryAfterMs, const QByteArray& retryAfter,
                             const QDateTime& now);
bool isRetryableStatus(int status);

} // namespace tp::llm

Q_DECLARE_METATYPE(tp::llm::LlmError)
Q_DECLARE_METATYPE(tp::llm::ProviderConfig)
