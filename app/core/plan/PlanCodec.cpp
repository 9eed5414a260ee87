// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

// Reads one object's fields, recording what cannot be read under `path`.
class Reader {
public:
    Reader(const QJsonObject& o, QString path, QList<FieldError>* problems)
        : m_o(o)
        , m_path(std::move(path))
        , m_problems(problems) {}

    QString field(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

    QString text(const QString& key) const {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            problem(key, QCoreApplication::translate("tp::PlanValidation", "must be text"));
            return {};
        }
        return v.toString();
    }
    QDate date(const QString& key) const {
        const QString t = text(key);
        if (t.isEmpty())
            return {};
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (!d.isValid() || t.size() != 10)
            problem(key, QCoreApplication::translate("tp::PlanValidation", "must be a date YYYY-MM-DD"));
        return d.isValid() && t.size() == 10 ? d : QDate();
    }
    QTime time(const QString& key) const {
        const QString t = text(key);
        if (t.isEmpty())
            return {};
        const QTime v = QTime::fromString(t, t.size() == 5 ? u"HH:mm"_s : u"HH:mm:ss"_s);
        if (!v.isValid())
            problem(key, QCoreApplication::translate("tp::PlanValidation", "must be a time HH:MM"));
        return v;
    }
    std::optional<Decimal> decimal(const QString& key, int precision, int scale) const {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            problem(key, QCoreApplication::translate("tp::PlanValidation",
                                                     "must be a number written as text, like \"12.50\""));
            return std::nullopt;
        }
        QString error;
        auto d = Decimal::parse(v.toString(), precision, scale, &error);
        if (!d)
            problem(key, error);
        return d;
    }
    QJsonObject object(const QString& key) const {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            problem(key, QCoreApplication::translate("tp::PlanValidation", "must be an object"));
        return v.toObject();
    }
    QJsonArray array(const QString& key) const {
        const QJsonValue v = m_o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            problem(key, QCoreApplication::translate("tp::PlanValidation", "must be a list"));
        return v.toArray();
    }
    void problem(const QString& key, const QString& message) const {
        if (m_problems)
            m_problems->append({field(key), message});
    }
    QList<FieldError>* problems() const { return m_problems; }

private:
    QJsonObject m_o;
    QString m_path;
    QList<FieldError>* m_problems;
};

// Sets or removes a key: an empty value is written as an absent key.
void put(QJsonObject& o, const QString& key, const QString& value) {
    if (value.isEmpty())
        o.remove(key);
    else
        o[key] = value;
}
void put(QJsonObject& o, const QString& key, const QDate& value) {
    put(o, key, value.isValid() ? value.toString(Qt::ISODate) : QString());
}
void put(QJsonObject& o, const QString& key, const QTime& value) {
    put(o, key, !value.isValid() ? QString() : value.toString(value.second() ? u"HH:mm:ss"_s : u"HH:mm"_s));
}
void put(QJsonObject& o, const QString& key, const std::optional<Decimal>& value) {
    put(o, key, value ? value->toString() : QString());
}
void put(QJsonObject& o, const QString& key, const QJsonObject& value) {
    if (value.isEmpty())
        o.remove(key);
    else
        o[key] = value;
}

