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
    const char16_t* word; // as people write it; accents are optional in the text
    const char16_t* tag;
};

// Where the word occurs in the text: a stem, or (wholeWord) a word on its own.
QList<qsizetype> occurrencesOf(const QString& text, const Keyword& k, bool wholeWord = false) {
    QList<qsizetype> out = occurrences(text, QStringView(k.word));
    if (wholeWord) {
        const qsizetype n = QStringView(k.word).size();
        out.removeIf([&](qsizetype i) { return i + n < text.size() && text.at(i + n).isLetter(); });
    }
    return out;
}

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

// The same in German, French and Spanish (accents are optional in the text).
constexpr Keyword otherLanguageInterestWords[] = {
    {u"strände", u"beach"},
    {u"straende", u"beach"},
    {u"meer", u"beach"},
    {u"ostsee", u"beach"},
    {u"nordsee", u"beach"},
    {u"küste", u"beach"},
    {u"kueste", u"beach"},
    {u"insel", u"beach"},
    {u"badeurlaub", u"beach"},
    {u"schwimmen", u"beach"},
    {u"schnorchel", u"beach"},
    {u"tauchen", u"beach"},
    {u"sonne", u"beach"},
    {u"mer", u"beach"},
    {u"océan", u"beach"},
    {u"île", u"beach"},
    {u"la côte", u"beach"},
    {u"les côtes", u"beach"},
    {u"littoral", u"beach"},
    {u"bord de mer", u"beach"},
    {u"balnéaire", u"beach"},
    {u"plongée", u"beach"},
    {u"baignade", u"beach"},
    {u"nager", u"beach"},
    {u"soleil", u"beach"},
    {u"océano", u"beach"},
    {u"islas", u"beach"},
    {u"una isla", u"beach"},
    {u"la isla", u"beach"},
    {u"buceo", u"beach"},
    {u"bucear", u"beach"},
    {u"nadar", u"beach"},
    {u"esnórquel", u"beach"},
    {u"la costa", u"beach"},
    {u"den bergen", u"mountains"},
    {u"gebirge", u"mountains"},
    {u"alpen", u"mountains"},
    {u"alpes", u"mountains"},
    {u"wanderung", u"mountains"},
    {u"bergwander", u"mountains"},
    {u"bergsteig", u"mountains"},
    {u"klettern", u"mountains"},
    {u"skifahren", u"mountains"},
    {u"skiurlaub", u"mountains"},
    {u"escalade", u"mountains"},
    {u"sommets", u"mountains"},
    {u"alpinisme", u"mountains"},
    {u"esquí", u"mountains"},
    {u"escalada", u"mountains"},
    {u"montañismo", u"mountains"},
    {u"cordillera", u"mountains"},
    {u"großstadt", u"city"},
    {u"grossstadt", u"city"},
    {u"hauptstadt", u"city"},
    {u"hauptstädte", u"city"},
    {u"einkaufen", u"city"},
    {u"shoppen", u"city"},
    {u"urbain", u"city"},
    {u"capitale", u"city"},
    {u"magasins", u"city"},
    {u"lèche-vitrine", u"city"},
    {u"compras", u"city"},
    {u"urbano", u"city"},
    {u"urbana", u"city"},
    {u"tiendas", u"city"},
    {u"geschichte", u"culture"},
    {u"museen", u"culture"},
    {u"kunst", u"culture"},
    {u"architektur", u"culture"},
    {u"burg", u"culture"},
    {u"burgen", u"culture"},
    {u"schloss", u"culture"},
    {u"schlösser", u"culture"},
    {u"ruinen", u"culture"},
    {u"tempel", u"culture"},
    {u"galerie", u"culture"},
    {u"sehenswürdigkeit", u"culture"},
    {u"ausstellung", u"culture"},
    {u"histoire", u"culture"},
    {u"château", u"culture"},
    {u"ruines", u"culture"},
    {u"patrimoine", u"culture"},
    {u"arte", u"culture"},
    {u"arquitectura", u"culture"},
    {u"castillo", u"culture"},
    {u"ruinas", u"culture"},
    {u"templo", u"culture"},
    {u"galería", u"culture"},
    {u"patrimonio", u"culture"},
    {u"monumentos", u"culture"},
    {u"nationalpark", u"nature"},
    {u"wald", u"nature"},
    {u"wälder", u"nature"},
    {u"wasserfall", u"nature"},
    {u"landschaft", u"nature"},
    {u"tierwelt", u"nature"},
    {u"wildtiere", u"nature"},
    {u"faune", u"nature"},
    {u"parc national", u"nature"},
    {u"parcs nationaux", u"nature"},
    {u"forêt", u"nature"},
    {u"lac", u"nature"},
    {u"chute d'eau", u"nature"},
    {u"chutes d'eau", u"nature"},
    {u"paysage", u"nature"},
    {u"campagne", u"nature"},
    {u"animaux", u"nature"},
    {u"plein air", u"nature"},
    {u"parque nacional", u"nature"},
    {u"parques nacionales", u"nature"},
    {u"bosque", u"nature"},
    {u"cascada", u"nature"},
    {u"paisaje", u"nature"},
    {u"animales", u"nature"},
    {u"aire libre", u"nature"},
    {u"selva", u"nature"},
    {u"vida salvaje", u"nature"},
    {u"kulinarisch", u"food"},
    {u"küche", u"food"},
    {u"kueche", u"food"},
    {u"wein", u"food"},
    {u"weingut", u"food"},
    {u"weinprobe", u"food"},
    {u"feinschmecker", u"food"},
    {u"schlemmen", u"food"},
    {u"streetfood", u"food"},
    {u"manger", u"food"},
    {u"vin", u"food"},
    {u"bouffe", u"food"},
    {u"nourriture", u"food"},
    {u"culinaire", u"food"},
    {u"dégustation", u"food"},
    {u"repas", u"food"},
    {u"bonne table", u"food"},
    {u"cocina", u"food"},
    {u"vino", u"food"},
    {u"tapas", u"food"},
    {u"culinaria", u"food"},
    {u"culinario", u"food"},
    {u"comer bien", u"food"},
    {u"nachtleben", u"nightlife"},
    {u"feiern", u"nightlife"},
    {u"kneipen", u"nightlife"},
    {u"ausgehen", u"nightlife"},
    {u"tanzen", u"nightlife"},
    {u"vie nocturne", u"nightlife"},
    {u"soirées", u"nightlife"},
    {u"faire la fête", u"nightlife"},
    {u"boîte de nuit", u"nightlife"},
    {u"boîtes de nuit", u"nightlife"},
    {u"vida nocturna", u"nightlife"},
    {u"discoteca", u"nightlife"},
    {u"bares", u"nightlife"},
    {u"ir de copas", u"nightlife"},
    {u"de marcha", u"nightlife"},
};
// Words that count only on their own: "Berge" (not "Bergen", a city), "el mar" (not "el martes").
constexpr Keyword wholeInterestWords[] = {
    {u"el mar", u"beach"},
    {u"al mar", u"beach"},
    {u"berge", u"mountains"},
};

