// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflinePlanner.h"

#include "TravelRegions.h"
#include "geo/Mercator.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {

// The questions, translated when asked (not at start-up, before the translations are installed).
const char* const qBudget = QT_TRANSLATE_NOOP(
    "tp::OfflinePlanner", "What's your budget for the trip (in total or per day, and in which currency)?");
const char* const qDates =
    QT_TRANSLATE_NOOP("tp::OfflinePlanner", "When would you like to travel: which month or season?");
const char* const qLength = QT_TRANSLATE_NOOP("tp::OfflinePlanner", "How many days will the trip last?");
const char* const qTravellers =
    QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Who is travelling: how many people, and any children?");
const char* const qInterests = QT_TRANSLATE_NOOP(
    "tp::OfflinePlanner", "What do you enjoy most on a trip: beaches, mountains and hiking, cities, "
                          "culture and history, nature and wildlife, food, or nightlife?");
const char* const qStyle = QT_TRANSLATE_NOOP(
    "tp::OfflinePlanner", "Do you prefer comfort and a bit of luxury, or keeping costs low?");
const char* const qAvoid = QT_TRANSLATE_NOOP(
    "tp::OfflinePlanner", "Is there anything you'd rather avoid (long flights, cold weather, crowds)?");
const char* const qOrigin =
    QT_TRANSLATE_NOOP("tp::OfflinePlanner",
                      "Where will you be starting from (your home city), so I can keep the journey short?");

QString question(const char* text) {
    return QCoreApplication::translate("tp::OfflinePlanner", text);
}

// Places famous enough to be crowded for much of the year: left out for
// someone who asks for quiet. The project's own judgement.
const QStringList crowdedPlaces = {
    u"Bali"_s,         u"Paris"_s,     u"Rome"_s,     u"Venice"_s,       u"Barcelona"_s,    u"Santorini"_s,
    u"Dubrovnik"_s,    u"Amsterdam"_s, u"Mykonos"_s,  u"Machu Picchu"_s, u"Cinque Terre"_s, u"Hallstatt"_s,
    u"Phuket"_s,       u"Cancun"_s,    u"Kyoto"_s,    u"Prague"_s,       u"Florence"_s,     u"Ibiza"_s,
    u"Amalfi Coast"_s, u"London"_s,    u"New York"_s, u"Bangkok"_s,      u"Dubai"_s,        u"Las Vegas"_s,
};

QString number(double v) {
    return QLocale(QLocale::English).toString(qRound(v));
}

QString avoidPhrase(const QString& a) {
    static const QHash<QString, const char*> phrases = {
        {u"beach"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "beaches")},
        {u"mountains"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "mountains")},
        {u"city"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "cities")},
        {u"culture"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "museums and sights")},
        {u"nature"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the outdoors")},
        {u"food"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "food trips")},
        {u"nightlife"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "nightlife")},
        {u"luxury"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "luxury")},
        {u"budget"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "budget places")},
        {u"crowds"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "crowded places")},
        {u"heat"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "very hot places")},
        {u"cold"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "cold places")},
    };
    const char* phrase = phrases.value(a, nullptr);
    return phrase ? QCoreApplication::translate("tp::OfflinePlanner", phrase) : a;
}

// Whether the place is usually hot (or cold) in the months of the trip; with
// no months known, in its own best season.
bool mostly(const CatalogueEntry& e, const QSet<int>& months, bool hot) {
    QList<int> ms = months.isEmpty() ? e.bestMonths() : months.values();
    if (ms.isEmpty())
        return false;
    int n = 0;
    for (int m : ms)
        n += (hot ? e.hotIn(m) : e.coldIn(m)) ? 1 : 0;
    return n * 2 > ms.size();
}

