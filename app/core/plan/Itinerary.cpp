// SPDX-License-Identifier: GPL-3.0-or-later
#include "Itinerary.h"

#include "Coverage.h"
#include "LegTiming.h"

#include <QCoreApplication>
#include <QMap>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

using Kind = ItineraryEntry::Kind;

int minutesOf(const QTime& t) {
    return t.hour() * 60 + t.minute();
}

void span(QDate& first, QDate& last, const QDate& d) {
    if (!d.isValid())
        return;
    if (!first.isValid() || d < first)
        first = d;
    if (!last.isValid() || d > last)
        last = d;
}

QString legTitle(const Leg& l) {
    QString t = l.from.place.name + u" → "_s + l.to.place.name;
    if (!l.carrier.isEmpty() || !l.number.isEmpty())
        t += u" ("_s + QStringList{l.carrier, l.number}.join(u' ').trimmed() + u')';
    return t;
}

void addLeg(QMap<QDate, QList<ItineraryEntry>>& days, const Leg& l) {
    const QString title = legTitle(l);
    if (l.from.date.isValid() && l.from.date == l.to.date) {
        ItineraryEntry e{Kind::Leg, l.id, title, l.from.time, l.to.time, l.from.place.zone, 0};
        e.sortMinutes = l.from.time.isValid() ? minutesOf(l.from.time) : 12 * 60;
        days[l.from.date] << e;
        return;
    }
    if (l.from.date.isValid()) {
        ItineraryEntry e{Kind::Departure, l.id, title, l.from.time, {}, l.from.place.zone, 0};
        e.sortMinutes = l.from.time.isValid() ? minutesOf(l.from.time) : 12 * 60;
        days[l.from.date] << e;
    }
    if (l.to.date.isValid()) {
        ItineraryEntry e{Kind::Arrival, l.id, title, l.to.time, {}, l.to.place.zone, 0};
        e.sortMinutes = l.to.time.isValid() ? minutesOf(l.to.time) : 12 * 60;
        days[l.to.date] << e;
    }
}

bool timed(const ItineraryEntry& e) {
    return e.start.isValid() && e.end.isValid() && e.end > e.start;
}

void flagOverlaps(ItineraryDay& day) {
    for (qsizetype i = 0; i < day.entries.size(); ++i) {
        for (qsizetype j = i + 1; j < day.entries.size(); ++j) {
            const ItineraryEntry& a = day.entries[i];
            const ItineraryEntry& b = day.entries[j];
            if (!timed(a) || !timed(b) || a.itemId == b.itemId)
                continue;
            if (a.start < b.end && b.start < a.end)
                day.problems << DayProblem{
                    DayProblem::Kind::Overlap,
                    QCoreApplication::translate("tp::Plan", "“%1” and “%2” overlap (%3–%4 and %5–%6)")
                        .arg(a.title, b.title, a.start.toString(u"HH:mm"_s), a.end.toString(u"HH:mm"_s),
                             b.start.toString(u"HH:mm"_s), b.end.toString(u"HH:mm"_s)),
                    {a.itemId, b.itemId}};
        }
    }
}

void flagBusyDay(ItineraryDay& day, const Plan& plan) {
    qint64 longest = 0;
    QString longLeg;
    int activitySeconds = 0, activityCount = 0;
    for (const ItineraryEntry& e : day.entries) {
        if (e.kind == Kind::Leg || e.kind == Kind::Departure) {
            if (const Leg* l = plan.leg(e.itemId))
                if (const auto s = durationSeconds(*l); s && *s > longest) {
                    longest = *s;
                    longLeg = l->id;
                }
        } else if (e.kind == Kind::Activity) {
            ++activityCount;
            if (timed(e))
                activitySeconds += e.start.secsTo(e.end);
        }
    }
    if (longest >= LongLegSeconds &&
        (activitySeconds >= FullDayActivitySeconds || activityCount >= FullDayActivityCount))
        day.problems << DayProblem{
            DayProblem::Kind::LongLegFullDay,
            QCoreApplication::translate("tp::Plan", "A %1 journey and %2 activities on the same day")
                .arg(formatDuration(longest), QString::number(activityCount)),
            {longLeg}};
}

