#include "OfflinePlanner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {

const QString qBudget = u"What's your budget for the trip (in total or per day, and in which currency)?"_s;
const QString qDates = u"When would you like to travel: which month or season?"_s;
const QString qLength = u"How many days will the trip last?"_s;
const QString qTravellers = u"Who is travelling: how many people, and any children?"_s;
const QString qInterests = u"What do you enjoy most on a trip: beaches, mountains and hiking, cities, "
                           u"culture and history, nature and "
                           u"wildlife, food, or nightlife?"_s;
const QString qStyle = u"Do you prefer comfort and a bit of luxury, or keeping costs low?"_s;
const QString qAvoid = u"Is there anything you'd rather avoid (long flights, cold weather, crowds)?"_s;

QString tagPhrase(const QString& tag) {
    static const QHash<QString, QString> phrases = {
        {u"beach"_s, u"beaches and sea"_s},
        {u"mountains"_s, u"mountains and hiking"_s},
        {u"city"_s, u"city life"_s},
        {u"culture"_s, u"culture and history"_s},
        {u"nature"_s, u"nature and wildlife"_s},
        {u"food"_s, u"food"_s},
        {u"nightlife"_s, u"nightlife"_s},
        {u"budget"_s, u"low prices"_s},
        {u"luxury"_s, u"comfort and luxury"_s},
    };
    return phrases.value(tag, tag);
}

QString costLabel(int usd) {
    return u"about $%1 a day per person"_s.arg(usd);
}

Recommendation fromEntry(const CatalogueEntry& e, const QString& why) {
    Recommendation r;
    r.name = e.name;
    r.country = e.country;
    r.description = why;
    r.bestTimeToVisit = e.bestTimeToVisit;
    r.latitude = e.latitude;
    r.longitude = e.longitude;
    r.dailyCostUsd = e.dailyCostUsd;
    return r;
}

} // namespace

OfflinePlanner::OfflinePlanner(const Catalogue& catalogue)
    : m_catalogue(catalogue) {}

TravelProfile OfflinePlanner::profileOf(const PlannerContext& ctx) {
    TravelProfile p = TravelProfile::fromText(ctx.userInfo);
    TravelProfile fromTrip;
    if (ctx.trip.startDate.isValid())
        fromTrip.months.insert(ctx.trip.startDate.month());
    if (auto d = ctx.trip.durationDays(); d && *d > 0)
        fromTrip.days = *d;
    if (ctx.trip.budget)
        fromTrip.budgetTotalUsd = ctx.trip.budget->toString().toDouble();
    if (ctx.trip.travelersCount > 1)
        fromTrip.travellers = ctx.trip.travelersCount;
    p.merge(fromTrip);
    TravelProfile fromPrefs = TravelProfile::fromText(ctx.preferencesText);
    if (!fromPrefs.budgetTotalUsd && !fromPrefs.budgetPerDayUsd && ctx.budgetMax)
        fromPrefs.budgetTotalUsd = ctx.budgetMax->toString().toDouble();
    // Saved preferences inform the questions (a known budget is not asked
    // again) but the words of this conversation win.
    p.merge(fromPrefs);
    return p;
}

QStringList OfflinePlanner::clarifyingQuestions(const PlannerContext& ctx) {
    const TravelProfile p = profileOf(ctx);
    QStringList out;
    if (!p.knowsBudget())
        out << qBudget;
    if (!p.knowsDates())
        out << qDates;
    if (!p.knowsLength())
        out << qLength;
    if (!p.knowsTravellers())
        out << qTravellers;
    if (!p.knowsInterests())
        out << qInterests;
    for (const QString& extra : {qStyle, qAvoid})
        if (out.size() < 3)
            out << extra;
    if (out.size() < 3)
        out << u"Have you been anywhere you loved (or didn't) that I should know about?"_s;
    return out.mid(0, 5);
}

