// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Nominatim.h"
#include "db/DatabaseUrl.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace tp::geo {

struct GeocoderConfig {
    QString baseUrl;      // the Nominatim server, e.g. https://nominatim.openstreetmap.org
    QByteArray userAgent; // empty: the app's own ("TripPlanner/<version> ...")
    QString language;     // Accept-Language of the answers; empty: the UI locale's
    int timeoutMs = 20000;
};

struct GeocodeAnswer {
    quint64 requestId = 0;
    QString query;
    QString countryCode;
    QList<OnlinePlace> places; // best first; empty: nothing found
    bool fromCache = false;
    QString error; // not empty: the search failed, in words for the user
};

// Online place search for the destination editor. It owns a thread (quit and
// joined in the destructor) on which a worker keeps its own database connection
// and network manager: the cache is read first; a question not cached is sent
// to Nominatim through the app-wide one-request-per-second throttle, and the
// answer is cached before it is delivered. Every call returns at once.
class GeocodingService : public QObject {
    Q_OBJECT
public:
    GeocodingService(DatabaseUrl url, GeocoderConfig config, QObject* parent = nullptr);
    ~GeocodingService() override;

    // answered() follows, with the id returned here.
    quint64 search(const QString& text, const QString& countryCode = {});
    void setConfig(const GeocoderConfig& config);

Q_SIGNALS:
    void answered(const tp::geo::GeocodeAnswer& answer);

private:
    class Worker;
    QThread m_thread;
    QPointer<Worker> m_worker;
    quint64 m_nextId = 1;
};

} // namespace tp::geo

Q_DECLARE_METATYPE(tp::geo::GeocodeAnswer)
