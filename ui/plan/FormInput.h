// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Error.h"
#include "plan/PlanTypes.h"

#include <QDate>
#include <QTime>

class QLineEdit;

// Reading the plan forms' typed text into values, each problem a FieldError
// named with the plan's field key ("check_in", "price.amount") so that the
// form shows it next to what plan/PlanValidation says about the same field.
namespace tp::ui::planform {

// YYYY-MM-DD; empty gives a null date.
QDate readDate(const QLineEdit* edit, const QString& field, QList<FieldError>& errors);
// HH:mm; empty gives a null time.
QTime readTime(const QLineEdit* edit, const QString& field, QList<FieldError>& errors);
// An amount with 2 decimals and a currency; no amount gives no money.
std::optional<plan::Money> readMoney(const QLineEdit* amount, const QLineEdit* currency, const QString& field,
                                     QList<FieldError>& errors);

QString dateText(const QDate& d);
QString timeText(const QTime& t);
QString amountText(const std::optional<plan::Money>& m);
QString currencyText(const std::optional<plan::Money>& m);
QString moneyText(const std::optional<plan::Money>& m); // "120.00 EUR" or empty
// Degrees with 6 decimals, as the plan stores coordinates.
Decimal coordinate(double degrees);
QString placeSummary(const plan::Place& p); // "Catania (37.502700, 15.087300, Europe/Rome)"
// A currency code's field never narrower than its three letters (a narrow form
// squeezed it to one).
void keepCurrencyReadable(QLineEdit* field);

} // namespace tp::ui::planform
