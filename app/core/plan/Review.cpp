// SPDX-License-Identifier: GPL-3.0-or-later
#include "Review.h"

#include "Coverage.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {
bool booked(const QString& status) {
    return status == QStringView(item_status::Booked);
}
bool outside(const Trip& t, const QDate& d) {
    return d.isValid() && t.startDate.isValid() && t.endDate.isValid() && (d < t.startDate || d > t.endDate);
}
QString legName(const Leg& l) {
    return l.from.place.name + u" → "_s + l.to.place.name;
}
} // namespace

QList<ReviewItem> reviewPlan(const Plan& plan, const Trip& trip, const BudgetReport& budget) {
    QList<ReviewItem> out;
    const Coverage c = coverage(plan, trip.startDate, trip.endDate);
    for (const QDate& n : c.nightsWithoutStay)
        out << ReviewItem{ReviewItem::Kind::NightWithoutStay,
                          {},
                          QCoreApplication::translate("tp::Plan", "No stay for the night of %1")
                              .arg(n.toString(Qt::ISODate))};
    for (const StayOverlap& o : c.overlaps)
        out << ReviewItem{ReviewItem::Kind::OverlappingStays, o.secondId,
                          QCoreApplication::translate("tp::Plan", "Two stays share %1 night(s) from %2")
                              .arg(QString::number(o.nights.size()), o.nights.first().toString(Qt::ISODate))};
    for (const Stay& s : plan.stays) {
        if (!booked(s.status))
            out << ReviewItem{ReviewItem::Kind::Unbooked, s.id,
                              QCoreApplication::translate("tp::Plan", "“%1” is not booked").arg(s.name)};
        if (outside(trip, s.checkIn) || outside(trip, s.checkOut))
            out << ReviewItem{
                ReviewItem::Kind::OutsideTrip, s.id,
                QCoreApplication::translate("tp::Plan", "“%1” is outside the trip's dates").arg(s.name)};
    }
    for (const Leg& l : plan.legs) {
        if (!booked(l.status))
            out << ReviewItem{ReviewItem::Kind::Unbooked, l.id,
                              QCoreApplication::translate("tp::Plan", "“%1” is not booked").arg(legName(l))};
        if (!l.from.hasTime() || !l.to.hasTime())
            out << ReviewItem{ReviewItem::Kind::LegWithoutTime, l.id,
                              (l.from.hasTime()
                                   ? QCoreApplication::translate("tp::Plan", "“%1” has no arrival time")
                                   : QCoreApplication::translate("tp::Plan", "“%1” has no departure time"))
                                  .arg(legName(l))};
        if (outside(trip, l.from.date) || outside(trip, l.to.date))
            out << ReviewItem{
                ReviewItem::Kind::OutsideTrip, l.id,
                QCoreApplication::translate("tp::Plan", "“%1” is outside the trip's dates").arg(legName(l))};
    }
    for (const Activity& a : plan.activities) {
        if (!a.isScheduled())
            continue;
        if (!booked(a.status) && !a.bookingRef.isEmpty())
            out << ReviewItem{ReviewItem::Kind::Unbooked, a.id,
                              QCoreApplication::translate(
                                  "tp::Plan", "“%1” has a booking reference but is not marked booked")
                                  .arg(a.title)};
        if (outside(trip, a.date))
            out << ReviewItem{
                ReviewItem::Kind::OutsideTrip, a.id,
                QCoreApplication::translate("tp::Plan", "“%1” is outside the trip's dates").arg(a.title)};
    }
    if (budget.overBudget())
        out << ReviewItem{
            ReviewItem::Kind::OverBudget,
            {},
            QCoreApplication::translate("tp::Plan", "Over budget by %1 %2")
                .arg(QString(budget.remaining()->toString()).remove(u'-'), budget.homeCurrency)};
    return out;
}

QString reviewKindName(ReviewItem::Kind kind) {
    switch (kind) {
    case ReviewItem::Kind::NightWithoutStay:
        return u"night_without_stay"_s;
    case ReviewItem::Kind::OverlappingStays:
        return u"overlapping_stays"_s;
    case ReviewItem::Kind::Unbooked:
        return u"unbooked"_s;
    case ReviewItem::Kind::LegWithoutTime:
        return u"leg_without_time"_s;
    case ReviewItem::Kind::OutsideTrip:
        return u"outside_trip"_s;
    case ReviewItem::Kind::OverBudget:
        return u"over_budget"_s;
    }
    return {};
}

} // namespace tp::plan
