// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLocalServer;

namespace tp::ui {

// One window per profile and database: the first launch listens on a local
// socket (a Unix socket in the temporary folder, a named pipe on Windows) whose
// name comes from the application id, the OS user, the settings profile and the
// database; a later launch with the same key connects, asks the first to show
// its window, and exits instead of opening the same SQLite file a second time.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);

    // The key for a profile and database location (the URL without its
    // password: the socket's name is visible to every user of the machine).
    static QString keyFor(const QString& profile, const QString& databaseLocation);
    // The local server name for a key: short, and safe on every platform.
    static QString serverName(const QString& key);

    // True when this process is the first and now listens; false when another
    // instance answered and has been asked to raise its window. A socket left by
    // an instance that crashed is removed and taken over.
    bool claim();

Q_SIGNALS:
    // Another launch asked for this instance's window.
    void activationRequested();

private:
    void onNewConnection();

    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace tp::ui