struct Interest {
    const Keyword* keyword;
    bool wholeWord;
};
// Every interest word, in all four languages.
const QList<Interest>& allInterestWords() {
    static const QList<Interest> all = [] {
        QList<Interest> out;
        for (const Keyword& k : interestWords)
            out.append({&k, false});
        for (const Keyword& k : otherLanguageInterestWords)
            out.append({&k, false});
        for (const Keyword& k : wholeInterestWords)
            out.append({&k, true});
        return out;
    }();
    return all;
}

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
    // German, French, Spanish.
    {u"guenstig", u"budget"},
    {u"billig", u"budget"},
    {u"preiswert", u"budget"},
    {u"preisgünstig", u"budget"},
    {u"kleines budget", u"budget"},
    {u"kleinem budget", u"budget"},
    {u"knappes budget", u"budget"},
    {u"wenig geld", u"budget"},
    {u"sparsam", u"budget"},
    {u"rucksack", u"budget"},
    {u"jugendherberge", u"budget"},
    {u"petit budget", u"budget"},
    {u"budget serré", u"budget"},
    {u"budget limité", u"budget"},
    {u"bon marché", u"budget"},
    {u"économique", u"budget"},
    {u"abordable", u"budget"},
    {u"routard", u"budget"},
    {u"auberge de jeunesse", u"budget"},
    {u"auberges de jeunesse", u"budget"},
    {u"sac à dos", u"budget"},
    {u"económico", u"budget"},
    {u"bajo presupuesto", u"budget"},
    {u"poco presupuesto", u"budget"},
    {u"presupuesto ajustado", u"budget"},
    {u"presupuesto limitado", u"budget"},
    {u"mochiler", u"budget"},
    {u"asequible", u"budget"},
    {u"albergue", u"budget"},
    {u"hostal", u"budget"},
    {u"mittelklasse", u"comfort"},
    {u"mittleres budget", u"comfort"},
    {u"budget moyen", u"comfort"},
    {u"presupuesto medio", u"comfort"},
    {u"vier sterne", u"comfort"},
    {u"4 sterne", u"comfort"},
    {u"4-sterne", u"comfort"},
    {u"bequem", u"comfort"},
    {u"milieu de gamme", u"comfort"},
    {u"4 étoiles", u"comfort"},
    {u"quatre étoiles", u"comfort"},
    {u"cómodo", u"comfort"},
    {u"cómoda", u"comfort"},
    {u"comodidad", u"comfort"},
    {u"gama media", u"comfort"},
    {u"4 estrellas", u"comfort"},
    {u"cuatro estrellas", u"comfort"},
    {u"luxuriös", u"luxury"},
    {u"luxurioes", u"luxury"},
    {u"fünf sterne", u"luxury"},
    {u"fünf-sterne", u"luxury"},
    {u"fuenf sterne", u"luxury"},
    {u"5 sterne", u"luxury"},
    {u"5-sterne", u"luxury"},
    {u"teuer", u"luxury"},
    {u"teure", u"luxury"},
    {u"gehoben", u"luxury"},
    {u"luxueu", u"luxury"},
    {u"5 étoiles", u"luxury"},
    {u"cinq étoiles", u"luxury"},
    {u"haut de gamme", u"luxury"},
    {u"trop cher", u"luxury"}, // "pas trop cher": not luxury; "pas cher" alone is cheap
    {u"très cher", u"luxury"},
    {u"assez cher", u"luxury"},
    {u"hors de prix", u"luxury"},
    {u"coûteu", u"luxury"},
    {u"lujos", u"luxury"},
    {u"5 estrellas", u"luxury"},
    {u"cinco estrellas", u"luxury"},
    {u"caro", u"luxury"},
    {u"costoso", u"luxury"},
    {u"alta gama", u"luxury"},
};

