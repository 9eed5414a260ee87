// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineSuggestions.h"

#include "conversation/Catalogue.h"
#include "conversation/TravelProfile.h"
#include "plan/Budget.h"
#include "plan/ExactMath.h"
#include "plan/Itinerary.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tp::suggest {

namespace {

const QString offlineNote = u"The built-in planner proposes only what it can work out from the bundled data "
                            u"and your plan: it names no hotels or venues, and prices only from the "
                            u"destination's average cost per day. A model (Settings → AI planner) gives "
                            u"richer suggestions."_s;

QString destinationName(const SuggestContext& c) {
    if (c.destination)
        return c.destination->name;
    return c.trip.destinationName;
}

QString destinationCountry(const SuggestContext& c) {
    return c.destination ? c.destination->country : c.trip.destinationCountry;
}

std::optional<conversation::CatalogueEntry> catalogueEntry(const SuggestContext& c) {
    const QString name = destinationName(c);
    if (name.isEmpty())
        return std::nullopt;
    return conversation::Catalogue::builtin().find(name, destinationCountry(c));
}

std::optional<Decimal> coordinate(double value) {
    return Decimal::parse(QString::number(value, 'f', decimal_shape::CoordinateScale),
                          decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
}

// The destination's point: the trip's destination row, else the catalogue's.
plan::Place destinationPlace(const SuggestContext& c, const QString& name) {
    plan::Place p;
    p.name = name;
    if (c.destination && c.destination->hasCoordinates()) {
        p.latitude = c.destination->latitude;
        p.longitude = c.destination->longitude;
    } else if (const auto entry = catalogueEntry(c)) {
        p.latitude = coordinate(entry->latitude);
        p.longitude = coordinate(entry->longitude);
    }
    return p;
}

QString noDestinationNote() {
    return u"Choose the trip's destination first: the suggestions are for a place."_s;
}

QString noDatesNote() {
    return u"Give the trip its dates first: the suggestions fill the days from the first to the last."_s;
}

// ---- accommodation ----

ProposalSet stays(const SuggestContext& c) {
    ProposalSet set{Stage::Accommodation, u"offline"_s, offlineNote, {}};
    const QString dest = destinationName(c);
    if (dest.isEmpty()) {
        set.note = noDestinationNote();
        return set;
    }
    if (!c.trip.startDate.isValid() || !c.trip.endDate.isValid() || c.trip.endDate < c.trip.startDate) {
        set.note = noDatesNote();
        return set;
    }
    // The nights of the trip that no stay covers, as runs of consecutive nights.
    QSet<QDate> covered;
    for (const plan::Stay& s : c.plan.stays)
        for (QDate d = s.checkIn; d.isValid() && s.checkOut.isValid() && d < s.checkOut; d = d.addDays(1))
            covered.insert(d);
    QDate runStart;
    auto closeRun = [&](const QDate& end) {
        if (!runStart.isValid())
            return;
        Proposal p;
        p.kind = Proposal::Kind::Stay;
        p.stay.id = plan::newItemId(u"stay"_s);
        p.stay.name = u"A stay in central %1"_s.arg(dest);
        p.stay.place = destinationPlace(c, u"%1 centre"_s.arg(dest));
        p.stay.checkIn = runStart;
        p.stay.checkOut = end;
        p.stay.notes = u"Choose a hotel or flat near the centre, then add its name, address and price."_s;
        const int nights = int(runStart.daysTo(end));
        p.summary = u"Stay near the centre of %1: %2 to %3 (%4 %5)"_s.arg(
            dest, runStart.toString(Qt::ISODate), end.toString(Qt::ISODate), QString::number(nights),
            nights == 1 ? u"night"_s : u"nights"_s);
        p.reason =
            u"The plan has no stay for these nights. Staying central keeps the walks and rides "
            u"short; the built-in planner knows no hotels, so the name and price are yours to fill in."_s;
        set.proposals << p;
        runStart = {};
    };
    for (QDate d = c.trip.startDate; d < c.trip.endDate; d = d.addDays(1)) {
        if (covered.contains(d))
            closeRun(d);
        else if (!runStart.isValid())
            runStart = d;
    }
    closeRun(c.trip.endDate);
    if (set.proposals.isEmpty() && c.trip.startDate < c.trip.endDate)
        set.note = u"Every night of the trip already has a stay."_s;
    else if (c.trip.startDate == c.trip.endDate && set.proposals.isEmpty())
        set.note = u"A one-day trip has no night to stay."_s;
    return set;
}

// ---- activities ----

struct IdeaTemplate {
    const char16_t* tag;
    const char16_t* title; // %1: the destination
    const char16_t* category;
};

// Ideas any place with the tag offers; the catalogue knows no venues, so none are named.
constexpr IdeaTemplate ideaTemplates[] = {
    {u"beach", u"A day at the beach near %1", u"beach"},
    {u"beach", u"Swimming or snorkelling from a quieter cove", u"beach"},
    {u"mountains", u"A mountain walk to a viewpoint above %1", u"hike"},
    {u"mountains", u"A cable car or scenic drive into the mountains", u"sightseeing"},
    {u"city", u"A walking tour of %1's old town", u"tour"},
    {u"city", u"Markets and neighbourhoods away from the main streets", u"sightseeing"},
    {u"culture", u"%1's main museum or historic site", u"museum"},
    {u"culture", u"A guided visit of the historic centre", u"tour"},
    {u"nature", u"A walk in a nature park near %1", u"nature"},
    {u"nature", u"Sunrise or sunset at a viewpoint", u"nature"},
    {u"food", u"A food market and %1's local specialities", u"food"},
    {u"food", u"A cooking class or food tour", u"food"},
    {u"nightlife", u"An evening out: bars and live music", u"evening"},
    {u"luxury", u"An afternoon at a spa", u"wellness"},
    {u"budget", u"A free walking tour of %1", u"tour"},
};

// The destination's tags, the user's interests first, what the user avoids left out.
QStringList orderedTags(const SuggestContext& c, QSet<QString>* liked) {
    const conversation::TravelProfile profile =
        conversation::TravelProfile::fromText(c.preferences.preferencesText);
    *liked = profile.tags;
    QStringList tags;
    if (const auto entry = catalogueEntry(c))
        tags = entry->tags;
    else
        tags = {u"city"_s, u"culture"_s, u"food"_s};
    QStringList ordered;
    for (const QString& t : tags)
        if (profile.tags.contains(t) && !profile.avoid.contains(t))
            ordered << t;
    for (const QString& t : tags)
        if (!profile.tags.contains(t) && !profile.avoid.contains(t))
            ordered << t;
    return ordered;
}

ProposalSet activities(const SuggestContext& c) {
    ProposalSet set{Stage::Activities, u"offline"_s, offlineNote, {}};
    const QString dest = destinationName(c);
    if (dest.isEmpty()) {
        set.note = noDestinationNote();
        return set;
    }
    QSet<QString> existing;
    for (const plan::Activity& a : c.plan.activities)
        existing.insert(a.title.trimmed().toCaseFolded());
    QSet<QString> liked;
    const QStringList tags = orderedTags(c, &liked);
    for (const QString& tag : tags) {
        for (const IdeaTemplate& t : ideaTemplates) {
            if (tag != QStringView(t.tag))
                continue;
            const QString title = QString::fromUtf16(t.title).contains(u"%1"_s)
                                      ? QString::fromUtf16(t.title).arg(dest)
                                      : QString::fromUtf16(t.title);
            if (existing.contains(title.toCaseFolded()))
                continue;
            Proposal p;
            p.kind = Proposal::Kind::Activity;
            p.activity.id = plan::newItemId(u"act"_s);
            p.activity.title = title;
            p.activity.category = QString::fromUtf16(t.category);
            p.activity.place.name = dest; // somewhere in the destination: no point is invented
            p.summary = u"Idea: %1"_s.arg(title);
            p.reason = liked.contains(tag) ? u"%1 is known for %2, which you said you enjoy."_s.arg(
                                                 dest, conversation::tagPhrase(tag))
                                           : u"%1 is known for %2."_s.arg(dest, conversation::tagPhrase(tag));
            set.proposals << p;
        }
    }
    if (set.proposals.isEmpty())
        set.note =
            u"The plan already holds every idea the built-in planner has for %1. %2"_s.arg(dest, offlineNote);
    return set;
}

// ---- itinerary ----

bool hasEntry(const plan::ItineraryDay& day, std::initializer_list<plan::ItineraryEntry::Kind> kinds) {
    for (const plan::ItineraryEntry& e : day.entries)
        for (plan::ItineraryEntry::Kind k : kinds)
            if (e.kind == k)
                return true;
    return false;
}

// "2027-04-02, 10:00–13:00: title", or without the times when it has none.
QString daySummary(const plan::Activity& a) {
    if (!a.start.isValid())
        return u"%1: %2"_s.arg(a.date.toString(Qt::ISODate), a.title);
    return u"%1, %2–%3: %4"_s.arg(a.date.toString(Qt::ISODate), a.start.toString(u"HH:mm"_s),
                                  a.end.toString(u"HH:mm"_s), a.title);
}

QString stayArea(const plan::Plan& plan, const QString& stayId) {
    const plan::Stay* s = plan.stay(stayId);
    if (!s)
        return {};
    return s->place.name.isEmpty() ? s->name : s->place.name;
}

ProposalSet itinerary(const SuggestContext& c) {
    ProposalSet set{Stage::Itinerary, u"offline"_s, offlineNote, {}};
    const QDate first = c.trip.startDate;
    const QDate last = c.trip.endDate;
    if (!first.isValid() || !last.isValid() || last < first) {
        set.note = noDatesNote();
        return set;
    }
    const QString dest = destinationName(c).isEmpty() ? u"the destination"_s : destinationName(c);
    const QList<plan::ItineraryDay> days = plan::buildItinerary(c.plan, first, last);
    QList<const plan::Activity*> ideas;
    for (const plan::Activity& a : c.plan.activities)
        if (!a.isScheduled())
            ideas << &a;
    qsizetype nextIdea = 0;
    // When the user's own ideas run out, the free days take the catalogue's
    // ideas for the destination (what the Activities stage proposes).
    const QList<Proposal> catalogueIdeas = activities(c).proposals;
    qsizetype nextCatalogueIdea = 0;
    const qsizetype n = days.size();
    int fullDay = 0;
    QString area = dest;

    auto propose = [&](const QDate& date, const QString& title, const QString& category, int startHour,
                       int endHour, const QString& reason) {
        Proposal p;
        p.kind = Proposal::Kind::Activity;
        p.activity.id = plan::newItemId(u"act"_s);
        p.activity.title = title;
        p.activity.category = category;
        p.activity.date = date;
        if (startHour >= 0) {
            p.activity.start = QTime(startHour, 0);
            p.activity.end = QTime(endHour, 0);
        }
        p.summary = daySummary(p.activity);
        p.reason = reason;
        set.proposals << p;
    };
    auto scheduleCatalogueIdea = [&](const QDate& date, int startHour, int endHour) {
        Proposal p = catalogueIdeas[nextCatalogueIdea++];
        p.activity.date = date;
        p.activity.start = QTime(startHour, 0);
        p.activity.end = QTime(endHour, 0);
        p.summary = daySummary(p.activity);
        set.proposals << p;
    };
    auto scheduleIdea = [&](const QDate& date, int startHour, int endHour) {
        const plan::Activity* idea = ideas[nextIdea++];
        Proposal p;
        p.kind = Proposal::Kind::ScheduleActivity;
        p.replacesId = idea->id;
        p.activity = *idea;
        p.activity.date = date;
        p.activity.start = QTime(startHour, 0);
        p.activity.end = QTime(endHour, 0);
        p.summary = daySummary(p.activity);
        p.reason = u"One of your ideas, on a free day in %1."_s.arg(area);
        set.proposals << p;
    };
    // The user's ideas first, then the catalogue's; false when both ran out.
    auto fillSlot = [&](const QDate& date, int startHour, int endHour) {
        if (nextIdea < ideas.size())
            scheduleIdea(date, startHour, endHour);
        else if (nextCatalogueIdea < catalogueIdeas.size())
            scheduleCatalogueIdea(date, startHour, endHour);
        else
            return false;
        return true;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const plan::ItineraryDay& day = days[i];
        if (!day.nightStayId.isEmpty())
            area = stayArea(c.plan, day.nightStayId);
        if (area.isEmpty())
            area = dest;
        using K = plan::ItineraryEntry::Kind;
        const bool travel = hasEntry(day, {K::Leg, K::Departure, K::Arrival});
        const bool firstDay = i == 0 && n > 1;
        const bool lastDay = i == n - 1 && n > 1;
        if (!firstDay && !lastDay && !travel)
            ++fullDay;
        if (travel || hasEntry(day, {K::Activity}))
            continue; // the day already has its plan
        if (hasEntry(day, {K::CheckOut}) && hasEntry(day, {K::CheckIn}) && !firstDay && !lastDay) {
            propose(day.date, u"Move to %1"_s.arg(area), u"travel"_s, -1, -1,
                    u"You change stays that day: keep it light, and check the way between them."_s);
            continue;
        }
        if (firstDay) {
            propose(day.date, u"Arrive and settle in; a first walk around %1"_s.arg(area), u"arrival"_s, 16,
                    18, u"The first day goes to getting there and checking in."_s);
        } else if (lastDay) {
            propose(day.date, u"Pack, check out and travel home"_s, u"departure"_s, 9, 11,
                    u"The last day goes to the journey home."_s);
        } else if (n >= RestDaysFromLength && fullDay % RestDayEvery == 0) {
            propose(day.date, u"Rest day in %1: nothing planned"_s.arg(area), u"rest"_s, -1, -1,
                    u"A free day every few days keeps a long trip enjoyable."_s);
        } else if (fillSlot(day.date, MorningStartHour, MorningEndHour)) {
            fillSlot(day.date, AfternoonStartHour, AfternoonEndHour);
        } else {
            propose(day.date, u"Explore %1 at your own pace"_s.arg(area), u"explore"_s, MorningStartHour,
                    AfternoonEndHour, u"Every idea is on a day already: a free day to wander."_s);
        }
    }
    if (set.proposals.isEmpty())
        set.note = u"Every day of the trip already has something planned."_s;
    return set;
}

// ---- budget ----

QString likelyHomeCurrency(const plan::Plan& plan) {
    QHash<QString, int> uses;
    for (const plan::Stay& s : plan.stays)
        if (s.price)
            ++uses[s.price->currency];
    for (const plan::Leg& l : plan.legs)
        if (l.cost)
            ++uses[l.cost->currency];
    for (const plan::Activity& a : plan.activities)
        if (a.cost)
            ++uses[a.cost->currency];
    for (const plan::OtherCost& o : plan.budget.other)
        ++uses[o.amount.currency];
    QString best;
    for (auto it = uses.cbegin(); it != uses.cend(); ++it)
        if (best.isEmpty() || it.value() > uses.value(best) ||
            (it.value() == uses.value(best) && it.key() < best))
            best = it.key();
    return best;
}

ProposalSet budget(const SuggestContext& c) {
    ProposalSet set{Stage::Budget, u"offline"_s, offlineNote, {}};
    plan::Plan withHome = c.plan;
    if (withHome.budget.homeCurrency.isEmpty()) {
        const QString used = likelyHomeCurrency(c.plan);
        Proposal p;
        p.kind = Proposal::Kind::HomeCurrency;
        p.homeCurrency = used.isEmpty() ? u"USD"_s : used;
        p.summary = u"Home currency: %1"_s.arg(p.homeCurrency);
        p.reason = used.isEmpty()
                       ? u"The destination's cost per day is the catalogue's figure in US dollars. "
                         u"Choose another currency in the Budget stage if you count in it."_s
                       : u"Most of the plan's prices are in %1."_s.arg(used);
        set.proposals << p;
        withHome.budget.homeCurrency = p.homeCurrency;
    }
    const plan::BudgetReport report = plan::computeBudget(withHome, c.trip, c.destination);
    const QString daily = QString::fromUtf16(plan::budget_category::FoodDaily);
    bool hasDaily = false;
    for (const plan::BudgetLine& l : report.lines)
        hasDaily = hasDaily || l.category == daily;
    if (!hasDaily) {
        set.note = report.problems.join(u' ');
        return set;
    }
    const Decimal total = report.total();
    if (c.trip.budget && *c.trip.budget == total) {
        set.note = u"The trip's budget already matches the estimate (%1 %2)."_s.arg(total.toString(),
                                                                                    report.homeCurrency);
        return set;
    }
    Proposal p;
    p.kind = Proposal::Kind::TripBudget;
    p.tripBudget = total;
    p.summary = u"Trip budget: %1 %2"_s.arg(total.toString(), report.homeCurrency);
    QString basis;
    for (const plan::BudgetLine& l : report.lines)
        if (l.category == daily)
            basis = l.label;
    const Decimal planned = plan::exact::round(
        plan::exact::subtract(report.exactTotal, report.exactTotals.value(daily)), plan::AmountScale);
    p.reason = u"Food and daily costs at the destination's average: %1 = %2."_s.arg(
        basis, report.total(daily).toString());
    if (planned.units() != 0)
        p.reason +=
            u" Plus %1 that the plan's stays, transport, activities and other costs already price."_s.arg(
                planned.toString());
    if (c.trip.budget)
        p.reason += u" The trip's budget is %1 now."_s.arg(c.trip.budget->toString());
    // The range saved in the preferences, when the estimate falls outside it.
    if (c.preferences.budgetMax && plan::exact::subtract(*c.preferences.budgetMax, total).isNegative())
        p.reason += u" That is more than the %1 your preferences give as the most for a trip."_s.arg(
            c.preferences.budgetMax->toString());
    else if (c.preferences.budgetMin && plan::exact::subtract(total, *c.preferences.budgetMin).isNegative())
        p.reason += u" That is less than the %1 your preferences give as the least for a trip."_s.arg(
            c.preferences.budgetMin->toString());
    if (!report.problems.isEmpty())
        p.reason += u" Not counted: "_s + report.problems.join(u' ');
    set.proposals << p;
    return set;
}

} // namespace

ProposalSet offlineProposals(const SuggestContext& context, Stage stage) {
    ProposalSet set;
    switch (stage) {
    case Stage::Accommodation:
        set = stays(context);
        break;
    case Stage::Activities:
        set = activities(context);
        break;
    case Stage::Itinerary:
        set = itinerary(context);
        break;
    case Stage::Budget:
        set = budget(context);
        break;
    }
    checkProposals(set.proposals, context);
    return set;
}

} // namespace tp::suggest
