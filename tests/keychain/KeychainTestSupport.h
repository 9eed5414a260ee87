// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/AppPaths.h"
#include "config/SecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

// Helpers shared by the keychain and settings tests: a private HOME and XDG
// tree (so that no test touches the real user's settings or data), and a scan
// of files for a secret.
namespace tp::test {

// Every secret a test stores starts with this marker; with-secret-service.sh
// --scan-output fails the run when it appears in the test's output.
inline constexpr char SecretMarker[] = "TPSECRET";

inline QString secretValue(const char* suffix) {
    return QString::fromLatin1(SecretMarker) + QString::fromUtf8(suffix);
}

class IsolatedHome {
public:
    IsolatedHome() {
        m_dir.setAutoRemove(true);
        for (const char* sub : {"home", "config", "data", "cache"})
            QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
        qputenv("HOME", QFile::encodeName(m_dir.path() + QStringLiteral("/home")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path() + QStringLiteral("/config")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.path() + QStringLiteral("/data")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_dir.path() + QStringLiteral("/cache")));
        qunsetenv("DATABASE_URL");
        s_root = m_dir.path();
    }
    static QString root() { return s_root; }

private:
    QTemporaryDir m_dir;
    static inline QString s_root;
};

// The files under `dir` whose bytes contain `secret` (UTF-8 or UTF-16).
inline QStringList filesContaining(const QString& dir, const QString& secret) {
    QStringList hits;
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = f.readAll();
        if (data.contains(utf8) || data.contains(utf16))
            hits << path;
    }
    return hits;
}

// SecretStore's asynchronous calls, waited for with the event loop running:
// the GUI tests run on the GUI thread, where the synchronous API is not allowed.
inline SecretResult awaitSecret(const std::function<void(QObject*, SecretStore::Done)>& call,
                                int timeoutMs = 70000) {
    QObject context;
    std::optional<SecretResult> answer;
    call(&context, [&answer](const SecretResult& r) { answer = r; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs)) {
        SecretResult none;
        none.status = SecretResult::Status::Unavailable;
        none.message = QStringLiteral("The test got no answer from the keychain.");
        return none;
    }
    return *answer;
}
inline SecretResult readSecret(const SecretStore& store, const QString& key) {
    return awaitSecret([&](QObject* c, SecretStore::Done done) { store.readAsync(key, c, std::move(done)); });
}
inline SecretResult writeSecret(const SecretStore& store, const QString& key, const QString& value) {
    return awaitSecret(
        [&](QObject* c, SecretStore::Done done) { store.writeAsync(key, value, c, std::move(done)); });
}
inline SecretResult removeSecret(const SecretStore& store, const QString& key) {
    return awaitSecret(
        [&](QObject* c, SecretStore::Done done) { store.removeAsync(key, c, std::move(done)); });
}
inline SecretResult probeKeychain(const SecretStore& store = SecretStore()) {
    return awaitSecret([&](QObject* c, SecretStore::Done done) { store.probeAsync(c, std::move(done)); });
}

} // namespace tp::test

// A test main with a private home, the app's identity and, for widget tests, a QApplication.
#define TP_ISOLATED_TEST_MAIN(TestClass, AppClass)                                                           \
    int main(int argc, char* argv[]) {                                                                       \
        tp::test::IsolatedHome home;                                                                         \
        AppClass app(argc, argv);                                                                            \
        tp::setApplicationIdentity();                                                                        \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
