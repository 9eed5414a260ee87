// SPDX-License-Identifier: GPL-3.0-or-later
#include "Validation.h"

#include "Stages.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp::validation {

// The messages below (context "tp::Validation") are predicates about a field:
// the GUI shows them after the field's label ("Title is required"), the CLI
// and Error::validation() after its key ("title: is required"). The keys stay
// untranslated identifiers; only the messages are translated.

namespace {

// Characters as PostgreSQL's varchar(n) and Django count them: code points,
// not UTF-16 units (an emoji is one character, two units).
qsizetype characterCount(const QString& s) {
    qsizetype lowSurrogates = 0;
    for (QChar c : s)
        if (c.isLowSurrogate())
            ++lowSurrogates;
    return s.size() - lowSurrogates;
}

void checkText(QList<FieldError>& out, const QString& field, const QString& value, int maxLength,
               bool required) {
    if (required && value.trimmed().isEmpty()) {
        //: A field error, shown after the field's name: "Title is required", "title: is required".
        out.append({field, QCoreApplication::translate("tp::Validation", "is required")});
        return;
    }
    if (const qsizetype count = value.size() > maxLength ? characterCount(value) : value.size();
        count > maxLength)
        out.append({field, QCoreApplication::translate("tp::Validation",
                                                       "must be at most %L1 characters (it has %L2)")
                               .arg(maxLength)
                               .arg(count)});
    else if (value.contains(QChar(u'\0')))
        out.append({field, QCoreApplication::translate("tp::Validation", "contains a NUL character")});
}

// `message` is marked with QT_TRANSLATE_NOOP("tp::Validation", ...) by the caller.
void checkRange(QList<FieldError>& out, const QString& field, const std::optional<Decimal>& value,
                qint64 minUnits, qint64 maxUnits, const char* message) {
    if (value && (value->units() < minUnits || value->units() > maxUnits))
        out.append({field, QCoreApplication::translate("tp::Validation", message)});
}

} // namespace

QList<FieldError> checkTrip(const Trip& trip) {
    QList<FieldError> out;
    checkText(out, u"title"_s, trip.title, TitleMaxLength, true);
    checkText(out, u"description"_s, trip.description, LongTextMaxLength, false);
    if (trip.startDate.isValid() && trip.endDate.isValid() && trip.endDate < trip.startDate)
        out.append({u"end_date"_s,
                    QCoreApplication::translate("tp::Validation", "must not be before the start date")});
    if (trip.budget) {
        if (trip.budget->scale() != decimal_shape::MoneyScale)
            out.append({u"budget"_s, QCoreApplication::translate("tp::Validation", "must have 2 decimals")});
        else
            checkRange(out, u"budget"_s, trip.budget, 0, 9'999'999'999,
                       QT_TRANSLATE_NOOP("tp::Validation", "must be between 0 and 99,999,999.99"));
    }
    if (trip.travelersCount < 1)
        out.append(
            {u"travelers_count"_s, QCoreApplication::translate("tp::Validation", "must be at least 1")});
    if (!tripStatusFrom(trip.status))
        out.append({u"status"_s, QCoreApplication::translate("tp::Validation", "must be one of: %1")
                                     .arg(choiceValues(trip_status::all).join(u", "_s))});
    return out;
}

QList<FieldError> checkDestination(const Destination& d) {
    QList<FieldError> out;
    checkText(out, u"name"_s, d.name, NameMaxLength, true);
    checkText(out, u"country"_s, d.country, CountryMaxLength, true);
    checkText(out, u"city"_s, d.city, CityMaxLength, false);
    checkText(out, u"best_time_to_visit"_s, d.bestTimeToVisit, BestTimeMaxLength, false);
    checkText(out, u"description"_s, d.description, LongTextMaxLength, false);
    checkRange(out, u"average_cost_per_day"_s, d.averageCostPerDay, 0, 99'999'999,
               QT_TRANSLATE_NOOP("tp::Validation", "must be between 0 and 999,999.99"));
    checkRange(out, u"latitude"_s, d.latitude, -90'000'000, 90'000'000,
               QT_TRANSLATE_NOOP("tp::Validation", "must be between -90 and 90"));
    checkRange(out, u"longitude"_s, d.longitude, -180'000'000, 180'000'000,
               QT_TRANSLATE_NOOP("tp::Validation", "must be between -180 and 180"));
    if (d.latitude.has_value() != d.longitude.has_value())
        out.append(
            {d.latitude ? u"longitude"_s : u"latitude"_s,
             QCoreApplication::translate("tp::Validation", "is required when the other coordinate is set")});
    return out;
}

