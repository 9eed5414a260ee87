// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog under QT_QPA_PLATFORM=offscreen against a real Secret
// Service: a round trip of every field, secrets in the keychain and not in the
// settings file, the connection test off the GUI thread, moving the file.
#include "KeychainTestSupport.h"
#include "TestBackends.h"
#include "VisibleText.h"

#include "SettingsDialogTestSupport.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "db/Database.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::SettingsDialog;

namespace {

template <class W> W* child(SettingsDialog& d, const char* name) {
    W* w = d.findChild<W*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child widget %s", name);
    return w;
}

// Written as a text editor or another tool would: not through Settings' checks.
void writeSettingsFileByHand(const QList<std::pair<QString, QString>>& values) {
    QSettings s(Settings().fileName(), QSettings::IniFormat);
    for (const auto& [key, value] : values)
        s.setValue(u"profiles/default/"_s + key, value);
    s.sync();
}

QString settingsFileText() {
    QFile f(Settings().fileName());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestSettingsDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void defaultsToEmbedded();
    void opensWithSecretsPending();
    void closingWhileSavingLeavesTheSettingsFile();
    void roundTripThroughTheDialog();
    void clearingThePasswordRemovesIt();
    void mapPage();
    void languagePage();
    void connectionTestRunsOffTheGuiThread();
    void connectionTestExplainsWrongPassword();
    void movesTheEmbeddedFile();
    void passwordInTheSettingsFileIsMovedToTheKeychain();
    void saveKeepsAnUnmovedPasswordForTheOffer();
    void cleanupTestCase();
};

void TestSettingsDialog::initTestCase() {
    QVERIFY2(test::probeKeychain().ok(), "run this test with with-secret-service.sh");
    QVERIFY(Settings().fileName().startsWith(test::IsolatedHome::root()));
}

void TestSettingsDialog::defaultsToEmbedded() {
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QVERIFY(child<QRadioButton>(d, "embeddedRadio")->isChecked());
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(d, "fileEdit")->text()), defaultDatabaseFile());
    QCOMPARE(child<QComboBox>(d, "providerCombo")->currentData().toInt(), int(LlmProvider::Offline));
    QVERIFY(!child<QLineEdit>(d, "apiKeyEdit")->isEnabled());
    QVERIFY(d.keychainNotice().isEmpty());
}

// The dialog opens at once: the secret fields wait, read-only, for the
// keychain's answers, which arrive through the event loop (none is nested in
// the constructor: it returns before they came).
void TestSettingsDialog::opensWithSecretsPending() {
    const SecretStore store;
    const QString password = test::secretValue("-pending");
    QVERIFY(test::writeSecret(store, store.databasePasswordKey(), password).ok());
    {
        SettingsDialog d;
        QSignalSpy loaded(&d, &SettingsDialog::secretsLoaded);
        QVERIFY(!d.secretsReady());
        auto* edit = child<QLineEdit>(d, "passwordEdit");
        QVERIFY(edit->isReadOnly());
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->placeholderText(), u"Reading the system keychain…"_s);
        QVERIFY(child<QLineEdit>(d, "apiKeyEdit")->isReadOnly());
        QTRY_VERIFY_WITH_TIMEOUT(d.secretsReady(), 70000);
        QCOMPARE(loaded.size(), 1);
        QVERIFY(edit->text() == password);
        QVERIFY(!edit->isReadOnly());
        QVERIFY(!child<QLineEdit>(d, "apiKeyEdit")->isReadOnly());
        QVERIFY(d.keychainNotice().isEmpty());
    }
    // Closed before the answers came: they are dropped with the dialog.
    {
        auto* d = new SettingsDialog;
        d->reject();
        delete d;
        QTest::qWait(200);
    }
    QVERIFY(test::removeSecret(store, store.databasePasswordKey()).ok());
}

