// SPDX-License-Identifier: GPL-3.0-or-later
#include "Planner.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace tp::conversation {

QJsonObject Recommendation::toJson() const {
    QJsonObject o{{u"name"_s, name}, {u"country"_s, country}, {u"description"_s, description}};
    if (!bestTimeToVisit.isEmpty())
        o.insert(u"best_time_to_visit"_s, bestTimeToVisit);
    if (latitude && longitude) {
        o.insert(u"latitude"_s, *latitude);
        o.insert(u"longitude"_s, *longitude);
    }
    if (dailyCostUsd)
        o.insert(u"average_cost_per_day"_s, *dailyCostUsd);
    return o;
}

Recommendation Recommendation::fromJson(const QJsonObject& o) {
    Recommendation r;
    r.name = o.value(u"name"_s).toString();
    r.country = o.value(u"country"_s).toString();
    r.description = o.value(u"description"_s).toString();
    r.bestTimeToVisit = o.value(u"best_time_to_visit"_s).toString();
    if (o.value(u"latitude"_s).isDouble() && o.value(u"longitude"_s).isDouble()) {
        r.latitude = o.value(u"latitude"_s).toDouble();
        r.longitude = o.value(u"longitude"_s).toDouble();
    }
    if (o.value(u"average_cost_per_day"_s).isDouble())
        r.dailyCostUsd = o.value(u"average_cost_per_day"_s).toDouble();
    return r;
}

QString Recommendation::label() const {
    return country.isEmpty() ? name : name + u", "_s + country;
}

PlannerError::PlannerError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_utf8(m_message.toUtf8()) {}

QString plannerErrorKindName(PlannerError::Kind kind) {
    switch (kind) {
    case PlannerError::Kind::NoKey:
        return u"no-key"_s;
    case PlannerError::Kind::KeyRejected:
        return u"key-rejected"_s;
    case PlannerError::Kind::QuotaExhausted:
        return u"quota-exhausted"_s;
    case PlannerError::Kind::Offline:
        return u"offline"_s;
    case PlannerError::Kind::Timeout:
        return u"timeout"_s;
    case PlannerError::Kind::Server:
        return u"server-error"_s;
    case PlannerError::Kind::BadRequest:
        return u"bad-request"_s;
    case PlannerError::Kind::Unusable:
        return u"unusable-answer"_s;
    case PlannerError::Kind::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

} // namespace tp::conversation
