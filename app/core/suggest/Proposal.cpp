// SPDX-License-Identifier: GPL-3.0-or-later
#include "Proposal.h"

#include "domain/Validation.h"
#include "geo/CoordinateCheck.h"
#include "plan/Currency.h"
#include "plan/Itinerary.h"
#include "plan/PlanValidation.h"

#include <QCoreApplication>
#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::suggest {

namespace {

struct StageNameRow {
    Stage stage;
    const char16_t* name;
};
constexpr StageNameRow stageRows[] = {
    {Stage::Accommodation, u"accommodation"},
    {Stage::Activities, u"activities"},
    {Stage::Itinerary, u"itinerary"},
    {Stage::Budget, u"budget"},
};

// A point a proposal names must lie on land in the destination's country (or
// near it): a model's coordinates in the sea or across a border are shown as a
// problem, never stored.
void checkPlace(QList<FieldError>& problems, const QString& field, const plan::Place& place,
                const QString& country) {
    if (!place.hasCoordinates())
        return;
    const geo::CoordinateCheck check = geo::checkCoordinate(*place.latitude, *place.longitude, country);
    if (check.flagged())
        problems << FieldError{field, check.message()};
}

void checkDay(QList<FieldError>& problems, const QString& field, const QDate& date, const Trip& trip,
              bool mayBeDayAfter = false) {
    if (!date.isValid() || !trip.startDate.isValid() || !trip.endDate.isValid())
        return;
    const QDate last = mayBeDayAfter ? trip.endDate.addDays(1) : trip.endDate;
    if (date < trip.startDate || date > last)
        problems << FieldError{field,
                               QCoreApplication::translate("tp::Suggest", "%1 is outside the trip (%2 to %3)")
                                   .arg(date.toString(Qt::ISODate), trip.startDate.toString(Qt::ISODate),
                                        trip.endDate.toString(Qt::ISODate))};
}

// A timed activity must not overlap what the plan already holds that day (a
// leg, another activity): the day as it would be with it, checked the way
// the Itinerary tab flags overlaps.
void checkOverlap(QList<FieldError>& problems, const plan::Activity& activity, const plan::Plan& plan,
                  const QString& replacesId) {
    if (!activity.isScheduled() || !activity.start.isValid())
        return;
    plan::Plan with = plan;
    if (!replacesId.isEmpty())
        with.remove(replacesId);
    with.activities << activity;
    for (const plan::ItineraryDay& day : plan::buildItinerary(with, activity.date, activity.date))
        for (const plan::DayProblem& problem : day.problems)
            if (problem.kind == plan::DayProblem::Kind::Overlap && problem.itemIds.contains(activity.id)) {
                problems << FieldError{u"start"_s, problem.message};
                return;
            }
}

// Time to get from one place to the next, at an average of 25 km/h door to
// door (walking, a city's transport and waits; the Itinerary tab's day map
// draws the same straight lines), and never under a quarter of an hour.
int travelMinutes(double km) {
    return qMax(15, int(std::ceil(km / TravelKmPerHour * 60)));
}

// A timed activity with a place must leave time to get there from the item
// before it that day, and on to the one after it.
void checkTravelTime(QList<FieldError>& problems, const plan::Activity& activity, const plan::Plan& plan,
                     const QString& replacesId) {
    if (!activity.isScheduled() || !activity.start.isValid() || !activity.end.isValid() ||
        !activity.place.hasCoordinates())
        return;
    for (const plan::Activity& other : plan.activities) {
        if (other.id == activity.id || other.id == replacesId || other.date != activity.date ||
            !other.start.isValid() || !other.end.isValid() || !other.place.hasCoordinates())
            continue;
        const double km = plan::distanceKm(activity.place, other.place);
        const int needed = travelMinutes(km);
        const bool before = other.end <= activity.start;
        const int gap =
            before ? other.end.secsTo(activity.start) / 60 : activity.end.secsTo(other.start) / 60;
        if ((before || activity.end <= other.start) && gap < needed && km >= 1.0) {
            const QString message =
                before ? QCoreApplication::translate(
                             "tp::Suggest", "leaves %1 min to cover the %2 km from \"%3\" (about %4 min)")
                       : QCoreApplication::translate(
                             "tp::Suggest", "leaves %1 min to cover the %2 km to \"%3\" (about %4 min)");
            problems << FieldError{u"start"_s, message.arg(QString::number(gap), QString::number(qRound(km)),
                                                           other.title, QString::number(needed))};
            return;
        }
    }
}

} // namespace

QString stageName(Stage stage) {
    for (const StageNameRow& r : stageRows)
        if (r.stage == stage)
            return QString::fromUtf16(r.name);
    return {};
}

std::optional<Stage> stageFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    for (const StageNameRow& r : stageRows)
        if (n == QStringView(r.name))
            return r.stage;
    // The seed's planning stage names lead to the same help.
    if (n == u"stays"_s || n == u"accommodations"_s)
        return Stage::Accommodation;
    if (n == u"final_review"_s || n == u"finalization"_s)
        return Stage::Itinerary;
    return std::nullopt;
}

