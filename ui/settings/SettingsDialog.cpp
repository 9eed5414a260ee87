// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "db/QueryCanceller.h"

#include "LanguagePage.h"
#include "MapSettingsPage.h"

#include "config/DatabaseLocation.h"
#include "config/SecretStore.h"
#include "domain/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {

QProgressBar* busyBar(QWidget* parent) {
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 0); // indeterminate: a probe cannot say how far it got
    bar->setTextVisible(false);
    bar->setMaximumHeight(12);
    bar->hide();
    return bar;
}

QLabel* resultLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const QString& profile, QWidget* parent)
    : QDialog(parent)
    , m_profile(profile) {
    setWindowTitle(tr("Settings"));
    setObjectName(u"SettingsDialog"_s);

    auto* layout = new QVBoxLayout(this);
    m_keychainBanner = new QLabel(this);
    m_keychainBanner->setObjectName(u"keychainBanner"_s);
    m_keychainBanner->setWordWrap(true);
    m_keychainBanner->setTextFormat(Qt::PlainText);
    m_keychainBanner->setFrameShape(QFrame::StyledPanel);
    m_keychainBanner->hide();
    m_sessionOnly =
        new QCheckBox(tr("Use the password and keys for this session only (they are not saved and "
                         "must be entered again next time)"),
                      this);
    m_sessionOnly->setObjectName(u"sessionOnly"_s);
    m_sessionOnly->hide();
    layout->addWidget(m_keychainBanner);
    layout->addWidget(m_sessionOnly);

    // What the settings file holds but the app does not use (hand-edited, or
    // written by another tool): a password to move, other values ignored.
    m_filePanel = new QFrame(this);
    m_filePanel->setObjectName(u"settingsFileProblems"_s);
    m_filePanel->setFrameShape(QFrame::StyledPanel);
    auto* fileLayout = new QVBoxLayout(m_filePanel);
    m_filePasswordNotice = resultLabel(m_filePanel);
    m_filePasswordNotice->setObjectName(u"filePasswordNotice"_s);
    m_movePasswordButton = new QPushButton(m_filePanel);
    m_movePasswordButton->setObjectName(u"movePasswordButton"_s);
    auto* moveRow = new QHBoxLayout;
    moveRow->addWidget(m_movePasswordButton);
    moveRow->addStretch();
    m_ignoredSettings = resultLabel(m_filePanel);
    m_ignoredSettings->setObjectName(u"ignoredSettings"_s);
    fileLayout->addWidget(m_filePasswordNotice);
    fileLayout->addLayout(moveRow);
    fileLayout->addWidget(m_ignoredSettings);
    m_filePanel->hide();
    layout->addWidget(m_filePanel);
    connect(m_movePasswordButton, &QPushButton::clicked, this, &SettingsDialog::moveFilePassword);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildDatabasePage(), tr("Database"));
    m_tabs->addTab(buildLlmPage(), tr("AI planner"));
    m_mapPage = new MapSettingsPage(m_tabs);
    m_tabs->addTab(m_mapPage, tr("Map"));
    m_languagePage = new LanguagePage(m_tabs);
    m_tabs->addTab(m_languagePage, tr("Language"));
    layout->addWidget(m_tabs);

    m_saveError = resultLabel(this);
    m_saveError->setObjectName(u"saveError"_s);
    m_saveError->hide();
    layout->addWidget(m_saveError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    // Closing the dialog (Save, Cancel, the window's close button) stops a test in flight.
    connect(this, &QDialog::finished, this, &SettingsDialog::cancelDatabaseTest);
    // Closed while saving: the keychain writes in flight end, but the settings
    // file is not written after the user has left.
    connect(this, &QDialog::finished, this, [this] {
        m_acceptAfterSave = false;
        if (m_saving)
            m_saveAbandoned = true; // finishSave follows with the write in flight
        else if (m_saveAfterLoad)
            finishSave(false); // not started: it waited for the keychain's answers
    });
    layout->addWidget(buttons);

    m_ticker = new QTimer(this);
    m_ticker->setInterval(500);
    connect(m_ticker, &QTimer::timeout, this, &SettingsDialog::tick);

    load();
    updateEnabledState();
}

SettingsDialog::~SettingsDialog() {
    // Stop running tests; the runner then waits for their threads, which end
    // within milliseconds of the cancel.
    if (m_llmCancel)
        m_llmCancel->store(true);
    if (m_dbCancel)
        m_dbCancel->cancel();
}

