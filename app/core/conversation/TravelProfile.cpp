#include "TravelProfile.h"

#include "TravelRegions.h"
#include "geo/Gazetteer.h"

#include <QRegularExpression>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::conversation {

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

const QStringList monthWords = {u"january"_s,   u"february"_s, u"march"_s,    u"april"_s,
                                u"may"_s,       u"june"_s,     u"july"_s,     u"august"_s,
                                u"september"_s, u"october"_s,  u"november"_s, u"december"_s};
const QStringList monthAbbreviations = {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                        u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};

// Correctly spelled words that a single slip away from a keyword would turn
// into one ("biking" is not a misspelt "hiking").
const QSet<QString> notTypos = {
    u"biking"_s,   u"hiring"_s,  u"liking"_s,    u"hiding"_s,   u"mature"_s,   u"vulture"_s,  u"cites"_s,
    u"crowns"_s,   u"crowed"_s,  u"reaches"_s,   u"teaches"_s,  u"leaches"_s,  u"breaches"_s, u"bleaches"_s,
    u"quite"_s,    u"history"_s, u"museum"_s,    u"mountain"_s, u"luxury"_s,   u"nature"_s,   u"natural"_s,
    u"cultures"_s, u"crowded"_s, u"crowds"_s,    u"shipping"_s, u"chopping"_s, u"stopping"_s, u"topical"_s,
    u"peaches"_s,  u"benches"_s, u"fountains"_s, u"crowned"_s,  u"crows"_s,    u"island"_s};
// Keywords long enough to recognise with one typo (a letter missing, added,
// changed, or two swapped): the words people misspell in a hurry.
const QStringList typoTargets = {
    u"beaches"_s,     u"mountains"_s,    u"mountain"_s,    u"hiking"_s,    u"trekking"_s, u"snorkeling"_s,
    u"snorkelling"_s, u"museums"_s,      u"museum"_s,      u"culture"_s,   u"cultural"_s, u"history"_s,
    u"historical"_s,  u"architecture"_s, u"restaurants"_s, u"nightlife"_s, u"luxury"_s,   u"luxurious"_s,
    u"wildlife"_s,    u"landscapes"_s,   u"countryside"_s, u"crowds"_s,    u"crowded"_s,  u"touristy"_s,
    u"tropical"_s,    u"february"_s,     u"september"_s,   u"october"_s,   u"november"_s, u"december"_s,
    u"affordable"_s,  u"backpacking"_s,  u"comfortable"_s, u"peaceful"_s,  u"nature"_s,   u"islands"_s,
    u"shopping"_s,    u"seaside"_s,
};

// Optimal string alignment distance, stopping early past `limit`.
int editDistance(QStringView a, QStringView b, int limit) {
    if (std::abs(int(a.size()) - int(b.size())) > limit)
        return limit + 1;
    const int n = int(a.size()), m = int(b.size());
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// The lower-case text with curly apostrophes straightened and misspelt
// keywords corrected ("moutains" -> "mountains").
QString normalise(const QString& input) {
    QString text = input.toLower();
    text.replace(u'\u2019', u'\'').replace(u'\u2018', u'\'');
    static const QRegularExpression southEast(uR"(\bsouth[\s-]+east(?:ern)?\s+asia)"_s);
    text.replace(southEast, u"southeast asia"_s);
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetter()) {
            out.append(text.at(i++));
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && text.at(j).isLetter())
            ++j;
        const QString word = text.mid(i, j - i);
        QString replacement = word;
        if (word.size() >= 5 && !notTypos.contains(word) && !typoTargets.contains(word)) {
            for (const QString& target : typoTargets)
                if (target.size() >= 6 && editDistance(word, target, 1) <= 1) {
                    replacement = target;
                    break;
                }
        }
        out.append(replacement);
        i = j;
    }
    return out;
}

