#include "Nominatim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {
constexpr int ResultLimit = 5;

// Nominatim sends coordinates as strings with up to 7 decimals; the database keeps 6.
std::optional<Decimal> coordinate(const QJsonValue& v, double limit) {
    bool ok = false;
    const double d = v.isString() ? v.toString().toDouble(&ok) : v.toDouble();
    if (v.isDouble())
        ok = true;
    if (!ok || !std::isfinite(d) || std::abs(d) > limit)
        return std::nullopt;
    return Decimal::parse(QString::number(d, 'f', decimal_shape::CoordinateScale),
                          decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
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
            *error = u"The online search service sent an answer that is not a list of places."_s;
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

RequestThrottle& RequestThrottle::nominatim() {
    static RequestThrottle throttle(std::chrono::milliseconds(1000));
    return throttle;
}

std::chrono::milliseconds RequestThrottle::reserve() {
    const std::lock_guard lock(m_mutex);
    const Clock::time_point now = Clock::now();
    const Clock::time_point start = std::max(now, m_next);
    m_next = start + m_interval;
    return std::chrono::ceil<std::chrono::milliseconds>(start - now);
}

void RequestThrottle::backOff(std::chrono::milliseconds pause) {
    const std::lock_guard lock(m_mutex);
    m_next = std::max(m_next, Clock::now() + pause);
}

} // namespace tp::geo