DestinationSet OfflinePlanner::destinations(const PlannerContext& ctx) {
    const TravelProfile p = profileOf(ctx);
    const std::optional<double> perDay = p.perPersonPerDay();
    QStringList excluded;
    for (const QString& e : ctx.excluded)
        excluded << foldName(e);
    for (const Recommendation& r : ctx.current)
        excluded << foldName(r.name);

    // A stable tie-breaker that still differs between conversations.
    const QByteArray seed = QCryptographicHash::hash(ctx.userInfo.toUtf8(), QCryptographicHash::Sha1);

    struct Scored {
        double score;
        uint tie;
        const CatalogueEntry* entry;
        QStringList matched;
    };
    QList<Scored> scored;
    const auto& entries = m_catalogue.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const CatalogueEntry& e = entries[i];
        if (excluded.contains(foldName(e.name)))
            continue;
        double score = 0;
        QStringList matched;
        for (const QString& t : p.tags)
            if (e.tags.contains(t)) {
                score += 3;
                matched << t;
            }
        if (!p.months.isEmpty()) {
            const QList<int> best = e.bestMonths();
            int hits = 0;
            for (int m : p.months)
                hits += best.contains(m) ? 1 : 0;
            score += hits > 0 ? 2.0 + double(hits) / p.months.size() : -2.0;
        }
        if (perDay) {
            if (e.dailyCostUsd > *perDay * 1.25)
                score -= 3 + (e.dailyCostUsd - *perDay) / std::max(*perDay, 20.0);
            else if (e.dailyCostUsd < *perDay * 0.3 && p.style == u"luxury"_s)
                score -= 1;
            else
                score += 1;
        }
        if (p.style == u"luxury"_s && e.tags.contains(u"luxury"_s))
            score += 2;
        if (p.style == u"budget"_s && e.tags.contains(u"budget"_s))
            score += 2;
        if (p.style == u"budget"_s && e.tags.contains(u"luxury"_s))
            score -= 2;
        const uint tie = uint(quint8(seed[int(i % seed.size())])) ^ uint(i * 2654435761u >> 24);
        scored.append({score, tie, &e, matched});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score > b.score : a.tie < b.tie;
    });

    DestinationSet set;
    QStringList countries;
    for (int pass = 0; pass < 2 && set.places.size() < 3; ++pass) {
        for (const Scored& s : scored) {
            if (set.places.size() == 3)
                break;
            // Three different countries when possible.
            if (pass == 0 && countries.contains(s.entry->country))
                continue;
            bool already = false;
            for (const Recommendation& r : set.places)
                already = already || r.name == s.entry->name;
            if (already)
                continue;
            QStringList why;
            if (!s.matched.isEmpty()) {
                QStringList phrases;
                for (const QString& t : s.matched)
                    phrases << tagPhrase(t);
                why << u"Good for %1."_s.arg(phrases.join(u", "_s));
            } else {
                QStringList phrases;
                for (const QString& t : s.entry->tags.mid(0, 3))
                    phrases << tagPhrase(t);
                why << u"Known for %1."_s.arg(phrases.join(u", "_s));
            }
            why << u"Best time to visit: %1."_s.arg(s.entry->bestTimeToVisit);
            QString cost = u"Typical cost: %1"_s.arg(costLabel(s.entry->dailyCostUsd));
            if (perDay)
                cost +=
                    s.entry->dailyCostUsd <= *perDay ? u", within your budget."_s : u", above your budget."_s;
            else
                cost += u"."_s;
            why << cost;
            set.places << fromEntry(*s.entry, why.join(u' '));
            countries << s.entry->country;
        }
    }
    if (set.places.size() < 3)
        throw PlannerError(PlannerError::Kind::Unusable,
                           u"The built-in catalogue has no more destinations to suggest."_s);

    QStringList basis;
    if (!p.tags.isEmpty()) {
        QStringList t = p.tags.values();
        t.sort();
        QStringList phrases;
        for (const QString& tag : t)
            phrases << tagPhrase(tag);
        basis << phrases.join(u", "_s);
    }
    if (perDay)
        basis << u"about $%1 a day per person"_s.arg(qRound(*perDay));
    set.intro =
        basis.isEmpty()
            ? u"Here are three destinations you might like:"_s
            : u"Based on what you told me (%1), here are three destinations:"_s.arg(basis.join(u"; "_s));
    QJsonArray raw;
    for (const Recommendation& r : set.places)
        raw.append(r.toJson());
    set.raw = QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Compact));
    return set;
}