// Conditions. Crowd words mean something only when negated ("avoid crowds");
// quiet words ask for the same thing in positive form.
constexpr const char16_t* crowdWords[] = {
    u"crowd",       u"touris",       u"busy",          u"mass tourism", u"hordes",     u"packed",
    u"overrun",     u"masses",       u"bondé",         u"gente",        u"überfüllt",  u"multitud",
    u"ueberfuellt", u"menschenmass", u"menschenmenge", u"massen",       u"überlaufen", u"ueberlaufen",
    u"gedränge",    u"trubel",       u"andrang",       u"voll",         u"foule",      u"de monde",
    u"surpeupl",    u"cohue",        u"turist",        u"masificad",    u"masificaci", u"abarrotad",
    u"aglomeraci"};
constexpr const char16_t* quietWords[] = {
    u"quiet", u"peaceful", u"tranquil", u"secluded", u"remote", u"off the beaten", u"calm", u"off-the-beaten",
    u"serene", u"undiscovered", u"ruhig", u"tranquilo", u"calme", u"hidden gem",
    // German, French, Spanish.
    u"ruhe", u"abgelegen", u"einsam", u"beschaulich", u"abseits", u"geheimtipp", u"unberührt", u"paisible",
    u"isolé", u"hors des sentiers battus", u"peu touristique", u"peu fréquenté", u"perle cachée", u"apartado",
    u"aislado", u"poco turístico", u"joya escondida", u"calma"};
// Heat: negated it is avoided; wanted ("warm and sunny") it rules out the cold.
constexpr const char16_t* hotWords[] = {
    u"hot",       u"heat",    u"warm",       u"sunny",      u"sunshine", u"tropical", u"humid",
    u"scorching", u"chaud",   u"calor",      u"caluroso",   u"heiß",     u"heiss",    u"warmth",
    u"warmer",    u"hotter",  u"sweltering", u"warme",      u"sonnig",   u"tropisch", u"hitze",
    u"schwül",    u"schwuel", u"chaleur",    u"ensoleillé", u"canicule", u"soleado",  u"cálido"};
constexpr const char16_t* coldWords[] = {
    u"cold",  u"cool",    u"chilly",     u"freezing",  u"froid",        u"frío",        u"frio",
    u"kalt",  u"snowy",   u"cooler",     u"colder",    u"kälte",        u"kühl",        u"kühle",
    u"kuehl", u"frostig", u"verschneit", u"fraîcheur", u"climat frais", u"temps frais", u"clima fresco"};
// The sun: wanted, a beach; not wanted, the heat (not the beach).
constexpr const char16_t* sunWords[] = {u"sun", u"sonne", u"soleil"};

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
    if (c == u"£"_s || c == u"gbp"_s || c.startsWith(u"pound"_s) || c == u"pfund"_s ||
        c.startsWith(u"livre"_s) || c.startsWith(u"libra"_s))
        return 1.27;
    return 1.0;
}

