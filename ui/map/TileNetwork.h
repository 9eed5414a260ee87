// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QNetworkDiskCache;

namespace tp::ui {

// What every map of the app shares for one tile cache folder: one network
// manager with one QNetworkDiskCache (two caches on one folder would expire
// each other's files), and one count of tile requests in flight, so that the
// limit on concurrent requests holds for the whole app, not per map.
// GUI thread only; lives until the application object goes.
class TileNetwork : public QObject {
    Q_OBJECT
public:
    static TileNetwork* forCacheDirectory(const QString& directory, qint64 maxBytes);

    QNetworkAccessManager* manager() const { return m_manager; }
    QNetworkDiskCache* diskCache() const { return m_cache; }

    // Takes a request slot when fewer than `limit` requests are in flight.
    bool acquire(int limit);
    // Gives one back; slotFreed() tells the waiting fetchers.
    void release();
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    void slotFreed();

private:
    TileNetwork(const QString& directory, qint64 maxBytes, QObject* parent);

    QNetworkAccessManager* m_manager;
    QNetworkDiskCache* m_cache;
    int m_inFlight = 0;
};

} // namespace tp::ui
