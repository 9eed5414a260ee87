// SPDX-License-Identifier: GPL-3.0-or-later
// No keychain at all (DBUS_SESSION_BUS_ADDRESS points nowhere): the failure is
// reported in words, the session-only secret works once the user accepts it,
// and nothing is written anywhere.
#include "KeychainTestSupport.h"
#include "VisibleText.h"

#include "SettingsDialogTestSupport.h"
#include "config/DatabaseLocation.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::SettingsDialog;

class TestNoKeychain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keychainReportsUnavailable();
    void sessionSecretWorks();
    void dialogOffersSessionOnly();
    void passwordInTheSettingsFileForThisSessionOnly();
    void cleanupTestCase();
};

void TestNoKeychain::initTestCase() {
    QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"_s),
             "run this test with DBUS_SESSION_BUS_ADDRESS pointing nowhere (ctest sets it)");
}

void TestNoKeychain::keychainReportsUnavailable() {
    const SecretStore store;
    const SecretResult probe = test::probeKeychain(store);
    QCOMPARE(probe.status, SecretResult::Status::Unavailable);
    QVERIFY2(probe.message.contains(u"keychain"_s), qPrintable(probe.message));

    const SecretResult write =
        test::writeSecret(store, store.databasePasswordKey(), test::secretValue("-nowhere"));
    QCOMPARE(write.status, SecretResult::Status::Unavailable);
    QVERIFY(!write.message.contains(QString::fromLatin1(test::SecretMarker)));
    QCOMPARE(test::readSecret(store, store.databasePasswordKey()).status, SecretResult::Status::Unavailable);
}

void TestNoKeychain::sessionSecretWorks() {
    const SecretStore store;
    const QString key = store.databasePasswordKey();
    const QString secret = test::secretValue("-session-only");
    SecretStore::setSessionSecret(key, secret);
    const SecretResult r = test::readSecret(store, key);
    QVERIFY(r.ok());
    QVERIFY(r.fromSession);
    QVERIFY(r.value == secret);

    // resolveDatabaseUrl fills the password from the session as well.
    {
        Settings s;
        s.setDatabase({DatabaseMode::PostgreSql, u"postgresql://alice@db.example.org/trips"_s, {}});
        s.sync();
    }
    // As the app starts: resolved without the password, which is then read asynchronously.
    auto resolve = [&store] {
        ResolvedDatabaseUrl r =
            resolveDatabaseUrl({}, QString::fromLatin1(Settings::DefaultProfile), KeychainPassword::Skip);
        if (r.passwordPending)
            applyKeychainPassword(r, test::readSecret(store, store.databasePasswordKey()),
                                  QString::fromLatin1(Settings::DefaultProfile));
        return r;
    };
    QVERIFY(resolve().url.password == secret);
    QVERIFY(test::removeSecret(store, key).ok()); // forgets the session copy
    QVERIFY(!SecretStore::hasSessionSecret(key));
    const ResolvedDatabaseUrl resolved = resolve();
    QVERIFY(resolved.url.password.isEmpty());
    QVERIFY2(resolved.note.contains(u"could not be read"_s), qPrintable(resolved.note));
}

void TestNoKeychain::dialogOffersSessionOnly() {
    const QString password = test::secretValue("-typed");
    const QString apiKey = test::secretValue("-api");
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        // Said plainly, as soon as the keychain answered.
        QVERIFY2(d.keychainNotice().contains(u"keychain cannot be used"_s), qPrintable(d.keychainNotice()));
        auto* sessionOnly = d.findChild<QCheckBox*>(u"sessionOnly"_s);
        QVERIFY(sessionOnly && !sessionOnly->isHidden());
        QVERIFY(!sessionOnly->isChecked());

        d.findChild<QRadioButton*>(u"postgresRadio"_s)->setChecked(true);
        d.findChild<QLineEdit*>(u"hostEdit"_s)->setText(u"db.example.org"_s);
        d.findChild<QLineEdit*>(u"databaseEdit"_s)->setText(u"trips"_s);
        d.findChild<QLineEdit*>(u"userEdit"_s)->setText(u"alice"_s);
        d.findChild<QLineEdit*>(u"passwordEdit"_s)->setText(password);

        // Not accepted yet: nothing saved, and the reason is shown.
        QVERIFY(!test::saved(d));
        auto* error = d.findChild<QLabel*>(u"saveError"_s);
        QVERIFY(error && !error->isHidden());
        QVERIFY2(error->text().contains(u"keychain is not available"_s), qPrintable(error->text()));

        // Accepted: kept for this session only.
        sessionOnly->setChecked(true);
        auto* provider = d.findChild<QComboBox*>(u"providerCombo"_s);
        provider->setCurrentIndex(provider->findData(int(LlmProvider::Gemini)));
        d.findChild<QLineEdit*>(u"apiKeyEdit"_s)->setText(apiKey);
        QVERIFY(test::saved(d));
    }
    const SecretStore store;
    QVERIFY(SecretStore::hasSessionSecret(store.databasePasswordKey()));
    QVERIFY(test::readSecret(store, store.databasePasswordKey()).value == password);
    QVERIFY(test::readSecret(store, store.llmApiKeyKey(LlmProvider::Gemini)).value == apiKey);
    QCOMPARE(Settings().database().mode, DatabaseMode::PostgreSql);

    // Reopened in the same session: the secrets are there, and the choice too.
    SettingsDialog d;
    QVERIFY(test::secretsLoaded(d));
    QVERIFY(d.findChild<QLineEdit*>(u"passwordEdit"_s)->text() == password);
    QVERIFY(d.findChild<QLineEdit*>(u"apiKeyEdit"_s)->text() == apiKey);
    QVERIFY(d.findChild<QCheckBox*>(u"sessionOnly"_s)->isChecked());
}

