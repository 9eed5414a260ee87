// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli config show|set|unset and secret set|clear: the same
// settings file and keychain entries as the desktop app's settings dialog.
// Secrets are read from stdin only, never from arguments, and never printed.
#include "CliContext.h"

#include "config/SecretStore.h"
#include "config/Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {

QCommandLineOption profileOption() {
    return QCommandLineOption(u"profile"_s,
                              QCoreApplication::translate("tp::cli", "Settings profile (default: default)."),
                              u"name"_s, QString::fromLatin1(Settings::DefaultProfile));
}

QString secretState(const SecretStore& store, const QString& key) {
    const SecretResult r = store.read(key);
    switch (r.status) {
    case SecretResult::Status::Ok:
        return r.fromSession ? QCoreApplication::translate("tp::cli", "set (this session only)")
                             : QCoreApplication::translate("tp::cli", "set (in the keychain)");
    case SecretResult::Status::NotFound:
        return QCoreApplication::translate("tp::cli", "not set");
    case SecretResult::Status::Unavailable:
        return QCoreApplication::translate("tp::cli", "unknown: no keychain available");
    case SecretResult::Status::Failed:
        return QCoreApplication::translate("tp::cli", "unknown: the keychain reported an error");
    }
    return {};
}

int configShow(CliContext& ctx, const Settings& settings) {
    QList<QStringList> rows;
    for (const QString& key : Settings::keys()) {
        QString value = settings.value(key);
        if (value.isEmpty()) {
            if (key == u"database.mode")
                value = QCoreApplication::translate("tp::cli", "(embedded)");
            else if (key == u"database.file")
                value = QCoreApplication::translate("tp::cli", "(default: %1)").arg(settings.embeddedFile());
            else if (key == u"llm.provider")
                value = QCoreApplication::translate("tp::cli", "(offline)");
            else if (key == u"llm.base-url" && settings.llm().provider != LlmProvider::Offline)
                value = QCoreApplication::translate("tp::cli", "(default: %1)")
                            .arg(defaultLlmBaseUrl(settings.llm().provider));
            else if (key == u"llm.model" && settings.llm().provider != LlmProvider::Offline)
                value = QCoreApplication::translate("tp::cli", "(default: %1)")
                            .arg(defaultLlmModel(settings.llm().provider));
            else if (key == u"map.online-tiles" || key == u"geocoding.online")
                value = QCoreApplication::translate("tp::cli", "(on)");
            else if (key == u"map.tile-url")
                value = QCoreApplication::translate("tp::cli", "(default: %1)").arg(defaultTileUrl());
            else if (key == u"map.tile-attribution")
                value = QCoreApplication::translate("tp::cli", "(default: %1)").arg(defaultTileAttribution());
            else if (key == u"geocoding.url")
                value = QCoreApplication::translate("tp::cli", "(default: %1)").arg(defaultGeocoderUrl());
            else if (key == u"ui.language")
                value = QCoreApplication::translate("tp::cli", "(the system's: %1)")
                            .arg(QLocale::system().name().section(u'_', 0, 0));
        }
        rows << QStringList{key, value};
    }
    const SecretStore store(settings.profile());
    rows << QStringList{u"secret database-password"_s, secretState(store, store.databasePasswordKey())};
    for (LlmProvider p : {LlmProvider::Gemini, LlmProvider::OpenAiCompatible})
        rows << QStringList{u"secret llm-api-key (%1)"_s.arg(llmProviderId(p)),
                            secretState(store, store.llmApiKeyKey(p))};
    ctx.out << QCoreApplication::translate("tp::cli", "Profile: %1   File: %2")
                   .arg(settings.profile(), settings.fileName())
            << u'\n';
    // Not formatTable: paths and URLs are shown whole.
    for (const QStringList& row : rows)
        ctx.out << row.at(0).leftJustified(40) << terminalSafe(row.at(1)) << u'\n';
    // What the file holds but the app does not use, said rather than dropped silently.
    const QStringList problems = settings.problems();
    for (const QString& problem : problems)
        ctx.err << QCoreApplication::translate("tp::cli", "warning: %1").arg(problem) << u'\n';
    return 0;
}

