// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "draw/PlanContext.h"
#include "plan/PlanTypes.h"

#include <QJsonObject>

// A small plan for the plan editor's tests and screenshots: six days in
// Sicily, one booked stay for the first three nights (two nights without one),
// a flight from London priced in USD, one scheduled activity and two ideas.
namespace tp::test::plansample {

inline tp::Decimal amount(const char* text, int scale = 2) {
    return *tp::Decimal::parse(QString::fromLatin1(text), 14, scale);
}

inline tp::ui::PlanContext context() {
    using namespace Qt::StringLiterals;
    tp::ui::PlanContext c;
    c.trip.id = 7;
    c.trip.title = u"Sicily in June"_s;
    c.trip.destinationName = u"Sicily"_s;
    c.trip.startDate = QDate(2026, 6, 3);
    c.trip.endDate = QDate(2026, 6, 8);
    c.trip.travelersCount = 2;
    c.trip.budget = amount("2000.00");
    tp::Destination d;
    d.id = 3;
    d.name = u"Sicily"_s;
    d.country = u"Italy"_s;
    d.averageCostPerDay = amount("80.00");
    d.latitude = amount("37.600000", 6);
    d.longitude = amount("14.015400", 6);
    c.destination = d;
    return c;
}

inline tp::plan::Plan plan() {
    using namespace Qt::StringLiterals;
    namespace plan = tp::plan;
    plan::Plan p;
    p.budget.homeCurrency = u"EUR"_s;
    p.budget.rates << plan::ExchangeRate{u"USD"_s, amount("0.920000", 6), QDate(2026, 5, 1), {}};

    plan::Stay hotel;
    hotel.id = u"stay-hotel1"_s;
    hotel.name = u"Hotel Etna"_s;
    hotel.place.name = u"Catania"_s;
    hotel.place.latitude = amount("37.502700", 6);
    hotel.place.longitude = amount("15.087300", 6);
    hotel.checkIn = QDate(2026, 6, 3);
    hotel.checkOut = QDate(2026, 6, 6);
    hotel.price = plan::Money{amount("95.00"), u"EUR"_s};
    hotel.pricePerNight = true;
    hotel.bookingRef = u"ETNA-42"_s;
    hotel.status = u"booked"_s;
    hotel.raw = QJsonObject{{u"x_from_web"_s, u"kept"_s}};
    p.stays << hotel;

    plan::Leg flight;
    flight.id = u"leg-fly1"_s;
    flight.mode = u"flight"_s;
    flight.from.place = plan::Place{
        u"London"_s, u"LHR"_s, amount("51.470600", 6), amount("-0.461941", 6), u"Europe/London"_s, {}};
    flight.from.date = QDate(2026, 6, 3);
    flight.from.time = QTime(7, 15);
    flight.to.place = plan::Place{u"Catania"_s,           u"CTA"_s,         amount("37.466801", 6),
                                  amount("15.066400", 6), u"Europe/Rome"_s, {}};
    flight.to.date = QDate(2026, 6, 3);
    flight.to.time = QTime(11, 40);
    flight.carrier = u"BA"_s;
    flight.number = u"2580"_s;
    flight.cost = plan::Money{amount("180.00"), u"USD"_s};
    flight.raw = QJsonObject{{u"x_seat"_s, u"14A"_s}};
    p.legs << flight;

    plan::Activity hike;
    hike.id = u"act-etna"_s;
    hike.title = u"Etna summit hike"_s;
    hike.category = u"hike"_s;
    hike.date = QDate(2026, 6, 4);
    hike.start = QTime(9, 0);
    hike.end = QTime(14, 0);
    hike.place =
        plan::Place{u"Rifugio Sapienza"_s, {}, amount("37.700000", 6), amount("14.999000", 6), {}, {}};
    hike.cost = plan::Money{amount("70.00"), u"EUR"_s};
    p.activities << hike;

    plan::Activity temples;
    temples.id = u"act-temples"_s;
    temples.title = u"Valley of the Temples"_s;
    temples.category = u"sight"_s;
    temples.raw = QJsonObject{{u"x_note"_s, 1}};
    p.activities << temples;

    plan::Activity cannoli;
    cannoli.id = u"act-cannoli"_s;
    cannoli.title = u"Cannoli at Savia"_s;
    cannoli.category = u"food"_s;
    p.activities << cannoli;
    return p;
}

} // namespace tp::test::plansample
