// SPDX-License-Identifier: GPL-3.0-or-later
// Leg durations across zones, daylight-saving changes at either end and the date line;
// nights without a stay and overlapping stays; the day-by-day itinerary and its flags.
#include "PlanFixtures.h"
#include "plan/Coverage.h"
#include "plan/Itinerary.h"
#include "plan/LegTiming.h"
#include "plan/PlanValidation.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

class TestPlanTiming : public QObject {
    Q_OBJECT

    static bool hasError(const QList<FieldError>& errors, const QString& field, const QString& needle = {}) {
        for (const FieldError& e : errors)
            if (e.field == field && e.message.contains(needle))
                return true;
        return false;
    }

private Q_SLOTS:
    void durations_data() {
        QTest::addColumn<plan::Leg>("leg");
        QTest::addColumn<qint64>("minutes");
        QTest::addColumn<QString>("departureUtc");
        QTest::addColumn<QString>("arrivalUtc");
        // Rome (CEST, +2) to London (BST, +1): 08:30Z to 11:15Z.
        QTest::newRow("two zones") << leg(u"l"_s, u"Europe/Rome"_s, "2026-06-01T10:30", u"Europe/London"_s,
                                          "2026-06-01T12:15")
                                   << qint64(165) << u"2026-06-01T08:30:00Z"_s << u"2026-06-01T11:15:00Z"_s;
        // A night train in one zone across the spring change (02:00 CET -> 03:00 CEST on
        // 29 March 2026): three hours on the clock, two in fact.
        QTest::newRow("DST at departure")
            << leg(u"l"_s, u"Europe/Berlin"_s, "2026-03-29T01:30", u"Europe/Berlin"_s, "2026-03-29T04:30")
            << qint64(120) << u"2026-03-29T00:30:00Z"_s << u"2026-03-29T02:30:00Z"_s;
        // Tokyo (no DST) to Los Angeles on the morning the US clocks go forward
        // (8 March 2026): 04:00 PDT is 11:00Z; read as PST it would be 12:00Z.
        QTest::newRow("DST at arrival")
            << leg(u"l"_s, u"Asia/Tokyo"_s, "2026-03-08T10:00", u"America/Los_Angeles"_s, "2026-03-08T04:00")
            << qint64(600) << u"2026-03-08T01:00:00Z"_s << u"2026-03-08T11:00:00Z"_s;
        // New York to London on the night the US clocks go back (1 November 2026).
        QTest::newRow("autumn change")
            << leg(u"l"_s, u"America/New_York"_s, "2026-10-31T22:00", u"Europe/London"_s, "2026-11-01T08:00")
            << qint64(360) << u"2026-11-01T02:00:00Z"_s << u"2026-11-01T08:00:00Z"_s;
        // Auckland (NZST, +12) to Honolulu (HST, -10): lands the calendar day before it left.
        QTest::newRow("date line") << leg(u"l"_s, u"Pacific/Auckland"_s, "2026-06-11T00:30",
                                          u"Pacific/Honolulu"_s, "2026-06-10T11:00")
                                   << qint64(510) << u"2026-06-10T12:30:00Z"_s << u"2026-06-10T21:00:00Z"_s;
        // And the other way: Honolulu to Auckland skips a calendar day.
        QTest::newRow("date line westward")
            << leg(u"l"_s, u"Pacific/Honolulu"_s, "2026-06-10T14:00", u"Pacific/Auckland"_s,
                   "2026-06-11T21:00")
            << qint64(540) << u"2026-06-11T00:00:00Z"_s << u"2026-06-11T09:00:00Z"_s;
    }
    void durations() {
        QFETCH(plan::Leg, leg);
        QFETCH(qint64, minutes);
        QFETCH(QString, departureUtc);
        QFETCH(QString, arrivalUtc);
        QCOMPARE(plan::departure(leg).utc.toString(Qt::ISODate), departureUtc);
        QCOMPARE(plan::arrival(leg).utc.toString(Qt::ISODate), arrivalUtc);
        QCOMPARE(plan::durationSeconds(leg), std::optional<qint64>(minutes * 60));
        QVERIFY2(plan::checkLeg(leg).isEmpty(), qPrintable(plan::checkLeg(leg).value(0).message));
    }