Place readPlace(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    Place p;
    p.raw = o;
    p.name = r.text(u"name"_s);
    p.code = r.text(u"code"_s);
    p.latitude = r.decimal(u"latitude"_s, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
    p.longitude =
        r.decimal(u"longitude"_s, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
    p.zone = r.text(u"zone"_s);
    return p;
}

QJsonObject writePlace(const Place& p) {
    QJsonObject o = p.raw;
    put(o, u"name"_s, p.name);
    put(o, u"code"_s, p.code);
    put(o, u"latitude"_s, p.latitude);
    put(o, u"longitude"_s, p.longitude);
    put(o, u"zone"_s, p.zone);
    return o;
}

std::optional<Money> readMoney(const Reader& r, const QString& key, const QString& amountKey,
                               const QJsonObject& o) {
    Reader m(o, r.field(key), r.problems());
    auto amount = m.decimal(amountKey, AmountPrecision, AmountScale);
    const QString currency = m.text(u"currency"_s);
    if (!amount)
        return std::nullopt;
    return Money{*amount, currency};
}

QString itemId(const Reader& r) {
    const QString id = r.text(u"id"_s);
    if (id.isEmpty())
        r.problem(u"id"_s, QCoreApplication::translate("tp::PlanValidation", "is missing"));
    return id;
}

Stay readStay(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    Stay s;
    s.raw = o;
    s.id = itemId(r);
    s.name = r.text(u"name"_s);
    s.place = readPlace(r.object(u"place"_s), r.field(u"place"_s), problems);
    s.checkIn = r.date(u"check_in"_s);
    s.checkOut = r.date(u"check_out"_s);
    const QJsonObject price = r.object(u"price"_s);
    s.price = readMoney(r, u"price"_s, u"amount"_s, price);
    s.pricePerNight = price.value(u"per"_s).toString() == u"night";
    s.bookingRef = r.text(u"booking_ref"_s);
    s.link = r.text(u"link"_s);
    s.status = r.text(u"status"_s);
    if (s.status.isEmpty())
        s.status = QString::fromUtf16(item_status::Idea);
    s.notes = r.text(u"notes"_s);
    return s;
}

QJsonObject writeMoney(QJsonObject o, const std::optional<Money>& m) {
    if (!m)
        return {};
    o[u"amount"_s] = m->amount.toString();
    o[u"currency"_s] = m->currency;
    return o;
}

void putCommon(QJsonObject& o, const QString& bookingRef, const QString& status, const QString& notes) {
    put(o, u"booking_ref"_s, bookingRef);
    // "idea" is the default: not written unless the object already had a status.
    if (status != QStringView(item_status::Idea) || o.contains(u"status"_s))
        put(o, u"status"_s, status);
    put(o, u"notes"_s, notes);
}

LegEnd readLegEnd(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    LegEnd e;
    e.place = readPlace(o, path, problems);
    e.date = r.date(u"date"_s);
    e.time = r.time(u"time"_s);
    return e;
}

QJsonObject writeLegEnd(const LegEnd& e) {
    QJsonObject o = writePlace(e.place);
    put(o, u"date"_s, e.date);
    put(o, u"time"_s, e.time);
    return o;
}

Leg readLeg(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    Leg l;
    l.raw = o;
    l.id = itemId(r);
    l.mode = r.text(u"mode"_s);
    l.from = readLegEnd(r.object(u"from"_s), r.field(u"from"_s), problems);
    l.to = readLegEnd(r.object(u"to"_s), r.field(u"to"_s), problems);
    l.carrier = r.text(u"carrier"_s);
    l.number = r.text(u"number"_s);
    l.bookingRef = r.text(u"booking_ref"_s);
    l.cost = readMoney(r, u"cost"_s, u"amount"_s, r.object(u"cost"_s));
    l.status = r.text(u"status"_s);
    if (l.status.isEmpty())
        l.status = QString::fromUtf16(item_status::Idea);
    l.notes = r.text(u"notes"_s);
    return l;
}

Activity readActivity(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    Activity a;
    a.raw = o;
    a.id = itemId(r);
    a.title = r.text(u"title"_s);
    a.category = r.text(u"category"_s);
    a.date = r.date(u"date"_s);
    a.start = r.time(u"start"_s);
    a.end = r.time(u"end"_s);
    a.place = readPlace(r.object(u"place"_s), r.field(u"place"_s), problems);
    a.cost = readMoney(r, u"cost"_s, u"amount"_s, r.object(u"cost"_s));
    a.bookingRef = r.text(u"booking_ref"_s);
    a.status = r.text(u"status"_s);
    if (a.status.isEmpty())
        a.status = QString::fromUtf16(item_status::Idea);
    a.notes = r.text(u"notes"_s);
    return a;
}

BudgetSettings readBudget(const QJsonObject& o, const QString& path, QList<FieldError>* problems) {
    Reader r(o, path, problems);
    BudgetSettings b;
    b.raw = o;
    b.homeCurrency = r.text(u"home_currency"_s);
    const QJsonArray rates = r.array(u"rates"_s);
    for (qsizetype i = 0; i < rates.size(); ++i) {
        const QString p = r.field(u"rates[%1]"_s.arg(i));
        Reader x(rates[i].toObject(), p, problems);
        ExchangeRate rate;
        rate.raw = rates[i].toObject();
        rate.currency = x.text(u"currency"_s);
        rate.rate = x.decimal(u"rate"_s, RatePrecision, RateScale).value_or(Decimal());
        rate.date = x.date(u"date"_s);
        b.rates << rate;
    }
    const QJsonArray other = r.array(u"other"_s);
    for (qsizetype i = 0; i < other.size(); ++i) {
        const QString p = r.field(u"other[%1]"_s.arg(i));
        Reader x(other[i].toObject(), p, problems);
        OtherCost c;
        c.raw = other[i].toObject();
        c.id = itemId(x);
        c.label = x.text(u"label"_s);
        c.amount.amount = x.decimal(u"amount"_s, AmountPrecision, AmountScale).value_or(Decimal());
        c.amount.currency = x.text(u"currency"_s);
        b.other << c;
    }
    return b;
}

QJsonObject writeBudget(const BudgetSettings& b) {
    QJsonObject o = b.raw;
    put(o, u"home_currency"_s, b.homeCurrency);
    QJsonArray rates;
    for (const ExchangeRate& rate : b.rates) {
        QJsonObject x = rate.raw;
        x[u"currency"_s] = rate.currency;
        x[u"rate"_s] = rate.rate.toString();
        put(x, u"date"_s, rate.date);
        rates.append(x);
    }
    if (!rates.isEmpty() || o.contains(u"rates"_s))
        o[u"rates"_s] = rates;
    QJsonArray other;
    for (const OtherCost& c : b.other) {
        QJsonObject x = c.raw;
        x[u"id"_s] = c.id;
        put(x, u"label"_s, c.label);
        x[u"amount"_s] = c.amount.amount.toString();
        x[u"currency"_s] = c.amount.currency;
        other.append(x);
    }
    if (!other.isEmpty() || o.contains(u"other"_s))
        o[u"other"_s] = other;
    return o;
}

template <class T, class F>
QList<T> readList(const Reader& r, const QString& key, QList<FieldError>* problems, F readOne) {
    QList<T> out;
    const QJsonArray a = r.array(key);
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = r.field(u"%1[%2]"_s.arg(key).arg(i));
        if (!a[i].isObject()) {
            if (problems)
                problems->append(
                    {path, QCoreApplication::translate("tp::PlanValidation", "must be an object")});
            continue;
        }
        out << readOne(a[i].toObject(), path, problems);
    }
    return out;
}

} // namespace