const QString numberWords = u"\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"_s;
// "One" in German, French and Spanish (also the article: "ein Kind", "un enfant").
const QString otherLanguageOne = u"ein|eine|einem|einen|einer|un|une|una|uno"_s;
// The numbers the travellers are counted in, in all four languages.
const QString anyNumberWords = numberWords + u'|' + otherLanguageOne + u'|' + otherLanguageNumbers();

// Whether any of the phrases (written with their accents) is in the text.
template <std::size_t N> bool containsAny(const QString& text, const char16_t* const (&phrases)[N]) {
    for (const char16_t* phrase : phrases)
        if (text.contains(withoutAccents(QStringView(phrase))))
            return true;
    return false;
}
template <std::size_t N> bool hasAnyWord(const QString& text, const char16_t* const (&words)[N]) {
    for (const char16_t* w : words)
        if (hasWord(text, QStringView(w)))
            return true;
    return false;
}

// Amounts of money: "$3000", "3,000 usd", "2k euros", "€150 per day", "3.000 €".
void readBudget(const QString& text, TravelProfile& p) {
    static const QRegularExpression moneyRe(
        uR"((?:([$€£])\s?(\d[\d,.]*)(\s?k)?|(\d[\d,.]*)(\s?k)?\s?(usd|dollars?|bucks|eur|euros?|gbp|pounds?|€|\$|£)(?!\w))"
        // "2 500 €" (French thousands), "100 dólares", "500 Pfund", "300 libras".
        uR"(|(\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+)\s?(€|eur|euros?|dolares)(?!\w))"
        uR"(|(\d[\d,.]*)(\s?k)?\s?(dolares|pfund|livres sterling|libras?)(?!\w)))"_s);
    static const QRegularExpression perDayRe(
        uR"(^\s*(?:usd|dollars?|eur|euros?)?\s*(?:(?:per|a|an|each|/)\s*(?:day|night)|daily|pp/day|p\.?p\.? per day))"
        uR"(|^\s*(?:dolares|dollars?|euros?)?\s*(?:(?:pro|am|je|par|por|al|cada|/)\s*(?:tag|nacht|jour|nuit|dia|noche)\b|taglich|quotidien|diarios?))"_s);
    static const QRegularExpression dailyBefore(
        uR"((?:daily|per day|a day|each day|pro tag|taglich|par jour|por dia|al dia|diario)[^$€£\d.;!?]{0,24}$)"_s);
    static const QRegularExpression perPersonRe(
        uR"(^[^.;!?]{0,24}?(?:per person|each|pp\b|p\.p\.|a head|per head|por persona|par personne|pro person|pro kopf|par tete|por cabeza|cada uno|chacun))"_s);
    static const QRegularExpression europeanThousands(uR"(^\d{1,3}(?:\.\d{3})+$)"_s);
    for (auto it = moneyRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        // Which alternative matched: the symbol first, the number first, thousands
        // written with spaces, or a currency named in another language.
        const int first = m.capturedLength(1) > 0   ? 1
                          : m.capturedLength(4) > 0 ? 4
                          : m.capturedLength(7) > 0 ? 7
                                                    : 9;
        const int numberGroup = first == 1 ? 2 : first;
        const int thousandsGroup = first == 1 ? 3 : first == 4 ? 5 : first == 9 ? 10 : -1;
        const int currencyGroup = first == 1 ? 1 : first == 4 ? 6 : first == 7 ? 8 : 11;
        QString number = m.captured(numberGroup);
        if (europeanThousands.match(number).hasMatch())
            number.remove(u'.');
        number.remove(u',');
        number.remove(u' ').remove(QChar(0xa0)).remove(QChar(0x202f));
        while (number.endsWith(u'.'))
            number.chop(1);
        bool ok = false;
        double amount = number.toDouble(&ok);
        if (!ok || amount <= 0)
            continue;
        if (thousandsGroup > 0 && m.capturedLength(thousandsGroup) > 0)
            amount *= 1000;
        amount *= currencyToUsd(m.captured(currencyGroup));
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
        uR"(\b(?:budget|presupuesto)\b[^\d$€£.;!?]{0,20}?(\d[\d,.]*)(\s?k)?\b(?!\s*(?:days?|nights?|weeks?|people|persons|%|km|hours?)))"
        uR"((?!\s*(?:tagen?|nachte|wochen?|personen|leute|stunden?|jours?|nuits?|semaines?|personnes|heures?|dias?|noches?|semanas?|personas|horas?)\b))"_s);
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

// Other ways of saying how long, in all four languages.
constexpr const char16_t* fortnightWords[] = {u"fortnight", u"quinzaine", u"quinze jours", u"vierzehn tage",
                                              u"quincena"};
constexpr const char16_t* longWeekendWords[] = {u"verlängertes wochenende", u"langes wochenende",
                                                u"long week-end", u"week-end prolongé",
                                                u"fin de semana largo"};
constexpr const char16_t* weekendWords[] = {u"weekend", u"wochenende", u"week-end", u"fin de semana"};

void readLength(const QString& text, TravelProfile& p) {
    static const QRegularExpression daysRe(
        u"\\b(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|%1|%2)[\\s-]*"
        u"(days?|nights?|weeks?|dias?|jours?|tagen?|tag|semanas?|semaines?|wochen?|nachten?|nachte|nacht|nuits?|noches?)\\b"_s
            .arg(otherLanguageOne, otherLanguageNumbers()));
    for (auto it = daysRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (auto n = smallNumber(m.captured(1))) {
            const QString unit = m.captured(2);
            const bool week = unit.startsWith(u"week"_s) || unit.startsWith(u"seman"_s) ||
                              unit.startsWith(u"semaine"_s) || unit.startsWith(u"woche"_s);
            if (text.mid(m.capturedEnd(), 12).startsWith(u" ago"_s))
                continue;
            // French "un week-end" is a weekend, not a week.
            if (unit == u"week"_s && text.mid(m.capturedEnd(), 4) == u"-end"_s &&
                otherLanguageOne.split(u'|').contains(m.captured(1)))
                continue;
            // "$100 a day" is a rate, not a one-day trip (nor is "a tag" a day).
            static const QStringList oneUnit = {u"day"_s,  u"night"_s, u"tag"_s,  u"dia"_s,
                                                u"jour"_s, u"nacht"_s, u"nuit"_s, u"noche"_s};
            if ((m.captured(1) == u"a"_s || m.captured(1) == u"an"_s) && oneUnit.contains(unit))
                continue;
            p.days = week ? *n * 7 : *n;
        }
    }
    if (!p.days && hasAnyWord(text, fortnightWords))
        p.days = 14;
    if (!p.days && (text.contains(u"long weekend"_s) || hasAnyWord(text, longWeekendWords)))
        p.days = 4;
    if (!p.days && hasAnyWord(text, weekendWords))
        p.days = 3;
}

// Two people, in German, French and Spanish ("mit meiner Frau", "lune de miel", "en pareja").
constexpr const char16_t* otherLanguageCouple[] = {
    u"meine frau",      u"meiner frau",  u"mein mann",       u"meinem mann",    u"meine freundin",
    u"meiner freundin", u"mein freund",  u"meinem freund",   u"ehefrau",        u"ehemann",
    u"ehepaar",         u"pärchen",      u"flitterwochen",   u"hochzeitsreise", u"verlobte",
    u"zu zweit",        u"wir zwei",     u"wir beide",       u"ma femme",       u"mon mari",
    u"ma copine",       u"mon copain",   u"ma compagne",     u"mon compagnon",  u"mon conjoint",
    u"ma conjointe",    u"lune de miel", u"voyage de noces", u"nous deux",      u"tous les deux",
    u"toutes les deux", u"en pareja",    u"mi pareja",       u"mi esposa",      u"mi esposo",
    u"mi mujer",        u"mi marido",    u"mi novia",        u"mi novio",       u"luna de miel",
    u"una pareja",      u"nosotros dos", u"los dos",         u"las dos",        u"mi prometid"};
// Friends and colleagues ("ich und zwei Freunde", "avec trois amis", "con dos amigos").
const QString otherLanguageFriends = u"freunde|freunden|freundinnen|kollegen|kolleginnen|amis|amies|copains|"
                                     u"copines|collegues|amigos|amigas|colegas|companeros"_s;
// One person, and one parent with the children.
const QRegularExpression
    otherLanguageAlone(uR"(\b(?:seule?s?|solas?|allein\w*|nur ich|juste moi|solo yo|yo sol[oa])\b)"_s);
constexpr const char16_t* otherLanguageOneParent[] = {
    u"ich und",   u"ich mit", u"alleinerziehend", u"moi et",        u"moi avec",     u"mere seule",
    u"pere seul", u"yo y",    u"yo con",          u"madre soltera", u"padre soltero"};
// Children said not to come ("keine Kinder", "sans enfants", "sin niños").
constexpr const char16_t* otherLanguageChildren[] = {u"kinder", u"kein kind", u"ohne kind", u"enfant",
                                                     u"niño",   u"niña",      u"hijo",      u"hija"};

void readTravellers(const QString& text, const Negations& neg, TravelProfile& p) {
    static const QRegularExpression summaryRe(uR"(travell?ers:\s*(\d{1,2}))"_s);
    static const QRegularExpression familyOfRe(
        u"\\b(?:family of|familie von|famille de|familia de) (%1)\\b|\\b(%2|\\d{1,2})[\\s-]?kopfige\\b"_s.arg(
            anyNumberWords, otherLanguageNumbers()));
    static const QRegularExpression adultsRe(
        u"\\b(%1)\\s+(?:adults|grown-ups|grownups|erwachsenen?|erwachsener|adultes?|adult[oa]s?)\\b"_s.arg(
            anyNumberWords));
    static const QRegularExpression kidsRe(
        u"\\b(%1)\\s+(?:kids|children|child|teens|teenagers|toddlers|boys|girls|little ones"
        u"|kinder|kindern|jugendliche|teenager|enfants?|ados|adolescentes?|nin[oa]s?|hij[oa]s?|bebes?)\\b"
        u"|\\b(%2|%3)\\s+kind\\b"_s.arg(anyNumberWords, u"ein|eine|einem|einen"_s, otherLanguageNumbers()));
    static const QRegularExpression friendsRe(
        u"\\b(?:me|myself|i)\\s+(?:and|\\+|with)\\s+(%1)\\s+(?:friends|others|colleagues|buddies|mates)\\b|"
        u"\\bwith\\s+(%1)\\s+(?:friends|others|colleagues|buddies|mates)\\b"
        u"|\\b(?:ich|moi|yo)\\s+(?:und|mit|et|avec|y|con)\\s+(%2)\\s+(?:%3)\\b|\\b(?:mit|avec|con)\\s+(%2)\\s+(?:%3)\\b"_s
            .arg(numberWords, anyNumberWords, otherLanguageFriends));
    static const QRegularExpression peopleRe(
        u"\\b(%1)\\s+(?:people|persons|travell?ers|adults|friends|of us|personas|personnes|personen"
        u"|leute|erwachsenen?|freunde|reisende|adultes|amis|amies|voyageurs|adult[oa]s|amig[oa]s|viajeros)\\b"_s
            .arg(anyNumberWords));
    // "Wir sind zu dritt", "nous sommes quatre", "somos tres", "à deux".
    static const QRegularExpression groupRe(
        u"\\b(?:wir sind|wir reisen|nous sommes|nous serons|on est|on sera|somos|seremos|viajamos)"
        u"\\s+(%1|\\d{1,2})\\b"
        u"(?!\\s*(?:tage|wochen|jours|semaines|dias|semanas))"
        u"|\\bzu\\s+(zweit|dritt|viert|funft|sechst|siebt|acht)\\b"
        u"|\\b(?:wir sind ein|als) (paar)\\b(?!\\s+[a-z])"
        u"|(?:^|[^\\w'])(a) deux\\b(?!\\s*(?:heures?|h\\b|jours?|semaines?|nuits?|pas\\b|km|minutes?|mois|ans|enfants?|adultes?|amis|personnes))"_s
            .arg(otherLanguageNumbers()));
    // A number, in whichever group of the match has one.
    const auto numberIn = [](const QRegularExpressionMatch& m) -> std::optional<int> {
        for (int g = 1; g <= m.lastCapturedIndex(); ++g)
            if (m.capturedLength(g) > 0)
                return smallNumber(m.captured(g));
        return std::nullopt;
    };

    const auto kids = kidsRe.match(text);
    const bool kidsNegated = [&] {
        for (const char16_t* w : {u"kid", u"kids", u"children", u"child"})
            for (qsizetype i : occurrences(text, QStringView(w)))
                if (neg.covers(i))
                    return true;
        for (const char16_t* w : otherLanguageChildren)
            for (qsizetype i : occurrences(text, QStringView(w)))
                if (neg.covers(i))
                    return true;
        return false;
    }();
    const bool couple = text.contains(u"couple"_s) || text.contains(u"partner"_s) || hasWord(text, u"wife") ||
                        hasWord(text, u"husband") || text.contains(u"girlfriend"_s) ||
                        text.contains(u"boyfriend"_s) || text.contains(u"honeymoon"_s) ||
                        text.contains(u"two of us"_s) || text.contains(u"fiancé"_s) ||
                        text.contains(u"fiance"_s) || containsAny(text, otherLanguageCouple);
    // Spanish "solo" is also "only" ("solo vuelos cortos", "solo nosotros dos").
    static const QRegularExpression soloMeansOnly(
        uR"(^\s+(?:en(?! route)|por|un|una|unos|unas|dos|tres|quiero|queremos|me|nos|si|de|la|el|los|las|para|con|vuelos?|viajes?|nosotros|nosotras|ciudades|playas?|tren|hay|tenemos|tengo)\b)"_s);
    bool solo = false;
    for (qsizetype i : occurrences(text, u"solo"))
        solo = solo || !soloMeansOnly.match(text.mid(i + 4, 24)).hasMatch();

    if (auto m = summaryRe.match(text); m.hasMatch()) {
        p.travellers = m.captured(1).toInt();
    } else if (auto m = familyOfRe.match(text); m.hasMatch()) {
        p.travellers = numberIn(m);
        p.family = true;
    } else if (auto a = adultsRe.match(text); a.hasMatch() && kids.hasMatch() && !kidsNegated) {
        p.travellers = *numberIn(a) + *numberIn(kids);
    } else if (kids.hasMatch() && !kidsNegated) {
        const bool alone = text.contains(u"me and"_s) || text.contains(u"just me"_s) ||
                           hasWord(text, u"myself") || text.contains(u"single parent"_s) ||
                           text.contains(u"single mum"_s) || text.contains(u"single dad"_s) ||
                           containsAny(text, otherLanguageOneParent);
        p.travellers = *numberIn(kids) + (alone && !couple ? 1 : 2);
    } else if (auto m = friendsRe.match(text); m.hasMatch()) {
        p.travellers = *numberIn(m) + 1;
    } else if (auto m = peopleRe.match(text); m.hasMatch()) {
        p.travellers = smallNumber(m.captured(1));
    } else if (auto m = groupRe.match(text); m.hasMatch()) {
        static const QHash<QString, int> zu = {{u"zweit"_s, 2}, {u"dritt"_s, 3},  {u"viert"_s, 4},
                                               {u"funft"_s, 5}, {u"sechst"_s, 6}, {u"siebt"_s, 7},
                                               {u"acht"_s, 8}};
        p.travellers = m.capturedLength(1) > 0   ? smallNumber(m.captured(1))
                       : m.capturedLength(2) > 0 ? zu.value(m.captured(2))
                                                 : 2; // "wir sind ein Paar", "à deux"
    } else if (solo || text.contains(u"alone"_s) || text.contains(u"just me"_s) ||
               text.contains(u"by myself"_s) || text.contains(u"on my own"_s) ||
               otherLanguageAlone.match(text).hasMatch()) {
        p.travellers = 1;
    } else if (couple) {
        p.travellers = 2;
    }
    bool familyWords = false;
    for (const char16_t* w :
         {u"family",    u"kids",     u"children",   u"child",    u"familia",    u"famille",
          u"familie",   u"niños",    u"enfants",    u"kinder",   u"toddler",    u"teenagers",
          u"enfant",    u"niño",     u"niña",       u"hijos",    u"hijas",      u"bebé",
          u"kleinkind", u"ein kind", u"einem kind", u"mit kind", u"unser kind", u"unserem kind"})
        for (qsizetype i : occurrences(text, QStringView(w)))
            familyWords = familyWords || !neg.covers(i);
    if (familyWords && !kidsNegated) {
        p.family = true;
        if (!p.travellers)
            p.travellers = 4;
    }
}

// Months and seasons in German, French and Spanish (the English ones are
// monthNames() and the seasons below).
struct MonthWord {
    const char16_t* word;
    int first, last; // the months it names (a season: first to last, across the new year)
    bool wholeWord = false;
};
constexpr MonthWord otherLanguageMonths[] = {
    {u"januar", 1, 1},      {u"jänner", 1, 1},      {u"janvier", 1, 1},     {u"enero", 1, 1},
    {u"februar", 2, 2},     {u"février", 2, 2},     {u"febrero", 2, 2},     {u"märz", 3, 3},
    {u"maerz", 3, 3},       {u"mars", 3, 3},        {u"marzo", 3, 3},       {u"avril", 4, 4},
    {u"abril", 4, 4},       {u"mai", 5, 5, true},   {u"mayo", 5, 5},        {u"juni", 6, 6},
    {u"juin", 6, 6},        {u"junio", 6, 6},       {u"juli", 7, 7},        {u"juillet", 7, 7},
    {u"julio", 7, 7},       {u"août", 8, 8},        {u"agosto", 8, 8},      {u"septembre", 9, 9},
    {u"septiembre", 9, 9},  {u"setiembre", 9, 9},   {u"oktober", 10, 10},   {u"octobre", 10, 10},
    {u"octubre", 10, 10},   {u"novembre", 11, 11},  {u"noviembre", 11, 11}, {u"dezember", 12, 12},
    {u"décembre", 12, 12},  {u"diciembre", 12, 12}, {u"verano", 6, 8},      {u"été", 6, 8, true},
    {u"sommer", 6, 8},      {u"invierno", 12, 2},   {u"hiver", 12, 2},      {u"primavera", 3, 5},
    {u"printemps", 3, 5},   {u"frühling", 3, 5},    {u"fruehling", 3, 5},   {u"frühjahr", 3, 5},
    {u"fruehjahr", 3, 5},   {u"otoño", 9, 11},      {u"automne", 9, 11},    {u"herbst", 9, 11},
    {u"weihnacht", 12, 12}, {u"noël", 12, 12},      {u"navidad", 12, 12},   {u"navideñ", 12, 12},
    {u"ostern", 4, 4},      {u"osterferien", 4, 4}, {u"pâques", 4, 4},      {u"semana santa", 4, 4},
    {u"pascua", 4, 4},
};

void readMonths(const QString& text, const Negations& neg, TravelProfile& p) {
    auto add = [&](QStringView word, std::initializer_list<int> ms) {
        for (qsizetype i : occurrences(text, word))
            if (!neg.covers(i))
                for (int m : ms)
                    p.months.insert(m);
    };
    // Spanish "el mar" is the sea, French "marché" a market, Spanish "marcha" going out: not March.
    static const QRegularExpression theSea(uR"(\b(?:el|al|junto al)\s+$)"_s);
    static const QRegularExpression notMarch(uR"(^(?:e|es|a|as)\b)"_s);
    for (int i = 0; i < 12; ++i) {
        if (i == 4)
            continue; // "may" is too often the verb: below
        if (i == 2) {
            for (qsizetype at : occurrences(text, monthNames()[i]))
                if (!neg.covers(at) && !notMarch.match(text.mid(at + monthNames()[i].size(), 3)).hasMatch())
                    p.months.insert(3);
            for (qsizetype at : occurrences(text, monthAbbreviations[i]))
                if (!neg.covers(at) && !theSea.match(text.left(at).right(12)).hasMatch())
                    p.months.insert(3);
            continue;
        }
        add(monthNames()[i], {i + 1});
        add(monthAbbreviations[i], {i + 1});
    }
    for (const MonthWord& w : otherLanguageMonths) {
        const qsizetype n = QStringView(w.word).size();
        for (qsizetype i : occurrences(text, QStringView(w.word))) {
            if (neg.covers(i) || (w.wholeWord && i + n < text.size() && text.at(i + n).isLetter()))
                continue;
            for (int m = w.first;; m = m % 12 + 1) {
                p.months.insert(m);
                if (m == w.last)
                    break;
            }
        }
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
}

// Phrases in which an interest word means something else: Spanish "cuando sea"
// (whenever) is no sea, German "diese Art von Urlaub" (this kind of) no art,
// "wir wohnen in Essen" the city, not food.
QString withoutFalseFriends(const QString& text) {
    static const QRegularExpression falseFriends(
        uR"(\b(?:(?:cuando|donde|como|lo que|o) sea|sea cual sea|(?:eine|die|diese|dieser|welche|jede|jeder) art|art (?:von|und weise)|(?:(?:wohnen|wohne|leben|lebe|starten|abflug) in|aus|ab) essen(?![a-z]))\b)"_s);
    QString out = text;
    for (auto it = falseFriends.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            out[i] = u' ';
    }
    return out;
}

void readInterestsAndStyle(const QString& text, const Negations& neg, TravelProfile& p) {
    QHash<QString, qsizetype> lastWanted, lastUnwanted;
    QHash<QString, QSet<QString>> wantedWords, unwantedWords;
    const QString interestText = withoutFalseFriends(text);
    for (const auto& [k, wholeWord] : allInterestWords()) {
        for (qsizetype i : occurrencesOf(interestText, *k, wholeWord)) {
            const bool no = neg.covers(i);
            auto& map = no ? lastUnwanted : lastWanted;
            const QString tag = QString::fromUtf16(k->tag);
            map[tag] = std::max(map.value(tag, -1), i);
            (no ? unwantedWords : wantedWords)[tag].insert(QString::fromUtf16(k->word));
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
    const auto isSun = [](QStringView word) {
        return std::find(std::begin(sunWords), std::end(sunWords), word) != std::end(sunWords);
    };
    for (const char16_t* sun : sunWords)
        for (qsizetype i : occurrences(text, QStringView(sun)))
            if (neg.covers(i))
                p.avoid.insert(u"heat"_s);
    if (lastUnwanted.value(u"beach"_s, -1) >= 0) {
        bool onlySun = true;
        for (const auto& [k, wholeWord] : allInterestWords())
            if (QString::fromUtf16(k->tag) == u"beach"_s && !isSun(QStringView(k->word)))
                for (qsizetype i : occurrencesOf(interestText, *k, wholeWord))
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
        for (qsizetype i : occurrencesOf(text, k)) {
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
