// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormInput.h"

#include <QLineEdit>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::ui::planform {

QDate readDate(const QLineEdit* edit, const QString& field, QList<FieldError>& errors) {
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return {};
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        errors.append({field, u"\"%1\" is not a date (YYYY-MM-DD)"_s.arg(text.left(20))});
    return d;
}

QTime readTime(const QLineEdit* edit, const QString& field, QList<FieldError>& errors) {
    const QString text = edit->text().trimmed();
    if (text.isEmpty())
        return {};
    const QTime t = QTime::fromString(text, u"H:mm"_s);
    if (!t.isValid())
        errors.append({field, u"\"%1\" is not a time (HH:mm, 24-hour)"_s.arg(text.left(20))});
    return t;
}

std::optional<plan::Money> readMoney(const QLineEdit* amount, const QLineEdit* currency, const QString& field,
                                     QList<FieldError>& errors) {
    const QString a = amount->text().trimmed();
    const QString c = currency->text().trimmed().toUpper();
    // No amount is no cost, whatever the currency field holds (it starts with the home currency).
    if (a.isEmpty())
        return std::nullopt;
    QString why;
    const auto value = Decimal::parse(a, plan::AmountPrecision, plan::AmountScale, &why);
    if (!value) {
        errors.append({field + u".amount"_s, why.isEmpty() ? u"is not an amount"_s : why});
        return std::nullopt;
    }
    // A missing or unknown currency is reported by plan/PlanValidation.
    return plan::Money{*value, c};
}

QString dateText(const QDate& d) {
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString timeText(const QTime& t) {
    return t.isValid() ? t.toString(u"HH:mm"_s) : QString();
}

QString amountText(const std::optional<plan::Money>& m) {
    return m ? m->amount.toString() : QString();
}

QString currencyText(const std::optional<plan::Money>& m) {
    return m ? m->currency : QString();
}

QString moneyText(const std::optional<plan::Money>& m) {
    return m ? m->amount.toString() + u' ' + m->currency : QString();
}

Decimal coordinate(double degrees) {
    return Decimal::fromUnits(std::llround(degrees * 1e6), 6);
}

QString placeSummary(const plan::Place& p) {
    QStringList parts;
    if (p.hasCoordinates())
        parts << p.latitude->toString() + u", "_s + p.longitude->toString();
    if (!p.zone.isEmpty())
        parts << p.zone;
    if (parts.isEmpty())
        return p.name;
    return p.name.isEmpty() ? parts.join(u", "_s) : p.name + u" ("_s + parts.join(u", "_s) + u')';
}

void keepCurrencyReadable(QLineEdit* field) {
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(u"WWW"_s) + 20);
}

} // namespace tp::ui::planform
