#include "TravelProfile.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {

struct Keyword {
    const char16_t* word;
    const char16_t* tag;
};

// Word stems that reveal an interest; matched at the start of a word.
constexpr Keyword interestWords[] = {
    {u"beach", u"beach"},        {u"sea", u"beach"},
    {u"ocean", u"beach"},        {u"island", u"beach"},
    {u"surf", u"beach"},         {u"snorkel", u"beach"},
    {u"diving", u"beach"},       {u"swim", u"beach"},
    {u"swimming", u"beach"},     {u"surfing", u"beach"},
    {u"sun", u"beach"},          {u"playa", u"beach"},
    {u"plage", u"beach"},        {u"strand", u"beach"},
    {u"mountain", u"mountains"}, {u"hike", u"mountains"},
    {u"hiking", u"mountains"},   {u"trekking", u"mountains"},
    {u"skiing", u"mountains"},   {u"trek", u"mountains"},
    {u"ski", u"mountains"},      {u"alps", u"mountains"},
    {u"montaña", u"mountains"},  {u"montagne", u"mountains"},
    {u"berg", u"mountains"},     {u"city", u"city"},
    {u"cities", u"city"},        {u"urban", u"city"},
    {u"shopping", u"city"},      {u"ciudad", u"city"},
    {u"ville", u"city"},         {u"stadt", u"city"},
    {u"culture", u"culture"},    {u"cultural", u"culture"},
    {u"histor", u"culture"},     {u"museum", u"culture"},
    {u"art", u"culture"},        {u"temple", u"culture"},
    {u"architect", u"culture"},  {u"ruins", u"culture"},
    {u"cultura", u"culture"},    {u"kultur", u"culture"},
    {u"nature", u"nature"},      {u"wildlife", u"nature"},
    {u"safari", u"nature"},      {u"national park", u"nature"},
    {u"outdoor", u"nature"},     {u"landscape", u"nature"},
    {u"naturaleza", u"nature"},  {u"natur", u"nature"},
    {u"food", u"food"},          {u"cuisine", u"food"},
    {u"eat", u"food"},           {u"eating", u"food"},
    {u"wine", u"food"},          {u"restaurant", u"food"},
    {u"foodie", u"food"},        {u"comida", u"food"},
    {u"gastronom", u"food"},     {u"nightlife", u"nightlife"},
    {u"party", u"nightlife"},    {u"club", u"nightlife"},
    {u"bars", u"nightlife"},     {u"fiesta", u"nightlife"},
};

constexpr Keyword styleWords[] = {
    {u"cheap", u"budget"},     {u"budget-friendly", u"budget"},
    {u"backpack", u"budget"},  {u"affordable", u"budget"},
    {u"low cost", u"budget"},  {u"hostel", u"budget"},
    {u"barato", u"budget"},    {u"luxury", u"luxury"},
    {u"luxurious", u"luxury"}, {u"upscale", u"luxury"},
    {u"5-star", u"luxury"},    {u"five-star", u"luxury"},
    {u"lujo", u"luxury"},      {u"luxe", u"luxury"},
    {u"luxus", u"luxury"},
};

const QStringList monthWords = {u"january"_s,   u"february"_s, u"march"_s,    u"april"_s,
                                u"may"_s,       u"june"_s,     u"july"_s,     u"august"_s,
                                u"september"_s, u"october"_s,  u"november"_s, u"december"_s};
const QStringList monthAbbreviations = {u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                        u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};

bool hasWord(const QString& text, QStringView stem) {
    qsizetype from = 0;
    while (true) {
        const qsizetype i = text.indexOf(stem, from);
        if (i < 0)
            return false;
        const bool startsWord = i == 0 || !text.at(i - 1).isLetter();
        // Short stems must be whole words (or plurals): "sea" is not "season".
        const qsizetype end = i + stem.size();
        const bool endsWord =
            stem.size() > 4 || end >= text.size() || !text.at(end).isLetter() ||
            (text.at(end) == u's' && (end + 1 >= text.size() || !text.at(end + 1).isLetter()));
        if (startsWord && endsWord)
            return true;
        from = i + 1;
    }
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
    static const QStringList words = {u"one"_s, u"two"_s,   u"three"_s, u"four"_s, u"five"_s,
                                      u"six"_s, u"seven"_s, u"eight"_s, u"nine"_s, u"ten"_s};
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    if (word == u"a"_s || word == u"an"_s)
        return 1;
    const qsizetype i = words.indexOf(word);
    if (i >= 0)
        return int(i + 1);
    return std::nullopt;
}

} // namespace