// Save writes the secrets first, Save disabled meanwhile; closed before they
// are written, the settings file is not written afterwards.
void TestSettingsDialog::closingWhileSavingLeavesTheSettingsFile() {
    const QString model = Settings().llm().model;
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        auto* provider = child<QComboBox>(d, "providerCombo");
        provider->setCurrentIndex(provider->findData(int(LlmProvider::Gemini)));
        child<QLineEdit>(d, "apiKeyEdit")->setText(test::secretValue("-closing"));
        child<QLineEdit>(d, "modelEdit")->setText(u"model-never-saved"_s);
        QSignalSpy finished(&d, &SettingsDialog::saveFinished);
        d.save();
        QVERIFY(d.saving());
        auto* buttons = d.findChild<QDialogButtonBox*>();
        QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled());
        d.reject();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 70000);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(buttons->button(QDialogButtonBox::Save)->isEnabled());
    }
    QCOMPARE(Settings().llm().model, model);
    QVERIFY(!settingsFileText().contains(u"model-never-saved"_s));
    const SecretStore store;
    test::removeSecret(store, store.llmApiKeyKey(LlmProvider::Gemini));
}

void TestSettingsDialog::roundTripThroughTheDialog() {
    const QString password = test::secretValue("-pasted-pw");
    const QString geminiKey = test::secretValue("-gemini-key");
    const QString openAiKey = test::secretValue("-openai-key");
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        // A URL pasted from the Neon console: split into the fields and the password.
        child<QLineEdit>(d, "pasteEdit")
            ->setText(
                u"postgresql://alice:"_s + password +
                u"@ep-cool-1234.eu-central-1.aws.neon.tech:5433/neondb?sslmode=require&channel_binding=require"_s);
        child<QPushButton>(d, "pasteButton")->click();
        QVERIFY(
            child<QLineEdit>(d, "pasteEdit")->text().isEmpty()); // the pasted password is not left on screen
        QVERIFY(child<QRadioButton>(d, "postgresRadio")->isChecked());
        QCOMPARE(child<QLineEdit>(d, "hostEdit")->text(), u"ep-cool-1234.eu-central-1.aws.neon.tech"_s);
        QCOMPARE(child<QSpinBox>(d, "portSpin")->value(), 5433);
        QCOMPARE(child<QLineEdit>(d, "databaseEdit")->text(), u"neondb"_s);
        QCOMPARE(child<QLineEdit>(d, "userEdit")->text(), u"alice"_s);
        QVERIFY(child<QLineEdit>(d, "passwordEdit")->text() == password);
        QCOMPARE(child<QComboBox>(d, "sslCombo")->currentData().toString(), u"require"_s);

        // Two providers, each with its own key.
        auto* provider = child<QComboBox>(d, "providerCombo");
        provider->setCurrentIndex(provider->findData(int(LlmProvider::OpenAiCompatible)));
        child<QLineEdit>(d, "apiKeyEdit")->setText(openAiKey);
        provider->setCurrentIndex(provider->findData(int(LlmProvider::Gemini)));
        QVERIFY(child<QLineEdit>(d, "apiKeyEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(d, "apiKeyEdit")->isEnabled());
        child<QLineEdit>(d, "apiKeyEdit")->setText(geminiKey);
        child<QLineEdit>(d, "modelEdit")->setText(u"gemini-test-model"_s);
        child<QLineEdit>(d, "baseUrlEdit")->setText(u"https://gemini.example.org"_s);

        QVERIFY(test::saved(d));
    }

    // In the keychain...
    const SecretStore store;
    SecretResult r = test::readSecret(store, store.databasePasswordKey());
    QVERIFY(r.ok() && !r.fromSession && r.value == password);
    r = test::readSecret(store, store.llmApiKeyKey(LlmProvider::Gemini));
    QVERIFY(r.ok() && r.value == geminiKey);
    r = test::readSecret(store, store.llmApiKeyKey(LlmProvider::OpenAiCompatible));
    QVERIFY(r.ok() && r.value == openAiKey);
    // ... and not in the settings file, which holds the rest.
    const QString text = settingsFileText();
    QVERIFY(text.contains(u"ep-cool-1234.eu-central-1.aws.neon.tech"_s));
    QVERIFY(text.contains(u"gemini-test-model"_s));
    QVERIFY(!text.contains(QString::fromLatin1(test::SecretMarker)));
    QVERIFY(
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker)).isEmpty());
    const DatabaseSettings db = Settings().database();
    QCOMPARE(db.mode, DatabaseMode::PostgreSql);
    QVERIFY(DatabaseUrl::parse(db.postgresUrl).password.isEmpty());
    QCOMPARE(DatabaseUrl::parse(db.postgresUrl).options.value(u"channel_binding"_s), u"require"_s);

    // Reopened: every field as it was.
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QVERIFY(child<QRadioButton>(d, "postgresRadio")->isChecked());
    QCOMPARE(child<QLineEdit>(d, "hostEdit")->text(), u"ep-cool-1234.eu-central-1.aws.neon.tech"_s);
    QCOMPARE(child<QSpinBox>(d, "portSpin")->value(), 5433);
    QCOMPARE(child<QLineEdit>(d, "databaseEdit")->text(), u"neondb"_s);
    QCOMPARE(child<QLineEdit>(d, "userEdit")->text(), u"alice"_s);
    QVERIFY(child<QLineEdit>(d, "passwordEdit")->text() == password);
    QCOMPARE(child<QLineEdit>(d, "passwordEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QComboBox>(d, "sslCombo")->currentData().toString(), u"require"_s);
    QCOMPARE(child<QComboBox>(d, "providerCombo")->currentData().toInt(), int(LlmProvider::Gemini));
    QCOMPARE(child<QLineEdit>(d, "modelEdit")->text(), u"gemini-test-model"_s);
    QCOMPARE(child<QLineEdit>(d, "baseUrlEdit")->text(), u"https://gemini.example.org"_s);
    QVERIFY(child<QLineEdit>(d, "apiKeyEdit")->text() == geminiKey);
    auto* provider = child<QComboBox>(d, "providerCombo");
    provider->setCurrentIndex(provider->findData(int(LlmProvider::OpenAiCompatible)));
    QVERIFY(child<QLineEdit>(d, "apiKeyEdit")->text() == openAiKey);
    QVERIFY(!d.windowTitle().contains(QString::fromLatin1(test::SecretMarker)));
}

void TestSettingsDialog::clearingThePasswordRemovesIt() {
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        child<QLineEdit>(d, "passwordEdit")->clear();
        child<QLineEdit>(d, "apiKeyEdit")->clear(); // the Gemini key
        QVERIFY(test::saved(d));
    }
    const SecretStore store;
    QCOMPARE(test::readSecret(store, store.databasePasswordKey()).status, SecretResult::Status::NotFound);
    QCOMPARE(test::readSecret(store, store.llmApiKeyKey(LlmProvider::Gemini)).status,
             SecretResult::Status::NotFound);
    QVERIFY(test::readSecret(store, store.llmApiKeyKey(LlmProvider::OpenAiCompatible)).ok());
    QVERIFY(test::removeSecret(store, store.llmApiKeyKey(LlmProvider::OpenAiCompatible)).ok());
}