// Where `stem` starts a word in `text`. Short stems must be whole words (or
// plurals): "sea" is not "season".
QList<qsizetype> occurrences(const QString& text, QStringView stem) {
    QList<qsizetype> out;
    qsizetype from = 0;
    while (true) {
        const qsizetype i = text.indexOf(stem, from);
        if (i < 0)
            return out;
        const bool startsWord = i == 0 || !text.at(i - 1).isLetter();
        const qsizetype end = i + stem.size();
        const bool endsWord =
            stem.size() > 4 || end >= text.size() || !text.at(end).isLetter() ||
            (text.at(end) == u's' && (end + 1 >= text.size() || !text.at(end + 1).isLetter()));
        if (startsWord && endsWord)
            out << i;
        from = i + 1;
    }
}

bool hasWord(const QString& text, QStringView stem) {
    return !occurrences(text, stem).isEmpty();
}

// The parts of the text that a negation covers ("not luxury", "no beaches or
// cities", "museums are not our thing"), as [begin, end) ranges.
class Negations {
public:
    explicit Negations(const QString& text) {
        // Clauses: a negation never reaches past one. Hard ends of sentences,
        // and soft ones (commas, "but", "and we ...") a list may run across.
        static const QRegularExpression hard(uR"([.!?;\n()]+)"_s);
        static const QRegularExpression soft(
            uR"(,|\s(?:but|though|although|however|whereas|yet|while)\s|\s(?:and|&)\s+(?=(?:we|i|i'd|we'd|i'm|we're|want|love|like|prefer|would|enjoy|looking|are|am|it|the\s+kids)\b))"_s);
        static const QRegularExpression negator(
            uR"(\b(?:no|not|don't|dont|do not|doesn't|does not|didn't|never|without|avoid(?:ing)?|hate[sd]?|dislike[sd]?|neither|nor|rather not|isn't|aren't|won't|wouldn't|can't stand|cannot stand|skip|except|instead of|less|fewer|away from|nothing|none|too|sin|sans|pas|ni|kein(?:e|en)?|nicht|ohne|nada de|trop)\b)"_s);
        static const QRegularExpression notANegation(
            uR"(^(?:no preference|not sure|no problem|don't mind|dont mind|do not mind|doesn't matter|does not matter|no matter|no idea|not bothered|don't care|dont care|do not care|not fussy|no more than|not more than|no longer than|not longer than|less than|no less than|not only|nothing special|nothing in particular|nothing else|no strong|don't know|dont know|no particular|not really sure|none yet|never been|no,))"_s);
        static const QRegularExpression afterwards(
            uR"((?:(?:is|are|'s|'re)\s+not|isn't|aren't)\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|not\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|(?:isn't|aren't|is not|are not|not)\s+for\s+(?:me|us)|\bbores?\s+(?:me|us)|\b(?:is|are)\s+(?:boring|overrated)|\bputs?\s+(?:me|us)\s+off)"_s);
        static const QRegularExpression pronoun(
            uR"(\b(?:we|i|i'm|we're|us|my|our|want|like|love|prefer)\b)"_s);
        static const QRegularExpression listWord(uR"(\b(?:or|nor)\b)"_s);

        struct Clause {
            qsizetype begin, end;
            bool softEnd;
        };
        QList<Clause> clauses;
        qsizetype start = 0;
        auto addClauses = [&](qsizetype from, qsizetype to) {
            qsizetype b = from;
            for (auto it = soft.globalMatch(text.mid(from, to - from)); it.hasNext();) {
                const auto m = it.next();
                clauses.append({b, from + m.capturedStart(), true});
                b = from + m.capturedEnd();
            }
            clauses.append({b, to, false});
        };
        for (auto it = hard.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            addClauses(start, m.capturedStart());
            start = m.capturedEnd();
        }
        addClauses(start, text.size());

        bool carry = false; // the previous clause's negation runs on through a list
        for (const Clause& c : clauses) {
            const QString part = text.mid(c.begin, c.end - c.begin);
            bool negated = false;
            if (carry && listWord.match(part).hasMatch() && !pronoun.match(part).hasMatch()) {
                m_ranges.append({c.begin, c.end});
                negated = true;
            } else {
                for (auto it = negator.globalMatch(part); it.hasNext();) {
                    const auto m = it.next();
                    if (notANegation.match(part.mid(m.capturedStart())).hasMatch())
                        continue;
                    m_ranges.append({c.begin + m.capturedStart(), c.end});
                    negated = true;
                    break;
                }
            }
            if (auto m = afterwards.match(part); m.hasMatch()) {
                m_ranges.append({c.begin, c.begin + m.capturedStart()});
                negated = true;
            }
            carry = negated && c.softEnd;
        }
    }

