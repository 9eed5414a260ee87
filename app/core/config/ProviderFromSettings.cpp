// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderFromSettings.h"

#include "SecretStore.h"
#include "Settings.h"

#include <QCoreApplication>
#include <QObject>

using namespace Qt::StringLiterals;

namespace tp {

using namespace tp::llm;

namespace {

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
    // Only Gemini and an OpenAI-compatible server need a key (the offline planner never does).
    const bool gemini = provider == LlmProvider::Gemini;
    switch (key.status) {
    case SecretResult::Status::Ok:
    case SecretResult::Status::NotFound:
        return gemini
                   ? QCoreApplication::translate("tp::ProviderFromSettings",
                                                 "No API key is saved for Gemini. Add one in Settings, or "
                                                 "choose the offline planner.")
                   : QCoreApplication::translate("tp::ProviderFromSettings",
                                                 "No API key is saved for the OpenAI-compatible server. Add "
                                                 "one in Settings, or choose the offline planner.");
    case SecretResult::Status::Unavailable:
        //: %1: what the keychain said.
        return (gemini
                    ? QCoreApplication::translate(
                          "tp::ProviderFromSettings",
                          "The API key for Gemini cannot be read: the system keychain is not available (%1).")
                    : QCoreApplication::translate("tp::ProviderFromSettings",
                                                  "The API key for the OpenAI-compatible server cannot be "
                                                  "read: the system keychain is not available (%1)."))
            .arg(key.message);
    case SecretResult::Status::Failed:
        return (gemini ? QCoreApplication::translate(
                             "tp::ProviderFromSettings",
                             "The API key for Gemini cannot be read from the keychain: %1")
                       : QCoreApplication::translate("tp::ProviderFromSettings",
                                                     "The API key for the OpenAI-compatible server cannot be "
                                                     "read from the keychain: %1"))
            .arg(key.message);
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
