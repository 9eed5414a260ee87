// SPDX-License-Identifier: GPL-3.0-or-later
#include "Nominatim.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {
constexpr int ResultLimit = 5;

// Nominatim sends coordinates as strings ("47.3769172"); numbers are taken too.
std::optional<Decimal> coordinate(const QJsonValue& v, int limit) {
    if (v.isString())
        return roundedCoordinate(v.toString(), limit);
    if (v.isDouble() && std::isfinite(v.toDouble()))
        return roundedCoordinate(QString::number(v.toDouble(), 'f', 7), limit);
    return std::nullopt;
}
} // namespace

QUrl nominatimSearchUrl(const QString& baseUrl, const QString& query, const QString& countryCode,
                        const QString& language) {
    QString base = baseUrl.trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    QUrl url(base + u"/search"_s);
    QUrlQuery q;
    q.addQueryItem(u"q"_s, query.simplified());
    q.addQueryItem(u"format"_s, u"jsonv2"_s);
    q.addQueryItem(u"addressdetails"_s, u"1"_s);
    q.addQueryItem(u"limit"_s, QString::number(ResultLimit));
    if (countryCode.size() == 2)
        q.addQueryItem(u"countrycodes"_s, countryCode.toLower());
    if (!language.isEmpty())
        q.addQueryItem(u"accept-language"_s, language);
    url.setQuery(q);
    return url;
}

QList<OnlinePlace> parseNominatimResults(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = QCoreApplication::translate(
                "tp::geo::GeocodingService", "The online search service sent an answer that is not a list of "
                                             "places.");
        return {};
    }
    QList<OnlinePlace> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        const auto lat = coordinate(o.value(u"lat"_s), 90);
        const auto lon = coordinate(o.value(u"lon"_s), 180);
        if (!lat || !lon)
            continue;
        OnlinePlace p;
        p.latitude = *lat;
        p.longitude = *lon;
        p.displayName = o.value(u"display_name"_s).toString().simplified();
        p.name = o.value(u"name"_s).toString().simplified();
        if (p.name.isEmpty())
            p.name = p.displayName.section(u',', 0, 0).trimmed();
        p.kind = o.value(u"type"_s).toString();
        p.countryCode = o.value(u"address"_s).toObject().value(u"country_code"_s).toString().toUpper();
        if (p.countryCode.size() != 2)
            p.countryCode.clear();
        out << p;
    }
    return out;
}

QByteArray encodePlaces(const QList<OnlinePlace>& places) {
    QJsonArray a;
    for (const OnlinePlace& p : places)
        a.append(QJsonObject{{u"name"_s, p.name},
                             {u"display_name"_s, p.displayName},
                             {u"country_code"_s, p.countryCode},
                             {u"type"_s, p.kind},
                             {u"lat"_s, p.latitude.toString()},
                             {u"lon"_s, p.longitude.toString()}});
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QList<OnlinePlace> decodePlaces(const QByteArray& json) {
    // The cached form is the API's own field names, with an address-less country code.
    QJsonArray in = QJsonDocument::fromJson(json).array();
    for (qsizetype i = 0; i < in.size(); ++i) {
        QJsonObject o = in[i].toObject();
        o.insert(u"address"_s, QJsonObject{{u"country_code"_s, o.value(u"country_code"_s)}});
        in[i] = o;
    }
    return parseNominatimResults(QJsonDocument(in).toJson(QJsonDocument::Compact));
}

std::optional<Decimal> roundedCoordinate(const QString& text, int limit) {
    static const QRegularExpression plain(u"^(-?)(\\d{1,3})(?:\\.(\\d+))?$"_s);
    const QRegularExpressionMatch m = plain.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    constexpr int Scale = decimal_shape::CoordinateScale;
    const QString fraction = m.captured(3);
    qint64 units =
        m.captured(2).toLongLong() * 1'000'000 + fraction.left(Scale).leftJustified(Scale, u'0').toLongLong();
    if (fraction.size() > Scale && fraction.at(Scale) >= u'5')
        ++units; // half away from zero, on the magnitude
    if (units > qint64(limit) * 1'000'000)
        return std::nullopt;
    return Decimal::fromUnits(m.captured(1).isEmpty() ? units : -units, Scale);
}

RequestThrottle& RequestThrottle::nominatim() {
    static RequestThrottle throttle(std::chrono::milliseconds(1000));
    return throttle;
}

RequestThrottle::Clock::time_point RequestThrottle::reserve() {
    const std::lock_guard lock(m_mutex);
    const Clock::time_point slot = std::max({m_now(), m_next, m_pausedUntil});
    m_next = slot + m_interval;
    return slot;
}

std::chrono::milliseconds RequestThrottle::waitFor(Clock::time_point& slot) {
    const std::lock_guard lock(m_mutex);
    Clock::time_point earliest = m_pausedUntil;
    if (m_lastSent)
        earliest = std::max(earliest, *m_lastSent + m_interval);
    if (slot < earliest) {
        // Later, keeping its place in the queue: the slots after it move in turn
        // when their time comes, each an interval after the send before it.
        slot = earliest;
        m_next = std::max(m_next, slot + m_interval);
    }
    const Clock::time_point now = m_now();
    if (slot > now)
        return std::chrono::ceil<std::chrono::milliseconds>(slot - now);
    m_lastSent = now;
    m_next = std::max(m_next, now + m_interval);
    return std::chrono::milliseconds(0);
}

void RequestThrottle::backOff(std::chrono::milliseconds pause) {
    const std::lock_guard lock(m_mutex);
    m_pausedUntil = std::max(m_pausedUntil, m_now() + pause);
}

} // namespace tp::geo
