#include "GeocodingService.h"

#include "db/Database.h"
#include "domain/Error.h"
#include "llm/LlmTypes.h"
#include "repo/GeocodeCacheRepository.h"

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
        return u"The online search service asks this app to slow down (HTTP 429). Try again in a "
               u"minute; the offline gazetteer (Find coordinates) still works."_s;
    if (status == 403)
        return u"The online search service refused the request (HTTP 403); its usage policy may "
               u"have blocked this address. The offline gazetteer (Find coordinates) still works."_s;
    if (status >= 400)
        return u"The online search service answered with an error (HTTP %1). Try again later; the "
               u"offline gazetteer (Find coordinates) still works."_s.arg(status);
    if (reply->error() == QNetworkReply::OperationCanceledError ||
        reply->error() == QNetworkReply::TimeoutError)
        return u"The online search service did not answer in time. Check the network, or use the "
               u"offline gazetteer (Find coordinates)."_s;
    return u"The online search service could not be reached (%1). Check the network, or use the "
           u"offline gazetteer (Find coordinates)."_s.arg(reply->errorString());
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
        const auto wait = RequestThrottle::nominatim().reserve();
        QTimer::singleShot(wait, this, [this, pending] { send(pending); });
    }

private:
    // A cache that cannot be read (a dropped connection) is passed over: the
    // question then goes to the service, which is still within the policy.
    std::optional<QList<OnlinePlace>> fromCache(const GeocodeAnswer& q) {
        try {
            return GeocodeCacheRepository(database()).find(q.query, q.countryCode);
        } catch (const Error& e) {
            qWarning("geocoding: the cache could not be read: %s", qUtf8Printable(e.message()));
            return std::nullopt;
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
        const QString language = m_config.language.isEmpty() ? QLocale().bcp47Name() : m_config.language;
        QNetworkRequest request(
            nominatimSearchUrl(m_config.baseUrl, pending.query, pending.countryCode, language));
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          m_config.userAgent.isEmpty() ? llm::userAgent() : m_config.userAgent);
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
        try {
            GeocodeCacheRepository(database()).store(answer.query, answer.countryCode, answer.places);
        } catch (const Error& e) {
            qWarning("geocoding: the answer could not be cached: %s", qUtf8Printable(e.message()));
        }
        deliver(answer);
    }

    void deliver(const GeocodeAnswer& answer) {
        // Dropped by Qt if the service is gone (it outlives this thread anyway).
        QMetaObject::invokeMethod(
            m_service, [s = m_service, answer] { Q_EMIT s->answered(answer); }, Qt::QueuedConnection);
    }

    DatabaseUrl m_url;
    GeocoderConfig m_config;
    GeocodingService* m_service;
    std::unique_ptr<Database> m_db;
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
        pending.error = u"Type a place name to search for."_s;
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
