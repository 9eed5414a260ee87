// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"
#include "domain/Error.h"

// The plan's rules, each problem tied to the field to fix ("stays[0].check_out",
// or "check_out" when one item is checked on its own, as an editor does).
// Every write of the plan checks the whole plan before it is saved.
namespace tp::plan {

inline constexpr int NameMaxLength = 200;
inline constexpr int TextMaxLength = 10'000;

QList<FieldError> checkStay(const Stay& s, const QString& path = {});
QList<FieldError> checkLeg(const Leg& l, const QString& path = {});
QList<FieldError> checkActivity(const Activity& a, const QString& path = {});
QList<FieldError> checkBudget(const BudgetSettings& b, const QString& path = QStringLiteral("budget"));
QList<FieldError> checkPlan(const Plan& p);

// Throws Error::validation listing every problem when `errors` is not empty.
void requireValid(const QList<FieldError>& errors);

} // namespace tp::plan
