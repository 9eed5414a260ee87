// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli config show|set|unset and secret set|clear: the same
// settings file and keychain entries as the desktop app's settings dialog.
// Secrets are read from stdin only, never from arguments, and never printed.
#include "CliContext.h"

#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {

QCommandLineOption profileOption() {
    return QCommandLineOption(u"profile"_s, u"Settings profile (default: default)."_s, u"name"_s,
                              QString::fromLatin1(Settings::DefaultProfile));
}

QString secretState(const SecretStore& store, const QString& key) {
    const SecretResult r = store.read(key);
    switch (r.status) {
    case SecretResult::Status::Ok:
        return r.fromSession ? u"set (this session only)"_s : u"set (in the keychain)"_s;
    case SecretResult::Status::NotFound:
        return u"not set"_s;
    case SecretResult::Status::Unavailable:
        return u"unknown: no keychain available"_s;
    case SecretResult::Status::Failed:
        return u"unknown: the keychain reported an error"_s;
    }
    return {};
}

int configShow(CliContext& ctx, const Settings& settings) {
    QList<QStringList> rows;
    for (const QString& key : Settings::keys()) {
        QString value = settings.value(key);
        if (value.isEmpty()) {
            if (key == u"database.mode")
                value = u"(embedded)"_s;
            else if (key == u"database.file")
                value = u"(default: %1)"_s.arg(settings.embeddedFile());
            else if (key == u"llm.provider")
                value = u"(offline)"_s;
            else if (key == u"llm.base-url" && settings.llm().provider != LlmProvider::Offline)
                value = u"(default: %1)"_s.arg(defaultLlmBaseUrl(settings.llm().provider));
            else if (key == u"llm.model" && settings.llm().provider != LlmProvider::Offline)
                value = u"(default: %1)"_s.arg(defaultLlmModel(settings.llm().provider));
            else if (key == u"map.online-tiles" || key == u"geocoding.online")
                value = u"(on)"_s;
            else if (key == u"map.tile-url")
                value = u"(default: %1)"_s.arg(defaultTileUrl());
            else if (key == u"map.tile-attribution")
                value = u"(default: %1)"_s.arg(defaultTileAttribution());
            else if (key == u"geocoding.url")
                value = u"(default: %1)"_s.arg(defaultGeocoderUrl());
        }
        rows << QStringList{key, value};
    }
    const SecretStore store(settings.profile());
    rows << QStringList{u"secret database-password"_s, secretState(store, store.databasePasswordKey())};
    for (LlmProvider p : {LlmProvider::Gemini, LlmProvider::OpenAiCompatible})
        rows << QStringList{u"secret llm-api-key (%1)"_s.arg(llmProviderId(p)),
                            secretState(store, store.llmApiKeyKey(p))};
    ctx.out << u"Profile: "_s << settings.profile() << u"   File: "_s << settings.fileName() << u'\n';
    // Not formatTable: paths and URLs are shown whole.
    for (const QStringList& row : rows)
        ctx.out << row.at(0).leftJustified(40) << terminalSafe(row.at(1)) << u'\n';
    // What the file holds but the app does not use, said rather than dropped silently.
    const QStringList problems = settings.problems();
    for (const QString& problem : problems)
        ctx.err << u"warning: "_s << problem << u'\n';
    return 0;
}

// The keychain key a secret name refers to: llm-api-key belongs to a provider.
QString secretKey(const SecretStore& store, const QString& name, const QString& providerText,
                  const QString& profile) {
    const auto secret = SecretStore::nameFromId(name);
    if (!secret)
        throw UsageError{u"unknown secret \"%1\" (database-password or llm-api-key)"_s.arg(name.left(40))};
    if (*secret == SecretName::DatabasePassword)
        return store.databasePasswordKey();
    LlmProvider provider = Settings(profile).llm().provider;
    if (!providerText.isEmpty()) {
        const auto p = llmProviderFromId(providerText);
        if (!p)
            throw UsageError{u"--provider is gemini or openai-compatible"_s};
        provider = *p;
    }
    if (provider == LlmProvider::Offline)
        throw UsageError{u"the offline planner needs no key; name the provider with --provider gemini or "
                         u"--provider openai-compatible"_s};
    return store.llmApiKeyKey(provider);
}

} // namespace