    void timeInTheSpringGapIsAnError() {
        // 02:30 does not exist in Berlin on 29 March 2026.
        const plan::Leg l =
            leg(u"l"_s, u"Europe/Berlin"_s, "2026-03-29T02:30", u"Europe/Paris"_s, "2026-03-29T09:00");
        QVERIFY(!plan::departure(l).utc.isValid());
        QVERIFY(plan::departure(l).problem.contains(u"does not exist"_s));
        QVERIFY(!plan::durationSeconds(l));
        QVERIFY(hasError(plan::checkLeg(l), u"from.time"_s, u"does not exist"_s));
    }

    void arrivalBeforeDepartureIsAnError() {
        // 10:00 in London is 09:00Z, before 10:30 Rome (08:30Z)? No: after. 09:00 London (08:00Z) is before.
        const plan::Leg l =
            leg(u"l"_s, u"Europe/Rome"_s, "2026-06-01T10:30", u"Europe/London"_s, "2026-06-01T09:00");
        QCOMPARE(plan::durationSeconds(l), std::optional<qint64>(-30 * 60));
        QVERIFY(hasError(plan::checkLeg(l), u"to.time"_s, u"after the departure"_s));
    }

    void timesNeedZones() {
        plan::Leg l = leg(u"l"_s, QString(), "2026-06-01T10:30", u"Mars/Olympus"_s, "2026-06-01T12:00");
        const auto errors = plan::checkLeg(l);
        QVERIFY(hasError(errors, u"from.zone"_s, u"required"_s));
        QVERIFY(hasError(errors, u"to.zone"_s, u"not a known IANA time zone"_s));
    }

    void coverage() {
        plan::Plan p;
        p.stays << stay(u"a"_s, "2026-06-01", "2026-06-03") << stay(u"b"_s, "2026-06-02", "2026-06-04")
                << stay(u"c"_s, "2026-06-05", "2026-06-06");
        const plan::Coverage c = plan::coverage(p, QDate(2026, 6, 1), QDate(2026, 6, 7));
        QCOMPARE(c.nightsWithoutStay, (QList<QDate>{QDate(2026, 6, 4), QDate(2026, 6, 6)}));
        QCOMPARE(c.overlaps.size(), 1);
        QCOMPARE(c.overlaps[0].firstId, u"a"_s);
        QCOMPARE(c.overlaps[0].secondId, u"b"_s);
        QCOMPARE(c.overlaps[0].nights, QList<QDate>{QDate(2026, 6, 2)});
        // Back to back is not an overlap; the last day (check-out) needs no bed.
        plan::Plan q;
        q.stays << stay(u"x"_s, "2026-06-01", "2026-06-03") << stay(u"y"_s, "2026-06-03", "2026-06-05");
        const plan::Coverage d = plan::coverage(q, QDate(2026, 6, 1), QDate(2026, 6, 5));
        QVERIFY(d.nightsWithoutStay.isEmpty());
        QVERIFY(d.overlaps.isEmpty());
        // No trip dates: the span of the stays.
        QCOMPARE(plan::coverage(p, {}, {}).nightsWithoutStay, QList<QDate>{QDate(2026, 6, 4)});
    }