// The Map page: online tiles and online search, with their servers; a bad URL
// is refused with the page shown and nothing written.
void TestSettingsDialog::mapPage() {
    const auto reset = qScopeGuard([] { Settings().setMap({}); }); // however the test ends
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        QVERIFY(child<QCheckBox>(d, "onlineTiles")->isChecked());
        QVERIFY(child<QCheckBox>(d, "onlineGeocoding")->isChecked());
        QVERIFY(child<QLineEdit>(d, "tileUrl")->text().isEmpty()); // the default, shown as the placeholder
        QCOMPARE(child<QLineEdit>(d, "tileUrl")->placeholderText(), defaultTileUrl());
        child<QLineEdit>(d, "tileUrl")->setText(u"https://tiles.example.org/osm.png"_s);
        QVERIFY(!test::saved(d));
        QVERIFY2(d.findChild<QLabel*>(u"saveError"_s)->text().contains(u"{z}"_s),
                 qPrintable(d.findChild<QLabel*>(u"saveError"_s)->text()));
        QVERIFY(Settings().map().tileUrl.isEmpty());

        child<QLineEdit>(d, "tileUrl")->setText(u"https://tiles.example.org/{z}/{x}/{y}.png"_s);
        child<QLineEdit>(d, "tileAttribution")
            ->setText(u"© Example Tiles, data © OpenStreetMap contributors"_s);
        child<QCheckBox>(d, "onlineGeocoding")->setChecked(false);
        QVERIFY(!child<QLineEdit>(d, "geocoderUrl")->isEnabled());
        QSignalSpy changed(&d, &SettingsDialog::mapSettingsChanged);
        QVERIFY(test::saved(d));
        QCOMPARE(changed.size(), 1);
    }
    const MapSettings saved = Settings().map();
    QVERIFY(saved.onlineTiles);
    QCOMPARE(saved.effectiveTileUrl(), u"https://tiles.example.org/{z}/{x}/{y}.png"_s);
    QVERIFY(!saved.onlineGeocoding);
    QCOMPARE(saved.effectiveTileAttribution(), u"© Example Tiles, data © OpenStreetMap contributors"_s);
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QCOMPARE(child<QLineEdit>(d, "tileUrl")->text(), u"https://tiles.example.org/{z}/{x}/{y}.png"_s);
    QVERIFY(!child<QCheckBox>(d, "onlineGeocoding")->isChecked());
}

