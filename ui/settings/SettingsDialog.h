// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LlmEndpointTest.h"
#include "config/ConnectionProbe.h"
#include "config/Settings.h"
#include "main/BackgroundRunner.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <atomic>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace tp::ui {

// The settings dialog: where the data lives (the embedded file, or a
// PostgreSQL/Neon server) and which planner answers (offline, Gemini, an
// OpenAI-compatible endpoint). Choices go to Settings (QSettings); the
// database password and API keys go to the OS keychain (SecretStore) and
// nowhere else. Probes and tests run on worker threads.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const QString& profile = QString::fromLatin1(Settings::DefaultProfile),
                            QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Called before the embedded file is copied elsewhere: it must close every
    // connection to that file and return true, or return false to abort.
    void setDatabaseReleaser(std::function<bool()> releaser) { m_releaser = std::move(releaser); }

    // Writes the secrets (to the keychain, asynchronously, one after another)
    // and then the settings; saveFinished reports the end. False (with the
    // reason shown in the dialog) when something could not be saved, e.g. no
    // keychain and the session-only option not chosen; a field that does not
    // validate is reported before save() returns. Save is disabled meanwhile;
    // asked before the keychain's answers arrived, it waits for them.
    void save();
    bool saving() const { return m_saving; }

    // Whether the keychain has answered for the password and the API keys
    // (the dialog opens at once; those fields stay read-only until then).
    bool secretsReady() const { return m_secretsReady; }

    // Copies the embedded database to `target` off the GUI thread and, when
    // that worked, switches the settings to it. moveFinished reports the end.
    void moveEmbeddedDatabaseTo(const QString& target);

    // The last result shown for each test (for tests and accessibility).
    QString databaseTestText() const;
    QString llmTestText() const;
    QString keychainNotice() const;
    bool databaseTestRunning() const { return m_dbTestRunning; }
    bool llmTestRunning() const { return m_llmTestRunning; }

    void accept() override;

signals:
    // Every keychain read made when the dialog opened has been answered.
    void secretsLoaded();
    // The end of save(): ok when the secrets and the settings were written.
    void saveFinished(bool ok);
    // The end of moving the settings file's password (moveFilePassword).
    void filePasswordMoved(bool ok);
    void databaseTestFinished(bool reachable);
    void llmTestFinished(bool ok);
    void moveFinished(bool ok);
    // The database settings changed (saved, or the embedded file moved).
    void databaseSettingsChanged();
    // The map page was saved.
    void mapSettingsChanged();