QWidget* SettingsDialog::buildDatabasePage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);

    m_embeddedRadio = new QRadioButton(tr("Built-in database file on this computer (recommended)"), page);
    m_embeddedRadio->setObjectName(u"embeddedRadio"_s);
    m_postgresRadio = new QRadioButton(tr("PostgreSQL or Neon server"), page);
    m_postgresRadio->setObjectName(u"postgresRadio"_s);
    layout->addWidget(m_embeddedRadio);

    m_embeddedBox = new QGroupBox(tr("Database file"), page);
    auto* embeddedLayout = new QVBoxLayout(m_embeddedBox);
    m_fileEdit = new QLineEdit(m_embeddedBox);
    m_fileEdit->setObjectName(u"fileEdit"_s);
    m_fileEdit->setReadOnly(true);
    embeddedLayout->addWidget(m_fileEdit);
    auto* fileButtons = new QHBoxLayout;
    m_revealButton = new QPushButton(tr("Reveal in file manager"), m_embeddedBox);
    m_moveButton = new QPushButton(tr("Move to…"), m_embeddedBox);
    m_moveButton->setObjectName(u"moveButton"_s);
    fileButtons->addWidget(m_revealButton);
    fileButtons->addWidget(m_moveButton);
    fileButtons->addStretch();
    embeddedLayout->addLayout(fileButtons);
    layout->addWidget(m_embeddedBox);

    layout->addWidget(m_postgresRadio);
    m_postgresBox = new QGroupBox(tr("Server"), page);
    auto* form = new QFormLayout(m_postgresBox);
    // The paste row stays usable while the built-in file is selected: pasting selects the server.
    auto* pasteRow = new QHBoxLayout;
    m_pasteEdit = new QLineEdit(page);
    m_pasteEdit->setObjectName(u"pasteEdit"_s);
    m_pasteEdit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_pasteEdit->setPlaceholderText(
        tr("Paste a connection string: postgresql://user:password@host/dbname?sslmode=require"));
    m_pasteButton = new QPushButton(tr("Use"), page);
    m_pasteButton->setObjectName(u"pasteButton"_s);
    pasteRow->addWidget(new QLabel(tr("Connection string:"), page));
    pasteRow->addWidget(m_pasteEdit, 1);
    pasteRow->addWidget(m_pasteButton);
    layout->addLayout(pasteRow);
    m_hostEdit = new QLineEdit(m_postgresBox);
    m_hostEdit->setObjectName(u"hostEdit"_s);
    m_portSpin = new QSpinBox(m_postgresBox);
    m_portSpin->setObjectName(u"portSpin"_s);
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(5432);
    m_databaseEdit = new QLineEdit(m_postgresBox);
    m_databaseEdit->setObjectName(u"databaseEdit"_s);
    m_userEdit = new QLineEdit(m_postgresBox);
    m_userEdit->setObjectName(u"userEdit"_s);
    m_passwordEdit = new QLineEdit(m_postgresBox);
    m_passwordEdit->setObjectName(u"passwordEdit"_s);
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("kept in the system keychain"));
    m_sslCombo = new QComboBox(m_postgresBox);
    m_sslCombo->setObjectName(u"sslCombo"_s);
    m_sslCombo->addItem(tr("require (encrypted; needed for Neon)"), u"require"_s);
    m_sslCombo->addItem(tr("verify-full (encrypted, certificate and host checked)"), u"verify-full"_s);
    m_sslCombo->addItem(tr("verify-ca (encrypted, certificate checked)"), u"verify-ca"_s);
    m_sslCombo->addItem(tr("prefer (encrypted when the server offers it)"), u"prefer"_s);
    m_sslCombo->addItem(tr("allow (unencrypted unless the server insists)"), u"allow"_s);
    m_sslCombo->addItem(tr("disable (never encrypted)"), u"disable"_s);
    m_extraOptionsLabel = resultLabel(m_postgresBox);
    form->addRow(tr("Host:"), m_hostEdit);
    form->addRow(tr("Port:"), m_portSpin);
    form->addRow(tr("Database:"), m_databaseEdit);
    form->addRow(tr("User:"), m_userEdit);
    form->addRow(tr("Password:"), m_passwordEdit);
    form->addRow(tr("TLS (sslmode):"), m_sslCombo);
    form->addRow(QString(), m_extraOptionsLabel);
    layout->addWidget(m_postgresBox);

    auto* testRow = new QHBoxLayout;
    m_dbTestButton = new QPushButton(tr("Test connection"), page);
    m_dbTestButton->setObjectName(u"dbTestButton"_s);
    m_dbCancelButton = new QPushButton(tr("Cancel test"), page);
    m_dbCancelButton->setObjectName(u"dbCancelButton"_s);
    m_dbCancelButton->hide();
    m_dbProgress = busyBar(page);
    testRow->addWidget(m_dbTestButton);
    testRow->addWidget(m_dbProgress, 1);
    testRow->addWidget(m_dbCancelButton);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_dbResult = resultLabel(page);
    m_dbResult->setObjectName(u"dbResult"_s);
    layout->addWidget(m_dbResult);
    layout->addStretch();

    connect(m_embeddedRadio, &QRadioButton::toggled, this, &SettingsDialog::updateEnabledState);
    connect(m_postgresRadio, &QRadioButton::toggled, this, &SettingsDialog::updateEnabledState);
    connect(m_pasteButton, &QPushButton::clicked, this, &SettingsDialog::applyPastedUrl);
    connect(m_pasteEdit, &QLineEdit::returnPressed, this, &SettingsDialog::applyPastedUrl);
    connect(m_dbTestButton, &QPushButton::clicked, this, &SettingsDialog::startDatabaseTest);
    connect(m_dbCancelButton, &QPushButton::clicked, this, &SettingsDialog::cancelDatabaseTest);
    connect(m_revealButton, &QPushButton::clicked, this, &SettingsDialog::revealDatabaseFile);
    connect(m_moveButton, &QPushButton::clicked, this, &SettingsDialog::chooseMoveTarget);
    return page;
}