QJsonObject toJson(const Stay& s) {
    QJsonObject o = s.raw;
    o[u"id"_s] = s.id;
    put(o, u"name"_s, s.name);
    put(o, u"place"_s, writePlace(s.place));
    put(o, u"check_in"_s, s.checkIn);
    put(o, u"check_out"_s, s.checkOut);
    QJsonObject price = writeMoney(s.raw.value(u"price"_s).toObject(), s.price);
    if (!price.isEmpty())
        price[u"per"_s] = s.pricePerNight ? u"night"_s : u"total"_s;
    put(o, u"price"_s, price);
    put(o, u"link"_s, s.link);
    putCommon(o, s.bookingRef, s.status, s.notes);
    return o;
}

QJsonObject toJson(const Leg& l) {
    QJsonObject o = l.raw;
    o[u"id"_s] = l.id;
    put(o, u"mode"_s, l.mode);
    o[u"from"_s] = writeLegEnd(l.from);
    o[u"to"_s] = writeLegEnd(l.to);
    put(o, u"carrier"_s, l.carrier);
    put(o, u"number"_s, l.number);
    put(o, u"cost"_s, writeMoney(l.raw.value(u"cost"_s).toObject(), l.cost));
    putCommon(o, l.bookingRef, l.status, l.notes);
    return o;
}

QJsonObject toJson(const Activity& a) {
    QJsonObject o = a.raw;
    o[u"id"_s] = a.id;
    put(o, u"title"_s, a.title);
    put(o, u"category"_s, a.category);
    put(o, u"date"_s, a.date);
    put(o, u"start"_s, a.start);
    put(o, u"end"_s, a.end);
    put(o, u"place"_s, writePlace(a.place));
    put(o, u"cost"_s, writeMoney(a.raw.value(u"cost"_s).toObject(), a.cost));
    putCommon(o, a.bookingRef, a.status, a.notes);
    return o;
}

Plan planFromJson(const QJsonObject& object, QList<FieldError>* problems) {
    Reader r(object, u"plan"_s, problems);
    Plan p;
    p.raw = object;
    const QJsonValue version = object.value(u"version"_s);
    p.version = version.isUndefined() ? FormatVersion : version.toInt(-1);
    if (p.version > FormatVersion)
        throw Error(Error::Kind::Schema,
                    QCoreApplication::translate(
                        "tp::Plan",
                        "This trip's plan was saved by a newer version of Trip Planner (plan format %1; "
                        "this version reads %2). Update Trip Planner to open it.")
                        .arg(p.version)
                        .arg(FormatVersion));
    if (p.version < 1)
        r.problem(u"version"_s,
                  QCoreApplication::translate("tp::PlanValidation", "must be a whole number from 1"));
    p.stays = readList<Stay>(r, u"stays"_s, problems, readStay);
    p.legs = readList<Leg>(r, u"legs"_s, problems, readLeg);
    p.activities = readList<Activity>(r, u"activities"_s, problems, readActivity);
    p.budget = readBudget(r.object(u"budget"_s), r.field(u"budget"_s), problems);
    return p;
}

QJsonObject planToJson(const Plan& plan) {
    QJsonObject o = plan.raw;
    o[u"version"_s] = FormatVersion;
    QJsonArray stays, legs, activities;
    for (const Stay& s : plan.stays)
        stays.append(toJson(s));
    for (const Leg& l : plan.legs)
        legs.append(toJson(l));
    for (const Activity& a : plan.activities)
        activities.append(toJson(a));
    o[u"stays"_s] = stays;
    o[u"legs"_s] = legs;
    o[u"activities"_s] = activities;
    o[u"budget"_s] = writeBudget(plan.budget);
    return o;
}

Plan readPlan(const QJsonObject& sessionData, QList<FieldError>* problems) {
    const QJsonValue v = sessionData.value(QString::fromUtf16(SessionDataKey));
    if (!v.isObject()) {
        if (!v.isUndefined() && !v.isNull() && problems)
            problems->append(
                {u"plan"_s, QCoreApplication::translate("tp::PlanValidation", "must be an object")});
        return {};
    }
    return planFromJson(v.toObject(), problems);
}

QJsonObject writePlan(QJsonObject sessionData, const Plan& plan) {
    sessionData[QString::fromUtf16(SessionDataKey)] = planToJson(plan);
    return sessionData;
}

} // namespace tp::plan
