// SPDX-License-Identifier: GPL-3.0-or-later
// What the maps show of a plan (plan/PlanMap): the whole plan's places and legs,
// and one day's places in the day's order with the way between them.
#include "PlanFixtures.h"
#include "plan/Itinerary.h"
#include "plan/PlanMap.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;
using PlaceKind = plan::MapPlace::Kind;
using RouteKind = plan::MapRoute::Kind;

namespace {

// Catania airport, a hotel in Catania, Etna, Syracuse; Rome airport.
plan::Plan sicily() {
    plan::Plan p;
    plan::Stay hotel = stay(u"hotel"_s, "2026-06-01", "2026-06-04");
    hotel.name = u"Hotel Etna View"_s;
    hotel.place = place(u"Catania"_s, "37.502700", "15.087300", u"Europe/Rome"_s);
    p.stays << hotel;
    plan::Leg in = leg(u"in"_s, u"Europe/Rome"_s, "2026-06-01T08:00", u"Europe/Rome"_s, "2026-06-01T09:15");
    in.from.place = place(u"Rome Fiumicino"_s, "41.800278", "12.238889", u"Europe/Rome"_s);
    in.from.place.code = u"FCO"_s;
    in.to.place = place(u"Catania"_s, "37.466781", "15.066400", u"Europe/Rome"_s);
    in.to.place.code = u"CTA"_s;
    p.legs << in;
    plan::Activity etna = activity(u"etna"_s, "2026-06-01", "14:00", "18:00");
    etna.place = place(u"Etna"_s, "37.751000", "14.993400");
    plan::Activity lunch = activity(u"lunch"_s, "2026-06-01", "11:00", "12:00");
    lunch.place = place(u"Catania"_s, "37.502700", "15.087300"); // at the hotel's point
    plan::Activity idea = activity(u"syracuse"_s, nullptr);
    idea.place = place(u"Syracuse"_s, "37.075500", "15.286600");
    plan::Activity nowhere = activity(u"nowhere"_s, "2026-06-02", "10:00", "11:00"); // no coordinates
    p.activities << etna << lunch << idea << nowhere;
    return p;
}

} // namespace

class TestPlanMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wholePlan() {
        const plan::PlanMap map = plan::planMap(sicily());
        // The hotel and lunch share a point; the place without coordinates is not drawn.
        QCOMPARE(map.places.size(), 5);
        const plan::MapPlace& hotel = map.places[0];
        QCOMPARE(hotel.kind, PlaceKind::Stay);
        QCOMPARE(hotel.itemIds, (QStringList{u"hotel"_s, u"lunch"_s}));
        QCOMPARE(hotel.labels, (QStringList{u"Hotel Etna View"_s, u"Activity lunch"_s}));
        QCOMPARE(hotel.order, 0);
        QCOMPARE(map.places[1].kind, PlaceKind::Activity);
        QCOMPARE(map.places[1].label(), u"Activity etna"_s);
        QCOMPARE(map.places[1].latitude, 37.751);
        QCOMPARE(map.places[1].longitude, 14.9934);
        QCOMPARE(map.places[2].kind, PlaceKind::Idea);
        QCOMPARE(map.places[3].kind, PlaceKind::Stop);
        QCOMPARE(map.places[3].label(), u"FCO"_s);
        QCOMPARE(map.places[4].label(), u"CTA"_s);
        QCOMPARE(map.routes.size(), 1);
        QCOMPARE(map.routes[0], (plan::MapRoute{RouteKind::Leg, 3, 4, u"in"_s, u"flight"_s}));
    }

    void aStayOutranksWhatSharesItsPoint() {
        plan::Plan p = sicily();
        // The leg now lands at the hotel's coordinates: that point stays a stay.
        p.legs[0].to.place = place(u"Catania"_s, "37.502700", "15.087300");
        const plan::PlanMap map = plan::planMap(p);
        QCOMPARE(map.places[0].kind, PlaceKind::Stay);
        QCOMPARE(map.places[0].itemIds, (QStringList{u"hotel"_s, u"lunch"_s, u"in"_s}));
        QCOMPARE(map.routes[0].to, 0);
    }

    void emptyAndUnplaced() {
        QVERIFY(plan::planMap({}).isEmpty());
        plan::Plan p;
        p.activities << activity(u"a"_s, "2026-06-01");
        QVERIFY(plan::planMap(p).isEmpty());
        // A leg with one end placed is a stop without a route.
        plan::Leg l = leg(u"l"_s, {}, "2026-06-01T08:00", {}, "2026-06-01T09:00");
        l.to.place = place(u"Catania"_s, "37.5", "15.1");
        p.legs << l;
        const plan::PlanMap map = plan::planMap(p);
        QCOMPARE(map.places.size(), 1);
        QVERIFY(map.routes.isEmpty());
    }

    void oneDayInItsOrder() {
        const plan::Plan p = sicily();
        const QList<plan::ItineraryDay> days = plan::buildItinerary(p, QDate(2026, 6, 1), QDate(2026, 6, 3));
        QCOMPARE(days.size(), 3);
        // Day 1: fly FCO → CTA at 08:00, lunch at the hotel's point at 11:00,
        // check in (15:00 in the day's order) after Etna at 14:00, sleep there.
        const plan::PlanMap day = plan::dayMap(days[0], p);
        QStringList labels;
        QList<int> orders;
        for (const plan::MapPlace& place : day.places) {
            labels << place.label();
            orders << place.order;
        }
        QCOMPARE(labels, (QStringList{u"FCO"_s, u"CTA"_s, u"Activity lunch"_s, u"Activity etna"_s}));
        QCOMPARE(orders, (QList<int>{1, 2, 3, 4}));
        QCOMPARE(day.places[2].kind, PlaceKind::Stay); // lunch is at the hotel
        QCOMPARE(day.places[2].itemIds, (QStringList{u"lunch"_s, u"hotel"_s}));
        QCOMPARE(day.routes, (QList<plan::MapRoute>{{RouteKind::Leg, 0, 1, u"in"_s, u"flight"_s},
                                                    {RouteKind::Sequence, 1, 2, {}, {}},
                                                    {RouteKind::Sequence, 2, 3, {}, {}},
                                                    {RouteKind::Sequence, 3, 2, {}, {}}}));
        // Day 2: only a place without coordinates, and the night at the hotel.
        const plan::PlanMap second = plan::dayMap(days[1], p);
        QCOMPARE(second.places.size(), 1);
        QCOMPARE(second.places[0].itemIds, QStringList{u"hotel"_s});
        QVERIFY(second.routes.isEmpty());
    }

    void aDayWithoutPlaces() {
        plan::Plan p;
        p.activities << activity(u"a"_s, "2026-06-01", "10:00", "11:00");
        const QList<plan::ItineraryDay> days = plan::buildItinerary(p, QDate(2026, 6, 1), QDate(2026, 6, 1));
        QVERIFY(plan::dayMap(days[0], p).isEmpty());
    }

    // How the tables and the calendar name a place (plan::nameWithCode).
    void aPlaceWithItsCode() {
        plan::Place p = place(u"Catania"_s);
        QCOMPARE(plan::nameWithCode(p), u"Catania"_s);
        p.code = u"CTA"_s;
        QCOMPARE(plan::nameWithCode(p), u"Catania (CTA)"_s);
        p.name = u"Catania (CTA)"_s; // as an airport looked up by its code is named
        QCOMPARE(plan::nameWithCode(p), u"Catania (CTA)"_s);
        p.name.clear();
        QCOMPARE(plan::nameWithCode(p), u"CTA"_s);
    }

    void aLegAcrossTheDateLine() {
        // Tokyo → Honolulu: the route is one leg whatever the longitudes; the
        // map draws it the short way (the widget's test checks the drawing).
        plan::Plan p;
        plan::Leg l =
            leg(u"l"_s, u"Asia/Tokyo"_s, "2026-06-01T21:00", u"Pacific/Honolulu"_s, "2026-06-01T09:00");
        l.from.place = place(u"Tokyo"_s, "35.549400", "139.779800", u"Asia/Tokyo"_s);
        l.to.place = place(u"Honolulu"_s, "21.318700", "-157.922500", u"Pacific/Honolulu"_s);
        p.legs << l;
        const plan::PlanMap map = plan::planMap(p);
        QCOMPARE(map.places.size(), 2);
        QCOMPARE(map.places[1].longitude, -157.9225);
        QCOMPARE(map.routes.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlanMap)
#include "tst_plan_map.moc"
