// SPDX-License-Identifier: GPL-3.0-or-later
#include "LlmTypes.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tp::llm {

Provider providerFromName(const QString& name, bool* ok) {
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == u"gemini"_s)
        return Provider::Gemini;
    if (n == u"openai"_s || n == u"openai-compatible"_s || n == u"ollama"_s)
        return Provider::OpenAiCompatible;
    if (ok)
        *ok = n == u"offline"_s || n.isEmpty();
    return Provider::Offline;
}

QJsonObject strictObjectSchema(const QJsonObject& properties) {
    QJsonArray required;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        required.append(it.key());
    return {{u"type"_s, u"object"_s},
            {u"properties"_s, properties},
            {u"required"_s, required},
            {u"additionalProperties"_s, false}};
}

QString providerName(Provider p) {
    switch (p) {
    case Provider::Gemini:
        return u"gemini"_s;
    case Provider::OpenAiCompatible:
        return u"openai"_s;
    case Provider::Offline:
        break;
    }
    return u"offline"_s;
}

QUrl ProviderConfig::effectiveBaseUrl() const {
    if (!baseUrl.isEmpty())
        return baseUrl;
    if (provider == Provider::Gemini)
        return QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s);
    return QUrl(u"https://api.openai.com/v1"_s);
}

QString ProviderConfig::effectiveModel() const {
    if (!model.isEmpty())
        return model;
    return provider == Provider::Gemini ? u"gemini-2.0-flash"_s : u"gpt-4o-mini"_s;
}

bool ProviderConfig::needsKey() const {
    if (provider == Provider::Offline)
        return false;
    if (provider == Provider::Gemini)
        return true;
    const QString host = effectiveBaseUrl().host();
    QHostAddress a;
    return !(host == u"localhost"_s || (a.setAddress(host) && a.isLoopback()));
}

qint64 retryDelayFromHeaders(const QByteArray& retryAfterMs, const QByteArray& retryAfter,
                             const QDateTime& now) {
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && ms >= 0 && ms < 1e9)
        return qint64(ms);
    const QByteArray ra = retryAfter.trimmed();
    if (ra.isEmpty())
        return -1;
    const double secs = ra.toDouble(&ok);
    if (ok && secs >= 0 && secs < 1e7)
        return qint64(secs * 1000);
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(ra), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}

bool isRetryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || (status >= 500 && status <= 599);
}

} // namespace tp::llm