    void itineraryOrderAndFlags() {
        plan::Plan p;
        plan::Stay rome = stay(u"rome"_s, "2026-06-01", "2026-06-03");
        rome.place = place(u"Rome"_s, "41.9028", "12.4964", u"Europe/Rome"_s);
        p.stays << rome;
        plan::Leg in =
            leg(u"in"_s, u"Europe/London"_s, "2026-06-01T07:00", u"Europe/Rome"_s, "2026-06-01T10:30");
        p.legs << in;
        plan::Activity museum = activity(u"museum"_s, "2026-06-01", "16:00", "18:00");
        plan::Activity dinner = activity(u"dinner"_s, "2026-06-01", "17:30", "19:30"); // overlaps the museum
        plan::Activity far = activity(u"far"_s, "2026-06-02", "09:00", "12:00");
        far.place = place(u"Naples"_s, "40.8518", "14.2681"); // about 190 km from Rome
        plan::Activity near = activity(u"near"_s, "2026-06-02", "14:00", "15:00");
        near.place = place(u"Colosseum"_s, "41.8902", "12.4922");
        p.activities << dinner << museum << far << near << activity(u"idea"_s, nullptr);
        // A long leg on a full day (06-04): 11 hours to Tokyo plus three activities.
        p.legs << leg(u"long"_s, u"Europe/Rome"_s, "2026-06-04T06:00", u"Asia/Tokyo"_s, "2026-06-04T23:00");
        p.activities << activity(u"a1"_s, "2026-06-04", "00:30", "01:30")
                     << activity(u"a2"_s, "2026-06-04", "02:00", "03:00")
                     << activity(u"a3"_s, "2026-06-04", "03:30", "04:30");

        const QList<plan::ItineraryDay> days = plan::buildItinerary(p, QDate(2026, 6, 1), QDate(2026, 6, 4));
        QCOMPARE(days.size(), 4);
        QStringList order;
        for (const plan::ItineraryEntry& e : days[0].entries)
            order << e.itemId;
        QCOMPARE(order, (QStringList{u"in"_s, u"rome"_s, u"museum"_s, u"dinner"_s}));
        QCOMPARE(days[0].entries[1].kind, plan::ItineraryEntry::Kind::CheckIn);
        QCOMPARE(days[0].nightStayId, u"rome"_s);
        auto kinds = [](const plan::ItineraryDay& d) {
            QList<plan::DayProblem::Kind> k;
            for (const plan::DayProblem& p : d.problems)
                k << p.kind;
            return k;
        };
        QCOMPARE(kinds(days[0]), QList<plan::DayProblem::Kind>{plan::DayProblem::Kind::Overlap});
        QCOMPARE(days[0].problems[0].itemIds, (QStringList{u"museum"_s, u"dinner"_s}));
        QCOMPARE(kinds(days[1]), QList<plan::DayProblem::Kind>{plan::DayProblem::Kind::FarFromStay});
        QCOMPARE(days[1].problems[0].itemIds, (QStringList{u"far"_s, u"rome"_s}));
        // 06-03: check-out only: nothing planned.
        QCOMPARE(kinds(days[2]), QList<plan::DayProblem::Kind>{plan::DayProblem::Kind::Empty});
        QCOMPARE(days[2].entries.size(), 1);
        QCOMPARE(days[2].entries[0].kind, plan::ItineraryEntry::Kind::CheckOut);
        QVERIFY(kinds(days[3]).contains(plan::DayProblem::Kind::LongLegFullDay));
        // The idea is on no day.
        for (const plan::ItineraryDay& d : days)
            for (const plan::ItineraryEntry& e : d.entries)
                QVERIFY(e.itemId != u"idea");
    }

    void overnightLegOnBothDays() {
        plan::Plan p;
        p.legs << leg(u"night"_s, u"Pacific/Auckland"_s, "2026-06-11T00:30", u"Pacific/Honolulu"_s,
                      "2026-06-10T11:00");
        const QList<plan::ItineraryDay> days = plan::buildItinerary(p, {}, {});
        QCOMPARE(days.size(), 2);
        QCOMPARE(days[0].date, QDate(2026, 6, 10));
        QCOMPARE(days[0].entries[0].kind, plan::ItineraryEntry::Kind::Arrival);
        QCOMPARE(days[1].entries[0].kind, plan::ItineraryEntry::Kind::Departure);
    }
};

QTEST_GUILESS_MAIN(TestPlanTiming)
#include "tst_plan_timing.moc"