QStringList stageNames() {
    QStringList names;
    for (const StageNameRow& r : stageRows)
        names << QString::fromUtf16(r.name);
    return names;
}

QString kindName(Proposal::Kind kind) {
    switch (kind) {
    case Proposal::Kind::Stay:
        return u"stay"_s;
    case Proposal::Kind::Activity:
        return u"activity"_s;
    case Proposal::Kind::ScheduleActivity:
        return u"schedule"_s;
    case Proposal::Kind::Cost:
        return u"cost"_s;
    case Proposal::Kind::HomeCurrency:
        return u"home_currency"_s;
    case Proposal::Kind::TripBudget:
        return u"trip_budget"_s;
    }
    return {};
}

void checkProposals(QList<Proposal>& proposals, const SuggestContext& context) {
    const QString country =
        context.destination ? context.destination->country : context.trip.destinationCountry;
    const Trip& trip = context.trip;
    QSet<QString> ideas;
    for (const plan::Activity& a : context.plan.activities)
        ideas.insert(a.id);
    for (Proposal& p : proposals) {
        p.problems.clear();
        switch (p.kind) {
        case Proposal::Kind::Stay:
            p.problems << plan::checkStay(p.stay);
            checkPlace(p.problems, u"place"_s, p.stay.place, country);
            checkDay(p.problems, u"check_in"_s, p.stay.checkIn, trip);
            checkDay(p.problems, u"check_out"_s, p.stay.checkOut, trip, true);
            break;
        case Proposal::Kind::ScheduleActivity:
            if (!ideas.contains(p.replacesId))
                p.problems << FieldError{
                    u"id"_s,
                    QCoreApplication::translate("tp::Suggest", "the activity is no longer in the plan")};
            [[fallthrough]];
        case Proposal::Kind::Activity:
            p.problems << plan::checkActivity(p.activity);
            checkPlace(p.problems, u"place"_s, p.activity.place, country);
            checkDay(p.problems, u"date"_s, p.activity.date, trip);
            checkOverlap(p.problems, p.activity, context.plan, p.replacesId);
            checkTravelTime(p.problems, p.activity, context.plan, p.replacesId);
            break;
        case Proposal::Kind::Cost: {
            plan::BudgetSettings b;
            b.other << p.cost;
            p.problems << plan::checkBudget(b, u"budget"_s);
            for (FieldError& e : p.problems)
                e.field.remove(u"budget.other[0]."_s);
            break;
        }
        case Proposal::Kind::HomeCurrency:
            if (!plan::isIsoCurrency(p.homeCurrency))
                p.problems << FieldError{
                    u"home_currency"_s,
                    QCoreApplication::translate(
                        "tp::Suggest", "\"%1\" is not an ISO 4217 currency code (such as EUR, USD, JPY)")
                        .arg(p.homeCurrency.left(10))};
            break;
        case Proposal::Kind::TripBudget: {
            if (!p.tripBudget) {
                p.problems << FieldError{u"budget"_s,
                                         QCoreApplication::translate("tp::Suggest", "is required")};
                break;
            }
            // The trip's own rules for its budget (0 to 99,999,999.99, 2 decimals).
            Trip t = context.trip;
            t.budget = p.tripBudget;
            for (const FieldError& e : validation::checkTrip(t))
                if (e.field == u"budget"_s)
                    p.problems << e;
            break;
        }
        }
    }
}

