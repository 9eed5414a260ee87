// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>
#include <optional>

// The trip's plan as values: stays, legs, activities and the budget's settings,
// as stored under "plan" in the planning session's session_data
// (docs/plan-format.md). Every item carries a stable id and the JSON object it
// was read from (`raw`), so keys this version does not know survive a write.
namespace tp::plan {

inline constexpr int FormatVersion = 1;

// Amounts: 2 decimals, up to 9,999,999,999.99. Rates: 6 decimals.
inline constexpr int AmountPrecision = 12;
inline constexpr int AmountScale = 2;
inline constexpr int RatePrecision = 14;
inline constexpr int RateScale = 6;

struct Money {
    Decimal amount;
    QString currency; // ISO 4217, upper case
    bool operator==(const Money&) const = default;
};

// A named place; coordinates and zone are optional (an idea may have neither).
struct Place {
    QString name;
    QString code; // IATA airport code or another short code; may be empty
    std::optional<Decimal> latitude;
    std::optional<Decimal> longitude;
    QString zone; // IANA time zone id; may be empty
    QJsonObject raw;

    bool hasCoordinates() const { return latitude && longitude; }
    bool isEmpty() const { return name.isEmpty() && code.isEmpty() && !hasCoordinates() && zone.isEmpty(); }
};

namespace item_status {
inline constexpr char16_t Idea[] = u"idea";
inline constexpr char16_t Booked[] = u"booked";
} // namespace item_status

struct Stay {
    QString id;
    QString name;
    Place place;
    QDate checkIn;
    QDate checkOut;
    std::optional<Money> price;
    bool pricePerNight = false; // price is for each night rather than the whole stay
    QString bookingRef;
    QString link;
    QString status = QString::fromUtf16(item_status::Idea);
    QString notes;
    QJsonObject raw;

    int nights() const { return checkIn.isValid() && checkOut.isValid() ? int(checkIn.daysTo(checkOut)) : 0; }
};

// One end of a leg: where, and the wall-clock time there. The time zone is the
// place's (place.zone); a time without a zone cannot be placed on the timeline.
struct LegEnd {
    Place place;
    QDate date; // local date; null when not known yet
    QTime time; // local time; null when not known yet

    bool hasTime() const { return date.isValid() && time.isValid(); }
};

inline constexpr const char16_t* legModes[] = {u"flight", u"train", u"bus", u"ferry", u"car", u"other"};

struct Leg {
    QString id;
    QString mode = QStringLiteral("flight");
    LegEnd from;
    LegEnd to;
    QString carrier;
    QString number;
    QString bookingRef;
    std::optional<Money> cost;
    QString status = QString::fromUtf16(item_status::Idea);
    QString notes;
    QJsonObject raw;
};

// Scheduled when it has a date; an idea (unscheduled) otherwise.
struct Activity {
    QString id;
    QString title;
    QString category;
    QDate date;
    QTime start;
    QTime end;
    Place place;
    std::optional<Money> cost;
    QString bookingRef;
    QString status = QString::fromUtf16(item_status::Idea);
    QString notes;
    QJsonObject raw;

    bool isScheduled() const { return date.isValid(); }
};

// 1 unit of `currency` = `rate` units of the home currency, as the user read it on `date`.
struct ExchangeRate {
    QString currency;
    Decimal rate;
    QDate date;
    QJsonObject raw;
};

// A cost that is none of the above (insurance, visas, gifts): the "other" category.
struct OtherCost {
    QString id;
    QString label;
    Money amount;
    QJsonObject raw;
};

struct BudgetSettings {
    QString homeCurrency; // empty: not chosen (the budget cannot convert)
    QList<ExchangeRate> rates;
    QList<OtherCost> other;
    QJsonObject raw;
};

struct Plan {
    int version = FormatVersion;
    QList<Stay> stays;
    QList<Leg> legs;
    QList<Activity> activities;
    BudgetSettings budget;
    QJsonObject raw;

    bool isEmpty() const { return stays.isEmpty() && legs.isEmpty() && activities.isEmpty(); }
    // Every stay, leg and scheduled activity marked booked (and at least one item).
    bool everythingBooked() const;
    const Stay* stay(const QString& id) const;
    const Leg* leg(const QString& id) const;
    const Activity* activity(const QString& id) const;
    // Removes the item with this id, whatever its kind; false when there is none.
    bool remove(const QString& id);
};

// A fresh id for a new item: a prefix for its kind ("stay", "leg", "act",
// "cost") and random hex, unique in practice across windows and machines.
QString newItemId(const QString& prefix);

// A place as people read it: "Catania (CTA)", the name alone without a code,
// the code alone without a name; a name that already ends in its code (an
// airport looked up by code is named "London (LHR)") is not given it twice.
QString nameWithCode(const Place& p);

} // namespace tp::plan