QList<FieldError> checkPreferences(const UserPreferences& p) {
    QList<FieldError> out;
    checkText(out, u"preferences_text"_s, p.preferencesText, LongTextMaxLength, false);
    checkRange(out, u"budget_min"_s, p.budgetMin, 0, 9'999'999'999,
               QT_TRANSLATE_NOOP("tp::Validation", "must be between 0 and 99,999,999.99"));
    checkRange(out, u"budget_max"_s, p.budgetMax, 0, 9'999'999'999,
               QT_TRANSLATE_NOOP("tp::Validation", "must be between 0 and 99,999,999.99"));
    if (p.budgetMin && p.budgetMax && *p.budgetMax < *p.budgetMin)
        out.append({u"budget_max"_s, QCoreApplication::translate(
                                         "tp::Validation", "must not be less than the minimum budget")});
    if (p.preferredGroupSize < 0)
        out.append({u"preferred_group_size"_s,
                    QCoreApplication::translate("tp::Validation", "must not be negative")});
    return out;
}

QList<FieldError> checkUsername(const QString& username) {
    QList<FieldError> out;
    checkText(out, u"username"_s, username, UsernameMaxLength, true);
    // Django's UnicodeUsernameValidator: letters, digits and @ . + - _ only.
    // \z, not $: "$" also matches before a final newline (Django uses \Z for the same reason).
    static const QRegularExpression allowed(u"^[\\w.@+-]+\\z"_s,
                                            QRegularExpression::UseUnicodePropertiesOption);
    if (out.isEmpty() && !allowed.match(username).hasMatch())
        out.append({u"username"_s, QCoreApplication::translate(
                                       "tp::Validation", "may contain only letters, digits and @ . + - _")});
    return out;
}

QList<FieldError> checkMessageText(const QString& text) {
    QList<FieldError> out;
    checkText(out, u"content"_s, text, LongTextMaxLength, true);
    return out;
}

void require(const QList<FieldError>& errors) {
    if (!errors.isEmpty())
        throw Error::validation(errors);
}

Decimal parseMoney(const QString& field, const QString& text, int precision) {
    QString why;
    const auto d = Decimal::parse(text, precision, decimal_shape::MoneyScale, &why);
    if (!d)
        throw Error::validation(field, why);
    if (d->isNegative())
        throw Error::validation(field, QCoreApplication::translate("tp::Validation", "must not be negative"));
    return *d;
}

static Decimal parseCoordinate(const QString& field, const QString& text, int limit) {
    QString why;
    const auto d =
        Decimal::parse(text, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale, &why);
    if (!d)
        throw Error::validation(field, why);
    if (d->units() < -qint64(limit) * 1'000'000 || d->units() > qint64(limit) * 1'000'000)
        throw Error::validation(
            field, QCoreApplication::translate("tp::Validation", "must be between -%1 and %1").arg(limit));
    return *d;
}

Decimal parseLatitude(const QString& text) {
    return parseCoordinate(u"latitude"_s, text, 90);
}

Decimal parseLongitude(const QString& text) {
    return parseCoordinate(u"longitude"_s, text, 180);
}

QDate parseDate(const QString& field, const QString& text) {
    const QDate d = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!d.isValid())
        throw Error::validation(
            field, QCoreApplication::translate("tp::Validation", "is not a valid date (use YYYY-MM-DD): %1")
                       .arg(text.left(40)));
    return d;
}

} // namespace tp::validation