// Settings > Language: the languages the build has, by their own names, saved
// as ui.language and shown again; the system's language is the empty choice.
void TestSettingsDialog::languagePage() {
    const auto reset = qScopeGuard([] { Settings().setLanguage({}); });
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        auto* combo = child<QComboBox>(d, "languageCombo");
        QCOMPARE(combo->currentData().toString(), QString());
        QStringList offered;
        for (int i = 0; i < combo->count(); ++i)
            offered << combo->itemText(i);
        for (const QString& name : {u"Deutsch"_s, u"Français"_s, u"Español"_s})
            QVERIFY2(offered.contains(name), qPrintable(offered.join(u", "_s)));
        combo->setCurrentIndex(combo->findData(u"fr"_s));
        QVERIFY(test::saved(d));
    }
    QCOMPARE(Settings().language(), u"fr"_s);
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QCOMPARE(child<QComboBox>(d, "languageCombo")->currentText(), u"Français"_s);
}

void TestSettingsDialog::connectionTestRunsOffTheGuiThread() {
    test::TempDatabase temp(u"postgres"_s);
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    child<QLineEdit>(d, "pasteEdit")->setText(temp.url().toString());
    child<QPushButton>(d, "pasteButton")->click();
    auto* ssl = child<QComboBox>(d, "sslCombo");
    ssl->setCurrentIndex(ssl->findData(u"disable"_s));
    QSignalSpy finished(&d, &SettingsDialog::databaseTestFinished);
    child<QPushButton>(d, "dbTestButton")->click();
    // click() returned at once: the probe is running on its worker thread.
    QVERIFY(d.databaseTestRunning());
    QVERIFY(!child<QPushButton>(d, "dbTestButton")->isEnabled());
    QVERIFY(!child<QPushButton>(d, "dbCancelButton")->isHidden());
    QVERIFY(d.databaseTestText().contains(u"Connecting"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), true);
    const QString text = d.databaseTestText();
    QVERIFY2(text.contains(u"Connected: PostgreSQL 15"_s), qPrintable(text));
    QVERIFY2(text.contains(u"TLS: off"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Endpoint: direct"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Round trip"_s), qPrintable(text));
    QVERIFY2(text.contains(u"empty"_s), qPrintable(text));
    QVERIFY(child<QPushButton>(d, "dbTestButton")->isEnabled());
}

void TestSettingsDialog::connectionTestExplainsWrongPassword() {
    DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    // A pasted URL replaces every server field, the extra parameters of the saved one included.
    url.password.clear();
    child<QLineEdit>(d, "pasteEdit")->setText(url.toString());
    child<QPushButton>(d, "pasteButton")->click();
    QCOMPARE(child<QLineEdit>(d, "hostEdit")->text(), url.host);
    QCOMPARE(child<QLineEdit>(d, "userEdit")->text(), url.user);
    child<QLineEdit>(d, "passwordEdit")->setText(test::secretValue("-wrong"));
    auto* ssl = child<QComboBox>(d, "sslCombo");
    ssl->setCurrentIndex(ssl->findData(u"disable"_s));
    QSignalSpy finished(&d, &SettingsDialog::databaseTestFinished);
    child<QPushButton>(d, "dbTestButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(d.databaseTestText().contains(u"rejected the user name or password"_s),
             qPrintable(d.databaseTestText()));
    QVERIFY(!d.databaseTestText().contains(QString::fromLatin1(test::SecretMarker)));
}

