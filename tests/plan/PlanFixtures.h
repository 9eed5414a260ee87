// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanTypes.h"

// Small builders for the plan tests: values written as a person would type them.
namespace tp::test {

inline Decimal dec(const char* text, int scale = 2, int precision = 14) {
    return *Decimal::parse(QString::fromLatin1(text), precision, scale);
}

inline plan::Place place(const QString& name, const char* lat = nullptr, const char* lon = nullptr,
                         const QString& zone = {}) {
    plan::Place p;
    p.name = name;
    if (lat)
        p.latitude = dec(lat, 6, 9);
    if (lon)
        p.longitude = dec(lon, 6, 9);
    p.zone = zone;
    return p;
}

inline plan::Leg leg(const QString& id, const QString& fromZone, const char* depart, const QString& toZone,
                     const char* arrive) {
    plan::Leg l;
    l.id = id;
    l.from.place = place(QStringLiteral("From"), nullptr, nullptr, fromZone);
    l.to.place = place(QStringLiteral("To"), nullptr, nullptr, toZone);
    const QDateTime d = QDateTime::fromString(QString::fromLatin1(depart), Qt::ISODate);
    const QDateTime a = QDateTime::fromString(QString::fromLatin1(arrive), Qt::ISODate);
    l.from.date = d.date();
    l.from.time = d.time();
    l.to.date = a.date();
    l.to.time = a.time();
    return l;
}

inline plan::Stay stay(const QString& id, const char* in, const char* out) {
    plan::Stay s;
    s.id = id;
    s.name = QStringLiteral("Stay ") + id;
    s.checkIn = QDate::fromString(QString::fromLatin1(in), Qt::ISODate);
    s.checkOut = QDate::fromString(QString::fromLatin1(out), Qt::ISODate);
    return s;
}

inline plan::Activity activity(const QString& id, const char* date, const char* start = nullptr,
                               const char* end = nullptr) {
    plan::Activity a;
    a.id = id;
    a.title = QStringLiteral("Activity ") + id;
    if (date)
        a.date = QDate::fromString(QString::fromLatin1(date), Qt::ISODate);
    if (start)
        a.start = QTime::fromString(QString::fromLatin1(start), QStringLiteral("HH:mm"));
    if (end)
        a.end = QTime::fromString(QString::fromLatin1(end), QStringLiteral("HH:mm"));
    return a;
}

} // namespace tp::test
