// SPDX-License-Identifier: GPL-3.0-or-later
#include "TravelProfile.h"

#include "AnswerText.h"
#include "TravelConstraints.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::conversation {

using namespace answer;

namespace {

struct Keyword {
    const char16_t* word;
    const char16_t* tag;
};

// Word stems that reveal an interest; matched at the start of a word. Said in
// a negation ("no beaches") the same words name what to avoid.
constexpr Keyword interestWords[] = {
    {u"beach", u"beach"},       {u"sea", u"beach"},           {u"ocean", u"beach"},
    {u"island", u"beach"},      {u"surf", u"beach"},          {u"snorkel", u"beach"},
    {u"diving", u"beach"},      {u"swim", u"beach"},          {u"swimming", u"beach"},
    {u"surfing", u"beach"},     {u"sun", u"beach"},           {u"playa", u"beach"},
    {u"plage", u"beach"},       {u"strand", u"beach"},        {u"coast", u"beach"},
    {u"seaside", u"beach"},     {u"mountain", u"mountains"},  {u"hike", u"mountains"},
    {u"hiking", u"mountains"},  {u"trekking", u"mountains"},  {u"skiing", u"mountains"},
    {u"trek", u"mountains"},    {u"ski", u"mountains"},       {u"alps", u"mountains"},
    {u"montaña", u"mountains"}, {u"montana", u"mountains"},   {u"montagne", u"mountains"},
    {u"berg", u"mountains"},    {u"wandern", u"mountains"},   {u"senderismo", u"mountains"},
    {u"randonn", u"mountains"}, {u"city", u"city"},           {u"cities", u"city"},
    {u"urban", u"city"},        {u"shopping", u"city"},       {u"ciudad", u"city"},
    {u"ville", u"city"},        {u"stadt", u"city"},          {u"städte", u"city"},
    {u"culture", u"culture"},   {u"cultural", u"culture"},    {u"histor", u"culture"},
    {u"museum", u"culture"},    {u"art", u"culture"},         {u"temple", u"culture"},
    {u"architect", u"culture"}, {u"ruins", u"culture"},       {u"cultura", u"culture"},
    {u"kultur", u"culture"},    {u"castle", u"culture"},      {u"galler", u"culture"},
    {u"musée", u"culture"},     {u"museo", u"culture"},       {u"nature", u"nature"},
    {u"wildlife", u"nature"},   {u"safari", u"nature"},       {u"national park", u"nature"},
    {u"outdoor", u"nature"},    {u"landscape", u"nature"},    {u"naturaleza", u"nature"},
    {u"natur", u"nature"},      {u"forest", u"nature"},       {u"lake", u"nature"},
    {u"waterfall", u"nature"},  {u"countryside", u"nature"},  {u"animals", u"nature"},
    {u"food", u"food"},         {u"cuisine", u"food"},        {u"eat", u"food"},
    {u"eating", u"food"},       {u"wine", u"food"},           {u"restaurant", u"food"},
    {u"foodie", u"food"},       {u"comida", u"food"},         {u"gastronom", u"food"},
    {u"essen", u"food"},        {u"nightlife", u"nightlife"}, {u"night life", u"nightlife"},
    {u"party", u"nightlife"},   {u"parties", u"nightlife"},   {u"partying", u"nightlife"},
    {u"club", u"nightlife"},    {u"clubbing", u"nightlife"},  {u"bars", u"nightlife"},
    {u"fiesta", u"nightlife"},
};

// Style words. "comfort" is the middle: neither backpacking nor five stars.
constexpr Keyword styleWords[] = {
    {u"cheap", u"budget"},
    {u"budget-friendly", u"budget"},
    {u"on a budget", u"budget"},
    {u"tight budget", u"budget"},
    {u"low budget", u"budget"},
    {u"limited budget", u"budget"},
    {u"backpack", u"budget"},
    {u"affordable", u"budget"},
    {u"low cost", u"budget"},
    {u"low-cost", u"budget"},
    {u"hostel", u"budget"},
    {u"barato", u"budget"},
    {u"pas cher", u"budget"},
    {u"günstig", u"budget"},
    {u"comfort", u"comfort"},
    {u"comfortable", u"comfort"},
    {u"mid-range", u"comfort"},
    {u"midrange", u"comfort"},
    {u"mid range", u"comfort"},
    {u"moderate", u"comfort"},
    {u"4-star", u"comfort"},
    {u"four-star", u"comfort"},
    {u"confort", u"comfort"},
    {u"komfort", u"comfort"},
    {u"luxury", u"luxury"},
    {u"luxurious", u"luxury"},
    {u"upscale", u"luxury"},
    {u"5-star", u"luxury"},
    {u"five-star", u"luxury"},
    {u"five star", u"luxury"},
    {u"lujo", u"luxury"},
    {u"luxe", u"luxury"},
    {u"luxus", u"luxury"},
    {u"fancy", u"luxury"},
    {u"splurge", u"luxury"},
    {u"expensive", u"luxury"},
    {u"money is no object", u"luxury"},
    {u"style: budget", u"budget"},
};

// Conditions. Crowd words mean something only when negated ("avoid crowds");
// quiet words ask for the same thing in positive form.
constexpr const char16_t* crowdWords[] = {u"crowd",  u"touris", u"busy",      u"mass tourism",
                                          u"hordes", u"packed", u"overrun",   u"masses",
                                          u"bondé",  u"gente",  u"überfüllt", u"multitud"};
constexpr const char16_t* quietWords[] = {u"quiet",  u"peaceful",       u"tranquil", u"secluded",
                                          u"remote", u"off the beaten", u"calm",     u"off-the-beaten",
                                          u"serene", u"undiscovered",   u"ruhig",    u"tranquilo",
                                          u"calme",  u"hidden gem"};
// Heat: negated it is avoided; wanted ("warm and sunny") it rules out the cold.
constexpr const char16_t* hotWords[] = {
    u"hot",   u"heat",     u"warm", u"sunny", u"sunshine", u"tropical", u"humid",  u"scorching", u"chaud",
    u"calor", u"caluroso", u"heiß", u"heiss", u"warmth",   u"warmer",   u"hotter", u"sweltering"};
constexpr const char16_t* coldWords[] = {u"cold", u"cool", u"chilly", u"freezing", u"froid", u"frío",
                                         u"frio", u"kalt", u"snowy",  u"cooler",   u"colder"};

const QStringList monthAbbreviations = {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                        u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};

enum class Polarity { None, Wanted, Unwanted };

template <std::size_t N>
Polarity polarityOfAny(const QString& text, const Negations& neg, const char16_t* const (&stems)[N]) {
    qsizetype last = -1;
    for (const char16_t* s : stems)
        for (qsizetype i : occurrences(text, QStringView(s)))
            last = std::max(last, i);
    if (last < 0)
        return Polarity::None;
    return neg.covers(last) ? Polarity::Unwanted : Polarity::Wanted;
}

double currencyToUsd(const QString& currency) {
    const QString c = currency.toLower();
    if (c == u"€"_s || c.startsWith(u"eur"_s))
        return 1.08;
    if (c == u"£"_s || c == u"gbp"_s || c.startsWith(u"pound"_s))
        return 1.27;
    return 1.0;
}

const QString numberWords = u"\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"_s;

// Amounts of money: "$3000", "3,000 usd", "2k euros", "€150 per day", "3.000 €".
void readBudget(const QString& text, TravelProfile& p) {
    static const QRegularExpression moneyRe(
        uR"((?:([$€£])\s?(\d[\d,.]*)(\s?k)?|(\d[\d,.]*)(\s?k)?\s?(usd|dollars?|bucks|eur|euros?|gbp|pounds?|€|\$|£)(?!\w)))"_s);
    static const QRegularExpression perDayRe(
        uR"(^\s*(?:usd|dollars?|eur|euros?)?\s*(?:(?:per|a|an|each|/)\s*(?:day|night)|daily|pp/day|p\.?p\.? per day))"_s);
    static const QRegularExpression dailyBefore(uR"((?:daily|per day|a day|each day)[^$€£\d.;!?]{0,24}$)"_s);
    static const QRegularExpression perPersonRe(
        uR"(^[^.;!?]{0,24}?(?:per person|each|pp\b|p\.p\.|a head|per head|por persona|par personne|pro person))"_s);
    static const QRegularExpression europeanThousands(uR"(^\d{1,3}(?:\.\d{3})+$)"_s);
    for (auto it = moneyRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool symbolFirst = m.capturedLength(1) > 0;
        QString number = symbolFirst ? m.captured(2) : m.captured(4);
        if (europeanThousands.match(number).hasMatch())
            number.remove(u'.');
        number.remove(u',');
        while (number.endsWith(u'.'))
            number.chop(1);
        bool ok = false;
        double amount = number.toDouble(&ok);
        if (!ok || amount <= 0)
            continue;
        if ((symbolFirst ? m.capturedLength(3) : m.capturedLength(5)) > 0)
            amount *= 1000;
        amount *= currencyToUsd(symbolFirst ? m.captured(1) : m.captured(6));
        const QString after = text.mid(m.capturedEnd(), 40);
        const bool daily = perDayRe.match(after.left(24)).hasMatch() ||
                           dailyBefore
                               .match(text.mid(std::max<qsizetype>(0, m.capturedStart() - 30),
                                               std::min<qsizetype>(30, m.capturedStart())))
                               .hasMatch();
        if (daily)
            p.budgetPerDayUsd = amount;
        else
            p.budgetTotalUsd = amount;
        if (perPersonRe.match(after).hasMatch())
            p.budgetPerPerson = true;
    }
    // "Budget is 3000", "budget: 2.5k": no currency said, dollars assumed.
    static const QRegularExpression bareRe(
        uR"(\bbudget\b[^\d$€£.;!?]{0,20}?(\d[\d,.]*)(\s?k)?\b(?!\s*(?:days?|nights?|weeks?|people|persons|%|km|hours?)))"_s);
    if (!p.budgetTotalUsd && !p.budgetPerDayUsd) {
        if (auto m = bareRe.match(text); m.hasMatch()) {
            QString number = m.captured(1);
            if (europeanThousands.match(number).hasMatch())
                number.remove(u'.');
            number.remove(u',');
            bool ok = false;
            double amount = number.toDouble(&ok);
            if (ok && amount > 0) {
                if (m.capturedLength(2) > 0)
                    amount *= 1000;
                if (amount >= 50) {
                    if (perDayRe.match(text.mid(m.capturedEnd(), 24)).hasMatch())
                        p.budgetPerDayUsd = amount;
                    else
                        p.budgetTotalUsd = amount;
                    if (perPersonRe.match(text.mid(m.capturedEnd(), 40)).hasMatch())
                        p.budgetPerPerson = true;
                }
            }
        }
    }
}

void readLength(const QString& text, TravelProfile& p) {
    static const QRegularExpression daysRe(
        uR"(\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|un|une|una|uno|ein|eine|dos|deux|zwei|tres|trois|drei)[\s-]*(days?|nights?|weeks?|días|dias|jours|tage|semanas?|semaines?|wochen?)\b)"_s);
    for (auto it = daysRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (auto n = smallNumber(m.captured(1))) {
            const QString unit = m.captured(2);
            const bool week = unit.startsWith(u"week"_s) || unit.startsWith(u"seman"_s) ||
                              unit.startsWith(u"semaine"_s) || unit.startsWith(u"woche"_s);
            if (text.mid(m.capturedEnd(), 12).startsWith(u" ago"_s))
                continue;
            // "$100 a day" is a rate, not a one-day trip.
            if ((m.captured(1) == u"a"_s || m.captured(1) == u"an"_s) &&
                (unit == u"day"_s || unit == u"night"_s))
                continue;
            p.days = week ? *n * 7 : *n;
        }
    }
    if (!p.days && hasWord(text, u"fortnight"))
        p.days = 14;
    if (!p.days && text.contains(u"long weekend"_s))
        p.days = 4;
    if (!p.days && hasWord(text, u"weekend"))
        p.days = 3;
}

void readTravellers(const QString& text, const Negations& neg, TravelProfile& p) {
    static const QRegularExpression summaryRe(uR"(travell?ers:\s*(\d{1,2}))"_s);
    static const QRegularExpression familyOfRe(u"\\bfamily of (%1)\\b"_s.arg(numberWords));
    static const QRegularExpression adultsRe(
        u"\\b(%1)\\s+(?:adults|grown-ups|grownups)\\b"_s.arg(numberWords));
    static const QRegularExpression kidsRe(
        u"\\b(%1)\\s+(?:kids|children|child|teens|teenagers|toddlers|boys|girls|little ones)\\b"_s.arg(
            numberWords));
    static const QRegularExpression friendsRe(
        u"\\b(?:me|myself|i)\\s+(?:and|\\+|with)\\s+(%1)\\s+(?:friends|others|colleagues|buddies|mates)\\b|\\bwith\\s+(%1)\\s+(?:friends|others|colleagues|buddies|mates)\\b"_s
            .arg(numberWords));
    static const QRegularExpression peopleRe(
        u"\\b(%1)\\s+(?:people|persons|travell?ers|adults|friends|of us|personas|personnes|personen)\\b"_s
            .arg(numberWords));

    const auto kids = kidsRe.match(text);
    const bool kidsNegated = [&] {
        for (const char16_t* w : {u"kid", u"kids", u"children", u"child"})
            for (qsizetype i : occurrences(text, QStringView(w)))
                if (neg.covers(i))
                    return true;
        return false;
    }();
    const bool couple = text.contains(u"couple"_s) || text.contains(u"partner"_s) || hasWord(text, u"wife") ||
                        hasWord(text, u"husband") || text.contains(u"girlfriend"_s) ||
                        text.contains(u"boyfriend"_s) || text.contains(u"honeymoon"_s) ||
                        text.contains(u"two of us"_s) || text.contains(u"fiancé"_s) ||
                        text.contains(u"fiance"_s);

    if (auto m = summaryRe.match(text); m.hasMatch()) {
        p.travellers = m.captured(1).toInt();
    } else if (auto m = familyOfRe.match(text); m.hasMatch()) {
        p.travellers = smallNumber(m.captured(1));
        p.family = true;
    } else if (auto a = adultsRe.match(text); a.hasMatch() && kids.hasMatch() && !kidsNegated) {
        p.travellers = *smallNumber(a.captured(1)) + *smallNumber(kids.captured(1));
    } else if (kids.hasMatch() && !kidsNegated) {
        const bool alone = text.contains(u"me and"_s) || text.contains(u"just me"_s) ||
                           hasWord(text, u"myself") || text.contains(u"single parent"_s) ||
                           text.contains(u"single mum"_s) || text.contains(u"single dad"_s);
        p.travellers = *smallNumber(kids.captured(1)) + (alone && !couple ? 1 : 2);
    } else if (auto m = friendsRe.match(text); m.hasMatch()) {
        p.travellers = *smallNumber(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)) + 1;
    } else if (auto m = peopleRe.match(text); m.hasMatch()) {
        p.travellers = smallNumber(m.captured(1));
    } else if (hasWord(text, u"solo") || text.contains(u"alone"_s) || text.contains(u"just me"_s) ||
               text.contains(u"by myself"_s) || text.contains(u"on my own"_s) || hasWord(text, u"sola") ||
               hasWord(text, u"seul") || hasWord(text, u"allein")) {
        p.travellers = 1;
    } else if (couple) {
        p.travellers = 2;
    }
    bool familyWords = false;
    for (const char16_t* w : {u"family", u"kids", u"children", u"child", u"familia", u"famille", u"familie",
                              u"niños", u"enfants", u"kinder", u"toddler", u"teenagers"})
        for (qsizetype i : occurrences(text, QStringView(w)))
            familyWords = familyWords || !neg.covers(i);
    if (familyWords && !kidsNegated) {
        p.family = true;
        if (!p.travellers)
            p.travellers = 4;
    }
}

