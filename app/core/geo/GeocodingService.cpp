// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeocodingService.h"

#include "GeocodeCache.h"
#include "db/Database.h"
#include "domain/AppIdentity.h"
#include "domain/Error.h"
#include "repo/GeocodeCacheRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace tp::geo {

namespace {
// How long nothing is sent after the service answered "429 Too Many Requests".
constexpr auto TooManyRequestsPause = 60s;

QString failureText(QNetworkReply* reply, int status) {
    if (status == 429)
        return QCoreApplication::translate(
            "tp::geo::GeocodingService",
            "The online search service asks this app to slow down (HTTP 429). Try "
            "again in a minute; the offline gazetteer (Find "
            "coordinates) still works.");
    if (status == 403)
        return QCoreApplication::translate(
            "tp::geo::GeocodingService",
            "The online search service refused the request (HTTP 403); its usage "
            "policy may have blocked this address. The offline "
            "gazetteer (Find coordinates) still works.");
    if (status >= 400)
        return QCoreApplication::translate(
                   "tp::geo::GeocodingService",
                   "The online search service answered with an error (HTTP %1). Try again "
                   "later; the offline gazetteer (Find coordinates) still "
                   "works.")
            .arg(status);
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError)
        return QCoreApplication::translate(
            "tp::geo::GeocodingService",
            "The online search service did not answer in time. Check the network, or "
            "use the offline gazetteer (Find coordinates).");
    return QCoreApplication::translate(
               "tp::geo::GeocodingService",
               "The online search service could not be reached (%1). Check the network, or "
               "use the offline gazetteer (Find coordinates).")
        .arg(reply->errorString());
}
} // namespace

class GeocodingService::Worker : public QObject {
public:
    Worker(DatabaseUrl url, GeocoderConfig config, GeocodingService* service)
        : m_url(std::move(url))
        , m_config(std::move(config))
        , m_service(service) {}

    void setConfig(const GeocoderConfig& config) { m_config = config; }

    void search(GeocodeAnswer pending) {
        if (auto cached = fromCache(pending)) {
            pending.places = *cached;
            pending.fromCache = true;
            deliver(pending);
            return;
        }
        whenSlotComes(pending, RequestThrottle::nominatim().reserve());
    }

private:
    QString language() const {
        return m_config.language.isEmpty() ? QLocale().bcp47Name() : m_config.language;
    }
    GeocodeCacheRepository cacheRows() {
        return GeocodeCacheRepository(database(), m_config.baseUrl, language());
    }

    // Sends when the booked slot comes, checking again then: a back-off (HTTP
    // 429) that began meanwhile moves the slot.
    void whenSlotComes(const GeocodeAnswer& pending, RequestThrottle::Clock::time_point slot) {
        const auto wait = RequestThrottle::nominatim().waitFor(slot);
        if (wait.count() == 0) {
            send(pending);
            return;
        }
        QTimer::singleShot(wait, Qt::PreciseTimer, this,
                           [this, pending, slot] { whenSlotComes(pending, slot); });
    }

    // A cache that cannot be read (the database is unreachable) is passed over,
    // and left alone for a minute so that each search does not wait for a
    // connection attempt: the question goes to the service, within the policy.
    std::optional<QList<OnlinePlace>> fromCache(const GeocodeAnswer& q) {
        if (m_cacheDownSince.isValid() && m_cacheDownSince.elapsed() < CacheRetryMs)
            return std::nullopt;
        try {
            GeocodeCacheRepository rows = cacheRows();
            auto found = GeocodeCache(rows).find(q.query, q.countryCode);
            m_cacheDownSince.invalidate();
            return found;
        } catch (const std::exception& e) { // tp::Error and anything else: a queued slot lets nothing escape
            m_cacheDownSince.start();
            qWarning("geocoding: the cache could not be read: %s", e.what());
            return std::nullopt;
        } catch (...) {
            m_cacheDownSince.start();
            qWarning("geocoding: the cache could not be read");
            return std::nullopt;
        }
    }

    void remember(const GeocodeAnswer& a) {
        if (m_cacheDownSince.isValid() && m_cacheDownSince.elapsed() < CacheRetryMs)
            return;
        try {
            GeocodeCacheRepository rows = cacheRows();
            GeocodeCache(rows).store(a.query, a.countryCode, a.places);
        } catch (const std::exception& e) {
            m_cacheDownSince.start();
            qWarning("geocoding: the answer could not be cached: %s", e.what());
        } catch (...) {
            m_cacheDownSince.start();
            qWarning("geocoding: the answer could not be cached");
        }
    }

    Database& database() {
        if (!m_db)
            m_db = std::make_unique<Database>(m_url);
        return *m_db;
    }

    void send(const GeocodeAnswer& pending) {
        if (!m_nam)
            m_nam = new QNetworkAccessManager(this);
        QNetworkRequest request(
            nominatimSearchUrl(m_config.baseUrl, pending.query, pending.countryCode, language()));
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          m_config.userAgent.isEmpty() ? appUserAgent() : m_config.userAgent);
        request.setRawHeader("Accept", "application/json");
        request.setTransferTimeout(m_config.timeoutMs);
        QNetworkReply* reply = m_nam->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, pending] {
            reply->deleteLater();
            finish(reply, pending);
        });
    }

    void finish(QNetworkReply* reply, GeocodeAnswer answer) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 429)
            RequestThrottle::nominatim().backOff(TooManyRequestsPause);
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            answer.error = failureText(reply, status);
            deliver(answer);
            return;
        }
        QString parseError;
        answer.places = parseNominatimResults(reply->readAll(), &parseError);
        if (!parseError.isEmpty()) {
            answer.error = parseError;
            deliver(answer);
            return;
        }
        deliver(answer); // first: the user does not wait for the cache
        remember(answer);
    }

    void deliver(const GeocodeAnswer& answer) {
        // Dropped by Qt if the service is gone (it outlives this thread anyway).
        QMetaObject::invokeMethod(
            m_service, [s = m_service, answer] { Q_EMIT s->answered(answer); }, Qt::QueuedConnection);
    }

    static constexpr qint64 CacheRetryMs = 60'000;
    DatabaseUrl m_url;
    GeocoderConfig m_config;
    GeocodingService* m_service;
    std::unique_ptr<Database> m_db;
    QElapsedTimer m_cacheDownSince; // invalid: the cache works
    QNetworkAccessManager* m_nam = nullptr;
};

GeocodingService::GeocodingService(DatabaseUrl url, GeocoderConfig config, QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<GeocodeAnswer>();
    m_thread.setObjectName(u"geocoding"_s);
    auto* worker = new Worker(std::move(url), std::move(config), this);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    // The worker, its connection and its network manager are deleted on their own thread.
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
}

GeocodingService::~GeocodingService() {
    m_thread.quit();
    m_thread.wait();
}

quint64 GeocodingService::search(const QString& text, const QString& countryCode) {
    GeocodeAnswer pending;
    pending.requestId = m_nextId++;
    pending.query = text.simplified();
    pending.countryCode = countryCode.trimmed().toUpper();
    if (pending.query.isEmpty()) {
        pending.error = tr("Type a place name to search for.");
        QMetaObject::invokeMethod(
            this, [this, pending] { Q_EMIT answered(pending); }, Qt::QueuedConnection);
        return pending.requestId;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, pending] {
            if (w)
                w->search(pending);
        },
        Qt::QueuedConnection);
    return pending.requestId;
}

void GeocodingService::setConfig(const GeocoderConfig& config) {
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, config] {
            if (w)
                w->setConfig(config);
        },
        Qt::QueuedConnection);
}

} // namespace tp::geo