QString costLabel(int usd) {
    return QCoreApplication::translate("tp::OfflinePlanner", "about $%1 a day per person").arg(usd);
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

namespace {
TravelProfile tripFieldsProfile(const PlannerContext& ctx) {
    TravelProfile fromTrip;
    if (ctx.trip.startDate.isValid())
        fromTrip.months.insert(ctx.trip.startDate.month());
    if (auto d = ctx.trip.durationDays(); d && *d > 0)
        fromTrip.days = *d;
    if (ctx.trip.budget)
        fromTrip.budgetTotalUsd = ctx.trip.budget->toString().toDouble();
    if (ctx.trip.travelersCount > 1)
        fromTrip.travellers = ctx.trip.travelersCount;
    return fromTrip;
}

TravelProfile preferencesProfile(const PlannerContext& ctx) {
    TravelProfile fromPrefs = TravelProfile::fromText(ctx.preferencesText);
    if (!fromPrefs.budgetTotalUsd && !fromPrefs.budgetPerDayUsd && ctx.budgetMax)
        fromPrefs.budgetTotalUsd = ctx.budgetMax->toString().toDouble();
    return fromPrefs;
}
} // namespace

TravelProfile OfflinePlanner::profileOf(const PlannerContext& ctx) {
    // This conversation's words win; the trip's fields come next; saved
    // preferences (what earlier trips taught) only fill in what is still unknown.
    TravelProfile p = TravelProfile::fromText(ctx.userInfo);
    p.merge(tripFieldsProfile(ctx));
    TravelProfile fromPrefs = preferencesProfile(ctx);
    // Regions and travel limits belong to one trip ("within Europe", "at most 3
    // hours by train" this time), not to the person: an earlier trip's never
    // rules places out for this one. Where the user lives does carry over.
    fromPrefs.regions.clear();
    fromPrefs.maxTravelKm.reset();
    fromPrefs.maxTravelBasis.clear();
    p.merge(fromPrefs);
    return p;
}

bool OfflinePlanner::interestsFromPreferences(const PlannerContext& ctx) {
    return TravelProfile::fromText(ctx.userInfo).tags.isEmpty() && !profileOf(ctx).tags.isEmpty();
}

QStringList OfflinePlanner::clarifyingQuestions(const PlannerContext& ctx) {
    const TravelProfile p = profileOf(ctx);
    QStringList out;
    if (!p.knowsBudget())
        out << question(qBudget);
    if (!p.knowsDates())
        out << question(qDates);
    if (!p.knowsLength())
        out << question(qLength);
    if (!p.knowsTravellers())
        out << question(qTravellers);
    if (!p.knowsInterests())
        out << question(qInterests);
    // A limit on the journey means nothing without a starting point.
    if (p.maxTravelKm && !p.knowsOrigin())
        out.prepend(question(qOrigin));
    for (const char* extra : {qStyle, qAvoid})
        if (out.size() < 3)
            out << question(extra);
    if (out.size() < 3)
        out << QCoreApplication::translate(
            "tp::OfflinePlanner", "Have you been anywhere you loved (or didn't) that I should know about?");
    return out.mid(0, 5);
}

DestinationSet OfflinePlanner::destinations(const PlannerContext& ctx) {
    const TravelProfile p = profileOf(ctx);
    const bool tagsFromPreferences = interestsFromPreferences(ctx);
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
        bool reachable;    // within the distance and the regions asked for
        double distanceKm; // from the origin, -1 when it is not known
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
        // What the user does not want weighs more than any one thing they want.
        for (const QString& t : e.tags)
            if (p.avoid.contains(t))
                score -= t == u"budget"_s ? 3 : 6;
        if (p.avoid.contains(u"crowds"_s)) {
            if (e.tags.contains(u"city"_s))
                score -= 4;
            if (e.tags.contains(u"nightlife"_s))
                score -= 3;
            if (crowdedPlaces.contains(e.name))
                score -= 3;
            if (e.tags.contains(u"nature"_s))
                score += 1;
        }
        if (p.avoid.contains(u"heat"_s) && mostly(e, p.months, true))
            score -= 4;
        if (p.avoid.contains(u"cold"_s) && mostly(e, p.months, false))
            score -= 4;
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
        if (p.style == u"comfort"_s && e.tags.contains(u"luxury"_s) && !p.avoid.contains(u"luxury"_s))
            score -= 1;
        double km = -1;
        if (p.knowsOrigin())
            km = geo::haversineKm({*p.originLon, *p.originLat}, {e.longitude, e.latitude});
        bool reachable = true;
        if (p.maxTravelKm && km >= 0 && km > *p.maxTravelKm)
            reachable = false;
        if (!p.regions.isEmpty()) {
            bool inRegion = false;
            for (const QString& r : p.regions)
                inRegion = inRegion || countryInRegion(e.country, r);
            reachable = reachable && inRegion;
        }
        const uint tie = uint(quint8(seed[int(i % seed.size())])) ^ uint(i * 2654435761u >> 24);
        scored.append({score, tie, &e, matched, reachable, km});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        if (a.reachable != b.reachable)
            return a.reachable;
        // Beyond reach, the nearest first: they only fill in when too few are within it.
        if (!a.reachable && a.distanceKm >= 0 && b.distanceKm >= 0 && a.distanceKm != b.distanceKm)
            return a.distanceKm < b.distanceKm;
        return a.score != b.score ? a.score > b.score : a.tie < b.tie;
    });

    DestinationSet set;
    QStringList countries;
    int beyondReach = 0;
    // Within reach in three countries, within reach at all, then beyond it.
    for (int pass = 0; pass < 4 && set.places.size() < 3; ++pass) {
        for (const Scored& s : scored) {
            if (set.places.size() == 3)
                break;
            if (pass < 2 && !s.reachable)
                continue;
            if ((pass == 0 || pass == 2) && countries.contains(s.entry->country))
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
                why << QCoreApplication::translate("tp::OfflinePlanner", "Good for %1.")
                           .arg(phrases.join(u", "_s));
            } else {
                why << s.entry->shownDescription();
            }
            why << QCoreApplication::translate("tp::OfflinePlanner", "Best time to visit: %1.")
                       .arg(s.entry->bestTimeToVisit);
            const QString cost = costLabel(s.entry->dailyCostUsd);
            if (!perDay)
                why << QCoreApplication::translate("tp::OfflinePlanner", "Typical cost: %1.").arg(cost);
            else if (s.entry->dailyCostUsd <= *perDay)
                why << QCoreApplication::translate("tp::OfflinePlanner",
                                                   "Typical cost: %1, within your budget.")
                           .arg(cost);
            else
                why << QCoreApplication::translate("tp::OfflinePlanner",
                                                   "Typical cost: %1, above your budget.")
                           .arg(cost);
            if (s.distanceKm >= 0)
                why << (s.reachable ? QCoreApplication::translate("tp::OfflinePlanner",
                                                                  "About %1 km from %2 as the crow flies.")
                                    : QCoreApplication::translate(
                                          "tp::OfflinePlanner",
                                          "About %1 km from %2 as the crow flies, farther than you wanted."))
                           .arg(number(s.distanceKm), p.origin);
            if (!s.reachable)
                ++beyondReach;
            set.places << fromEntry(*s.entry, why.join(u' '));
            countries << s.entry->country;
        }
    }
    if (set.places.size() < 3)
        throw PlannerError(
            PlannerError::Kind::Unusable,
            QCoreApplication::translate("tp::OfflinePlanner",
                                        "The built-in catalogue has no more destinations to suggest."));

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
        basis << costLabel(qRound(*perDay));
    QStringList intro;
    intro << (basis.isEmpty()
                  ? QCoreApplication::translate("tp::OfflinePlanner",
                                                "Here are three destinations you might like.")
                  : QCoreApplication::translate(
                        "tp::OfflinePlanner", "Based on what you told me (%1), here are three destinations.")
                        .arg(basis.join(u"; "_s)));
    // Say what was assumed, so a wrong guess can be corrected.
    if (tagsFromPreferences)
        intro << QCoreApplication::translate(
            "tp::OfflinePlanner",
            "You didn't say what you enjoy on this trip, so I went by your earlier trips.");
    if (p.maxTravelKm && p.knowsOrigin())
        intro << QCoreApplication::translate(
                     "tp::OfflinePlanner",
                     "Starting from %1, I kept to places within about %2 km as the crow flies (%3).")
                     .arg(p.origin, number(*p.maxTravelKm), p.maxTravelBasis);
    else if (p.maxTravelKm)
        intro << QCoreApplication::translate(
                     "tp::OfflinePlanner",
                     "You'd like to keep the journey short (%1), but I don't know where you start from, so I "
                     "couldn't rule places out by distance: tell me your home city and ask for different "
                     "options.")
                     .arg(p.maxTravelBasis);
    if (!p.regions.isEmpty()) {
        QStringList names;
        for (const QString& r : p.regions)
            names << regionLabel(r);
        names.sort();
        QString either = names.first();
        for (qsizetype i = 1; i < names.size(); ++i)
            either = QCoreApplication::translate("tp::OfflinePlanner", "%1 or %2").arg(either, names[i]);
        intro << QCoreApplication::translate("tp::OfflinePlanner", "I kept to %1.").arg(either);
    }
    if (beyondReach > 0)
        intro << QCoreApplication::translate(
                     "tp::OfflinePlanner",
                     "Only %1 of the places I know fit within that; the rest are the nearest beyond it.")
                     .arg(3 - beyondReach);
    if (!p.avoid.isEmpty()) {
        QStringList a;
        for (const QString& x : p.avoid)
            a << avoidPhrase(x);
        a.sort();
        intro << QCoreApplication::translate("tp::OfflinePlanner", "I left out %1 as far as I could.")
                     .arg(a.join(u", "_s));
    }
    set.intro = intro.join(u' ');
    QJsonArray raw;
    for (const Recommendation& r : set.places)
        raw.append(r.toJson());
    set.raw = QString::fromUtf8(QJsonDocument(raw).toJson(QJsonDocument::Compact));
    return set;
}

