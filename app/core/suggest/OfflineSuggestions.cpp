// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineSuggestions.h"

#include "conversation/Catalogue.h"
#include "conversation/TravelProfile.h"
#include "plan/Budget.h"
#include "plan/ExactMath.h"
#include "plan/Itinerary.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tp::suggest {

namespace {

QString offlineNote() {
    return QCoreApplication::translate(
        "tp::Suggest", "The built-in planner proposes only what it can work out from the bundled "
                       "data and your plan: it names no hotels or venues, and prices only from the "
                       "destination's average cost per day. A model (Settings → AI planner) gives "
                       "richer suggestions.");
}

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
    return QCoreApplication::translate(
        "tp::Suggest", "Choose the trip's destination first: the suggestions are for a place.");
}

QString noDatesNote() {
    return QCoreApplication::translate(
        "tp::Suggest",
        "Give the trip its dates first: the suggestions fill the days from the first to the last.");
}

// ---- accommodation ----

ProposalSet stays(const SuggestContext& c) {
    ProposalSet set{Stage::Accommodation, u"offline"_s, offlineNote(), {}};
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
        p.stay.name = QCoreApplication::translate("tp::Suggest", "A stay in central %1").arg(dest);
        p.stay.place = destinationPlace(c, QCoreApplication::translate("tp::Suggest", "%1 centre").arg(dest));
        p.stay.checkIn = runStart;
        p.stay.checkOut = end;
        p.stay.notes = QCoreApplication::translate(
            "tp::Suggest", "Choose a hotel or flat near the centre, then add its name, address and price.");
        const int nights = int(runStart.daysTo(end));
        p.summary = QCoreApplication::translate(
                        "tp::Suggest", "Stay near the centre of %1: %2 to %3 (%n nights)", nullptr, nights)
                        .arg(dest, runStart.toString(Qt::ISODate), end.toString(Qt::ISODate));
        p.reason = QCoreApplication::translate(
            "tp::Suggest", "The plan has no stay for these nights. Staying central keeps the walks and rides "
                           "short; the built-in planner knows no hotels, so the name and "
                           "price are yours to fill in.");
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
        set.note = QCoreApplication::translate("tp::Suggest", "Every night of the trip already has a stay.");
    else if (c.trip.startDate == c.trip.endDate && set.proposals.isEmpty())
        set.note = QCoreApplication::translate("tp::Suggest", "A one-day trip has no night to stay.");
    return set;
}

// ---- activities ----

struct IdeaTemplate {
    const char16_t* tag;
    const char* title;    // %1: the destination; translated ("tp::Suggest") when proposed
    const char* category; // translated ("tp::ActivityCategory") when proposed
};

QString category(const char* text) {
    return QCoreApplication::translate("tp::ActivityCategory", text);
}