void readMonths(const QString& text, const Negations& neg, TravelProfile& p) {
    auto add = [&](QStringView word, std::initializer_list<int> ms) {
        for (qsizetype i : occurrences(text, word))
            if (!neg.covers(i))
                for (int m : ms)
                    p.months.insert(m);
    };
    for (int i = 0; i < 12; ++i) {
        if (i == 4)
            continue; // "may" is too often the verb: below
        add(monthNames()[i], {i + 1});
        add(monthAbbreviations[i], {i + 1});
    }
    static const QRegularExpression mayRe(
        uR"(\b(?:in|during|early|late|mid|until|till|through|from|of)[\s-]+may\b|\bmay\s+(?:to|or|and|\d)|\b(?:to|or|and|months?:)\s+may\b|^may\b|,\s*may(?=\s*(?:,|\band\b|\bor\b|$|[.;!?\n])))"_s);
    for (auto it = mayRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!neg.covers(m.capturedStart() + m.capturedLength() - 1))
            p.months.insert(5);
    }
    add(u"summer", {6, 7, 8});
    add(u"winter", {12, 1, 2});
    add(u"spring", {3, 4, 5});
    add(u"autumn", {9, 10, 11});
    add(u"fall", {9, 10, 11});
    add(u"christmas", {12});
    add(u"easter", {4});
    add(u"verano", {6, 7, 8});
    add(u"été", {6, 7, 8});
    add(u"sommer", {6, 7, 8});
    add(u"invierno", {12, 1, 2});
    add(u"hiver", {12, 1, 2});
    add(u"primavera", {3, 4, 5});
    add(u"printemps", {3, 4, 5});
    add(u"frühling", {3, 4, 5});
    add(u"otoño", {9, 10, 11});
    add(u"herbst", {9, 10, 11});
    add(u"agosto", {8});
    add(u"août", {8});
    add(u"julio", {7});
    add(u"juillet", {7});
    add(u"juli", {7});
}

