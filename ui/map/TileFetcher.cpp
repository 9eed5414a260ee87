// SPDX-License-Identifier: GPL-3.0-or-later
#include "TileFetcher.h"

#include "TileNetwork.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkCacheMetaData>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
constexpr int FailuresBeforeOffline = 3;
constexpr int OfflinePauseSeconds = 60;
constexpr int TileRetrySeconds = 120;

// An HTTP date as servers send it (RFC 9110's IMF-fixdate, "Sun, 06 Nov 1994
// 08:49:37 GMT"). Qt::RFC2822Date does not take the "GMT" zone name, which is
// the only one HTTP allows, so it is read by its fixed format.
QDateTime httpDate(const QByteArray& value) {
    QDateTime d =
        QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    if (d.isValid()) {
        d.setTimeSpec(Qt::UTC);
        return d;
    }
    return QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date); // "+0000" and the like
}

// When the server produced the cached response ("Date" header), or when it was stored.
QDateTime cachedAt(const QNetworkCacheMetaData& meta) {
    for (const auto& [name, value] : meta.rawHeaders()) {
        if (name.compare("date", Qt::CaseInsensitive) == 0) {
            const QDateTime d = httpDate(value);
            if (d.isValid())
                return d;
        }
    }
    return meta.lastModified();
}
} // namespace

QString defaultUserAgent() {
    QString version = QCoreApplication::applicationVersion();
    if (version.isEmpty())
        version = u"0.1.0"_s;
    return u"TripPlanner/%1 (desktop trip planner)"_s.arg(version);
}

TileFetcher::TileFetcher(const TileSourceConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config) {
    if (m_config.userAgent.isEmpty())
        m_config.userAgent = defaultUserAgent();
    if (m_config.cacheDirectory.isEmpty())
        m_config.cacheDirectory =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/tiles"_s;
    m_config.maxConcurrent = std::max(1, m_config.maxConcurrent);
    m_network = TileNetwork::forCacheDirectory(m_config.cacheDirectory, m_config.cacheBytes);
    m_nam = m_network->manager();
    m_diskCache = m_network->diskCache();
    // Another map's finished request may be this one's turn.
    connect(m_network, &TileNetwork::slotFreed, this, &TileFetcher::pump);
    m_memory.setMaxCost(std::max(16, m_config.memoryTiles));
}

TileFetcher::~TileFetcher() {
    // Freed slots must not restart this fetcher while it goes.
    m_queue.clear();
    if (m_network)
        disconnect(m_network, nullptr, this, nullptr);
    const auto replies = m_inFlight.values();
    m_inFlight.clear();
    for (QNetworkReply* r : replies) {
        r->disconnect(this);
        r->abort();
        r->deleteLater();
        if (m_network)
            m_network->release();
    }
}

QImage TileFetcher::tile(const geo::TileId& id) const {
    if (const QImage* img = m_memory.object(id))
        return *img;
    return {};
}

bool TileFetcher::isOffline() const {
    return m_pausedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_pausedUntil;
}

void TileFetcher::want(const QList<geo::TileId>& tiles) {
    m_queue.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const geo::TileId& t : tiles) {
        if (!t.isValid() || t.z > m_config.maxZoom || m_memory.contains(t) || m_inFlight.contains(t))
            continue;
        if (const auto it = m_retryAfter.constFind(t); it != m_retryAfter.constEnd() && now < *it)
            continue;
        if (!m_queue.contains(t))
            m_queue.append(t);
    }
    pump();
}

void TileFetcher::pump() {
    if (isOffline())
        return;
    // The limit is the app's (every map shares the slots), not this map's alone.
    while (!m_queue.isEmpty() && m_network && m_network->acquire(m_config.maxConcurrent))
        start(m_queue.takeFirst());
}

void TileFetcher::start(const geo::TileId& id) {
    const QUrl url(geo::tileUrl(m_config.urlTemplate, id));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, true);
    // By the HTTP headers (PreferNetwork answers from the cache while the entry is
    // fresh and revalidates it after); a tile younger than minCacheDays is used
    // from the cache whatever its headers say. That takes AlwaysCache: Qt's HTTP
    // access treats PreferCache like PreferNetwork and asks the server again once
    // the entry's own lifetime is over (tests/map/tst_mapwidget, cachedAtLeastSevenDays).
    auto load = QNetworkRequest::PreferNetwork;
    const QNetworkCacheMetaData meta = m_diskCache->metaData(url);
    if (meta.isValid()) {
        const QDateTime at = cachedAt(meta);
        if (at.isValid() &&
            at.secsTo(QDateTime::currentDateTimeUtc()) < qint64(m_config.minCacheDays) * 86400)
            load = QNetworkRequest::AlwaysCache;
    }
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, load);
    req.setTransferTimeout(30000);
    QNetworkReply* reply = m_nam->get(req);
    m_inFlight.insert(id, reply);
    ++m_started;
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] { finished(reply, id); });
}

void TileFetcher::finished(QNetworkReply* reply, const geo::TileId& id) {
    reply->deleteLater();
    if (m_inFlight.value(id) != reply)
        return;
    m_inFlight.remove(id);
    // Given back after this reply is handled: pump() below, and other maps, may use it.
    const auto releaseSlot = qScopeGuard([this] {
        if (m_network)
            m_network->release();
    });
    // An entry evicted between the look-up and the load: ask the server instead.
    if (reply->error() == QNetworkReply::ContentNotFoundError &&
        reply->request().attribute(QNetworkRequest::CacheLoadControlAttribute).toInt() ==
            QNetworkRequest::AlwaysCache) {
        m_diskCache->remove(reply->url());
        m_queue.prepend(id); // started again when the slot is given back (slotFreed)
        return;
    }
    QImage img;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 0 || status == 304))
        img.loadFromData(reply->readAll());
    if (img.isNull()) {
        ++m_failures;
        m_retryAfter.insert(id, QDateTime::currentDateTimeUtc().addSecs(TileRetrySeconds));
        const bool networkDown = reply->error() != QNetworkReply::NoError && status == 0;
        if (networkDown && ++m_failuresInARow >= FailuresBeforeOffline && !isOffline()) {
            m_pausedUntil = QDateTime::currentDateTimeUtc().addSecs(OfflinePauseSeconds);
            m_queue.clear();
            Q_EMIT offlineChanged(true);
            QTimer::singleShot(OfflinePauseSeconds * 1000, this, [this] { Q_EMIT offlineChanged(false); });
        }
    } else {
        m_failuresInARow = 0;
        m_retryAfter.remove(id);
        m_memory.insert(id, new QImage(img.convertToFormat(QImage::Format_ARGB32_Premultiplied)));
        Q_EMIT tileReady(id);
    }
    pump();
}

} // namespace tp::ui