void TestSettingsDialog::movesTheEmbeddedFile() {
    QTemporaryDir dir;
    const QString source = dir.filePath(u"old/trips.sqlite3"_s);
    const QString target = dir.filePath(u"new/trips.sqlite3"_s);
    {
        Database db(DatabaseUrl::sqliteFile(source));
        db.execute(u"CREATE TABLE t (x TEXT)"_s);
        db.execute(u"INSERT INTO t VALUES ('moved')"_s);
    }
    {
        Settings s;
        s.setValue(u"database.mode"_s, u"embedded"_s);
        s.setValue(u"database.file"_s, source);
        s.sync();
    }
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QVERIFY(child<QRadioButton>(d, "embeddedRadio")->isChecked());
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(d, "fileEdit")->text()), source);
    bool released = false;
    d.setDatabaseReleaser([&] {
        released = true;
        return true;
    });
    QSignalSpy finished(&d, &SettingsDialog::moveFinished);
    d.moveEmbeddedDatabaseTo(target);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(finished.first().first().toBool(), qPrintable(d.databaseTestText()));
    QVERIFY(released);
    QCOMPARE(Settings().database().embeddedFile, target);
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(d, "fileEdit")->text()), target);
    QVERIFY(QFileInfo::exists(source)); // kept: switching never loses data
    Database db(DatabaseUrl::sqliteFile(target));
    QCOMPARE(db.query(u"SELECT x FROM t"_s).first().value(0).toString(), u"moved"_s);

    // A target that exists is refused and nothing changes.
    QSignalSpy again(&d, &SettingsDialog::moveFinished);
    d.moveEmbeddedDatabaseTo(source);
    QTRY_COMPARE_WITH_TIMEOUT(again.size(), 1, 30000);
    QCOMPARE(again.first().first().toBool(), false);
    QCOMPARE(Settings().database().embeddedFile, target);
}