std::optional<double> TravelProfile::perPersonPerDay() const {
    const int people = travellers.value_or(1) > 0 ? travellers.value_or(1) : 1;
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
    const QString text = input.toLower();

    // Money: "$3000", "3,000 usd", "2k euros", "€150 per day".
    static const QRegularExpression moneyRe(
        uR"((?:([$€£])\s?(\d[\d,.]*)(\s?k)?|(\d[\d,.]*)(\s?k)?\s?(usd|dollars?|eur|euros?|gbp|pounds?)\b))"_s);
    for (auto it = moneyRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool symbolFirst = m.capturedLength(1) > 0;
        QString number = symbolFirst ? m.captured(2) : m.captured(4);
        number.remove(u',');
        if (number.endsWith(u'.'))
            number.chop(1);
        bool ok = false;
        double amount = number.toDouble(&ok);
        if (!ok || amount <= 0)
            continue;
        if ((symbolFirst ? m.capturedLength(3) : m.capturedLength(5)) > 0)
            amount *= 1000;
        amount *= currencyToUsd(symbolFirst ? m.captured(1) : m.captured(6));
        static const QRegularExpression perDayRe(
            uR"(^\s*(?:usd|dollars?|eur|euros?)?\s*(?:(?:per|a|an|each|/)\s*(?:day|night)|daily|pp/day))"_s);
        if (perDayRe.match(text.mid(m.capturedEnd(), 24)).hasMatch())
            p.budgetPerDayUsd = amount;
        else
            p.budgetTotalUsd = amount;
    }

    // Length: "10 days", "two weeks", "a weekend".
    static const QRegularExpression daysRe(
        uR"(\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(days?|nights?|weeks?|días|dias|jours|tage)\b)"_s);
    for (auto it = daysRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (auto n = smallNumber(m.captured(1))) {
            const bool week = m.captured(2).startsWith(u"week"_s);
            const QString after = text.mid(m.capturedEnd(), 12);
            if (!week && (after.startsWith(u" ago"_s)))
                continue;
            p.days = week ? *n * 7 : *n;
        }
    }
    if (!p.days && hasWord(text, u"weekend"))
        p.days = 3;

    // Travellers.
    static const QRegularExpression peopleRe(
        uR"(\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(people|persons|travell?ers|adults|friends|of us|personas|personnes|personen)\b)"_s);
    if (auto m = peopleRe.match(text); m.hasMatch())
        p.travellers = smallNumber(m.captured(1));
    else if (hasWord(text, u"solo") || text.contains(u"alone"_s) || text.contains(u"just me"_s) ||
             text.contains(u"by myself"_s))
        p.travellers = 1;
    else if (text.contains(u"couple"_s) || text.contains(u"partner"_s) || text.contains(u"wife"_s) ||
             text.contains(u"husband"_s) || text.contains(u"girlfriend"_s) || text.contains(u"boyfriend"_s) ||
             text.contains(u"honeymoon"_s) || text.contains(u"two of us"_s))
        p.travellers = 2;
    if (text.contains(u"family"_s) || hasWord(text, u"kids") || text.contains(u"children"_s)) {
        p.family = true;
        if (!p.travellers)
            p.travellers = 4;
    }

    // When: month names and seasons.
    for (int i = 0; i < 12; ++i)
        if (hasWord(text, monthWords[i]) || hasWord(text, monthAbbreviations[i]))
            p.months.insert(i + 1);
    p.months.remove(5); // "may" is too often the verb...
    if (text.contains(u"in may"_s) || text.contains(u"may to"_s) || text.contains(u"to may"_s) ||
        text.contains(u"during may"_s))
        p.months.insert(5);
    auto season = [&](QStringView word, std::initializer_list<int> ms) {
        if (hasWord(text, word))
            for (int m : ms)
                p.months.insert(m);
    };
    season(u"summer", {6, 7, 8});
    season(u"winter", {12, 1, 2});
    season(u"spring", {3, 4, 5});
    season(u"autumn", {9, 10, 11});
    season(u"fall", {9, 10, 11});
    season(u"christmas", {12});
    season(u"verano", {6, 7, 8});
    season(u"été", {6, 7, 8});
    season(u"sommer", {6, 7, 8});
    season(u"invierno", {12, 1, 2});
    season(u"hiver", {12, 1, 2});

    for (const Keyword& k : interestWords)
        if (hasWord(text, k.word))
            p.tags.insert(QString::fromUtf16(k.tag));
    for (const Keyword& k : styleWords)
        if (text.contains(QStringView(k.word)))
            p.style = QString::fromUtf16(k.tag);
    return p;
}

void TravelProfile::merge(const TravelProfile& o) {
    if (!budgetTotalUsd)
        budgetTotalUsd = o.budgetTotalUsd;
    if (!budgetPerDayUsd)
        budgetPerDayUsd = o.budgetPerDayUsd;
    if (!days)
        days = o.days;
    if (!travellers)
        travellers = o.travellers;
    if (months.isEmpty())
        months = o.months;
    tags.unite(o.tags);
    if (style.isEmpty())
        style = o.style;
    family = family || o.family;
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
    if (!style.isEmpty())
        lines << u"Travel style: "_s + style;
    if (budgetTotalUsd)
        lines << u"Trip budget: about $%1"_s.arg(qRound(*budgetTotalUsd));
    if (budgetPerDayUsd)
        lines << u"Daily budget: about $%1"_s.arg(qRound(*budgetPerDayUsd));
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
    return lines.join(u'\n');
}

} // namespace tp::conversation