void readInterestsAndStyle(const QString& text, const Negations& neg, TravelProfile& p) {
    QHash<QString, qsizetype> lastWanted, lastUnwanted;
    QHash<QString, QSet<QString>> wantedWords, unwantedWords;
    for (const Keyword& k : interestWords) {
        for (qsizetype i : occurrences(text, QStringView(k.word))) {
            const bool no = neg.covers(i);
            auto& map = no ? lastUnwanted : lastWanted;
            const QString tag = QString::fromUtf16(k.tag);
            map[tag] = std::max(map.value(tag, -1), i);
            (no ? unwantedWords : wantedWords)[tag].insert(QString::fromUtf16(k.word));
        }
    }
    // One kind of thing wanted and another of the same family refused
    // ("mountains, but not skiing"): the wish stands. The same word said both
    // ways: the last one counts.
    for (auto it = wantedWords.cbegin(); it != wantedWords.cend(); ++it) {
        const QSet<QString> refused = unwantedWords.value(it.key());
        if (!refused.isEmpty() && !refused.intersects(it.value()))
            lastUnwanted.remove(it.key());
    }
    // "sun" avoided is the heat, not the beach.
    for (qsizetype i : occurrences(text, u"sun"))
        if (neg.covers(i))
            p.avoid.insert(u"heat"_s);
    if (lastUnwanted.value(u"beach"_s, -1) >= 0) {
        bool onlySun = true;
        for (const Keyword& k : interestWords)
            if (QString::fromUtf16(k.tag) == u"beach"_s && QStringView(k.word) != u"sun")
                for (qsizetype i : occurrences(text, QStringView(k.word)))
                    onlySun = onlySun && !neg.covers(i);
        if (onlySun)
            lastUnwanted.remove(u"beach"_s);
    }
    QSet<QString> tags;
    for (auto it = lastWanted.cbegin(); it != lastWanted.cend(); ++it)
        if (it.value() > lastUnwanted.value(it.key(), -1))
            tags.insert(it.key());
    for (auto it = lastUnwanted.cbegin(); it != lastUnwanted.cend(); ++it)
        if (it.value() > lastWanted.value(it.key(), -1))
            p.avoid.insert(it.key());
    p.tags = tags;

    // Style: the last wanted style word; a rejected one is avoided ("comfort, but not luxury").
    qsizetype styleAt = -1;
    for (const Keyword& k : styleWords) {
        for (qsizetype i : occurrences(text, QStringView(k.word))) {
            const QString style = QString::fromUtf16(k.tag);
            if (neg.covers(i)) {
                if (style != u"comfort"_s)
                    p.avoid.insert(style);
            } else if (i >= styleAt) {
                styleAt = i;
                p.style = style;
            }
        }
    }
    if (p.avoid.contains(p.style))
        p.style.clear();
    // "Avoid: cheap" in a summary, "nothing fancy": the middle is what is left.
    if (p.style.isEmpty() && p.avoid.contains(u"luxury"_s) && p.avoid.contains(u"budget"_s))
        p.style = u"comfort"_s;

    // Crowds, heat and cold.
    if (polarityOfAny(text, neg, crowdWords) == Polarity::Unwanted ||
        polarityOfAny(text, neg, quietWords) == Polarity::Wanted)
        p.avoid.insert(u"crowds"_s);
    switch (polarityOfAny(text, neg, hotWords)) {
    case Polarity::Unwanted:
        p.avoid.insert(u"heat"_s);
        break;
    case Polarity::Wanted:
        p.avoid.insert(u"cold"_s);
        break;
    case Polarity::None:
        break;
    }
    switch (polarityOfAny(text, neg, coldWords)) {
    case Polarity::Unwanted:
        p.avoid.insert(u"cold"_s);
        break;
    case Polarity::Wanted:
        // "cool weather" rules out the heat; "cold" as wanted is rare but the same.
        if (!p.avoid.contains(u"cold"_s))
            p.avoid.insert(u"heat"_s);
        break;
    case Polarity::None:
        break;
    }
    if (p.avoid.contains(u"heat"_s) && p.avoid.contains(u"cold"_s)) {
        // "not too hot, not too cold": mild; both stay.
    }
}

} // namespace

