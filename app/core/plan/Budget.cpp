// SPDX-License-Identifier: GPL-3.0-or-later
#include "Budget.h"

#include "ExactMath.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {
constexpr int ExactScale = AmountScale + RateScale;

// The latest rate the user entered for `currency`.
const ExchangeRate* rateFor(const BudgetSettings& b, const QString& currency) {
    const ExchangeRate* best = nullptr;
    for (const ExchangeRate& r : b.rates)
        if (r.currency == currency && (!best || r.date > best->date))
            best = &r;
    return best;
}

class Builder {
public:
    Builder(const Plan& plan, BudgetReport& report)
        : m_plan(plan)
        , m_report(report) {}

    void add(const QString& category, const QString& id, const QString& label, const Money& money) {
        BudgetLine line{category, id, label, money, std::nullopt};
        if (!m_report.homeCurrency.isEmpty()) {
            if (money.currency == m_report.homeCurrency) {
                line.converted = exact::rescale(money.amount, ExactScale);
            } else if (const ExchangeRate* r = rateFor(m_plan.budget, money.currency)) {
                line.converted = exact::rescale(exact::multiply(money.amount, r->rate), ExactScale);
            } else if (!m_missing.contains(money.currency)) {
                m_missing << money.currency;
                m_report.problems
                    << QCoreApplication::translate(
                           "tp::Plan",
                           "No exchange rate for %1 to %2: costs in %1 are left out of the totals.")
                           .arg(money.currency, m_report.homeCurrency);
            }
        }
        if (line.converted) {
            m_report.exactTotals[category] =
                exact::add(m_report.exactTotals.value(category, exact::zero(ExactScale)), *line.converted);
            m_report.exactTotal = exact::add(m_report.exactTotal, *line.converted);
        }
        m_report.lines << line;
    }

private:
    const Plan& m_plan;
    BudgetReport& m_report;
    QStringList m_missing;
};
} // namespace

QStringList budgetCategories() {
    return {QString::fromUtf16(budget_category::Stays), QString::fromUtf16(budget_category::Transport),
            QString::fromUtf16(budget_category::Activities), QString::fromUtf16(budget_category::FoodDaily),
            QString::fromUtf16(budget_category::Other)};
}

Decimal BudgetReport::total() const {
    return exact::round(exactTotal, AmountScale);
}

Decimal BudgetReport::total(const QString& category) const {
    return exact::round(exactTotals.value(category, exact::zero(ExactScale)), AmountScale);
}

std::optional<Decimal> BudgetReport::remaining() const {
    if (!tripBudget)
        return std::nullopt;
    return exact::round(exact::subtract(*tripBudget, exactTotal), AmountScale);
}

BudgetReport computeBudget(const Plan& plan, const Trip& trip,
                           const std::optional<Destination>& destination) {
    BudgetReport report;
    report.homeCurrency = plan.budget.homeCurrency;
    report.exactTotal = exact::zero(ExactScale);
    for (const QString& c : budgetCategories())
        report.exactTotals[c] = exact::zero(ExactScale);
    report.tripBudget = trip.budget;
    if (report.homeCurrency.isEmpty())
        report.problems << QCoreApplication::translate("tp::Plan",
                                                       "Choose a home currency to add up the costs.");
    Builder b(plan, report);
    for (const Stay& s : plan.stays) {
        if (!s.price)
            continue;
        Money m = *s.price;
        if (s.pricePerNight)
            m.amount = exact::multiply(m.amount, s.nights());
        b.add(QString::fromUtf16(budget_category::Stays), s.id, s.name, m);
    }
    for (const Leg& l : plan.legs)
        if (l.cost)
            b.add(QString::fromUtf16(budget_category::Transport), l.id,
                  l.from.place.name + u" → "_s + l.to.place.name, *l.cost);
    for (const Activity& a : plan.activities)
        if (a.cost)
            b.add(QString::fromUtf16(budget_category::Activities), a.id, a.title, *a.cost);
    const std::optional<int> days = trip.durationDays();
    if (destination && destination->averageCostPerDay && days && !report.homeCurrency.isEmpty()) {
        const Decimal perDay = *destination->averageCostPerDay;
        const Decimal estimate = exact::multiply(exact::multiply(perDay, trip.travelersCount), *days);
        b.add(QString::fromUtf16(budget_category::FoodDaily), {},
              QCoreApplication::translate("tp::Plan", "%1 a day × %2 travellers × %3 days")
                  .arg(perDay.toString(), QString::number(trip.travelersCount), QString::number(*days)),
              Money{estimate, report.homeCurrency});
    } else if (!destination || !destination->averageCostPerDay) {
        report.problems << QCoreApplication::translate(
            "tp::Plan",
            "The destination has no average cost per day: food and daily costs are not estimated.");
    } else if (!days) {
        report.problems << QCoreApplication::translate(
            "tp::Plan", "The trip has no dates: food and daily costs are not estimated.");
    }
    for (const OtherCost& c : plan.budget.other)
        b.add(QString::fromUtf16(budget_category::Other), c.id, c.label, c.amount);
    return report;
}

} // namespace tp::plan
