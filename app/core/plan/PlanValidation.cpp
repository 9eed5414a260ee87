// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanValidation.h"

#include "Currency.h"
#include "LegTiming.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

// IANA ids, and the UTC offsets Qt names ("UTC+02") that an import may need.
bool isKnownZone(const QString& zone) {
    return QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()) || QTimeZone(zone.toUtf8()).isValid();
}

class Checker {
public:
    Checker(QList<FieldError>& out, QString path)
        : m_out(out)
        , m_path(std::move(path)) {}
    QString field(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    void add(const QString& key, const QString& message) { m_out.append({field(key), message}); }
    void text(const QString& key, const QString& value, int max, bool required) {
        if (required && value.trimmed().isEmpty())
            add(key, QCoreApplication::translate("tp::PlanValidation", "is required"));
        else if (value.size() > max)
            add(key,
                QCoreApplication::translate("tp::PlanValidation", "must be at most %L1 characters").arg(max));
        else if (value.contains(QChar(u'\0')))
            add(key, QCoreApplication::translate("tp::PlanValidation", "contains a NUL character"));
    }
    void id(const QString& value) {
        if (value.trimmed().isEmpty())
            add(u"id"_s, QCoreApplication::translate("tp::PlanValidation", "is required"));
        else if (value.size() > 64)
            add(u"id"_s, QCoreApplication::translate("tp::PlanValidation", "must be at most 64 characters"));
    }
    void status(const QString& value) {
        if (value != QStringView(item_status::Idea) && value != QStringView(item_status::Booked))
            add(u"status"_s, QCoreApplication::translate("tp::PlanValidation", "must be idea or booked"));
    }
    void money(const QString& key, const std::optional<Money>& m) {
        if (!m)
            return;
        if (m->amount.isNegative())
            add(key + u".amount"_s,
                QCoreApplication::translate("tp::PlanValidation", "must not be negative"));
        currency(key + u".currency"_s, m->currency);
    }
    void currency(const QString& key, const QString& code) {
        if (code.isEmpty())
            add(key, QCoreApplication::translate("tp::PlanValidation",
                                                 "is required (an ISO 4217 code such as EUR)"));
        else if (!isIsoCurrency(code))
            add(key,
                QCoreApplication::translate("tp::PlanValidation",
                                            "\"%1\" is not an ISO 4217 currency code (such as EUR, USD, JPY)")
                    .arg(code.left(10)));
    }
    void place(const QString& key, const Place& p, bool nameRequired) {
        text(key + u".name"_s, p.name, NameMaxLength, nameRequired);
        text(key + u".code"_s, p.code, 16, false);
        if (p.latitude && (p.latitude->units() < -90'000'000 || p.latitude->units() > 90'000'000))
            add(key + u".latitude"_s,
                QCoreApplication::translate("tp::PlanValidation", "must be between -90 and 90"));
        if (p.longitude && (p.longitude->units() < -180'000'000 || p.longitude->units() > 180'000'000))
            add(key + u".longitude"_s,
                QCoreApplication::translate("tp::PlanValidation", "must be between -180 and 180"));
        if (p.latitude.has_value() != p.longitude.has_value())
            add(key + (p.latitude ? u".longitude"_s : u".latitude"_s),
                QCoreApplication::translate("tp::PlanValidation",
                                            "is required when the other coordinate is set"));
        if (!p.zone.isEmpty() && !isKnownZone(p.zone))
            add(key + u".zone"_s,
                QCoreApplication::translate("tp::PlanValidation",
                                            "\"%1\" is not a known IANA time zone (such as Europe/Rome)")
                    .arg(p.zone.left(60)));
    }

private:
    QList<FieldError>& m_out;
    QString m_path;
};

void checkLegEnd(Checker& c, const QString& key, const LegEnd& e) {
    c.place(key, e.place, true);
    if (e.time.isValid() && !e.date.isValid())
        c.add(key + u".date"_s,
              QCoreApplication::translate("tp::PlanValidation", "is required when a time is given"));
    if (e.hasTime()) {
        if (e.place.zone.isEmpty())
            c.add(key + u".zone"_s, QCoreApplication::translate(
                                        "tp::PlanValidation",
                                        "is required with a time (an IANA time zone such as Europe/Rome)"));
        else if (isKnownZone(e.place.zone)) {
            const Instant i = toInstant(e.date, e.time, e.place.zone);
            if (!i.utc.isValid())
                c.add(key + u".time"_s, i.problem);
        }
    }
}

} // namespace

