// SPDX-License-Identifier: GPL-3.0-or-later
// The budget by category, exact across currencies, against the trip's budget.
#include "PlanFixtures.h"
#include "domain/Error.h"
#include "plan/Budget.h"
#include "plan/ExactMath.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

class TestPlanBudget : public QObject {
    Q_OBJECT

    static plan::Money money(const char* amount, const QString& currency) { return {dec(amount), currency}; }

private Q_SLOTS:
    void exactMath() {
        using namespace plan::exact;
        // 0.1 + 0.2 is 0.3 here, as it is on paper.
        QCOMPARE(add(dec("0.10"), dec("0.20")), dec("0.30"));
        QCOMPARE(multiply(dec("19.99"), dec("1.123456", 6)).toString(), u"22.45788544"_s);
        QCOMPARE(round(dec("2.345", 3), 2).toString(), u"2.35"_s);
        QCOMPARE(round(dec("-2.345", 3), 2).toString(), u"-2.35"_s);
        QCOMPARE(round(dec("2.344", 3), 2).toString(), u"2.34"_s);
        QCOMPARE(multiply(dec("120.00"), 3).toString(), u"360.00"_s);
        QVERIFY_THROWS_EXCEPTION(Error,
                                 multiply(Decimal::fromUnits(std::numeric_limits<qint64>::max(), 2), 10));
    }

    void categoriesAcrossCurrencies() {
        plan::Plan p;
        p.budget.homeCurrency = u"EUR"_s;
        // Two USD rates: the later one counts.
        p.budget.rates << plan::ExchangeRate{u"USD"_s, dec("0.900000", 6), QDate(2026, 5, 1), {}}
                       << plan::ExchangeRate{u"USD"_s, dec("0.923457", 6), QDate(2026, 5, 20), {}}
                       << plan::ExchangeRate{u"GBP"_s, dec("1.171234", 6), QDate(2026, 5, 20), {}};
        plan::Stay hotel = stay(u"h"_s, "2026-06-01", "2026-06-04");
        hotel.price = money("120.00", u"EUR"_s);
        hotel.pricePerNight = true; // 3 nights: 360.00
        plan::Stay flat = stay(u"f"_s, "2026-06-04", "2026-06-06");
        flat.price = money("333.33", u"USD"_s);
        p.stays << hotel << flat;
        plan::Leg flight =
            leg(u"l"_s, u"Europe/London"_s, "2026-06-01T07:05", u"Europe/Rome"_s, "2026-06-01T11:10");
        flight.cost = money("189.99", u"GBP"_s);
        p.legs << flight;
        plan::Activity tour = activity(u"t"_s, "2026-06-02");
        tour.cost = money("49.50", u"EUR"_s);
        plan::Activity yen = activity(u"y"_s, "2026-06-03");
        yen.cost = money("1000.00", u"JPY"_s); // no rate: left out, reported
        p.activities << tour << yen;
        p.budget.other << plan::OtherCost{u"c"_s, u"Insurance"_s, money("35.00", u"EUR"_s), {}};

        Trip trip;
        trip.startDate = QDate(2026, 6, 1);
        trip.endDate = QDate(2026, 6, 6); // 6 days
        trip.travelersCount = 2;
        trip.budget = dec("1500.00");
        Destination d;
        d.averageCostPerDay = dec("45.50"); // × 2 × 6 = 546.00

        const plan::BudgetReport r = plan::computeBudget(p, trip, d);
        // By hand: 333.33 × 0.923457 = 307.81592181; 189.99 × 1.171234 = 222.52274766.
        QCOMPARE(r.exactTotals.value(u"stays"_s).toString(), u"667.81592181"_s);
        QCOMPARE(r.total(u"stays"_s).toString(), u"667.82"_s);
        QCOMPARE(r.total(u"transport"_s).toString(), u"222.52"_s);
        QCOMPARE(r.total(u"activities"_s).toString(), u"49.50"_s);
        QCOMPARE(r.total(u"food_daily"_s).toString(), u"546.00"_s);
        QCOMPARE(r.total(u"other"_s).toString(), u"35.00"_s);
        // 667.81592181 + 222.52274766 + 49.5 + 546 + 35 = 1520.83866947
        QCOMPARE(r.exactTotal.toString(), u"1520.83866947"_s);
        QCOMPARE(r.total().toString(), u"1520.84"_s);
        QCOMPARE(r.remaining()->toString(), u"-20.84"_s);
        QVERIFY(r.overBudget());
        QCOMPARE(r.problems.size(), 1);
        QVERIFY(r.problems[0].contains(u"No exchange rate for JPY"_s));
        QCOMPARE(r.lines.size(), 7);

        // Changing one item changes the verdict.
        p.activities.removeLast();
        p.stays[1].price = money("300.00", u"USD"_s);
        const plan::BudgetReport cheaper = plan::computeBudget(p, trip, d);
        QVERIFY(!cheaper.overBudget());
        QVERIFY(cheaper.problems.isEmpty());
    }

    void withoutHomeCurrencyOrDailyCost() {
        plan::Plan p;
        plan::Stay s = stay(u"s"_s, "2026-06-01", "2026-06-02");
        s.price = money("10.00", u"EUR"_s);
        p.stays << s;
        Trip trip;
        const plan::BudgetReport r = plan::computeBudget(p, trip, std::nullopt);
        QCOMPARE(r.total().toString(), u"0.00"_s);
        QVERIFY(r.problems.join(u' ').contains(u"home currency"_s));
        QVERIFY(r.problems.join(u' ').contains(u"average cost per day"_s));
        QVERIFY(!r.remaining());
    }
};

QTEST_GUILESS_MAIN(TestPlanBudget)
#include "tst_plan_budget.moc"
