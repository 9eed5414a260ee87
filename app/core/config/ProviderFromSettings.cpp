// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderFromSettings.h"

#include "SecretStore.h"
#include "Settings.h"

#include <QObject>

using namespace Qt::StringLiterals;

namespace tp {

using namespace tp::llm;

namespace {

QString providerTitle(LlmProvider provider) {
    switch (provider) {
    case LlmProvider::Offline:
        return u"the offline planner"_s;
    case LlmProvider::Gemini:
        return u"Gemini"_s;
    case LlmProvider::OpenAiCompatible:
        return u"the OpenAI-compatible server"_s;
    }
    return {};
}

// Everything but the key: the provider, its URL and model, as the settings say.
ProviderConfig configWithoutKey(const LlmSettings& llm) {
    ProviderConfig config;
    switch (llm.provider) {
    case LlmProvider::Offline:
        return config;
    case LlmProvider::Gemini: {
        config.provider = Provider::Gemini;
        // The settings keep the API root; the client talks to its v1beta path
        // (as the settings dialog's endpoint test does).
        QString base = llm.effectiveBaseUrl();
        if (!base.endsWith(u"/v1beta"_s) && !base.endsWith(u"/v1"_s))
            base += u"/v1beta"_s;
        config.baseUrl = QUrl(base);
        break;
    }
    case LlmProvider::OpenAiCompatible:
        config.provider = Provider::OpenAiCompatible;
        config.baseUrl = QUrl(llm.effectiveBaseUrl());
        break;
    }
    config.model = llm.effectiveModel();
    return config;
}

// Adds the key read from the keychain; returns what is wrong, in words (empty when nothing is).
QString addKey(ProviderConfig& config, LlmProvider provider, const SecretResult& key) {
    if (key.ok() && !key.value.isEmpty()) {
        config.apiKey = key.value;
        return {};
    }
    if (!config.needsKey())
        return {};
    switch (key.status) {
    case SecretResult::Status::Ok:
    case SecretResult::Status::NotFound:
        return u"No API key is saved for %1. Add one in Settings, or choose the offline planner."_s.arg(
            providerTitle(provider));
    case SecretResult::Status::Unavailable:
        return u"The API key for %1 cannot be read: the system keychain is not available (%2)."_s.arg(
            providerTitle(provider), key.message);
    case SecretResult::Status::Failed:
        return u"The API key for %1 cannot be read from the keychain: %2"_s.arg(providerTitle(provider),
                                                                                key.message);
    }
    return {};
}

} // namespace

ProviderConfig providerFromSettings(const Settings& settings, const SecretStore& secrets, QString* problem) {
    if (problem)
        problem->clear();
    const LlmSettings llm = settings.llm();
    ProviderConfig config = configWithoutKey(llm);
    if (llm.provider == LlmProvider::Offline)
        return config;
    const QString wrong = addKey(config, llm.provider, secrets.read(secrets.llmApiKeyKey(llm.provider)));
    if (problem)
        *problem = wrong;
    return config;
}

void providerFromSettingsAsync(const Settings& settings, const SecretStore& secrets, QObject* context,
                               std::function<void(const ProviderConfig&, const QString& problem)> done) {
    const LlmSettings llm = settings.llm();
    ProviderConfig config = configWithoutKey(llm);
    if (llm.provider == LlmProvider::Offline) {
        // Nothing to read; still answered later, like every other case.
        QMetaObject::invokeMethod(
            context, [config, done = std::move(done)] { done(config, {}); }, Qt::QueuedConnection);
        return;
    }
    secrets.readAsync(
        secrets.llmApiKeyKey(llm.provider), context,
        [config, provider = llm.provider, done = std::move(done)](const SecretResult& key) mutable {
            const QString problem = addKey(config, provider, key);
            done(config, problem);
        });
}

} // namespace tp