// Ideas any place with the tag offers; the catalogue knows no venues, so none are named.
constexpr IdeaTemplate ideaTemplates[] = {
    {u"beach", QT_TRANSLATE_NOOP("tp::Suggest", "A day at the beach near %1"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "beach")},
    {u"beach", QT_TRANSLATE_NOOP("tp::Suggest", "Swimming or snorkelling from a quieter cove"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "beach")},
    {u"mountains", QT_TRANSLATE_NOOP("tp::Suggest", "A mountain walk to a viewpoint above %1"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "hike")},
    {u"mountains", QT_TRANSLATE_NOOP("tp::Suggest", "A cable car or scenic drive into the mountains"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "sightseeing")},
    {u"city", QT_TRANSLATE_NOOP("tp::Suggest", "A walking tour of %1's old town"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "tour")},
    {u"city", QT_TRANSLATE_NOOP("tp::Suggest", "Markets and neighbourhoods away from the main streets"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "sightseeing")},
    {u"culture", QT_TRANSLATE_NOOP("tp::Suggest", "%1's main museum or historic site"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "museum")},
    {u"culture", QT_TRANSLATE_NOOP("tp::Suggest", "A guided visit of the historic centre"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "tour")},
    {u"nature", QT_TRANSLATE_NOOP("tp::Suggest", "A walk in a nature park near %1"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "nature")},
    {u"nature", QT_TRANSLATE_NOOP("tp::Suggest", "Sunrise or sunset at a viewpoint"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "nature")},
    {u"food", QT_TRANSLATE_NOOP("tp::Suggest", "A food market and %1's local specialities"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "food")},
    {u"food", QT_TRANSLATE_NOOP("tp::Suggest", "A cooking class or food tour"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "food")},
    {u"nightlife", QT_TRANSLATE_NOOP("tp::Suggest", "An evening out: bars and live music"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "evening")},
    {u"luxury", QT_TRANSLATE_NOOP("tp::Suggest", "An afternoon at a spa"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "wellness")},
    {u"budget", QT_TRANSLATE_NOOP("tp::Suggest", "A free walking tour of %1"),
     QT_TRANSLATE_NOOP("tp::ActivityCategory", "tour")},
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
    ProposalSet set{Stage::Activities, u"offline"_s, offlineNote(), {}};
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
            const QString text = QCoreApplication::translate("tp::Suggest", t.title);
            const QString title = text.contains(u"%1"_s) ? text.arg(dest) : text;
            if (existing.contains(title.toCaseFolded()))
                continue;
            Proposal p;
            p.kind = Proposal::Kind::Activity;
            p.activity.id = plan::newItemId(u"act"_s);
            p.activity.title = title;
            p.activity.category = category(t.category);
            p.activity.place.name = dest; // somewhere in the destination: no point is invented
            p.summary = QCoreApplication::translate("tp::Suggest", "Idea: %1").arg(title);
            p.reason = (liked.contains(tag)
                            ? QCoreApplication::translate("tp::Suggest",
                                                          "%1 is known for %2, which you said you enjoy.")
                            : QCoreApplication::translate("tp::Suggest", "%1 is known for %2."))
                           .arg(dest, conversation::tagPhrase(tag));
            set.proposals << p;
        }
    }
    if (set.proposals.isEmpty())
        set.note = QCoreApplication::translate(
                       "tp::Suggest", "The plan already holds every idea the built-in planner has for %1. %2")
                       .arg(dest, offlineNote());
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
    ProposalSet set{Stage::Itinerary, u"offline"_s, offlineNote(), {}};
    const QDate first = c.trip.startDate;
    const QDate last = c.trip.endDate;
    if (!first.isValid() || !last.isValid() || last < first) {
        set.note = noDatesNote();
        return set;
    }
    const QString dest = destinationName(c).isEmpty()
                             ? QCoreApplication::translate("tp::Suggest", "the destination")
                             : destinationName(c);
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
        p.reason =
            QCoreApplication::translate("tp::Suggest", "One of your ideas, on a free day in %1.").arg(area);
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
            propose(day.date, QCoreApplication::translate("tp::Suggest", "Move to %1").arg(area),
                    QCoreApplication::translate("tp::ActivityCategory", "travel"), -1, -1,
                    QCoreApplication::translate(
                        "tp::Suggest",
                        "You change stays that day: keep it light, and check the way between them."));
            continue;
        }
        if (firstDay) {
            propose(day.date,
                    QCoreApplication::translate("tp::Suggest", "Arrive and settle in; a first walk around %1")
                        .arg(area),
                    QCoreApplication::translate("tp::ActivityCategory", "arrival"), 16, 18,
                    QCoreApplication::translate("tp::Suggest",
                                                "The first day goes to getting there and checking in."));
        } else if (lastDay) {
            propose(day.date, QCoreApplication::translate("tp::Suggest", "Pack, check out and travel home"),
                    QCoreApplication::translate("tp::ActivityCategory", "departure"), 9, 11,
                    QCoreApplication::translate("tp::Suggest", "The last day goes to the journey home."));
        } else if (n >= RestDaysFromLength && fullDay % RestDayEvery == 0) {
            propose(day.date,
                    QCoreApplication::translate("tp::Suggest", "Rest day in %1: nothing planned").arg(area),
                    QCoreApplication::translate("tp::ActivityCategory", "rest"), -1, -1,
                    QCoreApplication::translate("tp::Suggest",
                                                "A free day every few days keeps a long trip enjoyable."));
        } else if (fillSlot(day.date, MorningStartHour, MorningEndHour)) {
            fillSlot(day.date, AfternoonStartHour, AfternoonEndHour);
        } else {
            propose(day.date,
                    QCoreApplication::translate("tp::Suggest", "Explore %1 at your own pace").arg(area),
                    QCoreApplication::translate("tp::ActivityCategory", "explore"), MorningStartHour,
                    AfternoonEndHour,
                    QCoreApplication::translate("tp::Suggest",
                                                "Every idea is on a day already: a free day to wander."));
        }
    }
    if (set.proposals.isEmpty())
        set.note = QCoreApplication::translate("tp::Suggest",
                                               "Every day of the trip already has something planned.");
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
    ProposalSet set{Stage::Budget, u"offline"_s, offlineNote(), {}};
    plan::Plan withHome = c.plan;
    if (withHome.budget.homeCurrency.isEmpty()) {
        const QString used = likelyHomeCurrency(c.plan);
        Proposal p;
        p.kind = Proposal::Kind::HomeCurrency;
        p.homeCurrency = used.isEmpty() ? u"USD"_s : used;
        p.summary = QCoreApplication::translate("tp::Suggest", "Home currency: %1").arg(p.homeCurrency);
        p.reason = used.isEmpty()
                       ? QCoreApplication::translate(
                             "tp::Suggest", "The destination's cost per day is the catalogue's figure in US "
                                            "dollars. Choose another currency in the Budget stage "
                                            "if you count in it.")
                       : QCoreApplication::translate("tp::Suggest", "Most of the plan's prices are in %1.")
                             .arg(used);
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
        set.note = QCoreApplication::translate("tp::Suggest",
                                               "The trip's budget already matches the estimate (%1 %2).")
                       .arg(total.toString(), report.homeCurrency);
        return set;
    }
    Proposal p;
    p.kind = Proposal::Kind::TripBudget;
    p.tripBudget = total;
    p.summary = QCoreApplication::translate("tp::Suggest", "Trip budget: %1 %2")
                    .arg(total.toString(), report.homeCurrency);
    QString basis;
    for (const plan::BudgetLine& l : report.lines)
        if (l.category == daily)
            basis = l.label;
    const Decimal planned = plan::exact::round(
        plan::exact::subtract(report.exactTotal, report.exactTotals.value(daily)), plan::AmountScale);
    // Sentences, joined by a space.
    QStringList reason;
    reason << QCoreApplication::translate("tp::Suggest",
                                          "Food and daily costs at the destination's average: %1 = %2.")
                  .arg(basis, report.total(daily).toString());
    if (planned.units() != 0)
        reason << QCoreApplication::translate(
                      "tp::Suggest",
                      "Plus %1 that the plan's stays, transport, activities and other costs already "
                      "price.")
                      .arg(planned.toString());
    if (c.trip.budget)
        reason << QCoreApplication::translate("tp::Suggest", "The trip's budget is %1 now.")
                      .arg(c.trip.budget->toString());
    // The range saved in the preferences, when the estimate falls outside it.
    if (c.preferences.budgetMax && plan::exact::subtract(*c.preferences.budgetMax, total).isNegative())
        reason << QCoreApplication::translate(
                      "tp::Suggest", "That is more than the %1 your preferences give as the most for a trip.")
                      .arg(c.preferences.budgetMax->toString());
    else if (c.preferences.budgetMin && plan::exact::subtract(total, *c.preferences.budgetMin).isNegative())
        reason << QCoreApplication::translate(
                      "tp::Suggest",
                      "That is less than the %1 your preferences give as the least for a trip.")
                      .arg(c.preferences.budgetMin->toString());
    if (!report.problems.isEmpty())
        reason
            << QCoreApplication::translate("tp::Suggest", "Not counted: %1").arg(report.problems.join(u' '));
    p.reason = reason.join(u' ');
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
