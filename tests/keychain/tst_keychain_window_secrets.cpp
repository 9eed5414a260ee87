// SPDX-License-Identifier: GPL-3.0-or-later
// A marked database password and a marked API key put through the window's
// error paths, against the real Secret Service, the suite's PostgreSQL and
// loopback LLM servers: the main window's unreachable-database banner and
// status bar, the settings dialog's connection test, pasted URLs and LLM
// Test, the conversation panel's failed turn. Every text a person can see
// (labels, buttons, status bar, tooltips, window titles, message boxes) is
// scanned for any piece of either secret.
#include "KeychainTestSupport.h"
#include "TestBackends.h"
#include "VisibleText.h"
#include "Workspace.h"

#include "../ai/FakeLlmServer.h"
#include "SettingsDialogTestSupport.h"
#include "config/DatabaseLocation.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "domain/Error.h"
#include "main/Confirm.h"
#include "main/MainWindow.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "settings/SettingsDialog.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::SettingsDialog;

namespace {

// Both start with the marker, so that with-secret-service.sh --scan-output
// also fails the run when either reaches the test's output.
const QString Password = u"TPSECRET-Pw9-Mark78"_s;
const QString ApiKey = u"TPSECRET-Key4-Mark93xyz"_s;

// A 401 as real providers send it: the refused key quoted, whole and masked.
test::FakeResponse keyRejected() {
    test::FakeResponse r;
    r.status = 401;
    r.headers << qMakePair(QByteArray("Content-Type"), QByteArray("application/json"));
    r.body = QByteArray(R"({"error": {"message": "Incorrect API key provided: )") + ApiKey.toUtf8() +
             " (TPSE****" + ApiKey.right(9).toUtf8() + R"(). You can find your API key in your account."}})";
    return r;
}

// A redirect to another origin (127.0.0.1 -> localhost, another port).
test::FakeResponse redirectTo(const test::FakeLlmServer& elsewhere) {
    test::FakeResponse r;
    r.status = 307;
    r.headers << qMakePair(QByteArray("Location"),
                           u"http://localhost:%1/v1/chat/completions?key=%2"_s.arg(elsewhere.baseUrl().port())
                               .arg(ApiKey)
                               .toUtf8());
    return r;
}

bool keyReached(const test::FakeLlmServer& server) {
    for (const test::RecordedRequest& r : server.requests)
        for (const QByteArray& value : r.headers)
            if (value.contains("Mark93"))
                return true;
    return false;
}

void writeSettingsFileByHand(const QList<std::pair<QString, QString>>& values) {
    QSettings s(Settings().fileName(), QSettings::IniFormat);
    s.remove(u"profiles"_s);
    for (const auto& [key, value] : values)
        s.setValue(u"profiles/default/"_s + key, value);
    s.sync();
}

} // namespace

class TestWindowSecrets : public QObject {
    Q_OBJECT

    QStringList m_boxTexts; // every message box seen while the tests ran
    QTimer m_boxWatcher;

    // Every top-level window, and the texts of the message boxes seen so far.
    QString secretOnScreen() const {
        for (QWidget* top : QApplication::topLevelWidgets())
            if (const QString hit = test::secretShownIn(top, {Password, ApiKey}); !hit.isEmpty())
                return QString::fromLatin1(top->metaObject()->className()) + u": "_s + hit;
        for (const QString& text : m_boxTexts + QStringList{ui::Confirm::lastQuestion()})
            for (const QString& secret : {Password, ApiKey})
                if (const QString piece = test::secretPartIn(text, secret); !piece.isEmpty())
                    return u"message box: \"%1\" in \"%2\""_s.arg(piece, text);
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(test::probeKeychain().ok(), "run this test with with-secret-service.sh");
        QVERIFY(Settings().fileName().startsWith(test::IsolatedHome::root()));
        // A message box that any error path opens is read and closed, however modal.
        m_boxWatcher.setInterval(20);
        connect(&m_boxWatcher, &QTimer::timeout, this, [this] {
            for (QWidget* top : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(top); box && box->isVisible()) {
                    m_boxTexts << box->windowTitle() << box->text() << box->informativeText()
                               << box->detailedText();
                    box->reject();
                }
        });
        m_boxWatcher.start();
    }