    bool covers(qsizetype pos) const {
        for (const auto& [b, e] : m_ranges)
            if (pos >= b && pos < e)
                return true;
        return false;
    }

private:
    QList<std::pair<qsizetype, qsizetype>> m_ranges;
};

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

std::optional<int> smallNumber(const QString& word) {
    static const QStringList words = {u"one"_s,  u"two"_s, u"three"_s,  u"four"_s,
                                      u"five"_s, u"six"_s, u"seven"_s,  u"eight"_s,
                                      u"nine"_s, u"ten"_s, u"eleven"_s, u"twelve"_s};
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    static const QHash<QString, int> others = {
        {u"a"_s, 1},    {u"an"_s, 1},   {u"un"_s, 1},    {u"une"_s, 1}, {u"una"_s, 1},
        {u"uno"_s, 1},  {u"ein"_s, 1},  {u"eine"_s, 1},  {u"dos"_s, 2}, {u"deux"_s, 2},
        {u"zwei"_s, 2}, {u"tres"_s, 3}, {u"trois"_s, 3}, {u"drei"_s, 3}};
    if (others.contains(word))
        return others.value(word);
    const qsizetype i = words.indexOf(word);
    if (i >= 0)
        return int(i + 1);
    return std::nullopt;
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
        add(monthWords[i], {i + 1});
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

// Straight-line kilometres per hour of a journey, door to door, by mode: the
// project's own round figures (a train averages about 130 km of distance as the
// crow flies per hour on European networks, a car about 80; a flight covers
// about 800 km per hour once half an hour of take-off and landing is allowed for).
double kmFor(double hours, const QString& mode) {
    if (mode == u"train"_s)
        return hours * 130;
    if (mode == u"car"_s)
        return hours * 80;
    if (mode == u"bus"_s)
        return hours * 65;
    return std::max(0.0, hours - 0.5) * 800;
}

QString modeIn(const QString& window) {
    static const QRegularExpression train(uR"(\b(?:train|trains|rail|railway|zug|tren)\b)"_s);
    static const QRegularExpression car(uR"(\b(?:car|drive|driving|drives|road|auto)\b)"_s);
    static const QRegularExpression bus(uR"(\b(?:bus|coach)\b)"_s);
    if (train.match(window).hasMatch())
        return u"train"_s;
    if (car.match(window).hasMatch())
        return u"car"_s;
    if (bus.match(window).hasMatch())
        return u"bus"_s;
    return u"flight"_s;
}

void readTravelLimit(const QString& text, const Negations& neg, TravelProfile& p) {
    auto consider = [&](double km, const QString& basis) {
        if (km <= 0)
            return;
        if (!p.maxTravelKm || km < *p.maxTravelKm) {
            p.maxTravelKm = km;
            p.maxTravelBasis = basis;
        }
    };
    static const QRegularExpression hoursRe(
        uR"(\b(\d{1,2}(?:[.,]\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*-\s*|\s*)(?:hours?|hrs?|h)\b)"_s);
    static const QRegularExpression limitBefore(
        uR"((?:at most|max(?:imum)?|no more than|not more than|less than|under|up to|within|shorter than|no longer than|not longer than|at the most|tops)\s*(?:of\s*)?(?:about|around|roughly|approx\.?|a)?\s*$)"_s);
    static const QRegularExpression limitBeforeNegated(
        uR"((?:longer than|more than|over)\s*(?:about|around)?\s*$)"_s);
    static const QRegularExpression limitAfter(
        uR"(^[^.;!?]{0,24}?\b(?:max(?:imum)?|at most|tops|or less|at the most|maximum)\b)"_s);
    for (auto it = hoursRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString before = text.mid(std::max<qsizetype>(0, m.capturedStart() - 40),
                                        std::min<qsizetype>(40, m.capturedStart()));
        const QString after = text.mid(m.capturedEnd(), 40);
        const bool limit = limitBefore.match(before).hasMatch() || limitAfter.match(after).hasMatch() ||
                           (limitBeforeNegated.match(before).hasMatch() && neg.covers(m.capturedStart() - 1));
        if (!limit)
            continue;
        QString n = m.captured(1);
        n.replace(u',', u'.');
        double hours = 0;
        if (auto small = smallNumber(n))
            hours = *small;
        else
            hours = n.toDouble();
        if (hours <= 0)
            continue;
        const QString mode = modeIn(before.section(QRegularExpression(uR"([.;!?,])"_s), -1) + u' ' +
                                    after.section(QRegularExpression(uR"([.;!?])"_s), 0, 0));
        const QString how = mode == u"flight"_s ? u"flying"_s
                            : mode == u"car"_s  ? u"by car"_s
                                                : u"by "_s + mode;
        consider(kmFor(hours, mode), u"at most %1 hour%2 %3"_s.arg(QString::number(hours, 'g', 3))
                                         .arg(hours == 1 ? u""_s : u"s"_s, how));
    }
    static const QRegularExpression kmRe(
        uR"((?:at most|max(?:imum)?|no more than|not more than|less than|under|up to|within)\s*(?:about|around|roughly)?\s*(\d[\d,.]*)\s*(km|kilometers|kilometres|miles|mi)\b)"_s);
    for (auto it = kmRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString n = m.captured(1);
        n.remove(u',');
        const double km = n.toDouble() * (m.captured(2).startsWith(u"mi"_s) ? 1.609 : 1.0);
        consider(km, u"within %1 %2"_s.arg(m.captured(1), m.captured(2)));
    }
    // "no long flights", "no long-haul": a flight of about five hours at most.
    static const QRegularExpression longFlight(
        uR"(\blong[\s-]*(?:haul|flights?|flying|plane rides?|journeys?|travel))"_s);
    for (auto it = longFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (neg.covers(m.capturedStart()))
            consider(4000, u"no long flights: about 5 hours' flying at most"_s);
    }
    static const QRegularExpression shortFlight(
        uR"(\bshort[\s-]*(?:haul|flights?|flight time|plane rides?))"_s);
    for (auto it = shortFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!neg.covers(m.capturedStart()))
            consider(2000, u"a short flight: about 3 hours at most"_s);
    }
    // "not too far", "close to home", "nearby".
    static const QRegularExpression near(
        uR"(\b(?:close to home|near home|nearby|close by|not far|close to here|within reach|in the neighbourhood|in the neighborhood)\b)"_s);
    bool nearSaid = near.match(text).hasMatch();
    for (qsizetype i : occurrences(text, u"far"))
        nearSaid = nearSaid || neg.covers(i);
    if (nearSaid)
        consider(1500, u"not too far"_s);
    // No flying at all: a day by train or car.
    static const QRegularExpression fly(
        uR"(\b(?:fly|flying|flights?|planes?|airplanes?|aeroplanes?|airports?|fliegen|flug|flüge|flugzeug|volar|vuelos?|avion|vols?)\b)"_s);
    static const QRegularExpression qualified(
        uR"((?:long|short|haul|connecting|night|early|red-eye|cheap|direct|hours?\s+of|hours?'|h\s+of)[\s-]*$)"_s);
    for (auto it = fly.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString before = text.mid(std::max<qsizetype>(0, m.capturedStart() - 14),
                                        std::min<qsizetype>(14, m.capturedStart()));
        if (neg.covers(m.capturedStart()) && !qualified.match(before).hasMatch())
            consider(1200, u"no flying: a day by train or car"_s);
    }
    static const QRegularExpression overland(
        uR"(\b(?:by train|train only|only by train|trains only|overland|by car|drive there|driving distance|interrail|mit dem zug|en tren|en train)\b)"_s);
    if (auto m = overland.match(text); m.hasMatch() && !neg.covers(m.capturedStart()))
        consider(1200, u"travelling %1: a day's journey"_s.arg(m.captured(0)));
}