plan::Plan applyProposals(const plan::Plan& original, const QList<Proposal>& accepted) {
    plan::Plan result = original;
    QList<FieldError> problems;
    for (int i = 0; i < accepted.size(); ++i) {
        const Proposal& p = accepted[i];
        for (const FieldError& e : p.problems)
            problems << FieldError{u"proposals[%1].%2"_s.arg(i).arg(e.field), e.message};
        if (!p.acceptable())
            continue;
        switch (p.kind) {
        case Proposal::Kind::Stay:
            result.stays << p.stay;
            break;
        case Proposal::Kind::Activity:
            result.activities << p.activity;
            break;
        case Proposal::Kind::ScheduleActivity: {
            auto it = std::find_if(result.activities.begin(), result.activities.end(),
                                   [&](const plan::Activity& a) { return a.id == p.replacesId; });
            if (it == result.activities.end()) {
                problems << FieldError{
                    u"proposals[%1].id"_s.arg(i),
                    QCoreApplication::translate("tp::Suggest", "the activity is no longer in the plan")};
                break;
            }
            // The idea keeps what the user wrote in it; the draft gives it its day and times.
            it->date = p.activity.date;
            it->start = p.activity.start;
            it->end = p.activity.end;
            break;
        }
        case Proposal::Kind::Cost:
            result.budget.other << p.cost;
            break;
        case Proposal::Kind::HomeCurrency:
            result.budget.homeCurrency = p.homeCurrency;
            break;
        case Proposal::Kind::TripBudget:
            break;
        }
    }
    // Together they must still make a plan: no idea scheduled twice, no two
    // stays on one night, no new activity over another item of its day.
    QSet<QString> scheduled;
    QSet<QString> added;
    for (int i = 0; i < accepted.size(); ++i) {
        const Proposal& p = accepted[i];
        if (p.kind == Proposal::Kind::ScheduleActivity) {
            if (scheduled.contains(p.replacesId))
                problems << FieldError{
                    u"proposals[%1].id"_s.arg(i),
                    QCoreApplication::translate("tp::Suggest", "puts the same idea on a day twice")};
            scheduled.insert(p.replacesId);
            added.insert(p.replacesId);
        } else if (p.kind == Proposal::Kind::Activity) {
            added.insert(p.activity.id);
        } else if (p.kind == Proposal::Kind::Stay) {
            added.insert(p.stay.id);
        }
    }
    for (const plan::Stay& s : std::as_const(result.stays)) {
        if (!added.contains(s.id))
            continue;
        for (const plan::Stay& other : std::as_const(result.stays))
            if (other.id != s.id && s.checkIn < other.checkOut && other.checkIn < s.checkOut) {
                problems << FieldError{
                    u"stays"_s,
                    QCoreApplication::translate("tp::Suggest",
                                                "\"%1\" and \"%2\" are both for the night of %3")
                        .arg(s.name, other.name, qMax(s.checkIn, other.checkIn).toString(Qt::ISODate))};
                break;
            }
    }
    QSet<QDate> days;
    for (const plan::Activity& a : std::as_const(result.activities))
        if (added.contains(a.id) && a.isScheduled())
            days.insert(a.date);
    auto overlapOnDay = [&](const QDate& d) -> QString {
        for (const plan::ItineraryDay& day : plan::buildItinerary(result, d, d))
            for (const plan::DayProblem& problem : day.problems)
                if (problem.kind == plan::DayProblem::Kind::Overlap)
                    for (const QString& id : problem.itemIds)
                        if (added.contains(id))
                            return problem.message;
        return {};
    };
    for (const QDate& d : std::as_const(days))
        if (const QString overlap = overlapOnDay(d); !overlap.isEmpty())
            problems << FieldError{u"activities"_s, overlap};
    plan::requireValid(problems);
    plan::requireValid(plan::checkPlan(result));
    return result;
}

std::optional<Decimal> tripBudgetOf(const QList<Proposal>& accepted) {
    for (const Proposal& p : accepted)
        if (p.kind == Proposal::Kind::TripBudget && p.acceptable())
            return p.tripBudget;
    return std::nullopt;
}

QList<qsizetype> chooseProposals(const ProposalSet& set, const QString& choice) {
    const QString c = choice.trimmed().toLower();
    QList<qsizetype> chosen;
    if (c == u"all"_s) { // every one that can be accepted as it is
        for (qsizetype i = 0; i < set.proposals.size(); ++i)
            if (set.proposals[i].acceptable())
                chosen << i;
        if (chosen.isEmpty())
            throw Error::validation(
                u"accept"_s,
                set.proposals.isEmpty()
                    ? QCoreApplication::translate("tp::Suggest", "there are no proposals to accept")
                    : QCoreApplication::translate("tp::Suggest",
                                                  "none of the proposals can be accepted as it is"));
        return chosen;
    }
    QSet<int> seen;
    for (const QString& part : c.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n < 1 || n > set.proposals.size())
            throw Error::validation(
                u"accept"_s,
                set.proposals.isEmpty()
                    ? QCoreApplication::translate("tp::Suggest", "there are no proposals to accept")
                    : QCoreApplication::translate(
                          "tp::Suggest",
                          "\"%1\" is not a proposal's number: give numbers from 1 to %2, separated by "
                          "commas, or all")
                          .arg(part.trimmed().left(20), QString::number(set.proposals.size())));
        if (!set.proposals[n - 1].acceptable()) {
            const FieldError& e = set.proposals[n - 1].problems.first();
            throw Error::validation(u"accept"_s, QCoreApplication::translate(
                                                     "tp::Suggest", "proposal %1 cannot be accepted: %2 %3")
                                                     .arg(QString::number(n), e.field, e.message));
        }
        if (!seen.contains(n))
            chosen << n - 1;
        seen.insert(n);
    }
    if (chosen.isEmpty())
        throw Error::validation(
            u"accept"_s, QCoreApplication::translate(
                             "tp::Suggest", "give proposal numbers separated by commas (1,3), or all"));
    return chosen;
}

QList<Proposal> proposalsAt(const ProposalSet& set, const QList<qsizetype>& indexes) {
    QList<Proposal> out;
    for (qsizetype i : indexes)
        out << set.proposals.at(i);
    return out;
}

} // namespace tp::suggest
