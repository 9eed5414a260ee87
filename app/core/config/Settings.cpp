// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include "AppPaths.h"
#include "db/DatabaseUrl.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tp {

QString databaseModeId(DatabaseMode mode) {
    return mode == DatabaseMode::PostgreSql ? u"postgresql"_s : u"embedded"_s;
}

std::optional<DatabaseMode> databaseModeFromId(const QString& id) {
    const QString v = id.trimmed().toLower();
    if (v == u"embedded" || v == u"sqlite")
        return DatabaseMode::Embedded;
    if (v == u"postgresql" || v == u"postgres")
        return DatabaseMode::PostgreSql;
    return std::nullopt;
}

QString llmProviderId(LlmProvider provider) {
    switch (provider) {
    case LlmProvider::Offline:
        return u"offline"_s;
    case LlmProvider::Gemini:
        return u"gemini"_s;
    case LlmProvider::OpenAiCompatible:
        return u"openai-compatible"_s;
    }
    return u"offline"_s;
}

std::optional<LlmProvider> llmProviderFromId(const QString& id) {
    const QString v = id.trimmed().toLower();
    for (LlmProvider p : {LlmProvider::Offline, LlmProvider::Gemini, LlmProvider::OpenAiCompatible})
        if (v == llmProviderId(p))
            return p;
    return std::nullopt;
}

QString defaultLlmBaseUrl(LlmProvider provider) {
    switch (provider) {
    case LlmProvider::Offline:
        return {};
    case LlmProvider::Gemini:
        return u"https://generativelanguage.googleapis.com"_s;
    case LlmProvider::OpenAiCompatible:
        return u"http://localhost:11434/v1"_s;
    }
    return {};
}

QString defaultLlmModel(LlmProvider provider) {
    switch (provider) {
    case LlmProvider::Offline:
        return {};
    case LlmProvider::Gemini:
        return u"gemini-2.5-flash"_s;
    case LlmProvider::OpenAiCompatible:
        return u"llama3.2"_s;
    }
    return {};
}

QString defaultTileUrl() {
    return u"https://tile.openstreetmap.org/{z}/{x}/{y}.png"_s;
}

QString defaultTileAttribution() {
    return u"© OpenStreetMap contributors"_s;
}

QString MapSettings::effectiveTileAttribution() const {
    return tileAttribution.trimmed().isEmpty() ? defaultTileAttribution() : tileAttribution.trimmed();
}

QString defaultGeocoderUrl() {
    return u"https://nominatim.openstreetmap.org"_s;
}

QString MapSettings::effectiveTileUrl() const {
    return tileUrl.trimmed().isEmpty() ? defaultTileUrl() : tileUrl.trimmed();
}

