// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/Mercator.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QNetworkAccessManager;
class QNetworkDiskCache;
class QNetworkReply;

namespace tp::ui {

class TileNetwork;

// Where online raster tiles come from and how they are fetched. The defaults
// follow the OpenStreetMap tile usage policy.
struct TileSourceConfig {
    QString urlTemplate = QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    QString attribution = QStringLiteral("© OpenStreetMap contributors");
    QString userAgent;      // empty: "TripPlanner/<application version> (desktop trip planner)"
    QString cacheDirectory; // empty: <CacheLocation>/tiles
    qint64 cacheBytes = 200LL * 1024 * 1024;
    int maxConcurrent = 2; // requests in flight at once, for all the maps sharing the cache folder
    int minCacheDays = 7;  // a cached tile younger than this is used without asking the server
    int maxZoom = 19;
    int memoryTiles = 256; // decoded tiles kept in memory
};

QString defaultUserAgent();

// Fetches raster tiles asynchronously on the thread it lives on (the GUI
// thread; nothing blocks). Only tiles asked for by want() are requested (the
// visible ones: no prefetch), at most maxConcurrent at a time across every
// map of the app (TileNetwork). Responses are kept in one QNetworkDiskCache
// per cache folder by their HTTP headers, and for at least
// minCacheDays. No no-cache header is ever sent. Failures are silent: the tile
// is retried after a back-off and the map shows its basemap meanwhile.
class TileFetcher : public QObject {
    Q_OBJECT
public:
    explicit TileFetcher(const TileSourceConfig& config = {}, QObject* parent = nullptr);
    ~TileFetcher() override;

    const TileSourceConfig& config() const { return m_config; }

    // A decoded tile, or a null image while it is not (yet) available.
    QImage tile(const geo::TileId& id) const;
    // Replaces the wanted set: queued tiles that are no longer wanted are dropped,
    // missing ones are queued (in the given order, most important first).
    void want(const QList<geo::TileId>& tiles);

    int requestsStarted() const { return m_started; }
    int inFlight() const { return int(m_inFlight.size()); }
    int failures() const { return m_failures; }
    // True after a run of failures (no network, server down): requests pause.
    bool isOffline() const;

signals:
    void tileReady(const geo::TileId& id);
    void offlineChanged(bool offline);

private:
    void pump();
    void start(const geo::TileId& id);
    void finished(QNetworkReply* reply, const geo::TileId& id);

    TileSourceConfig m_config;
    QPointer<TileNetwork> m_network; // shared by the maps using the same cache folder
    QNetworkAccessManager* m_nam = nullptr;
    QNetworkDiskCache* m_diskCache = nullptr;
    QCache<geo::TileId, QImage> m_memory;
    QList<geo::TileId> m_queue;
    QHash<geo::TileId, QNetworkReply*> m_inFlight;
    QHash<geo::TileId, QDateTime> m_retryAfter;
    int m_started = 0;
    int m_failures = 0;
    int m_failuresInARow = 0;
    QDateTime m_pausedUntil;
};

} // namespace tp::ui