bool TravelProfile::isEmpty() const {
    return !budgetTotalUsd && !budgetPerDayUsd && !days && !travellers && months.isEmpty() &&
           tags.isEmpty() && avoid.isEmpty() && style.isEmpty() && !family && origin.isEmpty() &&
           !maxTravelKm && regions.isEmpty();
}

std::optional<double> TravelProfile::perPersonPerDay() const {
    const int people = budgetPerPerson ? 1 : (travellers.value_or(1) > 0 ? travellers.value_or(1) : 1);
    if (budgetPerDayUsd)
        return *budgetPerDayUsd / people;
    if (budgetTotalUsd && days && *days > 0)
        return *budgetTotalUsd / *days / people;
    if (budgetTotalUsd)
        return *budgetTotalUsd / 7 / people; // a week when the length is not known
    return std::nullopt;
}

TravelProfile TravelProfile::fromText(const QString& input) {
    TravelProfile p;
    const QString text = normalise(input);
    const Negations neg(text);
    readBudget(text, p);
    readLength(text, p);
    readTravellers(text, neg, p);
    readMonths(text, neg, p);
    readInterestsAndStyle(text, neg, p);
    readTravelLimit(text, neg, p);
    readRegions(text, neg, p);
    readOrigin(input, p);
    return p;
}