QList<FieldError> checkStay(const Stay& s, const QString& path) {
    QList<FieldError> out;
    Checker c(out, path);
    c.id(s.id);
    c.text(u"name"_s, s.name, NameMaxLength, true);
    c.place(u"place"_s, s.place, false);
    if (!s.checkIn.isValid())
        c.add(u"check_in"_s, QCoreApplication::translate("tp::PlanValidation", "is required (YYYY-MM-DD)"));
    if (!s.checkOut.isValid())
        c.add(u"check_out"_s, QCoreApplication::translate("tp::PlanValidation", "is required (YYYY-MM-DD)"));
    else if (s.checkIn.isValid() && s.checkOut <= s.checkIn)
        c.add(u"check_out"_s,
              QCoreApplication::translate("tp::PlanValidation", "must be after the check-in date"));
    else if (s.checkIn.isValid() && s.checkIn.daysTo(s.checkOut) > 366)
        c.add(u"check_out"_s, QCoreApplication::translate("tp::PlanValidation",
                                                          "must be within a year of the check-in date"));
    c.money(u"price"_s, s.price);
    c.text(u"booking_ref"_s, s.bookingRef, NameMaxLength, false);
    if (!s.link.isEmpty()) {
        const QUrl url(s.link, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            c.add(u"link"_s,
                  QCoreApplication::translate("tp::PlanValidation",
                                              "must be a web address starting with https:// or http://"));
    }
    c.status(s.status);
    c.text(u"notes"_s, s.notes, TextMaxLength, false);
    return out;
}

QList<FieldError> checkLeg(const Leg& l, const QString& path) {
    QList<FieldError> out;
    Checker c(out, path);
    c.id(l.id);
    bool knownMode = false;
    for (const char16_t* m : legModes)
        knownMode = knownMode || l.mode == QStringView(m);
    if (!knownMode)
        c.add(u"mode"_s, QCoreApplication::translate(
                             "tp::PlanValidation", "must be one of: flight, train, bus, ferry, car, other"));
    checkLegEnd(c, u"from"_s, l.from);
    checkLegEnd(c, u"to"_s, l.to);
    if (const auto seconds = durationSeconds(l); seconds && *seconds <= 0)
        c.add(u"to.time"_s,
              QCoreApplication::translate("tp::PlanValidation",
                                          "must be after the departure (%1 in %2 is not later than %3 in %4)")
                  .arg(l.to.time.toString(u"HH:mm"_s), l.to.place.zone, l.from.time.toString(u"HH:mm"_s),
                       l.from.place.zone));
    c.text(u"carrier"_s, l.carrier, NameMaxLength, false);
    c.text(u"number"_s, l.number, 32, false);
    c.text(u"booking_ref"_s, l.bookingRef, NameMaxLength, false);
    c.money(u"cost"_s, l.cost);
    c.status(l.status);
    c.text(u"notes"_s, l.notes, TextMaxLength, false);
    return out;
}

QList<FieldError> checkActivity(const Activity& a, const QString& path) {
    QList<FieldError> out;
    Checker c(out, path);
    c.id(a.id);
    c.text(u"title"_s, a.title, NameMaxLength, true);
    c.text(u"category"_s, a.category, 64, false);
    if ((a.start.isValid() || a.end.isValid()) && !a.date.isValid())
        c.add(u"date"_s, QCoreApplication::translate("tp::PlanValidation",
                                                     "is required when a start or end time is given"));
    if (a.end.isValid() && !a.start.isValid())
        c.add(u"start"_s,
              QCoreApplication::translate("tp::PlanValidation", "is required when an end time is given"));
    if (a.start.isValid() && a.end.isValid() && a.end <= a.start)
        c.add(u"end"_s, QCoreApplication::translate("tp::PlanValidation", "must be after the start time"));
    c.place(u"place"_s, a.place, false);
    c.money(u"cost"_s, a.cost);
    c.text(u"booking_ref"_s, a.bookingRef, NameMaxLength, false);
    c.status(a.status);
    c.text(u"notes"_s, a.notes, TextMaxLength, false);
    return out;
}

QList<FieldError> checkBudget(const BudgetSettings& b, const QString& path) {
    QList<FieldError> out;
    Checker c(out, path);
    if (!b.homeCurrency.isEmpty())
        c.currency(u"home_currency"_s, b.homeCurrency);
    for (qsizetype i = 0; i < b.rates.size(); ++i) {
        const ExchangeRate& r = b.rates[i];
        const QString key = u"rates[%1]"_s.arg(i);
        c.currency(key + u".currency"_s, r.currency);
        if (r.rate.units() <= 0)
            c.add(key + u".rate"_s,
                  QCoreApplication::translate("tp::PlanValidation", "must be greater than 0"));
        if (!r.date.isValid())
            c.add(key + u".date"_s,
                  QCoreApplication::translate("tp::PlanValidation",
                                              "is required (the date the rate was read, YYYY-MM-DD)"));
    }
    for (qsizetype i = 0; i < b.other.size(); ++i) {
        const OtherCost& o = b.other[i];
        const QString key = u"other[%1]"_s.arg(i);
        if (o.id.trimmed().isEmpty())
            c.add(key + u".id"_s, QCoreApplication::translate("tp::PlanValidation", "is required"));
        c.text(key + u".label"_s, o.label, NameMaxLength, true);
        if (o.amount.amount.isNegative())
            c.add(key + u".amount"_s,
                  QCoreApplication::translate("tp::PlanValidation", "must not be negative"));
        c.currency(key + u".currency"_s, o.amount.currency);
    }
    return out;
}

QList<FieldError> checkPlan(const Plan& p) {
    QList<FieldError> out;
    QSet<QString> ids;
    auto unique = [&](const QString& id, const QString& path) {
        if (id.isEmpty())
            return;
        if (ids.contains(id))
            out.append({path + u".id"_s,
                        QCoreApplication::translate("tp::PlanValidation", "\"%1\" is used by another item")
                            .arg(id)});
        ids.insert(id);
    };
    for (qsizetype i = 0; i < p.stays.size(); ++i) {
        const QString path = u"stays[%1]"_s.arg(i);
        out += checkStay(p.stays[i], path);
        unique(p.stays[i].id, path);
    }
    for (qsizetype i = 0; i < p.legs.size(); ++i) {
        const QString path = u"legs[%1]"_s.arg(i);
        out += checkLeg(p.legs[i], path);
        unique(p.legs[i].id, path);
    }
    for (qsizetype i = 0; i < p.activities.size(); ++i) {
        const QString path = u"activities[%1]"_s.arg(i);
        out += checkActivity(p.activities[i], path);
        unique(p.activities[i].id, path);
    }
    out += checkBudget(p.budget);
    for (qsizetype i = 0; i < p.budget.other.size(); ++i)
        unique(p.budget.other[i].id, u"budget.other[%1]"_s.arg(i));
    return out;
}

void requireValid(const QList<FieldError>& errors) {
    if (errors.isEmpty())
        return;
    QStringList lines;
    for (const FieldError& e : errors)
        lines << e.field + u' ' + e.message;
    throw Error(Error::Kind::Validation,
                QCoreApplication::translate("tp::PlanValidation", "The plan has a problem to fix: %1.")
                    .arg(lines.join(u"; "_s)),
                errors);
}

} // namespace tp::plan
