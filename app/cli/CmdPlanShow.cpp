// SPDX-License-Identifier: GPL-3.0-or-later
// plan show: the plan as text or JSON, with coverage, the itinerary's problems and the budget.
#include "CmdPlanCommon.h"

#include "plan/Budget.h"
#include "plan/Coverage.h"
#include "plan/Itinerary.h"
#include "plan/LegTiming.h"
#include "plan/PlanCodec.h"
#include "plan/Review.h"
#include "repo/DestinationRepository.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::cli::plancli {

namespace {

QString money(const std::optional<plan::Money>& m) {
    return m ? m->amount.toString() + u' ' + m->currency : QString();
}

QString legEnd(const plan::LegEnd& e) {
    QString t = e.place.name;
    if (e.date.isValid())
        t += u"  "_s + e.date.toString(Qt::ISODate);
    if (e.time.isValid())
        t += u' ' + e.time.toString(u"HH:mm"_s);
    if (!e.place.zone.isEmpty())
        t += u" ("_s + e.place.zone + u')';
    return t;
}

QJsonObject budgetJson(const plan::BudgetReport& b) {
    QJsonObject totals;
    for (const QString& c : plan::budgetCategories())
        totals[c] = b.total(c).toString();
    QJsonObject o{{u"home_currency"_s, b.homeCurrency},
                  {u"totals"_s, totals},
                  {u"total"_s, b.total().toString()},
                  {u"over_budget"_s, b.overBudget()},
                  {u"problems"_s, QJsonArray::fromStringList(b.problems)}};
    if (b.tripBudget)
        o[u"trip_budget"_s] = b.tripBudget->toString();
    if (const auto r = b.remaining())
        o[u"remaining"_s] = r->toString();
    return o;
}

QJsonArray itineraryJson(const QList<plan::ItineraryDay>& days) {
    QJsonArray out;
    for (const plan::ItineraryDay& d : days) {
        QJsonArray entries, problems;
        for (const plan::ItineraryEntry& e : d.entries) {
            QJsonObject o{
                {u"kind"_s, plan::entryKindName(e.kind)}, {u"item"_s, e.itemId}, {u"title"_s, e.title}};
            if (e.start.isValid())
                o[u"start"_s] = e.start.toString(u"HH:mm"_s);
            if (e.end.isValid())
                o[u"end"_s] = e.end.toString(u"HH:mm"_s);
            entries.append(o);
        }
        for (const plan::DayProblem& p : d.problems)
            problems.append(QJsonObject{{u"kind"_s, plan::problemKindName(p.kind)},
                                        {u"message"_s, p.message},
                                        {u"items"_s, QJsonArray::fromStringList(p.itemIds)}});
        out.append(QJsonObject{{u"date"_s, d.date.toString(Qt::ISODate)},
                               {u"night_stay"_s, d.nightStayId},
                               {u"entries"_s, entries},
                               {u"problems"_s, problems}});
    }
    return out;
}

} // namespace