namespace {
QString lowered(const QString& input) {
    QString t = input.toLower();
    t.replace(u'\u2019', u'\'');
    return t;
}
} // namespace

bool soundsLikeCommitment(const QString& input) {
    const QString t = lowered(input);
    // "Let's not go with Bali", "I won't choose that one".
    static const QRegularExpression refusal(
        uR"(\b(?:not|don't|dont|won't|never|rather not|no)\b[^.!?]{0,16}\b(?:go with|choose|pick|take|book|do)\b)"
        // "Wir nehmen Lissabon nicht", "je ne prends pas celle-là", "no elijo Lisboa".
        uR"(|\b(?:nehme|nehmen|wähle|wählen|wahle|wahlen|buchen)\b[^.!?]{0,24}\bnicht\b|\bn(?:e\s+|')(?:prends|prenons|choisis|choisissons|réserve|réservons)\s+pas\b)"
        uR"(|\bno\b[^.!?]{0,16}\b(?:elijo|elegimos|escojo|reservo|reservamos|me quedo|nos quedamos)\b)"_s);
    if (refusal.match(t).hasMatch())
        return false;
    static const QStringList phrases = {
        u"let's go with"_s, u"lets go with"_s, u"go with"_s,   u"i choose"_s,       u"i'll choose"_s,
        u"i pick"_s,        u"i'll pick"_s,    u"i'll take"_s, u"we'll take"_s,     u"i want to go to"_s,
        u"book"_s,          u"let's do"_s,     u"lets do"_s,   u"sounds perfect"_s, u"that one"_s,
        u"decided"_s,       u"i'd like"_s,     u"choose"_s,    u"we choose"_s,      u"vamos a"_s,
        u"elijo"_s,         u"je choisis"_s,   u"ich nehme"_s,
    };
    // The same in German, French and Spanish.
    static const QStringList otherLanguagePhrases = {
        u"wir nehmen"_s,   u"nehmen wir"_s,      u"ich wähle"_s,       u"ich wahle"_s,        u"wir wählen"_s,
        u"wir wahlen"_s,   u"entscheide mich"_s, u"entscheiden uns"_s, u"buchen"_s,           u"je prends"_s,
        u"nous prenons"_s, u"on prend"_s,        u"on part sur"_s,     u"va pour"_s,          u"choisis"_s,
        u"réserver"_s,     u"reserver"_s,        u"me quedo con"_s,    u"nos quedamos con"_s, u"vamos con"_s,
        u"elegimos"_s,     u"escojo"_s,          u"reservar"_s,
    };
    for (const QStringList* list : {&phrases, &otherLanguagePhrases})
        for (const QString& p : *list)
            if (t.contains(p))
                return true;
    return false;
}