// A settings file edited by hand with the password inside database.url and
// other values the app ignores: the dialog says so in words and moves the
// password to the keychain with one button, the file rewritten without it.
void TestSettingsDialog::passwordInTheSettingsFileIsMovedToTheKeychain() {
    const SecretStore store;
    QVERIFY(test::removeSecret(store, store.databasePasswordKey()).ok() ||
            test::readSecret(store, store.databasePasswordKey()).status == SecretResult::Status::NotFound);
    const QString password = test::secretValue("-Qv7Zr4w-9");
    writeSettingsFileByHand({{u"database.mode"_s, u"postgresql"_s},
                             {u"database.url"_s, u"postgresql://carol:"_s + password +
                                                     u"@db.example.org:5433/trips?sslmode=require"_s},
                             {u"llm.provider"_s, u"skynet"_s},
                             {u"map.online-tiles"_s, u"sometimes"_s}});
    QVERIFY(settingsFileText().contains(password));
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* panel = child<QWidget>(d, "settingsFileProblems");
        QVERIFY(panel->isVisible());
        const QString notice = child<QLabel>(d, "filePasswordNotice")->text();
        QVERIFY2(notice.contains(u"password inside database.url"_s), qPrintable(notice));
        QVERIFY2(notice.contains(u"keychain"_s), qPrintable(notice));
        auto* move = child<QPushButton>(d, "movePasswordButton");
        QVERIFY(move->isVisible());
        QVERIFY2(move->text().contains(u"keychain"_s), qPrintable(move->text()));
        // The other values ignored, each named, in words; the password not listed twice.
        const QString ignored = child<QLabel>(d, "ignoredSettings")->text();
        QVERIFY2(ignored.contains(u"llm.provider"_s) &&
                     ignored.contains(u"offline, gemini or openai-compatible"_s),
                 qPrintable(ignored));
        QVERIFY2(ignored.contains(u"map.online-tiles"_s) && ignored.contains(u"on or off"_s),
                 qPrintable(ignored));
        QVERIFY2(!ignored.contains(u"database.url"_s), qPrintable(ignored));
        QVERIFY2(!ignored.contains(u"skynet"_s) && !ignored.contains(u"sometimes"_s), qPrintable(ignored));
        // The server fields come from the URL, without its password; the password is not used from the file.
        QCOMPARE(child<QLineEdit>(d, "hostEdit")->text(), u"db.example.org"_s);
        QCOMPARE(child<QLineEdit>(d, "userEdit")->text(), u"carol"_s);
        QVERIFY(child<QLineEdit>(d, "passwordEdit")->text().isEmpty());
        const QString shown = test::secretShownIn(&d, {password});
        QVERIFY2(shown.isEmpty(), qPrintable(shown));

        QSignalSpy moved(&d, &SettingsDialog::filePasswordMoved);
        QTest::mouseClick(move, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(moved.size(), 1, 70000);
        QVERIFY(moved.first().first().toBool());
        const QString done = child<QLabel>(d, "filePasswordNotice")->text();
        QVERIFY2(done.contains(u"now in the system keychain"_s), qPrintable(done));
        QVERIFY(move->isHidden());
        QVERIFY(child<QLineEdit>(d, "passwordEdit")->text() == password);
        QVERIFY(child<QLabel>(d, "ignoredSettings")->isVisible()); // still said until saved over
        QVERIFY(test::secretShownIn(&d, {password}).isEmpty());
    }
    const SecretResult r = test::readSecret(store, store.databasePasswordKey());
    QVERIFY(r.ok() && !r.fromSession && r.value == password);
    QVERIFY(!settingsFileText().contains(QString::fromLatin1(test::SecretMarker)));
    QVERIFY(Settings().databasePasswordInFile().isEmpty());
    QVERIFY(settingsFileText().contains(u"postgresql://carol@db.example.org:5433/trips"_s));
    const QStringList problems = Settings().problems();
    QVERIFY(std::none_of(problems.cbegin(), problems.cend(),
                         [](const QString& p) { return p.startsWith(u"database.url"_s); }));
    QCOMPARE(Settings().database().mode, DatabaseMode::PostgreSql);

    // Saved: the ignored values are replaced by valid ones, and nothing is left to say.
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        QVERIFY(test::saved(d));
    }
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QVERIFY(child<QWidget>(d, "settingsFileProblems")->isHidden());
    QVERIFY(child<QLineEdit>(d, "passwordEdit")->text() == password);
    QVERIFY(Settings().problems().isEmpty());
    QVERIFY(test::removeSecret(store, store.databasePasswordKey()).ok());
}

// Save on another page before the password is moved: the URL holding it is
// left alone (not dropped without being kept anywhere) and still offered.
void TestSettingsDialog::saveKeepsAnUnmovedPasswordForTheOffer() {
    const QString password = test::secretValue("-kept-for-the-offer");
    writeSettingsFileByHand(
        {{u"database.mode"_s, u"postgresql"_s},
         {u"database.url"_s, u"postgresql://carol:"_s + password + u"@db.example.org:5433/trips"_s}});
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        child<QLineEdit>(d, "modelEdit")->setText(u"some-model"_s);
        QVERIFY(test::saved(d));
    }
    QVERIFY(Settings().databasePasswordInFile() == password);
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        QVERIFY(!child<QPushButton>(d, "movePasswordButton")->isHidden());
        // A server changed in the dialog is written as typed, without the file's password.
        child<QLineEdit>(d, "hostEdit")->setText(u"db2.example.org"_s);
        QVERIFY(test::saved(d));
    }
    QVERIFY(Settings().databasePasswordInFile().isEmpty());
    QVERIFY(!settingsFileText().contains(QString::fromLatin1(test::SecretMarker)));
    QCOMPARE(DatabaseUrl::parse(Settings().database().postgresUrl).host, u"db2.example.org"_s);
}

void TestSettingsDialog::cleanupTestCase() {
    const QStringList hits =
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
}

TP_ISOLATED_TEST_MAIN(TestSettingsDialog, QApplication)
#include "tst_keychain_dialog.moc"