QWidget* SettingsDialog::buildLlmPage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_providerCombo = new QComboBox(page);
    m_providerCombo->setObjectName(u"providerCombo"_s);
    m_providerCombo->addItem(tr("Built-in offline planner (no account, nothing leaves this computer)"),
                             int(LlmProvider::Offline));
    m_providerCombo->addItem(tr("Google Gemini"), int(LlmProvider::Gemini));
    m_providerCombo->addItem(tr("OpenAI-compatible endpoint (OpenAI, Ollama, …)"),
                             int(LlmProvider::OpenAiCompatible));
    m_baseUrlEdit = new QLineEdit(page);
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_modelEdit = new QLineEdit(page);
    m_modelEdit->setObjectName(u"modelEdit"_s);
    m_apiKeyEdit = new QLineEdit(page);
    m_apiKeyEdit->setObjectName(u"apiKeyEdit"_s);
    m_apiKeyEdit->setEchoMode(QLineEdit::Password);
    m_apiKeyEdit->setPlaceholderText(tr("kept in the system keychain"));
    form->addRow(tr("Planner:"), m_providerCombo);
    form->addRow(tr("Base URL:"), m_baseUrlEdit);
    form->addRow(tr("Model:"), m_modelEdit);
    form->addRow(tr("API key:"), m_apiKeyEdit);
    layout->addLayout(form);

    auto* testRow = new QHBoxLayout;
    m_llmTestButton = new QPushButton(tr("Test"), page);
    m_llmTestButton->setObjectName(u"llmTestButton"_s);
    m_llmCancelButton = new QPushButton(tr("Cancel test"), page);
    m_llmCancelButton->setObjectName(u"llmCancelButton"_s);
    m_llmCancelButton->hide();
    m_llmProgress = busyBar(page);
    testRow->addWidget(m_llmTestButton);
    testRow->addWidget(m_llmProgress, 1);
    testRow->addWidget(m_llmCancelButton);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_llmResult = resultLabel(page);
    m_llmResult->setObjectName(u"llmResult"_s);
    layout->addWidget(m_llmResult);
    layout->addStretch();

    connect(m_providerCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::providerChanged);
    connect(m_llmTestButton, &QPushButton::clicked, this, &SettingsDialog::startLlmTest);
    connect(m_llmCancelButton, &QPushButton::clicked, this, &SettingsDialog::cancelLlmTest);
    return page;
}

void SettingsDialog::showKeychainProblem(const QString& message) {
    m_keychainUnavailable = true;
    m_keychainBanner->setText(
        tr("The system keychain cannot be used: %1 Passwords and API keys cannot be saved on this computer. "
           "They are never written to a file instead; you may use them for this session only.")
            .arg(message));
    m_keychainBanner->show();
    m_sessionOnly->show();
}

void SettingsDialog::load() {
    const Settings settings(m_profile);

    m_mapPage->load(settings.map());
    m_languagePage->load(settings.language());
    const DatabaseSettings db = settings.database();
    m_fileEdit->setText(QDir::toNativeSeparators(settings.embeddedFile()));
    (db.mode == DatabaseMode::PostgreSql ? m_postgresRadio : m_embeddedRadio)->setChecked(true);
    if (!db.postgresUrl.isEmpty()) {
        try {
            const DatabaseUrl url = DatabaseUrl::parse(db.postgresUrl);
            m_hostEdit->setText(url.host);
            m_portSpin->setValue(url.port);
            m_databaseEdit->setText(url.database);
            m_userEdit->setText(url.user);
            m_extraOptions = url.options;
        } catch (const Error& e) {
            m_dbResult->setText(tr("The saved server settings are not valid: %1").arg(e.message()));
        }
    }
    const int ssl = m_sslCombo->findData(m_extraOptions.take(u"sslmode"_s));
    m_sslCombo->setCurrentIndex(ssl >= 0 ? ssl : 0);
    m_extraOptionsLabel->setText(
        m_extraOptions.isEmpty() ? QString() : tr("Other parameters: %1").arg([this] {
            QStringList parts;
            for (auto it = m_extraOptions.cbegin(); it != m_extraOptions.cend(); ++it)
                parts << it.key() + u'=' + it.value();
            return parts.join(u", "_s);
        }()));

    const LlmSettings llm = settings.llm();
    m_providerCombo->blockSignals(true);
    m_providerCombo->setCurrentIndex(std::max(0, m_providerCombo->findData(int(llm.provider))));
    m_providerCombo->blockSignals(false);
    m_shownProvider = llm.provider;
    m_baseUrlEdit->setText(llm.baseUrl);
    m_modelEdit->setText(llm.model);
    m_apiKeyEdit->setText(m_apiKeys.value(int(llm.provider)));
    providerChanged();

    try {
        m_loadedPostgresUrl = postgresUrlWithoutPassword();
    } catch (const Error&) {
        m_loadedPostgresUrl.clear();
    }
    m_filePasswordPending = !settings.databasePasswordInFile().isEmpty();
    showSettingsFileProblems();

    // The secrets arrive later: the dialog opens at once, without waiting
    // (or nesting an event loop) for a keychain that may ask for a password.
    for (QLineEdit* edit : {m_passwordEdit, m_apiKeyEdit}) {
        edit->setReadOnly(true);
        edit->setPlaceholderText(tr("Reading the system keychain…"));
    }
    updateBusyState();
    readSecrets();
}

