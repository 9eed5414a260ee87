#pragma once

#include "domain/Decimal.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <mutex>

// The OpenStreetMap Nominatim search API, as the usage policy allows it
// (https://operations.osmfoundation.org/policies/nominatim/): at most one
// request per second for the whole application, an identifying User-Agent,
// results cached (GeocodeCacheRepository), and never a search per keystroke:
// the app only searches when the user asks for it.
namespace tp::geo {

// One answer of the online geocoder.
struct OnlinePlace {
    QString name;        // "Valencia"
    QString displayName; // "València, Comarca de València, Valencian Community, Spain"
    QString countryCode; // ISO alpha-2, upper case; empty when the service gave none
    QString kind;        // Nominatim's type: "city", "town", "administrative", ...
    Decimal latitude;    // rounded to the database's NUMERIC(9, 6)
    Decimal longitude;
    bool operator==(const OnlinePlace&) const = default;
};

// GET <base>/search?q=...&format=jsonv2&addressdetails=1&limit=5[&countrycodes=xx]&accept-language=...
QUrl nominatimSearchUrl(const QString& baseUrl, const QString& query, const QString& countryCode,
                        const QString& language);
// Parses a jsonv2 search answer. Entries without usable coordinates are
// skipped; on malformed JSON `error` is set and the list is empty.
QList<OnlinePlace> parseNominatimResults(const QByteArray& json, QString* error = nullptr);
// The cache's form of a list of places (a JSON array), and back.
QByteArray encodePlaces(const QList<OnlinePlace>& places);
QList<OnlinePlace> decodePlaces(const QByteArray& json);

// Spaces requests to one service at least `interval` apart, across every
// thread of the process. reserve() books the next free slot and says how long
// to wait for it; callers wait that long (on a timer, never blocking) and send.
class RequestThrottle {
public:
    explicit RequestThrottle(std::chrono::milliseconds interval)
        : m_interval(interval) {}
    // The process-wide throttle for Nominatim: one request per second.
    static RequestThrottle& nominatim();

    std::chrono::milliseconds reserve();
    // After the service said "too many requests": nothing is sent for `pause`.
    void backOff(std::chrono::milliseconds pause);
    std::chrono::milliseconds interval() const { return m_interval; }

private:
    using Clock = std::chrono::steady_clock;
    std::mutex m_mutex;
    const std::chrono::milliseconds m_interval;
    Clock::time_point m_next{};
};

} // namespace tp::geo
