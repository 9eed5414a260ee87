// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QSettings;

// The user's non-secret choices, stored with QSettings per profile. Secrets
// (the database password, API keys) are never stored here: see SecretStore.
namespace tp {

enum class DatabaseMode { Embedded, PostgreSql };
enum class LlmProvider { Offline, Gemini, OpenAiCompatible };

// Stable identifiers used in the settings file, the CLI and keychain keys.
QString databaseModeId(DatabaseMode mode); // "embedded" | "postgresql"
std::optional<DatabaseMode> databaseModeFromId(const QString& id);
QString llmProviderId(LlmProvider provider); // "offline" | "gemini" | "openai-compatible"
std::optional<LlmProvider> llmProviderFromId(const QString& id);
// The endpoint and model used when the settings leave them empty.
QString defaultLlmBaseUrl(LlmProvider provider);
QString defaultLlmModel(LlmProvider provider);

struct DatabaseSettings {
    DatabaseMode mode = DatabaseMode::Embedded;
    QString postgresUrl;  // postgresql://user@host:port/db?sslmode=require, never with a password
    QString embeddedFile; // empty: defaultDatabaseFile()
    bool operator==(const DatabaseSettings&) const = default;
};

struct LlmSettings {
    LlmProvider provider = LlmProvider::Offline;
    QString baseUrl; // empty: defaultLlmBaseUrl(provider)
    QString model;   // empty: defaultLlmModel(provider)
    QString effectiveBaseUrl() const;
    QString effectiveModel() const;
    bool operator==(const LlmSettings&) const = default;
};

// The map's online tiles and online place search. Both are optional: the
// bundled basemap and offline gazetteer work without them. Tiles are on by
// default (an offline machine falls back to the basemap without a word);
// online search only ever runs when the user presses "Search online".
struct MapSettings {
    bool onlineTiles = true;
    QString tileUrl;         // empty: defaultTileUrl()
    QString tileAttribution; // empty: defaultTileAttribution()
    bool onlineGeocoding = true;
    QString geocoderUrl; // empty: defaultGeocoderUrl()
    QString effectiveTileUrl() const;
    QString effectiveTileAttribution() const;
    QString effectiveGeocoderUrl() const;
    bool operator==(const MapSettings&) const = default;
};
QString defaultTileUrl();         // the OpenStreetMap tile server
QString defaultTileAttribution(); // "© OpenStreetMap contributors"
QString defaultGeocoderUrl();     // the OpenStreetMap Foundation's Nominatim

class Settings {
public:
    static constexpr const char* DefaultProfile = "default";

    // The user's settings file (~/.config/TripPlanner/TripPlanner.conf on Linux),
    // the same for the GUI and the CLI whatever the QCoreApplication names are.
    explicit Settings(const QString& profile = QString::fromLatin1(DefaultProfile));
    ~Settings();
    Settings(const Settings&) = delete;
    Settings& operator=(const Settings&) = delete;

    const QString& profile() const { return m_profile; }
    QString fileName() const;

    DatabaseSettings database() const;
    // Throws Error(Kind::Config) when the URL is malformed or carries a password.
    void setDatabase(const DatabaseSettings& settings);
    // The embedded database file in effect (the override or the default).
    QString embeddedFile() const;

    LlmSettings llm() const;
    void setLlm(const LlmSettings& settings);

    // The language of the app's texts, applied when a program starts: a code
    // such as "de", or empty for the system's language.
    QString language() const;
    void setLanguage(const QString& code);

    MapSettings map() const;
    // Throws Error(Kind::Config) naming a malformed URL (checkMap alone writes nothing).
    void setMap(const MapSettings& settings);
    static void checkMap(const MapSettings& settings);

    // Flat access for `tripplanner-cli config`: keys are those of keys():
    // database.mode database.url database.file llm.provider llm.base-url llm.model
    // map.online-tiles map.tile-url map.tile-attribution geocoding.online geocoding.url
    // ui.language
    static QStringList keys();
    // The value in effect: what the file holds when it passes the checks
    // setValue() makes, else empty (the default). Never contains a password.
    QString value(const QString& key) const;
    // One sentence per value in the file that is ignored because it fails those
    // checks (hand-edited, or written by another tool). Never repeats a value.
    // With a keyPrefix ("database."), only those of the keys that start with it.
    QStringList problems(const QString& keyPrefix = QString()) const;
    // A password that database.url in the file carries (hand-edited, or written
    // by another tool: problems() reports it as ignored). Empty when there is
    // none. Only for moving it to the keychain: never show it.
    QString databasePasswordInFile() const;
    // Rewrites database.url without its password, the rest of the URL kept.
    void removeDatabasePasswordFromFile();
    // Validates like the typed setters; throws Error(Kind::Config) naming the problem.
    void setValue(const QString& key, const QString& value);
    void unset(const QString& key);

    // Writes pending changes to disk; throws Error(Kind::Config) when that fails.
    void sync();

private:
    QString path(const QString& key) const;
    static void checkKey(const QString& key);
    // The stored form of `value` for `key`; throws Error(Kind::Config).
    static QString normalized(const QString& key, const QString& value);
    QString storedText(const QString& key) const;
    std::optional<QString> readProblem(const QString& key, QString* usable) const;

    QString m_profile;
    QSettings* m_settings;
};

} // namespace tp
