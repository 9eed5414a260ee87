// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderFromSettings.h"

#include "SecretStore.h"
#include "Settings.h"

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

} // namespace

ProviderConfig providerFromSettings(const Settings& settings, const SecretStore& secrets, QString* problem) {
    if (problem)
        problem->clear();
    const LlmSettings llm = settings.llm();
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

    const SecretResult key = secrets.read(secrets.llmApiKeyKey(llm.provider));
    if (key.ok() && !key.value.isEmpty()) {
        config.apiKey = key.value;
        return config;
    }
    if (!config.needsKey() || !problem)
        return config;
    switch (key.status) {
    case SecretResult::Status::Ok:
    case SecretResult::Status::NotFound:
        *problem = u"No API key is saved for %1. Add one in Settings, or choose the offline planner."_s.arg(
            providerTitle(llm.provider));
        break;
    case SecretResult::Status::Unavailable:
        *problem = u"The API key for %1 cannot be read: the system keychain is not available (%2)."_s.arg(
            providerTitle(llm.provider), key.message);
        break;
    case SecretResult::Status::Failed:
        *problem = u"The API key for %1 cannot be read from the keychain: %2"_s.arg(
            providerTitle(llm.provider), key.message);
        break;
    }
    return config;
}

} // namespace tp
