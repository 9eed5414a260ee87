// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"
#include "domain/Entities.h"

#include <QMap>

// What the plan costs, by category, in the home currency, against the trip's
// budget. Exact: amounts (2 decimals) times rates (6 decimals) are summed at 8
// decimals and rounded once, half away from zero, for display.
namespace tp::plan {

namespace budget_category {
inline constexpr char16_t Stays[] = u"stays";
inline constexpr char16_t Transport[] = u"transport";
inline constexpr char16_t Activities[] = u"activities";
inline constexpr char16_t FoodDaily[] = u"food_daily";
inline constexpr char16_t Other[] = u"other";
} // namespace budget_category
QStringList budgetCategories(); // in display order

struct BudgetLine {
    QString category;
    QString itemId; // empty for the food and daily estimate
    QString label;
    Money original;                   // in the item's currency
    std::optional<Decimal> converted; // in the home currency, 8 decimals; nullopt when no rate
};

struct BudgetReport {
    QString homeCurrency;
    QList<BudgetLine> lines;
    QMap<QString, Decimal> exactTotals; // per category, 8 decimals
    Decimal exactTotal;
    std::optional<Decimal> tripBudget;
    QStringList problems; // what kept something out of the totals, in sentences

    Decimal total() const;                        // 2 decimals
    Decimal total(const QString& category) const; // 2 decimals
    std::optional<Decimal> remaining() const;     // budget - total, 2 decimals; negative when over
    bool overBudget() const { return remaining() && remaining()->isNegative(); }
};

// The trip's budget and the destination's average_cost_per_day are read as
// amounts in the plan's home currency (the seed stores them without one).
// The food and daily estimate is average_cost_per_day × travellers × days.
BudgetReport computeBudget(const Plan& plan, const Trip& trip, const std::optional<Destination>& destination);

} // namespace tp::plan