int cmdConfig(CliContext& ctx, const QStringList& args) {
    const QString usage =
        u"usage: config show | config set KEY VALUE | config unset KEY  [--profile NAME]\n"
        u"keys: "_s +
        Settings::keys().join(u", "_s) +
        u"\n(secrets are set with: secret set database-password|llm-api-key, value on stdin)"_s;
    QCommandLineParser parser;
    const QCommandLineOption profile = profileOption();
    parser.addOption(profile);
    try {
        parseOrThrow(parser, args, 1, 3);
    } catch (const UsageError& e) {
        ctx.err << e.message << u'\n' << usage << u'\n';
        return 2;
    }
    const QStringList pos = parser.positionalArguments();
    const QString verb = pos.first();
    try {
        Settings settings(parser.value(profile));
        if (verb == u"show" && pos.size() == 1)
            return configShow(ctx, settings);
        if (verb == u"set" && pos.size() == 3) {
            settings.setValue(pos.at(1), pos.at(2));
            settings.sync();
            ctx.out << pos.at(1) << u" = "_s << settings.value(pos.at(1)) << u'\n';
            return 0;
        }
        if (verb == u"unset" && pos.size() == 2) {
            settings.unset(pos.at(1));
            settings.sync();
            ctx.out << pos.at(1) << u" unset\n"_s;
            return 0;
        }
    } catch (const Error& e) {
        ctx.err << u"error: "_s << e.message() << u'\n';
        return 1;
    }
    ctx.err << usage << u'\n';
    return 2;
}

int cmdSecret(CliContext& ctx, const QStringList& args) {
    const QString usage = u"usage: secret set NAME [--provider P] [--profile NAME]   (the value is read from "
                          u"stdin)\n       secret clear NAME [--provider P] [--profile NAME]\n"
                          u"names: database-password, llm-api-key (of --provider gemini|openai-compatible, "
                          u"default: the configured llm.provider)"_s;
    QCommandLineParser parser;
    const QCommandLineOption profile = profileOption();
    const QCommandLineOption provider(u"provider"_s, u"LLM provider of the API key."_s, u"provider"_s);
    parser.addOption(profile);
    parser.addOption(provider);
    try {
        parseOrThrow(parser, args, 2, 2);
    } catch (const UsageError& e) {
        // Never echo the arguments: someone may have put the secret there.
        Q_UNUSED(e)
        ctx.err << u"invalid arguments (the secret is read from stdin, never from the command line)\n"_s
                << usage << u'\n';
        return 2;
    }
    const QString verb = parser.positionalArguments().at(0);
    const QString name = parser.positionalArguments().at(1);
    if (verb != u"set" && verb != u"clear") {
        ctx.err << usage << u'\n';
        return 2;
    }
    try {
        const QString profileName = parser.value(profile);
        const SecretStore store(profileName);
        const QString key = secretKey(store, name, parser.value(provider), profileName);
        if (verb == u"clear") {
            const SecretResult r = store.remove(key);
            if (r.ok() || r.status == SecretResult::Status::NotFound) {
                ctx.out << name << (r.ok() ? u" cleared\n"_s : u" was not set\n"_s);
                return 0;
            }
            ctx.err << u"error: "_s << r.message << u'\n';
            return 1;
        }
        QByteArray data = ctx.readStdin();
        if (data.endsWith('\n'))
            data.chop(1);
        if (data.endsWith('\r'))
            data.chop(1);
        QString value;
        const bool valid = !data.contains('\0') && decodeUtf8(data, &value);
        data.fill('\0');
        if (!valid) {
            // Stored changed (U+FFFD) or cut, the secret would fail later with no clue why.
            ctx.err << u"error: the value on stdin contains a NUL character or is not valid UTF-8 text; "
                       u"nothing was stored\n"_s;
            return 1;
        }
        if (value.isEmpty()) {
            ctx.err << u"error: no value on stdin (pipe the secret in, e.g. from a password manager)\n"_s;
            return 1;
        }
        const SecretResult r = store.write(key, value);
        if (r.ok()) {
            ctx.out << name << u" saved in the system keychain\n"_s;
            return 0;
        }
        ctx.err
            << u"error: "_s << r.message
            << (r.status == SecretResult::Status::Unavailable
                    ? u" Nothing was stored: the app never keeps secrets in plain text. Use the DATABASE_URL "
                      u"environment variable or the settings dialog's session-only option instead."_s
                    : QString())
            << u'\n';
        return 1;
    } catch (const UsageError& e) {
        ctx.err << e.message << u'\n' << usage << u'\n';
        return 2;
    } catch (const Error& e) {
        ctx.err << u"error: "_s << e.message() << u'\n';
        return 1;
    }
}

} // namespace tp::cli
