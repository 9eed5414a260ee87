// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderOptions.h"

#include "config/ProviderFromSettings.h"
#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace tp::cli {

void addProviderOptions(CliParser& p) {
    p.addOption({u"provider"_s,
                 QCoreApplication::translate("tp::cli",
                                             "offline (no network), gemini or openai (any OpenAI-compatible "
                                             "server); default: the saved settings."),
                 u"name"_s});
    p.setChoices(u"provider"_s, {u"offline"_s, u"gemini"_s, u"openai"_s});
    p.addOption({u"model"_s,
                 QCoreApplication::translate("tp::cli", "The model name (default: the provider's)."),
                 u"model"_s});
    p.addOption({u"base-url"_s,
                 QCoreApplication::translate(
                     "tp::cli", "The provider's base URL, e.g. http://localhost:11434/v1 for Ollama."),
                 u"url"_s});
    p.addOption({u"no-stream"_s,
                 QCoreApplication::translate("tp::cli", "Ask for whole answers instead of a stream.")});
}

llm::ProviderConfig providerFromOptions(CliContext& ctx, const QCommandLineParser& p) {
    llm::ProviderConfig config;
    bool ok = false;
    if (!p.isSet(u"provider"_s)) {
        QString problem;
        config = providerFromSettings(Settings(), SecretStore(), &problem);
        if (!problem.isEmpty())
            ctx.err << problem << '\n';
    } else {
        config.provider = llm::providerFromName(p.value(u"provider"_s), &ok);
        if (!ok)
            throw UsageError{
                QCoreApplication::translate("tp::cli", "unknown provider \"%1\" (offline, gemini or openai)")
                    .arg(p.value(u"provider"_s).left(40))};
    }
    if (p.isSet(u"model"_s))
        config.model = p.value(u"model"_s);
    if (p.isSet(u"base-url"_s)) {
        config.baseUrl = QUrl(p.value(u"base-url"_s), QUrl::StrictMode);
        if (!config.baseUrl.isValid() || !config.baseUrl.scheme().startsWith(u"http"_s))
            throw UsageError{QCoreApplication::translate("tp::cli", "--base-url must be an http(s) URL")};
        if (!config.baseUrl.userInfo().isEmpty())
            throw UsageError{QCoreApplication::translate(
                "tp::cli", "--base-url must not contain credentials; use $TRIPPLANNER_LLM_API_KEY")};
    }
    config.stream = !p.isSet(u"no-stream"_s);
    // The environment wins over the keychain (scripts, CI); never an argument.
    const QString envKey = QProcessEnvironment::systemEnvironment().value(u"TRIPPLANNER_LLM_API_KEY"_s);
    if (!envKey.isEmpty())
        config.apiKey = envKey;
    else if (p.isSet(u"provider"_s) && config.provider != llm::Provider::Offline) {
        const SecretStore secrets;
        const SecretResult key = secrets.read(secrets.llmApiKeyKey(
            config.provider == llm::Provider::Gemini ? LlmProvider::Gemini : LlmProvider::OpenAiCompatible));
        if (key.ok())
            config.apiKey = key.value;
    }
    return config;
}

} // namespace tp::cli