void SettingsDialog::readSecrets() {
    // The keychain (or this session's memory, if the user chose it).
    const SecretStore store(m_profile);
    store.readAsync(store.databasePasswordKey(), this, [this](const SecretResult& password) {
        if (password.ok())
            m_loadedPassword = password.value;
        else if (password.status != SecretResult::Status::NotFound)
            showKeychainProblem(password.message);
        if (password.fromSession)
            m_sessionOnly->setChecked(true);
        readApiKey(0);
    });
}

void SettingsDialog::readApiKey(int index) {
    static constexpr LlmProvider providers[] = {LlmProvider::Gemini, LlmProvider::OpenAiCompatible};
    if (index >= int(std::size(providers))) {
        showSecrets();
        return;
    }
    const LlmProvider p = providers[index];
    const SecretStore store(m_profile);
    if (m_keychainUnavailable && !SecretStore::hasSessionSecret(store.llmApiKeyKey(p))) {
        readApiKey(index + 1); // no need to ask a keychain that is not there again
        return;
    }
    store.readAsync(store.llmApiKeyKey(p), this, [this, p, index](const SecretResult& key) {
        if (key.ok())
            m_loadedApiKeys.insert(int(p), key.value);
        else if (key.status != SecretResult::Status::NotFound && !m_keychainUnavailable)
            showKeychainProblem(key.message);
        readApiKey(index + 1);
    });
}

void SettingsDialog::showSecrets() {
    m_secretsReady = true;
    if (!m_passwordPasted)
        m_passwordEdit->setText(m_loadedPassword);
    m_apiKeys = m_loadedApiKeys;
    m_apiKeyEdit->setText(m_apiKeys.value(int(currentProvider())));
    for (QLineEdit* edit : {m_passwordEdit, m_apiKeyEdit}) {
        edit->setReadOnly(false);
        edit->setPlaceholderText(tr("kept in the system keychain"));
    }
    // The notice on a password in the settings file depends on what the keychain holds.
    showSettingsFileProblems();
    updateBusyState();
    Q_EMIT secretsLoaded();
    if (m_saveAfterLoad) {
        m_saveAfterLoad = false;
        save();
    }
}

void SettingsDialog::updateBusyState() {
    m_saveButton->setEnabled(!m_saving && !m_saveAfterLoad);
    // Moving needs to know whether the keychain works, and not to race a save.
    m_movePasswordButton->setEnabled(m_secretsReady && !m_saving && !m_movingPassword);
}

void SettingsDialog::showSettingsFileProblems() {
    const Settings settings(m_profile);
    const QString filePassword = settings.databasePasswordInFile();
    m_filePasswordPending = !filePassword.isEmpty();
    QStringList ignored = settings.problems();
    if (m_filePasswordPending) {
        // Said by the notice and its button, not once more in the list.
        const QStringList urlProblems = settings.problems(u"database.url"_s);
        ignored.removeIf([&urlProblems](const QString& p) { return urlProblems.contains(p); });
        QString text =
            tr("The settings file holds the database password inside database.url. It is not used from "
               "there: the file is plain text that anything running under your account can read.");
        if (m_keychainUnavailable) {
            text += u' ' + tr("The system keychain cannot be used, so it cannot be kept safely on this "
                              "computer. You may use it for this session only: the settings file is then "
                              "rewritten without it, and you enter it again the next time.");
            m_movePasswordButton->setText(tr("Use it for this session &only"));
        } else {
            text += u' ' + tr("Move it to the system keychain, where the app reads it; the settings file is "
                              "then rewritten without it.");
            // What load() read from the keychain: no second look-up here.
            if (m_loadedPassword == filePassword)
                text += u' ' + tr("The keychain already holds the same password.");
            else if (!m_loadedPassword.isEmpty())
                text += u' ' + tr("The keychain already holds another database password, which is the one "
                                  "in use; moving replaces it.");
            m_movePasswordButton->setText(tr("&Move the password to the keychain"));
        }
        m_filePasswordNotice->setText(text);
    }
    m_movePasswordButton->setVisible(m_filePasswordPending);
    m_filePasswordNotice->setVisible(m_filePasswordPending || !m_filePasswordNotice->text().isEmpty());
    m_ignoredSettings->setText(ignored.isEmpty()
                                   ? QString()
                                   : tr("Some values in the settings file (%1) were ignored when the "
                                        "settings were read; the defaults are used instead. Saving "
                                        "here writes valid values over them.")
                                             .arg(QDir::toNativeSeparators(settings.fileName())) +
                                         u"\n\u2022 "_s + ignored.join(u"\n\u2022 "_s));
    m_ignoredSettings->setVisible(!ignored.isEmpty());
    m_filePanel->setVisible(m_filePasswordPending || !ignored.isEmpty() ||
                            !m_filePasswordNotice->text().isEmpty());
}