void readRegions(const QString& text, const Negations& neg, TravelProfile& p) {
    static const QRegularExpression trigger(
        uR"((?:(?:\bin|\bwithin|\binside|\baround|\bacross|\bto|\bthrough|\bexplore|\bexploring|\bvisit|\bvisiting|\bof|\bregion:|\ben|\bnach|\bin der)\s+|^\s*|[,.;:!?]\s*)(?:the\s+)?(?:south|southern|northern|western|eastern|central|somewhere in|anywhere in)?\s*$)"_s);
    static const QRegularExpression joined(uR"(^\s*(?:,|or|and|,\s*or|/)\s*(?:the\s+)?$)"_s);
    static const QRegularExpression onlyAfter(uR"(^\s*(?:only|-only|please|is fine|would be|preferred))"_s);
    struct Hit {
        qsizetype at, end;
        QString key;
    };
    QList<Hit> hits;
    for (const QString& key : regionKeys())
        for (qsizetype i : occurrences(text, key)) {
            bool inside = false; // "asia" inside an accepted "southeast asia"
            for (const Hit& h : hits)
                inside = inside || (i >= h.at && i < h.end);
            if (!inside)
                hits.append({i, i + key.size(), key});
        }
    static const QList<std::pair<QString, QString>> adjectives = {
        {u"european"_s, u"europe"_s},    {u"scandinavian"_s, u"scandinavia"_s},
        {u"nordic"_s, u"scandinavia"_s}, {u"caribbean"_s, u"caribbean"_s},
        {u"europa"_s, u"europe"_s},      {u"europe"_s, u"europe"_s}};
    static const QRegularExpression placeNoun(
        uR"(^\s*(?:city|cities|capital|capitals|destination|destinations|country|countries|trip|getaway|break|holiday|vacation|island|islands|spot|spots|place|places))"_s);
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
    qsizetype lastEnd = -1;
    for (const Hit& h : hits) {
        if (neg.covers(h.at))
            continue;
        const QString before = text.mid(std::max<qsizetype>(0, h.at - 30), std::min<qsizetype>(30, h.at));
        const bool chained = lastEnd >= 0 && joined.match(text.mid(lastEnd, h.at - lastEnd)).hasMatch();
        if (trigger.match(before).hasMatch() || chained || onlyAfter.match(text.mid(h.end, 16)).hasMatch()) {
            p.regions.insert(h.key);
            lastEnd = h.end;
        }
    }
    for (const auto& [adjective, key] : adjectives)
        for (qsizetype i : occurrences(text, adjective))
            if (!neg.covers(i) && placeNoun.match(text.mid(i + adjective.size(), 16)).hasMatch())
                p.regions.insert(key);
}