// The keychain key a secret name refers to: llm-api-key belongs to a provider.
QString secretKey(const SecretStore& store, const QString& name, const QString& providerText,
                  const QString& profile) {
    const auto secret = SecretStore::nameFromId(name);
    if (!secret)
        throw UsageError{
            QCoreApplication::translate("tp::cli", "unknown secret \"%1\" (database-password or llm-api-key)")
                .arg(name.left(40))};
    if (*secret == SecretName::DatabasePassword)
        return store.databasePasswordKey();
    LlmProvider provider = Settings(profile).llm().provider;
    if (!providerText.isEmpty()) {
        const auto p = llmProviderFromId(providerText);
        if (!p)
            throw UsageError{
                QCoreApplication::translate("tp::cli", "--provider is gemini or openai-compatible")};
        provider = *p;
    }
    if (provider == LlmProvider::Offline)
        throw UsageError{
            QCoreApplication::translate("tp::cli", "the offline planner needs no key; name the provider with "
                                                   "--provider gemini or --provider openai-compatible")};
    return store.llmApiKeyKey(provider);
}

} // namespace

int cmdConfig(CliContext& ctx, const QStringList& args) {
    const QString usage =
        QCoreApplication::translate(
            "tp::cli", "usage: config show | config set KEY VALUE | config unset KEY  [--profile NAME]\n"
                       "keys: %1\n"
                       "(secrets are set with: secret set database-password|llm-api-key, value on stdin)")
            .arg(Settings::keys().join(u", "_s));
    CliParser parser;
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
            ctx.out << QCoreApplication::translate("tp::cli", "%1 unset").arg(pos.at(1)) << u'\n';
            return 0;
        }
    } catch (const Error& e) {
        ctx.err << QCoreApplication::translate("tp::cli", "error: %1").arg(e.message()) << u'\n';
        return 1;
    }
    ctx.err << usage << u'\n';
    return 2;
}

int cmdSecret(CliContext& ctx, const QStringList& args) {
    const QString usage = QCoreApplication::translate(
        "tp::cli", "usage: secret set NAME [--provider P] [--profile NAME]   (the value is read from "
                   "stdin)\n       secret clear NAME [--provider P] [--profile NAME]\n"
                   "names: database-password, llm-api-key (of --provider gemini|openai-compatible, "
                   "default: the configured llm.provider)");
    CliParser parser;
    const QCommandLineOption profile = profileOption();
    const QCommandLineOption provider(
        u"provider"_s, QCoreApplication::translate("tp::cli", "LLM provider of the API key."), u"provider"_s);
    parser.addOption(profile);
    parser.addOption(provider);
    try {
        parseOrThrow(parser, args, 2, 2);
    } catch (const UsageError& e) {
        // Never echo the arguments: someone may have put the secret there.
        Q_UNUSED(e)
        ctx.err << QCoreApplication::translate(
                       "tp::cli",
                       "invalid arguments (the secret is read from stdin, never from the command line)")
                << u'\n' << usage << u'\n';
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
                ctx.out << (r.ok() ? QCoreApplication::translate("tp::cli", "%1 cleared").arg(name)
                                   : QCoreApplication::translate("tp::cli", "%1 was not set").arg(name))
                        << u'\n';
                return 0;
            }
            ctx.err << QCoreApplication::translate("tp::cli", "error: %1").arg(r.message) << u'\n';
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
            ctx.err << QCoreApplication::translate(
                           "tp::cli", "error: the value on stdin contains a NUL character or is not "
                                      "valid UTF-8 text; nothing was stored")
                    << u'\n';
            return 1;
        }
        if (value.isEmpty()) {
            ctx.err << QCoreApplication::translate(
                           "tp::cli",
                           "error: no value on stdin (pipe the secret in, e.g. from a password manager)")
                    << u'\n';
            return 1;
        }
        const SecretResult r = store.write(key, value);
        if (r.ok()) {
            ctx.out << QCoreApplication::translate("tp::cli", "%1 saved in the system keychain").arg(name)
                    << u'\n';
            return 0;
        }
        ctx.err
            << (r.status == SecretResult::Status::Unavailable
                    ? QCoreApplication::translate(
                          "tp::cli",
                          "error: %1 Nothing was stored: the app never keeps secrets in plain text. Use the "
                          "DATABASE_URL environment variable or the settings dialog's session-only option "
                          "instead.")
                    : QCoreApplication::translate("tp::cli", "error: %1"))
                   .arg(r.message)
            << u'\n';
        return 1;
    } catch (const UsageError& e) {
        ctx.err << e.message << u'\n' << usage << u'\n';
        return 2;
    } catch (const Error& e) {
        ctx.err << QCoreApplication::translate("tp::cli", "error: %1").arg(e.message()) << u'\n';
        return 1;
    }
}

} // namespace tp::cli