void SettingsDialog::moveFilePassword() {
    if (!m_secretsReady || m_movingPassword)
        return;
    const Settings settings(m_profile);
    const QString password = settings.databasePasswordInFile();
    if (password.isEmpty()) {
        showSettingsFileProblems();
        Q_EMIT filePasswordMoved(false);
        return;
    }
    const SecretStore store(m_profile);
    const QString key = store.databasePasswordKey();
    if (m_keychainUnavailable) {
        SecretStore::setSessionSecret(key, password);
        m_sessionOnly->setChecked(true);
        filePasswordKept(password, true);
        return;
    }
    m_movingPassword = true;
    updateBusyState();
    store.writeAsync(key, password, this, [this, password](const SecretResult& r) {
        m_movingPassword = false;
        updateBusyState();
        if (!r.ok()) {
            if (r.status == SecretResult::Status::Unavailable)
                showKeychainProblem(r.message);
            showSettingsFileProblems(); // now offers this session only
            m_filePasswordNotice->setText(tr("The password was not moved: %1").arg(r.message) + u"\n"_s +
                                          m_filePasswordNotice->text());
            Q_EMIT filePasswordMoved(false);
            return;
        }
        filePasswordKept(password, false);
    });
}

void SettingsDialog::filePasswordKept(const QString& password, bool sessionOnly) {
    // Only once the password is kept elsewhere does it leave the file.
    try {
        Settings settings(m_profile);
        settings.removeDatabasePasswordFromFile();
        settings.sync();
    } catch (const Error& e) {
        m_filePasswordNotice->setText(
            tr("The password is kept, but the settings file could not be rewritten without it: %1")
                .arg(e.message()));
        Q_EMIT filePasswordMoved(false);
        return;
    }
    m_loadedPassword = password;
    m_passwordEdit->setText(password);
    showSettingsFileProblems();
    m_filePasswordNotice->setText(
        sessionOnly
            ? tr("The database password is used for this session only, and the settings file no longer "
                 "holds it. Enter it again the next time, or once the keychain works.")
            : tr("The database password is now in the system keychain, and the settings file no "
                 "longer holds it."));
    m_filePanel->show();
    Q_EMIT filePasswordMoved(true);
}

LlmProvider SettingsDialog::currentProvider() const {
    return LlmProvider(m_providerCombo->currentData().toInt());
}

void SettingsDialog::providerChanged() {
    // Each provider has its own key; the key field shows the selected one's.
    const LlmProvider p = currentProvider();
    if (p != m_shownProvider) {
        // Before the keychain answered, the field holds nothing of the user's.
        if (m_shownProvider != LlmProvider::Offline && m_secretsReady)
            m_apiKeys.insert(int(m_shownProvider), m_apiKeyEdit->text());
        if (m_baseUrlEdit->text().trimmed() == defaultLlmBaseUrl(m_shownProvider))
            m_baseUrlEdit->clear();
        if (m_modelEdit->text().trimmed() == defaultLlmModel(m_shownProvider))
            m_modelEdit->clear();
        m_apiKeyEdit->setText(m_apiKeys.value(int(p)));
        m_shownProvider = p;
    }
    const bool online = p != LlmProvider::Offline;
    m_baseUrlEdit->setEnabled(online);
    m_modelEdit->setEnabled(online);
    m_apiKeyEdit->setEnabled(online);
    m_baseUrlEdit->setPlaceholderText(online ? tr("default: %1").arg(defaultLlmBaseUrl(p)) : QString());
    m_modelEdit->setPlaceholderText(online ? tr("default: %1").arg(defaultLlmModel(p)) : QString());
    m_llmResult->clear();
}

void SettingsDialog::updateEnabledState() {
    const bool pg = m_postgresRadio->isChecked();
    m_postgresBox->setEnabled(pg);
    m_embeddedBox->setEnabled(!pg);
    m_dbTestButton->setEnabled(!m_dbTestRunning);
}

void SettingsDialog::applyPastedUrl() {
    const QString text = m_pasteEdit->text().trimmed();
    if (text.isEmpty())
        return;
    try {
        const DatabaseUrl url = DatabaseUrl::parse(text);
        if (url.dialect != Dialect::Postgres)
            throw Error(Error::Kind::Config, tr("Expected a postgresql:// connection string."));
        m_hostEdit->setText(url.host);
        m_portSpin->setValue(url.port);
        m_databaseEdit->setText(url.database);
        m_userEdit->setText(url.user);
        if (!url.password.isEmpty()) {
            m_passwordEdit->setText(url.password);
            m_passwordPasted = true;
        }
        m_extraOptions = url.options;
        const int ssl = m_sslCombo->findData(m_extraOptions.take(u"sslmode"_s));
        if (ssl >= 0)
            m_sslCombo->setCurrentIndex(ssl);
        QStringList parts;
        for (auto it = m_extraOptions.cbegin(); it != m_extraOptions.cend(); ++it)
            parts << it.key() + u'=' + it.value();
        m_extraOptionsLabel->setText(parts.isEmpty() ? QString()
                                                     : tr("Other parameters: %1").arg(parts.join(u", "_s)));
        m_postgresRadio->setChecked(true);
        // The pasted text holds the password: it does not stay on screen.
        m_pasteEdit->clear();
        m_dbResult->setText(
            url.password.isEmpty()
                ? tr("Connection string applied.")
                : tr("Connection string applied; its password will be kept in the system keychain."));
    } catch (const Error& e) {
        m_dbResult->setText(e.message());
    }
}