void flagFarFromStay(ItineraryDay& day, const Plan& plan) {
    // The night's stay, or on a departure morning the stay of the night before.
    const Stay* stay = stayForNight(plan, day.date);
    if (!stay)
        stay = stayForNight(plan, day.date.addDays(-1));
    if (!stay || !stay->place.hasCoordinates())
        return;
    for (const ItineraryEntry& e : day.entries) {
        if (e.kind != Kind::Activity)
            continue;
        const Activity* a = plan.activity(e.itemId);
        if (!a || !a->place.hasCoordinates())
            continue;
        const double km = distanceKm(a->place, stay->place);
        if (km > FarFromStayKm)
            day.problems << DayProblem{
                DayProblem::Kind::FarFromStay,
                QCoreApplication::translate("tp::Plan", "“%1” is %2 km from “%3”, where you stay that night")
                    .arg(a->title, QString::number(qRound(km)), stay->name),
                {a->id, stay->id}};
    }
}

} // namespace

double distanceKm(const Place& a, const Place& b) {
    constexpr double earthRadiusKm = 6371.0088; // mean radius (IUGG)
    constexpr double rad = M_PI / 180.0;
    const double lat1 = a.latitude->toDouble() * rad, lat2 = b.latitude->toDouble() * rad;
    const double dLat = lat2 - lat1;
    const double dLon = (b.longitude->toDouble() - a.longitude->toDouble()) * rad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1) * std::cos(lat2) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * earthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

QList<ItineraryDay> buildItinerary(const Plan& plan, const QDate& tripFirst, const QDate& tripLast) {
    QMap<QDate, QList<ItineraryEntry>> days;
    QDate first, last;
    for (const Stay& s : plan.stays) {
        span(first, last, s.checkIn);
        span(first, last, s.checkOut);
        if (s.checkOut.isValid())
            days[s.checkOut] << ItineraryEntry{Kind::CheckOut, s.id, s.name, {}, {}, s.place.zone, 11 * 60};
        if (s.checkIn.isValid())
            days[s.checkIn] << ItineraryEntry{Kind::CheckIn, s.id, s.name, {}, {}, s.place.zone, 15 * 60};
    }
    for (const Leg& l : plan.legs) {
        span(first, last, l.from.date);
        span(first, last, l.to.date);
        addLeg(days, l);
    }
    for (const Activity& a : plan.activities) {
        if (!a.isScheduled())
            continue;
        span(first, last, a.date);
        ItineraryEntry e{Kind::Activity, a.id, a.title, a.start, a.end, a.place.zone, 0};
        // Untimed activities go after the timed ones of the morning, before the evening.
        e.sortMinutes = a.start.isValid() ? minutesOf(a.start) : 14 * 60;
        days[a.date] << e;
    }
    if (tripFirst.isValid() && tripLast.isValid() && tripFirst <= tripLast) {
        first = tripFirst;
        last = tripLast;
    }
    QList<ItineraryDay> out;
    if (!first.isValid())
        return out;
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        ItineraryDay day;
        day.date = d;
        if (const Stay* s = stayForNight(plan, d))
            day.nightStayId = s->id;
        day.entries = days.value(d);
        std::stable_sort(
            day.entries.begin(), day.entries.end(),
            [](const ItineraryEntry& a, const ItineraryEntry& b) { return a.sortMinutes < b.sortMinutes; });
        const bool planned = std::any_of(day.entries.begin(), day.entries.end(), [](const ItineraryEntry& e) {
            return e.kind != Kind::CheckIn && e.kind != Kind::CheckOut;
        });
        if (!planned)
            day.problems << DayProblem{DayProblem::Kind::Empty,
                                       QCoreApplication::translate("tp::Plan", "Nothing planned on this day"),
                                       {}};
        flagOverlaps(day);
        flagBusyDay(day, plan);
        flagFarFromStay(day, plan);
        out << day;
    }
    return out;
}

QString problemKindName(DayProblem::Kind kind) {
    switch (kind) {
    case DayProblem::Kind::Overlap:
        return u"overlap"_s;
    case DayProblem::Kind::Empty:
        return u"empty"_s;
    case DayProblem::Kind::LongLegFullDay:
        return u"long_leg_full_day"_s;
    case DayProblem::Kind::FarFromStay:
        return u"far_from_stay"_s;
    }
    return {};
}

QString entryKindName(ItineraryEntry::Kind kind) {
    switch (kind) {
    case Kind::Leg:
        return u"leg"_s;
    case Kind::Departure:
        return u"departure"_s;
    case Kind::Arrival:
        return u"arrival"_s;
    case Kind::CheckOut:
        return u"check_out"_s;
    case Kind::CheckIn:
        return u"check_in"_s;
    case Kind::Activity:
        return u"activity"_s;
    }
    return {};
}

} // namespace tp::plan