    void init() { QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen())); }
    void cleanup() {
        const QString hit = secretOnScreen();
        QVERIFY2(hit.isEmpty(), qPrintable(hit));
    }

    // The password in the keychain and, hand-edited, in the settings file; the
    // server unreachable: the banner, the status bar's note, the window title.
    void unreachableDatabaseFromTheSettings() {
        const SecretStore store;
        QVERIFY(test::writeSecret(store, store.databasePasswordKey(), Password).ok());
        writeSettingsFileByHand(
            {{u"database.mode"_s, u"postgresql"_s},
             {u"database.url"_s,
              u"postgresql://alice:%1@127.0.0.1:1/trips?connect_timeout=3"_s.arg(Password)}});
        // As the app starts: the URL without the password, which is then read asynchronously.
        ResolvedDatabaseUrl resolved =
            resolveDatabaseUrl({}, QString::fromLatin1(Settings::DefaultProfile), KeychainPassword::Skip);
        QVERIFY(resolved.passwordPending);
        QVERIFY(resolved.url.password.isEmpty());
        applyKeychainPassword(resolved, test::readSecret(store, store.databasePasswordKey()),
                              QString::fromLatin1(Settings::DefaultProfile));
        QVERIFY(resolved.url.password == Password); // from the keychain
        QVERIFY2(resolved.note.contains(u"contains a password"_s), qPrintable(resolved.note));

        DatabaseService service(resolved.url, 0);
        app::Workspace workspace(&service, u"tester"_s);
        ui::MainWindow w(&workspace);
        w.statusBar()->showMessage(resolved.note, 20000); // as the app does with the start-up note
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* banner = w.findChild<QWidget*>(u"connectionProblem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        const QString text = w.findChild<QLabel*>(u"connectionProblemText"_s)->text();
        QVERIFY2(text.contains(u"127.0.0.1"_s), qPrintable(text));
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
        QTest::mouseClick(w.findChild<QPushButton*>(u"retry"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(service.state() == DatabaseService::State::Offline && banner->isVisible(),
                                 15000);
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
        w.close();
    }

    // The real server refusing a password full of URL delimiters.
    void wrongPasswordOnTheRealServer() {
        DatabaseUrl url = DatabaseUrl::parse(test::cluster().pgUrl);
        url.password = Password + u"@13x#/?"_s;
        DatabaseService service(url, 0);
        app::Workspace workspace(&service, u"tester"_s);
        ui::MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* banner = w.findChild<QWidget*>(u"connectionProblem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        const QString text = w.findChild<QLabel*>(u"connectionProblemText"_s)->text();
        QVERIFY2(text.contains(u"password"_s), qPrintable(text));
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
        w.close();
    }

    // DATABASE_URL with a part QUrl rejects: the message the app shows at start-up.
    void malformedDatabaseUrlInTheEnvironment() {
        for (const QString& url : {u"postgresql://alice:%1@127.0.0.1:55432/my db"_s.arg(Password),
                                   u"postgresql://alice:13x@%1@127.0.0.1:55432/db"_s.arg(Password),
                                   u"postgresql://alice:13#%1@127.0.0.1:1/db"_s.arg(Password)}) {
            qputenv("DATABASE_URL", url.toUtf8());
            try {
                resolveDatabaseUrl({}, QString::fromLatin1(Settings::DefaultProfile), KeychainPassword::Skip);
            } catch (const Error& e) {
                QMessageBox box(QMessageBox::Warning, u"Trip Planner"_s,
                                u"DATABASE_URL is not usable: %1"_s.arg(e.message()));
                box.show();
                const QString hit = secretOnScreen();
                QVERIFY2(hit.isEmpty(), qPrintable(hit));
            }
        }
        qunsetenv("DATABASE_URL");
    }

    // The settings dialog: the file's password offered, pasted URLs that do not
    // parse, the connection test against nothing and against the real server.
    void settingsDialogConnectionTest() {
        writeSettingsFileByHand(
            {{u"database.mode"_s, u"postgresql"_s},
             {u"database.url"_s,
              u"postgresql://alice:%1@127.0.0.1:1/trips?connect_timeout=3"_s.arg(Password)}});
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QVERIFY(d.findChild<QWidget*>(u"settingsFileProblems"_s)->isVisible());
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));

        auto* paste = d.findChild<QLineEdit*>(u"pasteEdit"_s);
        for (const QString& url : {u"postgresql://alice:%1@127.0.0.1:55432/my db"_s.arg(Password),
                                   u"postgresql://alice:13x@%1@127.0.0.1:1/db"_s.arg(Password),
                                   u"postgresql://alice:13?%1@127.0.0.1:1/db"_s.arg(Password),
                                   u"mysql://alice:%1@127.0.0.1/db"_s.arg(Password)}) {
            paste->setText(url);
            QTest::mouseClick(d.findChild<QPushButton*>(u"pasteButton"_s), Qt::LeftButton);
            QVERIFY(!d.databaseTestText().isEmpty());
            paste->clear(); // its own echo hides it; the scan is for what else shows
            const QString hit = secretOnScreen();
            QVERIFY2(hit.isEmpty(), qPrintable(url.left(12) + u"… "_s + hit));
        }

        QSignalSpy finished(&d, &SettingsDialog::databaseTestFinished);
        auto* ssl = d.findChild<QComboBox*>(u"sslCombo"_s);
        ssl->setCurrentIndex(ssl->findData(u"disable"_s));
        d.findChild<QLineEdit*>(u"hostEdit"_s)->setText(u"127.0.0.1"_s);
        d.findChild<QSpinBox*>(u"portSpin"_s)->setValue(1);
        d.findChild<QLineEdit*>(u"databaseEdit"_s)->setText(u"trips"_s);
        d.findChild<QLineEdit*>(u"passwordEdit"_s)->setText(Password);
        QTest::mouseClick(d.findChild<QPushButton*>(u"dbTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));

        const DatabaseUrl real = DatabaseUrl::parse(test::cluster().pgUrl);
        d.findChild<QLineEdit*>(u"hostEdit"_s)->setText(real.host);
        d.findChild<QSpinBox*>(u"portSpin"_s)->setValue(real.port);
        d.findChild<QLineEdit*>(u"userEdit"_s)->setText(real.user);
        d.findChild<QLineEdit*>(u"databaseEdit"_s)->setText(real.database);
        d.findChild<QLineEdit*>(u"passwordEdit"_s)->setText(Password + u"@13x#/?"_s);
        QTest::mouseClick(d.findChild<QPushButton*>(u"dbTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(d.databaseTestText().contains(u"password"_s), qPrintable(d.databaseTestText()));
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
        Settings().removeDatabasePasswordFromFile();
        Settings().sync();
    }

    // The LLM Test: a server that quotes the refused key, for both wire
    // formats, and a redirect to another host, which must not receive the key.
    void settingsDialogLlmTest_data() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("redirect");
        QTest::newRow("openai 401") << int(LlmProvider::OpenAiCompatible) << false;
        QTest::newRow("gemini 401") << int(LlmProvider::Gemini) << false;
        QTest::newRow("openai redirect") << int(LlmProvider::OpenAiCompatible) << true;
        QTest::newRow("gemini redirect") << int(LlmProvider::Gemini) << true;
    }
    void settingsDialogLlmTest() {
        QFETCH(int, provider);
        QFETCH(bool, redirect);
        test::FakeLlmServer server;
        test::FakeLlmServer elsewhere;
        server.handler = [&](const test::RecordedRequest&) {
            return redirect ? redirectTo(elsewhere) : keyRejected();
        };
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto* combo = d.findChild<QComboBox*>(u"providerCombo"_s);
        combo->setCurrentIndex(combo->findData(provider));
        QUrl base = server.baseUrl();
        if (provider == int(LlmProvider::Gemini))
            base.setPath(QString());
        d.findChild<QLineEdit*>(u"baseUrlEdit"_s)->setText(base.toString());
        d.findChild<QLineEdit*>(u"apiKeyEdit"_s)->setText(ApiKey);
        QSignalSpy finished(&d, &SettingsDialog::llmTestFinished);
        QTest::mouseClick(d.findChild<QPushButton*>(u"llmTestButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(server.requests.size(), 1);
        const QString text = d.llmTestText();
        if (redirect) {
            QVERIFY2(text.contains(u"another address"_s), qPrintable(text));
            QVERIFY2(!keyReached(elsewhere), "the API key followed a redirect to another host");
        } else {
            QVERIFY2(text.contains(u"rejected"_s), qPrintable(text));
        }
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
    }

    // The conversation panel: a turn that fails on a key the server quotes, or
    // on a redirect elsewhere; the note under the box says why, without the key.
    void conversationPanelFailedTurn_data() {
        QTest::addColumn<int>("provider");
        QTest::addColumn<bool>("redirect");
        QTest::newRow("openai 401") << int(llm::Provider::OpenAiCompatible) << false;
        QTest::newRow("gemini 401") << int(llm::Provider::Gemini) << false;
        QTest::newRow("openai redirect") << int(llm::Provider::OpenAiCompatible) << true;
        QTest::newRow("gemini redirect") << int(llm::Provider::Gemini) << true;
    }
    void conversationPanelFailedTurn() {
        QFETCH(int, provider);
        QFETCH(bool, redirect);
        test::TempDatabase tmp(u"sqlite"_s);
        DatabaseService service(tmp.url(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(service.state() == DatabaseService::State::Connected, 30000);
        auto db = tmp.connect();
        const User user = UserRepository(*db).create(u"erin"_s);
        Trip draft;
        draft.title = u"Summer"_s;
        const Trip trip = TripRepository(*db, user.id).create(draft);

        test::FakeLlmServer server;
        test::FakeLlmServer elsewhere;
        server.handler = [&](const test::RecordedRequest&) {
            return redirect ? redirectTo(elsewhere) : keyRejected();
        };
        llm::ProviderConfig config;
        config.provider = llm::Provider(provider);
        QUrl base = server.baseUrl();
        if (config.provider == llm::Provider::Gemini)
            base.setPath(u"/v1beta"_s);
        config.baseUrl = base;
        config.model = u"test-model"_s;
        config.apiKey = ApiKey;
        config.maxAttempts = 1;
        config.backoffBaseMs = 10;
        conversation::ConversationService planner(tmp.url(), user.id, config);
        app::Workspace workspace(&service, user.username);
        workspace.adoptUser(user);
        ui::ConversationPanel panel(&workspace);
        panel.resize(800, 700);
        panel.show();
        panel.showTrip(TripRepository(*db, user.id).open(trip.id));
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        workspace.usePlanner(&planner);
        QSignalSpy failed(&planner, &conversation::ConversationService::turnFailed);
        auto* input = panel.findChild<QPlainTextEdit*>(u"messageInput"_s);
        input->setPlainText(u"A beach holiday"_s);
        QTest::mouseClick(panel.findChild<QPushButton*>(u"send"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        const QString note = panel.findChild<QLabel*>(u"inputNote"_s)->text();
        QTRY_VERIFY(!panel.findChild<QLabel*>(u"inputNote"_s)->text().isEmpty());
        QVERIFY2(note.startsWith(u"Not sent"_s), qPrintable(note));
        QVERIFY(server.requests.size() >= 1);
        if (redirect)
            QVERIFY2(!keyReached(elsewhere), "the API key followed a redirect to another host");
        QVERIFY2(secretOnScreen().isEmpty(), qPrintable(secretOnScreen()));
        workspace.usePlanner(nullptr);
    }

    void cleanupTestCase() {
        m_boxWatcher.stop();
        const SecretStore store;
        test::removeSecret(store, store.databasePasswordKey());
        const QStringList hits =
            test::filesContaining(test::IsolatedHome::root(), QString::fromLatin1(test::SecretMarker));
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u", "_s)));
    }
};

TP_ISOLATED_TEST_MAIN(TestWindowSecrets, QApplication)
#include "tst_keychain_window_secrets.moc"
