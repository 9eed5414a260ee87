// SPDX-License-Identifier: GPL-3.0-or-later
#include "TileNetwork.h"

#include <QCoreApplication>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QPointer>

namespace tp::ui {

TileNetwork* TileNetwork::forCacheDirectory(const QString& directory, qint64 maxBytes) {
    static QHash<QString, QPointer<TileNetwork>> networks;
    QPointer<TileNetwork>& network = networks[directory];
    if (!network)
        network = new TileNetwork(directory, maxBytes, QCoreApplication::instance());
    return network;
}

TileNetwork::TileNetwork(const QString& directory, qint64 maxBytes, QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_cache(new QNetworkDiskCache(this)) {
    m_cache->setCacheDirectory(directory);
    m_cache->setMaximumCacheSize(maxBytes);
    m_manager->setCache(m_cache);
    m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

bool TileNetwork::acquire(int limit) {
    if (m_inFlight >= limit)
        return false;
    ++m_inFlight;
    return true;
}

void TileNetwork::release() {
    if (m_inFlight > 0)
        --m_inFlight;
    Q_EMIT slotFreed();
}

} // namespace tp::ui