int cmdPlanShow(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(
        QCoreApplication::translate("tp::cli", "plan show --trip ID [--json]: the trip's plan day by day."));
    addTripOptions(p);
    p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
    parseOrThrow(p, args, 0, 0);
    const Id trip = tripId(p);
    const User user = ctx.user(p.value(u"user"_s));
    Database& db = ctx.database();
    const Trip t = TripRepository(db, user.id).get(trip);
    std::optional<Destination> destination;
    if (t.destinationId)
        destination = DestinationRepository(db).find(*t.destinationId);
    const PlanDocument doc = PlanRepository(db, user.id).load(trip);
    const plan::Plan& pl = doc.plan;
    const plan::Coverage cover = plan::coverage(pl, t.startDate, t.endDate.isValid() ? t.endDate : QDate());
    const QList<plan::ItineraryDay> days = plan::buildItinerary(pl, t.startDate, t.endDate);
    const plan::BudgetReport budget = plan::computeBudget(pl, t, destination);
    const QList<plan::ReviewItem> review = plan::reviewPlan(pl, t, budget);

    if (p.isSet(u"json"_s)) {
        QJsonArray gaps, overlaps, legs;
        for (const QDate& n : cover.nightsWithoutStay)
            gaps.append(n.toString(Qt::ISODate));
        for (const plan::StayOverlap& o : cover.overlaps) {
            QJsonArray nights;
            for (const QDate& n : o.nights)
                nights.append(n.toString(Qt::ISODate));
            overlaps.append(
                QJsonObject{{u"stays"_s, QJsonArray{o.firstId, o.secondId}}, {u"nights"_s, nights}});
        }
        for (const plan::Leg& l : pl.legs) {
            QJsonObject o{{u"id"_s, l.id}};
            if (const auto s = plan::durationSeconds(l))
                o[u"duration_minutes"_s] = qint64(*s / 60);
            const plan::Instant dep = plan::departure(l), arr = plan::arrival(l);
            if (dep.utc.isValid())
                o[u"departure_utc"_s] = dep.utc.toString(Qt::ISODate);
            if (arr.utc.isValid())
                o[u"arrival_utc"_s] = arr.utc.toString(Qt::ISODate);
            legs.append(o);
        }
        QJsonArray problems, checklist;
        for (const plan::ReviewItem& r : review)
            checklist.append(QJsonObject{
                {u"kind"_s, plan::reviewKindName(r.kind)}, {u"item"_s, r.itemId}, {u"message"_s, r.message}});
        for (const FieldError& e : doc.problems)
            problems.append(QJsonObject{{u"field"_s, e.field}, {u"message"_s, e.message}});
        printJson(ctx, QJsonObject{{u"trip_id"_s, trip},
                                   {u"planning_session_id"_s, doc.sessionId},
                                   {u"stage"_s, doc.stage},
                                   {u"trip_status"_s, t.status},
                                   {u"plan"_s, plan::planToJson(pl)},
                                   {u"legs"_s, legs},
                                   {u"nights_without_stay"_s, gaps},
                                   {u"overlapping_stays"_s, overlaps},
                                   {u"itinerary"_s, itineraryJson(days)},
                                   {u"budget"_s, budgetJson(budget)},
                                   {u"review"_s, checklist},
                                   {u"unreadable_values"_s, problems}});
        return 0;
    }

    QTextStream& out = ctx.out;
    out << QCoreApplication::translate("tp::cli", "Plan of trip %1: %2 (stage: %3, status: %4)")
               .arg(QString::number(trip), t.title,
                    doc.stage.isEmpty() ? QCoreApplication::translate("tp::cli", "none") : doc.stage,
                    t.status)
        << u'\n';
    for (const FieldError& e : doc.problems)
        out << u"  "_s << QCoreApplication::translate("tp::cli", "Unreadable: %1 %2").arg(e.field, e.message)
            << u'\n';
    out << u'\n' << QCoreApplication::translate("tp::cli", "Stays (%1)").arg(pl.stays.size()) << u'\n';
    for (const plan::Stay& s : pl.stays) {
        const QString price = s.pricePerNight
                                  ? QCoreApplication::translate("tp::cli", "%1 a night").arg(money(s.price))
                                  : money(s.price);
        out << u"  "_s
            << QCoreApplication::translate("tp::cli", "%1  %2  %3 to %4 (%n nights)  %5  [%6]", nullptr,
                                           s.nights())
                   .arg(s.id, s.name, s.checkIn.toString(Qt::ISODate), s.checkOut.toString(Qt::ISODate),
                        price, s.status)
            << u'\n';
    }
    out << u'\n' << QCoreApplication::translate("tp::cli", "Legs (%1)").arg(pl.legs.size()) << u'\n';
    for (const plan::Leg& l : pl.legs) {
        const auto seconds = plan::durationSeconds(l);
        out << u"  %1  %2  %3 → %4  %5  %6  [%7]\n"_s.arg(
            l.id, l.mode, legEnd(l.from), legEnd(l.to),
            seconds ? plan::formatDuration(*seconds)
                    : QCoreApplication::translate("tp::cli", "duration unknown"),
            money(l.cost), l.status);
    }
    out << u'\n' << QCoreApplication::translate("tp::cli", "Activities (%1)").arg(pl.activities.size())
        << u'\n';
    for (const plan::Activity& a : pl.activities)
        out << u"  %1  %2  %3%4  %5  [%6]\n"_s.arg(
            a.id, a.title,
            a.isScheduled() ? a.date.toString(Qt::ISODate) : QCoreApplication::translate("tp::cli", "idea"),
            a.start.isValid() ? u" "_s + a.start.toString(u"HH:mm"_s) +
                                    (a.end.isValid() ? u"–"_s + a.end.toString(u"HH:mm"_s) : QString())
                              : QString(),
            money(a.cost), a.status);
    if (!cover.nightsWithoutStay.isEmpty()) {
        QStringList nights;
        for (const QDate& n : cover.nightsWithoutStay)
            nights << n.toString(Qt::ISODate);
        out << u'\n'
            << QCoreApplication::translate("tp::cli", "Nights without a stay: %1").arg(nights.join(u", "_s))
            << u'\n';
    }
    for (const plan::StayOverlap& o : cover.overlaps)
        out << QCoreApplication::translate("tp::cli", "Overlapping stays: %1 and %2 (%n nights)", nullptr,
                                           int(o.nights.size()))
                   .arg(o.firstId, o.secondId)
            << u'\n';
    out << u'\n' << QCoreApplication::translate("tp::cli", "Day by day") << u'\n';
    for (const plan::ItineraryDay& d : days) {
        out << u"  %1\n"_s.arg(d.date.toString(u"ddd yyyy-MM-dd"_s));
        for (const plan::ItineraryEntry& e : d.entries)
            out << u"    %1 %2 %3\n"_s.arg(e.start.isValid() ? e.start.toString(u"HH:mm"_s) : u"     "_s,
                                           plan::entryKindName(e.kind).leftJustified(10), e.title);
        for (const plan::DayProblem& pr : d.problems)
            out << u"    ! %1\n"_s.arg(pr.message);
    }
    out << u'\n'
        << QCoreApplication::translate("tp::cli", "Budget (%1)")
               .arg(budget.homeCurrency.isEmpty() ? QCoreApplication::translate("tp::cli", "no home currency")
                                                  : budget.homeCurrency)
        << u'\n';
    for (const QString& c : plan::budgetCategories())
        out << u"  %1 %2\n"_s.arg(c.leftJustified(12), budget.total(c).toString());
    out << u"  %1 %2\n"_s.arg(QCoreApplication::translate("tp::cli", "total").leftJustified(12),
                              budget.total().toString());
    if (budget.tripBudget)
        out << u"  %1 %2%3\n"_s.arg(
            QCoreApplication::translate("tp::cli", "budget").leftJustified(12), budget.tripBudget->toString(),
            budget.overBudget() ? u"  "_s + QCoreApplication::translate("tp::cli", "OVER BUDGET by %1")
                                                .arg(QString(budget.remaining()->toString()).remove(u'-'))
                                : QString());
    for (const QString& pr : budget.problems)
        out << u"  ! %1\n"_s.arg(pr);
    out << u'\n'
        << QCoreApplication::translate("tp::cli", "Final review: %1")
               .arg(review.isEmpty() ? QCoreApplication::translate("tp::cli", "nothing missing")
                                     : QCoreApplication::translate("tp::cli", "%n things to see to", nullptr,
                                                                   int(review.size())))
        << u'\n';
    for (const plan::ReviewItem& r : review)
        out << u"  - %1\n"_s.arg(r.message);
    return 0;
}

} // namespace tp::cli::plancli
