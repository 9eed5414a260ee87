// SPDX-License-Identifier: GPL-3.0-or-later
// The final review's checklist: nights without a stay, overlaps, unbooked items,
// legs without times, items outside the trip's dates, over budget.
#include "PlanFixtures.h"
#include "plan/Review.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;
using Kind = plan::ReviewItem::Kind;

class TestPlanReview : public QObject {
    Q_OBJECT

    static QList<QPair<Kind, QString>> kinds(const QList<plan::ReviewItem>& items) {
        QList<QPair<Kind, QString>> out;
        for (const plan::ReviewItem& i : items)
            out << qMakePair(i.kind, i.itemId);
        return out;
    }

private Q_SLOTS:
    void checklist() {
        Trip trip;
        trip.startDate = QDate(2026, 6, 1);
        trip.endDate = QDate(2026, 6, 4);
        trip.budget = dec("100.00");
        plan::Plan p;
        p.budget.homeCurrency = u"EUR"_s;
        plan::Stay a = stay(u"a"_s, "2026-06-01", "2026-06-03");
        a.status = u"booked"_s;
        a.price = plan::Money{dec("150.00"), u"EUR"_s};
        plan::Stay b = stay(u"b"_s, "2026-06-02", "2026-06-03"); // overlaps a, not booked
        p.stays << a << b;
        plan::Leg timed =
            leg(u"l1"_s, u"Europe/Rome"_s, "2026-06-01T08:00", u"Europe/Rome"_s, "2026-06-01T10:00");
        timed.status = u"booked"_s;
        plan::Leg untimed = timed;
        untimed.id = u"l2"_s;
        untimed.to.time = QTime();
        plan::Leg late = timed;
        late.id = u"l3"_s;
        late.from.date = late.to.date = QDate(2026, 6, 9);
        p.legs << timed << untimed << late;
        plan::Activity ref = activity(u"x"_s, "2026-06-02");
        ref.bookingRef = u"ABC123"_s;
        p.activities << ref << activity(u"idea"_s, nullptr);

        const plan::BudgetReport budget = plan::computeBudget(p, trip, std::nullopt);
        const auto r = kinds(plan::reviewPlan(p, trip, budget));
        const QList<QPair<Kind, QString>> expected{
            {Kind::NightWithoutStay, {}},     // the night of 06-03
            {Kind::OverlappingStays, u"b"_s}, //
            {Kind::Unbooked, u"b"_s},         //
            {Kind::LegWithoutTime, u"l2"_s},  //
            {Kind::OutsideTrip, u"l3"_s},     //
            {Kind::Unbooked, u"x"_s},         // a reference but not marked booked
            {Kind::OverBudget, {}},           // 150 > 100
        };
        QCOMPARE(r, expected);
        QVERIFY(plan::reviewPlan(p, trip, budget).first().message.contains(u"2026-06-03"_s));
    }

    void nothingMissing() {
        Trip trip;
        trip.startDate = QDate(2026, 6, 1);
        trip.endDate = QDate(2026, 6, 2);
        plan::Plan p;
        plan::Stay s = stay(u"s"_s, "2026-06-01", "2026-06-02");
        s.status = u"booked"_s;
        p.stays << s;
        QVERIFY(plan::reviewPlan(p, trip, plan::computeBudget(p, trip, std::nullopt)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPlanReview)
#include "tst_plan_review.moc"