void TravelProfile::merge(const TravelProfile& o) {
    if (!budgetTotalUsd && !budgetPerDayUsd) {
        budgetTotalUsd = o.budgetTotalUsd;
        budgetPerDayUsd = o.budgetPerDayUsd;
        budgetPerPerson = o.budgetPerPerson;
    }
    if (!days)
        days = o.days;
    if (!travellers)
        travellers = o.travellers;
    if (months.isEmpty())
        months = o.months;
    // Interests only when this profile has none; never one it avoids.
    if (tags.isEmpty())
        tags = o.tags - avoid;
    // What the other avoids still holds, unless this profile wants it.
    avoid.unite(o.avoid - tags);
    if (!style.isEmpty())
        avoid.remove(style);
    if (style.isEmpty() && !avoid.contains(o.style))
        style = o.style;
    family = family || o.family;
    if (!knowsOrigin() && o.knowsOrigin()) {
        origin = o.origin;
        originLat = o.originLat;
        originLon = o.originLon;
    }
    if (!maxTravelKm) {
        maxTravelKm = o.maxTravelKm;
        maxTravelBasis = o.maxTravelBasis;
    }
    if (regions.isEmpty())
        regions = o.regions;
}

QString TravelProfile::summary() const {
    static const QStringList names = {u"January"_s,   u"February"_s, u"March"_s,    u"April"_s,
                                      u"May"_s,       u"June"_s,     u"July"_s,     u"August"_s,
                                      u"September"_s, u"October"_s,  u"November"_s, u"December"_s};
    QStringList lines;
    if (!tags.isEmpty()) {
        QStringList t = tags.values();
        t.sort();
        lines << u"Interests: "_s + t.join(u", "_s);
    }
    if (!avoid.isEmpty()) {
        // Words fromText reads back as the same things avoided.
        QStringList a;
        for (const QString& x : avoid)
            a << (x == u"budget"_s ? u"cheap"_s : x);
        a.sort();
        lines << u"Avoid: "_s + a.join(u" or "_s); // one clause: the negation covers all
    }
    if (!style.isEmpty())
        lines << u"Travel style: "_s + style;
    const QString each = budgetPerPerson ? u" per person"_s : QString();
    if (budgetTotalUsd)
        lines << u"Trip budget: about $%1%2"_s.arg(qRound(*budgetTotalUsd)).arg(each);
    if (budgetPerDayUsd)
        lines << u"Daily budget: about $%1%2"_s.arg(qRound(*budgetPerDayUsd)).arg(each);
    if (days)
        lines << u"Trip length: %1 days"_s.arg(*days);
    if (travellers)
        lines << u"Travellers: %1%2"_s.arg(*travellers).arg(family ? u" (family)"_s : QString());
    if (!months.isEmpty()) {
        QList<int> ms = months.values();
        std::sort(ms.begin(), ms.end());
        QStringList n;
        for (int m : ms)
            n << names[m - 1];
        lines << u"Preferred months: "_s + n.join(u", "_s);
    }
    if (!origin.isEmpty())
        lines << u"Starting from: "_s + origin;
    if (maxTravelKm)
        lines << u"Travel limit: within about %1 km"_s.arg(qRound(*maxTravelKm));
    if (!regions.isEmpty()) {
        QStringList r = regions.values();
        r.sort();
        lines << u"Region: "_s + r.join(u" or "_s);
    }
    return lines.join(u'\n');
}

} // namespace tp::conversation