bool soundsLikeCommitment(const QString& input) {
    const QString t = input.toLower();
    static const QStringList phrases = {
        u"let's go with"_s, u"lets go with"_s, u"go with"_s,   u"i choose"_s,       u"i'll choose"_s,
        u"i pick"_s,        u"i'll pick"_s,    u"i'll take"_s, u"we'll take"_s,     u"i want to go to"_s,
        u"book"_s,          u"let's do"_s,     u"lets do"_s,   u"sounds perfect"_s, u"that one"_s,
        u"decided"_s,       u"i'd like"_s,     u"choose"_s,    u"we choose"_s,      u"vamos a"_s,
        u"elijo"_s,         u"je choisis"_s,   u"ich nehme"_s,
    };
    for (const QString& p : phrases)
        if (t.contains(p))
            return true;
    return false;
}

bool asksForOtherOptions(const QString& input) {
    const QString t = input.toLower();
    static const QStringList phrases = {
        u"different option"_s, u"other option"_s,       u"more option"_s,      u"something else"_s,
        u"other places"_s,     u"other destinations"_s, u"different places"_s, u"different destinations"_s,
        u"show me more"_s,     u"none of these"_s,      u"none of them"_s,     u"more ideas"_s,
        u"other ideas"_s,      u"alternatives"_s,       u"otras opciones"_s};
    for (const QString& p : phrases)
        if (t.contains(p))
            return true;
    return false;
}

int detectChoice(const QString& input, const QList<Recommendation>& current) {
    const QString t = foldName(input);
    for (int i = 0; i < current.size(); ++i) {
        const QString n = foldName(current[i].name);
        if (!n.isEmpty() && t.contains(n))
            return i;
    }
    static const QRegularExpression number(uR"(\b(?:option|number|no\.?|#)\s*([1-3])\b)"_s);
    if (auto m = number.match(t); m.hasMatch())
        return m.captured(1).toInt() - 1 < current.size() ? m.captured(1).toInt() - 1 : -1;
    static const QStringList ordinals[] = {
        {u"first"_s, u"1st"_s}, {u"second"_s, u"2nd"_s}, {u"third"_s, u"3rd"_s, u"last one"_s}};
    for (int i = 0; i < 3 && i < current.size(); ++i)
        for (const QString& o : ordinals[i])
            if (t.contains(o))
                return i;
    return -1;
}

FollowUp OfflinePlanner::followUp(const PlannerContext& ctx, const QString& userText) {
    FollowUp f;
    const int choice = detectChoice(userText, ctx.current);
    if (asksForOtherOptions(userText)) {
        f.kind = FollowUp::Kind::MoreOptions;
        f.reply = u"Here are three other ideas."_s;
        return f;
    }
    if (choice >= 0 && soundsLikeCommitment(userText)) {
        f.kind = FollowUp::Kind::Commit;
        f.choice = choice;
        f.reply =
            u"Great choice: %1 it is! I've set it as your trip's destination. Next up: where to stay."_s.arg(
                ctx.current[choice].label());
        return f;
    }
    if (choice >= 0) {
        const Recommendation& r = ctx.current[choice];
        QStringList facts{r.label() + u": "_s + r.description};
        if (auto e = Catalogue::builtin().find(r.name, r.country)) {
            if (!r.description.contains(e->bestTimeToVisit))
                facts << u"Best time to visit: %1."_s.arg(e->bestTimeToVisit);
        }
        facts << u"Say \"let's go with %1\" to choose it, or ask for different options."_s.arg(r.name);
        f.reply = facts.join(u'\n');
        return f;
    }
    QStringList names;
    for (const Recommendation& r : ctx.current)
        names << r.name;
    f.reply = names.isEmpty()
                  ? u"Tell me a little more about the trip you have in mind."_s
                  : u"I can tell you more about %1, or suggest different options. When you've decided, say "
                    u"\"let's go with\" and the name."_s.arg(names.join(u", "_s));
    return f;
}

} // namespace tp::conversation