DatabaseUrl SettingsDialog::urlFromFields() const {
    if (!m_postgresRadio->isChecked())
        return DatabaseUrl::sqliteFile(QDir::fromNativeSeparators(m_fileEdit->text()));
    return postgresUrlFromFields();
}

DatabaseUrl SettingsDialog::postgresUrlFromFields() const {
    DatabaseUrl url;
    url.dialect = Dialect::Postgres;
    url.host = m_hostEdit->text().trimmed();
    url.port = m_portSpin->value();
    url.database = m_databaseEdit->text().trimmed();
    url.user = m_userEdit->text().trimmed();
    url.password = m_passwordEdit->text();
    url.options = m_extraOptions;
    url.options.insert(u"sslmode"_s, m_sslCombo->currentData().toString());
    if (url.host.isEmpty())
        throw Error(Error::Kind::Config, tr("Enter the server's host name."));
    if (url.database.isEmpty())
        throw Error(Error::Kind::Config, tr("Enter the database name."));
    // Round-trip through the parser so that the same rules apply as for a pasted URL.
    DatabaseUrl checked = DatabaseUrl::parse(url.redacted());
    checked.password = url.password;
    return checked;
}

QString SettingsDialog::postgresUrlWithoutPassword() const {
    if (m_hostEdit->text().trimmed().isEmpty() && m_databaseEdit->text().trimmed().isEmpty())
        return {};
    try {
        return postgresUrlFromFields().redacted();
    } catch (const Error&) {
        if (m_postgresRadio->isChecked())
            throw;
        return {}; // not in use: incomplete server fields are not kept
    }
}

void SettingsDialog::tick() {
    if (m_dbTestRunning)
        m_dbResult->setText(
            tr("Connecting to %1… %2 s (a suspended Neon database takes a few seconds to wake)")
                .arg(m_dbTarget)
                .arg(m_dbElapsed.elapsed() / 1000));
    if (m_llmTestRunning)
        m_llmResult->setText(tr("Waiting for the provider… %1 s").arg(m_llmElapsed.elapsed() / 1000));
    if (!m_dbTestRunning && !m_llmTestRunning)
        m_ticker->stop();
}

void SettingsDialog::startDatabaseTest() {
    DatabaseUrl url;
    try {
        url = urlFromFields();
    } catch (const Error& e) {
        m_dbResult->setText(e.message());
        return;
    }
    m_dbTarget = url.displayLocation();
    const int generation = ++m_dbGeneration;
    m_dbTestRunning = true;
    m_dbElapsed.start();
    m_dbTestButton->setEnabled(false);
    m_dbCancelButton->show();
    m_dbProgress->show();
    m_ticker->start();
    tick();
    if (m_dbCancel)
        m_dbCancel->cancel(); // a test still running is superseded
    m_dbCancel = std::make_shared<QueryCanceller>();
    m_runner.start(
        [url, cancel = m_dbCancel] {
            ConnectionProbe probe(url);
            probe.setCanceller(cancel);
            return probe.run();
        },
        [this, generation](const ProbeResult& result) {
            if (generation != m_dbGeneration)
                return; // cancelled, or superseded by a newer test
            showDatabaseResult(result);
        });
}

void SettingsDialog::cancelDatabaseTest() {
    if (!m_dbTestRunning)
        return;
    ++m_dbGeneration;
    if (m_dbCancel)
        m_dbCancel->cancel(); // stops the connect or the statement in flight
    m_dbTestRunning = false;
    m_dbProgress->hide();
    m_dbCancelButton->hide();
    m_dbTestButton->setEnabled(true);
    m_dbResult->setText(tr("Test cancelled."));
    Q_EMIT databaseTestFinished(false);
}

void SettingsDialog::showDatabaseResult(const ProbeResult& result) {
    m_dbTestRunning = false;
    m_dbProgress->hide();
    m_dbCancelButton->hide();
    m_dbTestButton->setEnabled(true);
    m_dbResult->setText(result.summary());
    Q_EMIT databaseTestFinished(result.reachable);
}

void SettingsDialog::startLlmTest() {
    LlmSettings settings;
    settings.provider = currentProvider();
    settings.baseUrl = m_baseUrlEdit->text();
    settings.model = m_modelEdit->text();
    const QString key = m_apiKeyEdit->text();
    if (settings.provider != LlmProvider::Offline && key.isEmpty() &&
        settings.provider == LlmProvider::Gemini) {
        m_llmResult->setText(tr("Enter the API key first."));
        return;
    }
    const int generation = ++m_llmGeneration;
    m_llmCancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_llmCancel;
    m_llmTestRunning = true;
    m_llmElapsed.start();
    m_llmTestButton->setEnabled(false);
    m_llmCancelButton->show();
    m_llmProgress->show();
    m_ticker->start();
    tick();
    m_runner.start([settings, key, cancel] { return LlmEndpointTest::run(settings, key, cancel.get()); },
                   [this, generation](const LlmTestResult& result) {
                       if (generation != m_llmGeneration)
                           return;
                       showLlmResult(result);
                   });
}