bool asksForOtherOptions(const QString& input) {
    const QString t = lowered(input);
    static const QRegularExpression other(
        uR"(\b(?:something|anything|somewhere|anywhere|someplace|some place|any place|smth|sth)\s+(?:else|different|other|new)\b)"
        uR"(|\b(?:other|different|more|new|another|alternative|fresh|further|diff?rent|differnt)\s+(?:options?|ideas?|places?|destinations?|suggestions?|recommendations?|choices?|ones?|set|spots?|picks?)\b)"
        uR"(|\bshow\s+me\s+(?:more|others|something|some\s+more)\b|\bnone\s+of\s+(?:these|them|those|this|the\s+three)\b)"
        uR"(|\b(?:don't|dont|do not)\s+(?:really\s+)?(?:like|love|want|fancy)\s+(?:these|those|any|them|this|none)\b|\bnot\s+(?:these|those)\b)"
        uR"(|\b(?:any\s*thing\s+else|anywhere\s+else|what\s+else|others|alternatives?|elsewhere)\b)"
        uR"(|\b(?:suggest|recommend|give\s+me|got)\s+(?:something|somewhere|anything|others|more|some\s+more|other)\b)"
        uR"(|\btry\s+again\b|\b(?:three|3)\s+(?:more|others|new|other)\b|^\s*(?:more|next|others?)\s*[?!.]*\s*$)"
        uR"(|\botr[ao]s?\s+(?:opciones|ideas|cosa|sitios|lugares|destinos)\b|\balgo\s+(?:diferente|distinto|más|mas)\b)"
        uR"(|\bautres?\s+(?:chose|options|idées|idees|destinations|propositions)\b|\bd'autres\b)"
        uR"(|\b(?:andere|weitere|neue)\s+(?:vorschläge|ideen|ziele|optionen|orte)\b|\betwas\s+anderes\b|\bnoch\s+mehr\b)"_s);
    return other.match(t).hasMatch();
}