private:
    QWidget* buildDatabasePage();
    QWidget* buildLlmPage();
    void load();
    void updateEnabledState();
    void applyPastedUrl();
    DatabaseUrl urlFromFields() const;
    DatabaseUrl postgresUrlFromFields() const;
    QString postgresUrlWithoutPassword() const;
    void startDatabaseTest();
    void cancelDatabaseTest();
    void showDatabaseResult(const ProbeResult& result);
    void startLlmTest();
    void cancelLlmTest();
    void showLlmResult(const LlmTestResult& result);
    void providerChanged();
    LlmProvider currentProvider() const;
    void revealDatabaseFile();
    void chooseMoveTarget();
    void showKeychainProblem(const QString& message);
    // A password or other ignored values found in the settings file, said in words.
    void showSettingsFileProblems();
    // Moves a password found in the settings file's database.url to the
    // keychain (or this session's memory, with no keychain) and rewrites the
    // file without it.
    void moveFilePassword();
    void filePasswordKept(const QString& password, bool sessionOnly);
    // The secrets, read with SecretStore::readAsync one after another (the
    // password first: when the keychain is missing, the keys are not asked).
    void readSecrets();
    void readApiKey(int index);
    void showSecrets();
    // Writes (or, empty, removes) one secret; `done` gets whether it worked.
    void storeSecret(const QString& key, const QString& value, std::function<void(bool)> done);
    struct PendingSecret {
        QString key;
        QString value;
        std::function<void()> stored; // run once it is kept
    };
    void storeSecrets(QList<PendingSecret> rest, std::function<void()> then);
    void writeSettingsFile(const DatabaseSettings& db, const LlmSettings& llm, const MapSettings& map);
    void finishSave(bool ok);
    void updateBusyState();
    void tick();

    QString m_profile;
    BackgroundRunner m_runner{this};
    std::function<bool()> m_releaser;

    QTabWidget* m_tabs = nullptr;
    class LanguagePage* m_languagePage = nullptr;
    class MapSettingsPage* m_mapPage = nullptr;
    QLabel* m_keychainBanner = nullptr;
    QCheckBox* m_sessionOnly = nullptr;
    QLabel* m_saveError = nullptr;
    QFrame* m_filePanel = nullptr;
    QLabel* m_filePasswordNotice = nullptr;
    QPushButton* m_movePasswordButton = nullptr;
    QLabel* m_ignoredSettings = nullptr;
    bool m_filePasswordPending = false; // the file's database.url still carries a password
    QString m_loadedPostgresUrl;        // the server fields as loaded, without a password

    // Database page
    QRadioButton* m_embeddedRadio = nullptr;
    QRadioButton* m_postgresRadio = nullptr;
    QGroupBox* m_embeddedBox = nullptr;
    QGroupBox* m_postgresBox = nullptr;
    QLineEdit* m_fileEdit = nullptr;
    QPushButton* m_revealButton = nullptr;
    QPushButton* m_moveButton = nullptr;
    QLineEdit* m_pasteEdit = nullptr;
    QPushButton* m_pasteButton = nullptr;
    QLineEdit* m_hostEdit = nullptr;
    QSpinBox* m_portSpin = nullptr;
    QLineEdit* m_databaseEdit = nullptr;
    QLineEdit* m_userEdit = nullptr;
    QLineEdit* m_passwordEdit = nullptr;
    QComboBox* m_sslCombo = nullptr;
    QLabel* m_extraOptionsLabel = nullptr;
    QMap<QString, QString> m_extraOptions; // other libpq options from a pasted URL
    QPushButton* m_dbTestButton = nullptr;
    QPushButton* m_dbCancelButton = nullptr;
    QProgressBar* m_dbProgress = nullptr;
    QLabel* m_dbResult = nullptr;

    // AI planner page
    QComboBox* m_providerCombo = nullptr;
    QLineEdit* m_baseUrlEdit = nullptr;
    QLineEdit* m_modelEdit = nullptr;
    QLineEdit* m_apiKeyEdit = nullptr;
    QPushButton* m_llmTestButton = nullptr;
    QPushButton* m_llmCancelButton = nullptr;
    QProgressBar* m_llmProgress = nullptr;
    QLabel* m_llmResult = nullptr;
    QHash<int, QString> m_apiKeys;       // per provider, as edited
    QHash<int, QString> m_loadedApiKeys; // per provider, as loaded
    LlmProvider m_shownProvider = LlmProvider::Offline;

    QString m_loadedPassword;
    bool m_keychainUnavailable = false;
    QPushButton* m_saveButton = nullptr;
    bool m_secretsReady = false;
    bool m_passwordPasted = false;  // pasted before the keychain answered: the answer does not replace it
    bool m_saving = false;          // secrets or settings being written
    bool m_saveAfterLoad = false;   // save() asked before the secrets arrived
    bool m_acceptAfterSave = false; // accept(): close once the save succeeded
    bool m_saveAbandoned = false;   // closed (Cancel, Esc) while saving: the settings file is left alone
    bool m_movingPassword = false;

    // Running work: a generation number tells a stale result from the current one.
    bool m_dbTestRunning = false;
    bool m_llmTestRunning = false;
    int m_dbGeneration = 0;
    int m_llmGeneration = 0;
    std::shared_ptr<std::atomic<bool>> m_llmCancel;
    // Stops the running connection test (its connect and its statements).
    std::shared_ptr<QueryCanceller> m_dbCancel;
    QElapsedTimer m_dbElapsed;
    QElapsedTimer m_llmElapsed;
    QString m_dbTarget;
    QTimer* m_ticker = nullptr;
};

} // namespace tp::ui
