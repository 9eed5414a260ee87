// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Settings.h"

#include <QString>
#include <functional>

class QObject;

// Secrets (the database password, API keys) in the OS keychain through
// QtKeychain: Secret Service or KWallet on Linux, Credential Manager on
// Windows, the Keychain on macOS. Keys name the app and the profile
// ("TripPlanner/default/database-password") because Windows ignores the
// service name.
//
// QtKeychain's jobs must run on the application's main thread. Two APIs:
// - asynchronous (readAsync, writeAsync, removeAsync, probeAsync), for the GUI:
//   the job starts on the main thread's event loop and `done` runs later on
//   the context object's thread, never after the context is destroyed. No
//   event loop is nested, so nothing else runs in the middle of the caller.
// - synchronous (read, write, remove, probe), for the CLI and worker threads:
//   on the main thread of a non-GUI application a call runs a local QEventLoop
//   until its job finishes; from any other thread the job is started on the
//   main thread's event loop and the caller waits for the answer, so the main
//   thread must not itself be blocked waiting for that worker. On the GUI's
//   main thread it is a programming error (asserted): a nested loop there lets
//   queued slots, timers and database results run inside a click handler.
//
// When no keychain is available nothing is stored anywhere. The caller may
// then, after the user explicitly agrees, keep a secret in memory for the
// running process only (setSessionSecret); reads return such a session
// secret first. There is no plain-text fallback.
namespace tp {

enum class SecretName { DatabasePassword, LlmApiKey };

struct SecretResult {
    enum class Status {
        Ok,          // done; for a read, value holds the secret
        NotFound,    // no secret under this key (reading or clearing)
        Unavailable, // no keychain (no session bus, no secret service, locked, access refused)
        Failed,      // the keychain answered with another error
    };
    Status status = Status::Failed;
    QString value;   // the secret (reads only); never log it
    QString message; // what happened, in words, without the secret
    bool fromSession = false;
    bool ok() const { return status == Status::Ok; }
};

class SecretStore {
public:
    explicit SecretStore(const QString& profile = QString::fromLatin1(Settings::DefaultProfile));

    // "TripPlanner/<profile>/database-password", "TripPlanner/<profile>/llm-api-key/<provider>".
    QString key(SecretName name, LlmProvider provider = LlmProvider::Offline) const;
    QString databasePasswordKey() const { return key(SecretName::DatabasePassword); }
    QString llmApiKeyKey(LlmProvider provider) const { return key(SecretName::LlmApiKey, provider); }
    // The CLI's names: "database-password", "llm-api-key".
    static std::optional<SecretName> nameFromId(const QString& id);

    SecretResult read(const QString& key) const;
    SecretResult write(const QString& key, const QString& value) const;
    // Removes the secret from the keychain and from the session; NotFound is not an error for callers that
    // only want it gone.
    SecretResult remove(const QString& key) const;

    // Whether the keychain answers at all (reads a key that need not exist).
    SecretResult probe() const;

    // The same, asynchronous. Callable from any thread; `done` is called once,
    // queued on `context`'s thread (never from inside the call), unless
    // `context` is destroyed first. A job that does not answer within the
    // timeout is answered Unavailable; its late answer is ignored.
    using Done = std::function<void(const SecretResult&)>;
    void readAsync(const QString& key, QObject* context, Done done) const;
    void writeAsync(const QString& key, const QString& value, QObject* context, Done done) const;
    void removeAsync(const QString& key, QObject* context, Done done) const;
    void probeAsync(QObject* context, Done done) const;

    // The session-only fallback, used only after the user accepted it: kept in
    // this process's memory, never written anywhere, gone when the app quits.
    static void setSessionSecret(const QString& key, const QString& value);
    static void clearSessionSecret(const QString& key);
    static bool hasSessionSecret(const QString& key);
    static void clearAllSessionSecrets();

    // The service name given to the keychain ("TripPlanner").
    static QString serviceName();
    // How long a keychain job may take before it counts as unavailable (a
    // prompt nobody answers). Default 60 s.
    static void setTimeoutMs(int ms);

private:
    QString m_profile;
};

} // namespace tp