int detectChoice(const QString& input, const QList<Recommendation>& current) {
    const QString t = foldName(input);
    for (int i = 0; i < current.size(); ++i) {
        const QString n = foldName(current[i].name);
        if (!n.isEmpty() && t.contains(n))
            return i;
    }
    static const QRegularExpression number(
        uR"(\b(?:option|number|no\.?|#|nummer|numero|opcion)\s*([1-3])\b)"_s);
    if (auto m = number.match(t); m.hasMatch())
        return m.captured(1).toInt() - 1 < current.size() ? m.captured(1).toInt() - 1 : -1;
    // In English, German, French and Spanish (accents folded away, as foldName() leaves the text).
    static const QStringList ordinals[] = {
        {u"first"_s, u"1st"_s, u"erste"_s, u"le premier"_s, u"la premiere"_s, u"el primer"_s, u"primera"_s,
         u"primero"_s},
        {u"second"_s, u"2nd"_s, u"zweite"_s, u"deuxieme"_s, u"segundo"_s, u"segunda"_s},
        {u"third"_s, u"3rd"_s, u"last one"_s, u"dritte"_s, u"letzte"_s, u"troisieme"_s, u"dernier"_s,
         u"tercer"_s, u"el ultimo"_s, u"la ultima"_s}};
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
        f.reply = QCoreApplication::translate("tp::OfflinePlanner", "Here are three other ideas.");
        return f;
    }
    if (choice >= 0 && soundsLikeCommitment(userText)) {
        f.kind = FollowUp::Kind::Commit;
        f.choice = choice;
        f.reply =
            QCoreApplication::translate(
                "tp::OfflinePlanner",
                "Great choice: %1 it is! I've set it as your trip's destination. Next up: where to stay.")
                .arg(ctx.current[choice].label());
        return f;
    }
    // A question about the places shown ("which of them is best for hiking?")
    // is answered, not taken as a new wish.
    static const QRegularExpression aboutShown(
        uR"(\b(?:which|these|them|those|of the three)\b)"
        uR"(|\b(?:welche[rsnm]?|davon|von diesen|der drei|lequel|laquelle|lesquels|lesquelles|parmi (?:eux|elles|ces)|des trois)\b)"
        uR"(|\b(?:cuál|cual|cuáles|cuales|de ellos|de ellas|de estos|de estas|de los tres|de las tres)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    if (choice < 0 && !aboutShown.match(userText).hasMatch() &&
        !TravelProfile::fromText(userText).isEmpty()) {
        // Something new about the trip ("we start from Berlin, no long flights"):
        // the engine adds it to what the user said and the next three follow it.
        f.kind = FollowUp::Kind::MoreOptions;
        f.reply = QCoreApplication::translate(
            "tp::OfflinePlanner", "Thanks, noted. Here are three ideas that take that into account.");
        return f;
    }
    if (choice >= 0) {
        const Recommendation& r = ctx.current[choice];
        QStringList facts{r.label() + u": "_s + r.description};
        if (auto e = Catalogue::builtin().find(r.name, r.country)) {
            if (!r.description.contains(e->bestTimeToVisit))
                facts << QCoreApplication::translate("tp::OfflinePlanner", "Best time to visit: %1.")
                             .arg(e->bestTimeToVisit);
        }
        facts << QCoreApplication::translate(
                     "tp::OfflinePlanner",
                     "Say \"let's go with %1\" to choose it, or ask for different options.")
                     .arg(r.name);
        f.reply = facts.join(u'\n');
        return f;
    }
    QStringList names;
    for (const Recommendation& r : ctx.current)
        names << r.name;
    f.reply =
        names.isEmpty()
            ? QCoreApplication::translate("tp::OfflinePlanner",
                                          "Tell me a little more about the trip you have in mind.")
            : QCoreApplication::translate("tp::OfflinePlanner",
                                          "I can tell you more about %1, or suggest different options. When "
                                          "you've decided, say \"let's go with\" and the name.")
                  .arg(names.join(u", "_s));
    return f;
}

} // namespace tp::conversation