QString MapSettings::effectiveGeocoderUrl() const {
    QString base = geocoderUrl.trimmed().isEmpty() ? defaultGeocoderUrl() : geocoderUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

QString LlmSettings::effectiveBaseUrl() const {
    QString base = baseUrl.trimmed().isEmpty() ? defaultLlmBaseUrl(provider) : baseUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

QString LlmSettings::effectiveModel() const {
    return model.trimmed().isEmpty() ? defaultLlmModel(provider) : model.trimmed();
}

namespace {

const QString kDbMode = u"database.mode"_s;
const QString kDbUrl = u"database.url"_s;
const QString kDbFile = u"database.file"_s;
const QString kLlmProvider = u"llm.provider"_s;
const QString kLlmBaseUrl = u"llm.base-url"_s;
const QString kLlmModel = u"llm.model"_s;
const QString kMapOnlineTiles = u"map.online-tiles"_s;
const QString kMapTileUrl = u"map.tile-url"_s;
const QString kMapTileAttribution = u"map.tile-attribution"_s;
const QString kGeoOnline = u"geocoding.online"_s;
const QString kGeoUrl = u"geocoding.url"_s;
const QString kUiLanguage = u"ui.language"_s;

Error configError(const QString& message) {
    return Error(Error::Kind::Config, message);
}

// A stored PostgreSQL URL: valid, PostgreSQL, without a password. The error
// never repeats the URL (it may hold a password).
QString checkedPostgresUrl(const QString& text) {
    if (text.trimmed().isEmpty())
        return {};
    const DatabaseUrl url = DatabaseUrl::parse(text);
    if (url.dialect != Dialect::Postgres)
        throw configError(QCoreApplication::translate(
            "tp::Settings",
            "database.url must be a postgresql:// URL; the embedded file is set with database.file"));
    if (!url.password.isEmpty())
        throw configError(QCoreApplication::translate(
            "tp::Settings",
            "The URL contains a password, which is never stored in the settings. Store the URL "
            "without it and the password in the keychain (tripplanner-cli secret set "
            "database-password, or the settings dialog)."));
    return url.redacted();
}

QString checkedHttpUrl(const QString& text, const QString& key = kLlmBaseUrl) {
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    // The tile template's {z}/{x}/{y} are not URL characters; check the URL they stand in.
    QString probe = t;
    probe.replace(u"{z}"_s, u"0"_s).replace(u"{x}"_s, u"0"_s).replace(u"{y}"_s, u"0"_s);
    const QUrl url(probe, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        throw configError(
            QCoreApplication::translate("tp::Settings", "%1 must be an http:// or https:// URL").arg(key));
    if (!url.userInfo().isEmpty())
        throw configError(
            QCoreApplication::translate(
                "tp::Settings", "%1 must not contain a user name or password; API keys go to the keychain")
                .arg(key));
    // Settings are a plain file and `config show` prints them: no key rides along in a query.
    static const QRegularExpression secretName(
        u"^(key|api[-_]?key|apikey|token|access[-_]?token|secret|password|sig|signature)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (const auto& [name, value] : QUrlQuery(url).queryItems())
        if (secretName.match(name).hasMatch())
            throw configError(QCoreApplication::translate(
                                  "tp::Settings",
                                  "%1 must not contain an API key or token (\"%2=\"): the settings file is "
                                  "not a safe place for one. Use a server that needs no key.")
                                  .arg(key, name));
    return t;
}

QString checkedTileUrl(const QString& text) {
    const QString t = checkedHttpUrl(text, kMapTileUrl);
    if (!t.isEmpty() && !(t.contains(u"{z}"_s) && t.contains(u"{x}"_s) && t.contains(u"{y}"_s)))
        throw configError(QCoreApplication::translate("tp::Settings",
                                                      "map.tile-url must contain {z}, {x} and {y}, as in %1")
                              .arg(defaultTileUrl()));
    return t;
}

// "on"/"off" in the file; empty means the default.
QString checkedSwitch(const QString& text, const QString& key) {
    const QString v = text.trimmed().toLower();
    if (v.isEmpty())
        return {};
    if (v == u"on" || v == u"true" || v == u"yes" || v == u"1")
        return u"on"_s;
    if (v == u"off" || v == u"false" || v == u"no" || v == u"0")
        return u"off"_s;
    throw configError(QCoreApplication::translate("tp::Settings", "%1 is on or off").arg(key));
}

} // namespace

Settings::Settings(const QString& profile)
    : m_profile(profile)
    , m_settings(new QSettings(QSettings::NativeFormat, QSettings::UserScope,
                               QString::fromLatin1(OrganizationName), QString::fromLatin1(ApplicationName))) {
    static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,40}$"_s);
    if (!valid.match(profile).hasMatch()) {
        delete m_settings;
        throw configError(QCoreApplication::translate(
            "tp::Settings", "A profile name is 1 to 40 letters, digits, '-' or '_'."));
    }
}

Settings::~Settings() {
    delete m_settings;
}

QString Settings::fileName() const {
    return m_settings->fileName();
}

QString Settings::path(const QString& key) const {
    return u"profiles/"_s + m_profile + u'/' + key;
}

QStringList Settings::keys() {
    return {kDbMode,   kDbUrl,          kDbFile,     kLlmProvider,        kLlmBaseUrl,
            kLlmModel, kMapOnlineTiles, kMapTileUrl, kMapTileAttribution, kGeoOnline,
            kGeoUrl,   kUiLanguage};
}

void Settings::checkKey(const QString& key) {
    if (!keys().contains(key))
        throw configError(
            QCoreApplication::translate("tp::Settings", "Unknown setting \"%1\"; the settings are: %2")
                .arg(key.left(60), keys().join(u", "_s)));
}

QString Settings::value(const QString& key) const {
    checkKey(key);
    // What is read is checked as what is written: a hand-edited file cannot
    // bring in a password, a key in a URL or an unknown provider (problems()
    // says what was ignored).
    QString usable;
    readProblem(key, &usable);
    return usable;
}

QString Settings::normalized(const QString& key, const QString& value) {
    QString stored = value.trimmed();
    if (key == kDbMode) {
        if (stored.isEmpty())
            return {};
        const auto mode = databaseModeFromId(stored);
        if (!mode)
            throw configError(
                QCoreApplication::translate("tp::Settings", "database.mode is embedded or postgresql"));
        stored = databaseModeId(*mode);
    } else if (key == kDbUrl) {
        stored = checkedPostgresUrl(stored);
    } else if (key == kDbFile) {
        if (!stored.isEmpty())
            stored = QDir::cleanPath(QDir(stored).absolutePath());
    } else if (key == kLlmProvider) {
        if (stored.isEmpty())
            return {};
        const auto provider = llmProviderFromId(stored);
        if (!provider)
            throw configError(QCoreApplication::translate(
                "tp::Settings", "llm.provider is offline, gemini or openai-compatible"));
        stored = llmProviderId(*provider);
    } else if (key == kLlmBaseUrl) {
        stored = checkedHttpUrl(stored);
    } else if (key == kMapOnlineTiles || key == kGeoOnline) {
        stored = checkedSwitch(stored, key);
    } else if (key == kMapTileUrl) {
        stored = checkedTileUrl(stored);
    } else if (key == kMapTileAttribution) {
        stored = stored.simplified().left(200);
    } else if (key == kGeoUrl) {
        stored = checkedHttpUrl(stored, kGeoUrl);
    } else if (key == kUiLanguage) {
        // A language code (de, pt_BR) or "pseudo" (the layout-test build's);
        // one without a translation falls back to English when the app starts.
        static const QRegularExpression code(u"^([a-z]{2,3}(_[A-Z]{2})?|pseudo)$"_s);
        if (!stored.isEmpty() && !code.match(stored).hasMatch())
            throw configError(QCoreApplication::translate(
                "tp::Settings", "ui.language is a language code such as de, fr or es (empty: the system's)"));
    }
    return stored;
}

void Settings::setValue(const QString& key, const QString& value) {
    checkKey(key);
    if ((key == kDbMode || key == kLlmProvider) && value.trimmed().isEmpty())
        throw configError(
            key == kDbMode
                ? QCoreApplication::translate("tp::Settings", "database.mode is embedded or postgresql")
                : QCoreApplication::translate("tp::Settings",
                                              "llm.provider is offline, gemini or openai-compatible"));
    const QString stored = normalized(key, value);
    if (stored.isEmpty())
        m_settings->remove(path(key));
    else
        m_settings->setValue(path(key), stored);
}

QString Settings::storedText(const QString& key) const {
    const QVariant v = m_settings->value(path(key));
    // A hand-edited line with a comma reads back as a list: take it whole.
    if (v.metaType().id() == QMetaType::QStringList)
        return v.toStringList().join(u", "_s);
    return v.toString();
}

std::optional<QString> Settings::readProblem(const QString& key, QString* usable) const {
    const QString raw = storedText(key);
    try {
        const QString v = normalized(key, raw);
        if (usable)
            *usable = v;
        return std::nullopt;
    } catch (const Error& e) {
        if (usable)
            usable->clear();
        // A URL that carries a password still says where the server is: keep
        // that, drop the password (it belongs in the keychain).
        if (key == kDbUrl) {
            try {
                const DatabaseUrl url = DatabaseUrl::parse(raw);
                if (url.dialect == Dialect::Postgres && !url.password.isEmpty()) {
                    if (usable)
                        *usable = url.redacted();
                    //: "database.url" is the setting's key: keep it as it is.
                    return QCoreApplication::translate(
                        "tp::Settings",
                        "database.url in the settings file contains a password; it is ignored. Move it "
                        "to the keychain (the settings dialog offers to, or `tripplanner-cli secret set "
                        "database-password`) and then run `tripplanner-cli config set database.url` with "
                        "the URL without it.");
                }
            } catch (const Error&) {
            }
        }
        // The messages above are built from fixed text and the key: they never
        // repeat the stored value, which may hold a secret.
        //: %1: the setting's key ("database.url"), as it is; %2: why the value is ignored.
        return QCoreApplication::translate("tp::Settings",
                                           "%1 in the settings file is ignored (the default is used): %2")
            .arg(key, e.message());
    }
}

QStringList Settings::problems(const QString& keyPrefix) const {
    QStringList out;
    for (const QString& key : keys()) {
        if (!key.startsWith(keyPrefix))
            continue;
        if (auto p = readProblem(key, nullptr))
            out << *p;
    }
    return out;
}

QString Settings::databasePasswordInFile() const {
    const QString raw = storedText(kDbUrl);
    if (raw.trimmed().isEmpty())
        return {};
    try {
        const DatabaseUrl url = DatabaseUrl::parse(raw);
        return url.dialect == Dialect::Postgres ? url.password : QString();
    } catch (const Error&) {
        return {}; // not a URL at all: problems() says it is ignored
    }
}

void Settings::removeDatabasePasswordFromFile() {
    if (databasePasswordInFile().isEmpty())
        return;
    m_settings->setValue(path(kDbUrl), DatabaseUrl::parse(storedText(kDbUrl)).redacted());
}

void Settings::unset(const QString& key) {
    checkKey(key);
    m_settings->remove(path(key));
}

void Settings::sync() {
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        throw configError(
            QCoreApplication::translate("tp::Settings", "The settings could not be written to %1.")
                .arg(m_settings->fileName()));
}

DatabaseSettings Settings::database() const {
    DatabaseSettings s;
    s.mode = databaseModeFromId(value(kDbMode)).value_or(DatabaseMode::Embedded);
    s.postgresUrl = value(kDbUrl);
    s.embeddedFile = value(kDbFile);
    return s;
}

void Settings::setDatabase(const DatabaseSettings& s) {
    // Validate everything before changing anything.
    const QString url = checkedPostgresUrl(s.postgresUrl);
    if (s.mode == DatabaseMode::PostgreSql && url.isEmpty())
        throw configError(
            QCoreApplication::translate("tp::Settings", "PostgreSQL is selected but no server is set."));
    setValue(kDbMode, databaseModeId(s.mode));
    setValue(kDbUrl, url);
    setValue(kDbFile, s.embeddedFile);
}

QString Settings::language() const {
    return value(kUiLanguage);
}

void Settings::setLanguage(const QString& code) {
    setValue(kUiLanguage, code);
}

QString Settings::embeddedFile() const {
    const QString f = value(kDbFile);
    return f.isEmpty() ? defaultDatabaseFile() : f;
}

LlmSettings Settings::llm() const {
    LlmSettings s;
    s.provider = llmProviderFromId(value(kLlmProvider)).value_or(LlmProvider::Offline);
    s.baseUrl = value(kLlmBaseUrl);
    s.model = value(kLlmModel);
    return s;
}

void Settings::setLlm(const LlmSettings& s) {
    const QString base = checkedHttpUrl(s.baseUrl);
    setValue(kLlmProvider, llmProviderId(s.provider));
    setValue(kLlmBaseUrl, base);
    setValue(kLlmModel, s.model);
}

MapSettings Settings::map() const {
    MapSettings s;
    s.onlineTiles = value(kMapOnlineTiles) != u"off";
    s.tileUrl = value(kMapTileUrl);
    s.tileAttribution = value(kMapTileAttribution);
    s.onlineGeocoding = value(kGeoOnline) != u"off";
    s.geocoderUrl = value(kGeoUrl);
    return s;
}

void Settings::checkMap(const MapSettings& s) {
    checkedTileUrl(s.tileUrl);
    checkedHttpUrl(s.geocoderUrl, kGeoUrl);
}

void Settings::setMap(const MapSettings& s) {
    const QString tiles = checkedTileUrl(s.tileUrl);
    const QString geocoder = checkedHttpUrl(s.geocoderUrl, kGeoUrl);
    // Defaults are stored as nothing, so a later default change reaches the user.
    setValue(kMapOnlineTiles, s.onlineTiles ? QString() : u"off"_s);
    setValue(kMapTileUrl, tiles == defaultTileUrl() ? QString() : tiles);
    setValue(kMapTileAttribution,
             s.tileAttribution.trimmed() == defaultTileAttribution() ? QString() : s.tileAttribution);
    setValue(kGeoOnline, s.onlineGeocoding ? QString() : u"off"_s);
    setValue(kGeoUrl, geocoder == defaultGeocoderUrl() ? QString() : geocoder);
}

} // namespace tp