void SettingsDialog::cancelLlmTest() {
    if (!m_llmTestRunning)
        return;
    if (m_llmCancel)
        m_llmCancel->store(true);
    ++m_llmGeneration;
    LlmTestResult cancelled;
    cancelled.outcome = LlmTestResult::Outcome::Cancelled;
    cancelled.message = tr("Test cancelled.");
    showLlmResult(cancelled);
}

void SettingsDialog::showLlmResult(const LlmTestResult& result) {
    m_llmTestRunning = false;
    m_llmProgress->hide();
    m_llmCancelButton->setObjectName(u"llmCancelButton"_s);
    m_llmCancelButton->hide();
    m_llmTestButton->setEnabled(true);
    m_llmResult->setText(result.message);
    Q_EMIT llmTestFinished(result.outcome == LlmTestResult::Outcome::Ok ||
                           result.outcome == LlmTestResult::Outcome::NotNeeded);
}

void SettingsDialog::revealDatabaseFile() {
    const QFileInfo file(QDir::fromNativeSeparators(m_fileEdit->text()));
    QDesktopServices::openUrl(QUrl::fromLocalFile(file.absolutePath()));
}

void SettingsDialog::chooseMoveTarget() {
    const QString current = QDir::fromNativeSeparators(m_fileEdit->text());
    const QString target = QFileDialog::getSaveFileName(this, tr("Move the database file to"), current,
                                                        tr("Database files (*.sqlite3 *.db)"));
    if (!target.isEmpty())
        moveEmbeddedDatabaseTo(target);
}

void SettingsDialog::moveEmbeddedDatabaseTo(const QString& target) {
    const QString source = QDir::fromNativeSeparators(m_fileEdit->text());
    if (m_releaser && !m_releaser()) {
        m_dbResult->setText(tr("The database is in use; the file was not moved."));
        Q_EMIT moveFinished(false);
        return;
    }
    m_moveButton->setEnabled(false);
    m_dbProgress->show();
    m_dbResult->setText(tr("Copying the database to %1…").arg(QDir::toNativeSeparators(target)));
    m_runner.start(
        [source, target]() -> QString {
            try {
                copyEmbeddedDatabase(source, target);
                return {};
            } catch (const Error& e) {
                return e.message().isEmpty() ? QStringLiteral("?") : e.message();
            }
        },
        [this, source, target](const QString& error) {
            m_moveButton->setEnabled(true);
            m_dbProgress->setVisible(m_dbTestRunning);
            if (!error.isEmpty()) {
                m_dbResult->setText(tr("The database was not moved: %1").arg(error));
                Q_EMIT moveFinished(false);
                return;
            }
            // The copy is checked: switch to it now, whatever happens to the rest of the dialog.
            try {
                Settings settings(m_profile);
                settings.setValue(u"database.file"_s, target);
                settings.sync();
            } catch (const Error& e) {
                m_dbResult->setText(e.message());
                Q_EMIT moveFinished(false);
                return;
            }
            m_fileEdit->setText(QDir::toNativeSeparators(QFileInfo(target).absoluteFilePath()));
            m_dbResult->setText(tr("The database now lives in %1. The previous file %2 was kept; delete it "
                                   "when you no longer need it.")
                                    .arg(QDir::toNativeSeparators(target), QDir::toNativeSeparators(source)));
            Q_EMIT moveFinished(true);
            Q_EMIT databaseSettingsChanged();
        });
}

void SettingsDialog::storeSecret(const QString& key, const QString& value, std::function<void(bool)> done) {
    if (m_keychainUnavailable && m_sessionOnly->isChecked()) {
        if (value.isEmpty())
            SecretStore::clearSessionSecret(key);
        else
            SecretStore::setSessionSecret(key, value);
        done(true);
        return;
    }
    auto answered = [this, empty = value.isEmpty(), done = std::move(done)](const SecretResult& r) {
        if (r.ok() || (empty && r.status == SecretResult::Status::NotFound)) {
            done(true);
            return;
        }
        if (r.status == SecretResult::Status::Unavailable) {
            showKeychainProblem(r.message);
            m_saveError->setText(
                tr("Not saved: the system keychain is not available. Tick \"for this session "
                   "only\" to use the secrets until the app quits, or try again once the keychain "
                   "is unlocked."));
        } else {
            m_saveError->setText(tr("Not saved: %1").arg(r.message));
        }
        m_saveError->show();
        done(false);
    };
    const SecretStore store(m_profile);
    if (value.isEmpty())
        store.removeAsync(key, this, std::move(answered));
    else
        store.writeAsync(key, value, this, std::move(answered));
}

void SettingsDialog::storeSecrets(QList<PendingSecret> rest, std::function<void()> then) {
    if (m_saveAbandoned) {
        finishSave(false);
        return;
    }
    if (rest.isEmpty()) {
        then();
        return;
    }
    const PendingSecret next = rest.takeFirst();
    storeSecret(next.key, next.value, [this, next, rest, then](bool ok) {
        if (!ok) {
            finishSave(false);
            return;
        }
        next.stored();
        storeSecrets(rest, then);
    });
}

