// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <chrono>
#include <mutex>
#include <optional>

// The OpenStreetMap Nominatim search API, as the usage policy allows it
// (https://operations.osmfoundation.org/policies/nominatim/): at most one
// request per second for the whole application, an identifying User-Agent,
// results cached (GeocodeCache), and never a search per keystroke:
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
// thread of the process. reserve() books the next free slot; the caller waits
// (on a timer, never blocking) until waitFor() says the slot has come, and
// sends at once: that call records the send, and a slot is never used sooner
// than `interval` after the last send, however late that one went out. A
// back-off after "too many requests" moves slots booked earlier.
class RequestThrottle {
public:
    using Clock = std::chrono::steady_clock;
    using Now = Clock::time_point (*)();

    explicit RequestThrottle(std::chrono::milliseconds interval, Now now = &Clock::now)
        : m_interval(interval)
        , m_now(now) {}
    // The process-wide throttle for Nominatim: one request per second.
    static RequestThrottle& nominatim();

    Clock::time_point reserve();
    // How long until the booked `slot` may be used. 0: now, and the send is
    // recorded. A back-off that began after the booking, or a late earlier
    // send, moves `slot`.
    std::chrono::milliseconds waitFor(Clock::time_point& slot);
    // After the service said "too many requests": nothing is sent for `pause`.
    void backOff(std::chrono::milliseconds pause);
    std::chrono::milliseconds interval() const { return m_interval; }

private:
    std::mutex m_mutex;
    const std::chrono::milliseconds m_interval;
    const Now m_now;
    Clock::time_point m_next{};
    Clock::time_point m_pausedUntil{};
    std::optional<Clock::time_point> m_lastSent;
};

// "47.3769172" as the database keeps it: 6 decimals, the 7th rounded half away
// from zero on the text itself (never through a binary double). nullopt for
// anything that is not a plain decimal within +-limit.
std::optional<Decimal> roundedCoordinate(const QString& text, int limit);

} // namespace tp::geo
