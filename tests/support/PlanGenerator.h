// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanTypes.h"

#include <QDate>
#include <algorithm>
#include <cmath>

// The long plan the benchmarks measure (bench_plan, bench_plan_gui): a 30-day
// trip of 500 items, 10 stays of 3 nights, 60 legs (two a day), 400 activities
// (300 scheduled, 100 ideas) and 30 other costs. Other sizes keep these shares,
// with the stays still covering every night, so that 100 items is the same
// trip, only sparser.
namespace tp::test::plangen {

inline Decimal number(const char* text, int scale = 2, int precision = 14) {
    return *Decimal::parse(QString::fromLatin1(text), precision, scale);
}

inline plan::Place town(const QString& name, const char* lat, const char* lon, const QString& zone = {}) {
    plan::Place p;
    p.name = name;
    p.latitude = number(lat, 6, 9);
    p.longitude = number(lon, 6, 9);
    p.zone = zone;
    return p;
}

constexpr int Days = 30;

inline plan::Plan thirtyDays(const QDate& first, int items = 500) {
    using namespace Qt::StringLiterals;
    const auto share = [items](int of500) {
        return int(std::lround(double(of500) * items / 500));
    };
    const int stays = std::max(1, share(10));
    const int legs = share(60);
    const int other = share(30);
    const int activities = std::max(0, items - stays - legs - other);
    const int scheduled = activities - activities / 4; // a quarter are ideas

    plan::Plan p;
    p.budget.homeCurrency = u"EUR"_s;
    p.budget.rates << plan::ExchangeRate{u"USD"_s, number("0.923457", 6), first, {}};
    const int nights = Days / stays;
    for (int i = 0; i < stays; ++i) {
        plan::Stay s;
        s.id = u"stay-%1"_s.arg(i);
        s.name = u"Hotel %1"_s.arg(i);
        s.place = town(u"Town %1"_s.arg(i), "38.100000", "13.300000", u"Europe/Rome"_s);
        s.checkIn = first.addDays(nights * i);
        s.checkOut = i == stays - 1 ? first.addDays(Days) : s.checkIn.addDays(nights);
        s.price = plan::Money{number("120.00"), i % 2 ? u"USD"_s : u"EUR"_s};
        s.pricePerNight = true;
        p.stays << s;
    }
    for (int i = 0; i < legs; ++i) {
        plan::Leg l;
        l.id = u"leg-%1"_s.arg(i);
        l.from.place.name = u"From"_s;
        l.from.place.zone = u"Europe/Rome"_s;
        l.to.place.name = u"To"_s;
        l.to.place.zone = u"Europe/London"_s;
        l.from.date = first.addDays(i * Days / legs);
        l.to.date = l.from.date;
        l.from.time = QTime(8 + (i % 2) * 9, 0);
        l.to.time = l.from.time.addSecs(2 * 3600);
        l.cost = plan::Money{number("89.90"), u"EUR"_s};
        p.legs << l;
    }
    for (int i = 0; i < activities; ++i) {
        plan::Activity a;
        a.id = u"act-%1"_s.arg(i);
        a.title = u"Activity %1"_s.arg(i);
        if (i < scheduled) {
            a.date = first.addDays(i % Days);
            a.start = QTime(9 + (i / Days) % 10, 0);
            a.end = a.start.addSecs(45 * 60);
        }
        a.place = town(a.title, "38.110000", "13.350000");
        a.cost = plan::Money{number("12.50"), u"USD"_s};
        p.activities << a;
    }
    for (int i = 0; i < other; ++i)
        p.budget.other << plan::OtherCost{
            u"cost-%1"_s.arg(i), u"Extra %1"_s.arg(i), {number("5.00"), u"EUR"_s}, {}};
    return p;
}

inline int itemCount(const plan::Plan& p) {
    return int(p.stays.size() + p.legs.size() + p.activities.size() + p.budget.other.size());
}

} // namespace tp::test::plangen