void SettingsDialog::save() {
    if (m_saving)
        return; // Save is disabled meanwhile; this one reports through saveFinished
    m_saveError->hide();
    DatabaseSettings db;
    db.mode = m_postgresRadio->isChecked() ? DatabaseMode::PostgreSql : DatabaseMode::Embedded;
    LlmSettings llm;
    llm.provider = currentProvider();
    llm.baseUrl = m_baseUrlEdit->text().trimmed() == defaultLlmBaseUrl(llm.provider)
                      ? QString()
                      : m_baseUrlEdit->text().trimmed();
    llm.model = m_modelEdit->text().trimmed() == defaultLlmModel(llm.provider)
                    ? QString()
                    : m_modelEdit->text().trimmed();

    try {
        db.postgresUrl = postgresUrlWithoutPassword();
        db.embeddedFile = Settings(m_profile).value(u"database.file"_s);
        // Validate both before anything is written.
        if (db.mode == DatabaseMode::PostgreSql && db.postgresUrl.isEmpty())
            throw Error(Error::Kind::Config,
                        tr("Enter the server's host and database, or choose the built-in file."));
    } catch (const Error& e) {
        m_tabs->setCurrentIndex(0);
        m_saveError->setText(tr("Not saved: %1").arg(e.message()));
        m_saveError->show();
        finishSave(false);
        return;
    }
    const MapSettings map = m_mapPage->value();
    try {
        Settings::checkMap(map); // before anything is written, like the rest
    } catch (const Error& e) {
        m_tabs->setCurrentWidget(m_mapPage);
        m_saveError->setText(tr("Not saved: %1").arg(e.message()));
        m_saveError->show();
        finishSave(false);
        return;
    }
    if (!m_secretsReady) {
        // The secret fields are not filled yet: saved once the keychain has answered.
        m_saveAfterLoad = true;
        updateBusyState();
        return;
    }
    if (llm.provider != LlmProvider::Offline)
        m_apiKeys.insert(int(llm.provider), m_apiKeyEdit->text());

    // Secrets first: when the keychain refuses, nothing has changed yet. One
    // at a time, in this order, each remembered as loaded once it is kept.
    m_saving = true;
    m_saveAbandoned = false;
    updateBusyState();
    const SecretStore store(m_profile);
    const bool sessionOnly = m_keychainUnavailable && m_sessionOnly->isChecked();
    QList<PendingSecret> secrets;
    const QString password = m_passwordEdit->text();
    if (password != m_loadedPassword || sessionOnly)
        secrets.append({store.databasePasswordKey(), password, [this, password] {
                            m_loadedPassword = password;
                        }});
    for (LlmProvider p : {LlmProvider::Gemini, LlmProvider::OpenAiCompatible}) {
        const QString value = m_apiKeys.value(int(p));
        if (value == m_loadedApiKeys.value(int(p)) && !sessionOnly)
            continue;
        secrets.append({store.llmApiKeyKey(p), value, [this, p, value] {
                            m_loadedApiKeys.insert(int(p), value);
                        }});
    }
    storeSecrets(secrets, [this, db, llm, map] { writeSettingsFile(db, llm, map); });
}

void SettingsDialog::writeSettingsFile(const DatabaseSettings& db, const LlmSettings& llm,
                                       const MapSettings& map) {
    try {
        Settings settings(m_profile);
        if (m_filePasswordPending && db.postgresUrl == m_loadedPostgresUrl) {
            // The server is unchanged and its URL in the file still carries the
            // password the notice offers to move: leave that URL as it is
            // rather than drop the password without keeping it anywhere.
            if (db.mode == DatabaseMode::PostgreSql && db.postgresUrl.isEmpty())
                throw Error(Error::Kind::Config, tr("PostgreSQL is selected but no server is set."));
            settings.setValue(u"database.mode"_s, databaseModeId(db.mode));
            settings.setValue(u"database.file"_s, db.embeddedFile);
        } else {
            settings.setDatabase(db);
        }
        settings.setLlm(llm);
        settings.setLanguage(m_languagePage->value());
        settings.setMap(map);
        settings.sync();
    } catch (const Error& e) {
        m_saveError->setText(tr("Not saved: %1").arg(e.message()));
        m_saveError->show();
        finishSave(false);
        return;
    }
    Q_EMIT databaseSettingsChanged();
    Q_EMIT mapSettingsChanged();
    finishSave(true);
}

void SettingsDialog::finishSave(bool ok) {
    m_saving = false;
    m_saveAfterLoad = false;
    m_saveAbandoned = false;
    updateBusyState();
    const bool close = ok && m_acceptAfterSave;
    m_acceptAfterSave = false;
    Q_EMIT saveFinished(ok);
    if (close)
        QDialog::accept();
}

void SettingsDialog::accept() {
    // Closed by finishSave once everything is written.
    m_acceptAfterSave = true;
    save();
}

QString SettingsDialog::databaseTestText() const {
    return m_dbResult->text();
}

QString SettingsDialog::llmTestText() const {
    return m_llmResult->text();
}

QString SettingsDialog::keychainNotice() const {
    return m_keychainBanner->isVisible() || !m_keychainBanner->isHidden() ? m_keychainBanner->text()
                                                                          : QString();
}

} // namespace tp::ui
