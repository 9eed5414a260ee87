// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include "config/AppPaths.h"
#include "config/BuildInfo.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// The one request there is; anything else a client writes is ignored.
constexpr char ActivateRequest[] = "activate\n";
// Local sockets answer at once when the other side is alive; these bound the
// wait when it hangs, without delaying an ordinary start.
constexpr int ConnectTimeoutMs = 1000;
} // namespace

SingleInstance::SingleInstance(const QString& key, QObject* parent)
    : QObject(parent)
    , m_name(serverName(key)) {}

QString SingleInstance::keyFor(const QString& profile, const QString& databaseLocation) {
    return osUserName() + u'\n' + profile + u'\n' + databaseLocation;
}

QString SingleInstance::serverName(const QString& key) {
    // Hashed: keys hold paths and URLs, names must be short (Unix socket paths
    // are limited to about 100 bytes) and free of separators.
    const QByteArray digest =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return QString::fromLatin1(build::AppId) + u'-' + QString::fromLatin1(digest);
}

bool SingleInstance::claim() {
    {
        QLocalSocket socket;
        socket.connectToServer(m_name);
        if (socket.waitForConnected(ConnectTimeoutMs)) {
            socket.write(ActivateRequest);
            socket.waitForBytesWritten(ConnectTimeoutMs);
            socket.disconnectFromServer();
            return false;
        }
    }
    // Nobody answered: a socket file left behind by a crash is stale.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    // Only this user may connect (the folder may be shared, as /tmp is).
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // Without the server the app still runs; it just cannot be found by a second launch.
        qWarning("Trip Planner: cannot listen on %s (%s); a second launch will open a second window",
                 qPrintable(m_name), qPrintable(m_server->errorString()));
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

void SingleInstance::onNewConnection() {
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto readRequests = [this, socket] {
            while (socket->canReadLine()) {
                if (socket->readLine() == ActivateRequest)
                    Q_EMIT activationRequested();
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, readRequests);
        readRequests(); // what arrived with the connection
    }
}

} // namespace tp::ui