// "we start from Berlin", "flying out of Munich", "we live in Hamburg",
// "desde Madrid", "ab Wien": the place the trip starts from, if the offline
// gazetteer knows it. `original` keeps the user's capitals: after a plain
// "from" only a capitalised name counts ("away from the crowds" is no origin).
void readOrigin(const QString& original, TravelProfile& p) {
    QString text = original;
    text.replace(u'\u2019', u'\'');
    static const QRegularExpression strong(
        uR"(\b(?:(?:start(?:s|ing)?|leav(?:e|es|ing)|depart(?:s|ing)?|fly(?:ing)?|travel(?:l?ing)?|com(?:e|es|ing)|set(?:ting)? off|head(?:ing)? out|drive|driving|go(?:ing)?)\s+(?:out\s+)?(?:from|of|out of)|(?:live|lives|living|based|located|reside|residing)\s+in|home\s+(?:is|base is)(?:\s+in)?|(?:we're|we are|i'm|i am)\s+from|from\s+our\s+home\s+in|starting\s+(?:point|city)\s*(?:is|:)|starting from:|departure(?:\s+city)?\s*(?:is|:)|desde|salimos de|vivimos en|depuis|au départ de|partons de|habitons à|ab|wohnen in|leben in|starten in|starten ab|von)\s+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Plain "from", and phrasings that name a place only when it is capitalised
    // ("starting in Madrid", not "starting in july"; "we're in Milan").
    static const QRegularExpression weak(
        uR"(\b(?:from|start(?:s|ing)?\s+in|(?:we're|we are|i'm|i am)\s+in|(?:km|miles|hours?)\s+(?:of|from))\s+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression weakExcluded(
        uR"(\b(?:away|break|escape|different|apart|free|choose|pick|options|ideas|suggestions|something|anything|recommendations|places|flights?|prices?|distance|miles|km|hours?)\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression words(
        uR"(^([\p{L}][\p{L}'.-]*)(?:\s+([\p{L}][\p{L}'.-]*))?(?:\s+([\p{L}][\p{L}'.-]*))?)"_s);
    static const QSet<QString> stop = {
        u"the"_s,      u"a"_s,        u"an"_s,        u"my"_s,       u"our"_s,       u"home"_s,
        u"here"_s,     u"there"_s,    u"work"_s,      u"scratch"_s,  u"now"_s,       u"today"_s,
        u"tomorrow"_s, u"next"_s,     u"this"_s,      u"that"_s,     u"and"_s,       u"with"_s,
        u"in"_s,       u"on"_s,       u"to"_s,        u"but"_s,      u"for"_s,       u"by"_s,
        u"so"_s,       u"we"_s,       u"i"_s,         u"or"_s,       u"because"_s,   u"since"_s,
        u"at"_s,       u"mid"_s,      u"early"_s,     u"late"_s,     u"somewhere"_s, u"anywhere"_s,
        u"two"_s,      u"three"_s,    u"four"_s,      u"five"_s,     u"six"_s,       u"one"_s,
        u"monday"_s,   u"tuesday"_s,  u"wednesday"_s, u"thursday"_s, u"friday"_s,    u"saturday"_s,
        u"sunday"_s,   u"then"_s,     u"all"_s,       u"about"_s,    u"around"_s,    u"it"_s,
        u"is"_s,       u"are"_s,      u"europe"_s,    u"asia"_s,     u"africa"_s,    u"america"_s,
        u"abroad"_s,   u"overseas"_s, u"budget"_s,    u"home."_s,    u"und"_s,       u"de"_s,
        u"la"_s,       u"el"_s,       u"le"_s,        u"der"_s,      u"die"_s,       u"das"_s,
        u"uns"_s,      u"mir"_s,      u"hier"_s,      u"aquí"_s,     u"ici"_s,
    };
    auto tryAt = [&](qsizetype pos, bool needCapital) -> bool {
        const auto m = words.match(text.mid(pos, 60));
        if (!m.hasMatch())
            return false;
        QStringList ws;
        for (int i = 1; i <= 3 && m.capturedLength(i) > 0; ++i) {
            QString w = m.captured(i);
            while (w.endsWith(u'.') || w.endsWith(u'\''))
                w.chop(1);
            ws << w;
        }
        if (ws.isEmpty() || stop.contains(ws.first().toLower()) || monthWords.contains(ws.first().toLower()))
            return false;
        if (needCapital && !ws.first().at(0).isUpper())
            return false;
        for (qsizetype n = ws.size(); n >= 1; --n) {
            bool inner = false;
            for (qsizetype i = 1; i < n; ++i) {
                const QString w = ws[i].toLower();
                inner = inner ||
                        (stop.contains(w) && w != u"de"_s && w != u"la"_s && w != u"el"_s && w != u"le"_s) ||
                        monthWords.contains(w);
            }
            if (inner)
                continue;
            const QString name = ws.mid(0, n).join(u' ');
            if (name.size() < 3)
                continue;
            // Loaded on first use only: most answers name no starting point.
            const auto match = geo::Gazetteer::instance().resolve(name);
            if (!match)
                continue;
            p.origin = match->kind == geo::GeoMatch::Kind::City ? match->name : match->countryName;
            p.originLat = match->lat;
            p.originLon = match->lon;
            return true;
        }
        return false;
    };
    for (auto it = strong.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (tryAt(m.capturedEnd(), false))
            return;
    }
    const bool allLower = text == text.toLower();
    for (auto it = weak.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (weakExcluded.match(text.left(m.capturedStart())).hasMatch())
            continue;
        if (tryAt(m.capturedEnd(), !allLower))
            return;
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