// A password inside database.url in the settings file and no keychain: the
// dialog offers to use it for this session only, and the file is rewritten
// without it; it is never written in plain text anywhere.
void TestNoKeychain::passwordInTheSettingsFileForThisSessionOnly() {
    SecretStore::clearAllSessionSecrets();
    const QString password = test::secretValue("-Fx9Qz-Nk4w");
    {
        QSettings s(Settings().fileName(), QSettings::IniFormat);
        s.setValue(u"profiles/default/database.mode"_s, u"postgresql"_s);
        s.setValue(u"profiles/default/database.url"_s,
                   QString(u"postgresql://dave:"_s + password + u"@db.example.org/trips"_s));
        s.setValue(u"profiles/default/llm.base-url"_s, u"http://127.0.0.1:1/v1?api_key=x"_s);
        s.sync();
    }
    const SecretStore store;
    {
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.findChild<QWidget*>(u"settingsFileProblems"_s)->isVisible());
        const QString notice = d.findChild<QLabel*>(u"filePasswordNotice"_s)->text();
        QVERIFY2(notice.contains(u"password inside database.url"_s), qPrintable(notice));
        QVERIFY2(notice.contains(u"this session only"_s), qPrintable(notice));
        auto* move = d.findChild<QPushButton*>(u"movePasswordButton"_s);
        QVERIFY2(move->text().contains(u"session"_s), qPrintable(move->text()));
        const QString ignored = d.findChild<QLabel*>(u"ignoredSettings"_s)->text();
        QVERIFY2(ignored.contains(u"llm.base-url"_s) && ignored.contains(u"API key"_s), qPrintable(ignored));
        QVERIFY2(test::secretShownIn(&d, {password}).isEmpty(),
                 qPrintable(test::secretShownIn(&d, {password})));

        QSignalSpy moved(&d, &SettingsDialog::filePasswordMoved);
        QTest::mouseClick(move, Qt::LeftButton);
        QTRY_COMPARE(moved.size(), 1);
        QVERIFY(moved.first().first().toBool());
        const QString done = d.findChild<QLabel*>(u"filePasswordNotice"_s)->text();
        QVERIFY2(done.contains(u"this session only"_s), qPrintable(done));
        QVERIFY(move->isHidden());
        QVERIFY(d.findChild<QCheckBox*>(u"sessionOnly"_s)->isChecked());
        QVERIFY(d.findChild<QLineEdit*>(u"passwordEdit"_s)->text() == password);
        QVERIFY2(test::secretShownIn(&d, {password}).isEmpty(),
                 qPrintable(test::secretShownIn(&d, {password})));
        QVERIFY(test::saved(d)); // session only: nothing written but the settings
    }
    const SecretResult r = test::readSecret(store, store.databasePasswordKey());
    QVERIFY(r.ok() && r.fromSession && r.value == password);
    QVERIFY(Settings().databasePasswordInFile().isEmpty());
    QVERIFY(DatabaseUrl::parse(Settings().database().postgresUrl).password.isEmpty());
    QCOMPARE(DatabaseUrl::parse(Settings().database().postgresUrl).user, u"dave"_s);
    QVERIFY(
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker)).isEmpty());
}

void TestNoKeychain::cleanupTestCase() {
    // Nothing of any secret on disk: not in the settings file, not anywhere in the private home.
    QVERIFY(QFileInfo::exists(Settings().fileName()));
    const QStringList hits =
        test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    SecretStore::clearAllSessionSecrets();
}

TP_ISOLATED_TEST_MAIN(TestNoKeychain, QApplication)
#include "tst_keychain_nokeychain.moc"
