// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileText.h"
#include "conversation/Catalogue.h"
#include "conversation/OfflinePlanner.h"
#include "conversation/TravelProfile.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;
using tp::test::canonical;

namespace {

// One thing said in English, German, French and Spanish, and what the planner
// must understand from each (the English row is the reference: it passed
// before the other languages were added, and it reads the same after).
struct SaidFourWays {
    const char* en;
    const char* de;
    const char* fr;
    const char* es;
    const char* expected;
};

// clang-format off
const SaidFourWays saidFourWays[] = {
    // The report: a few days of Christmas markets in Europe.
    {"Christmas markets in Europe, good food, not too expensive",
     "Ein paar Tage Weihnachtsmarkt in Europa, gutes Essen, nicht zu teuer",
     "Quelques jours de marchés de Noël en Europe, bonne cuisine, pas trop cher",
     "Unos días de mercados navideños en Europa, buena comida, no muy caro",
     "tags=food; avoid=luxury; months=12; in=europe"},
    // Regions.
    {"Somewhere in Southeast Asia, beaches and good food",
     "Irgendwo in Südostasien, Strände und gutes Essen",
     "Quelque part en Asie du Sud-Est, des plages et une bonne cuisine",
     "En algún lugar del Sudeste Asiático, playas y buena comida",
     "tags=beach,food; in=southeast asia"},
    {"South America or Central America, we're adventurous",
     "Südamerika oder Mittelamerika, wir sind abenteuerlustig",
     "Amérique du Sud ou Amérique centrale, nous aimons l'aventure",
     "Sudamérica o Centroamérica, somos aventureros",
     "in=central america,south america"},
    {"We want to stay in Scandinavia",
     "Wir wollen in Skandinavien bleiben",
     "Nous voulons rester en Scandinavie",
     "Queremos quedarnos en Escandinavia",
     "in=scandinavia"},
    {"Within Europe please",
     "Innerhalb Europas bitte",
     "En Europe, s'il vous plaît",
     "Dentro de Europa, por favor",
     "in=europe"},
    {"Caribbean islands, all-inclusive, December",
     "Inseln in der Karibik, all-inclusive, Dezember",
     "Les îles des Caraïbes, tout compris, décembre",
     "Islas del Caribe, todo incluido, diciembre",
     "tags=beach; months=12; in=caribbean"},
    {"Somewhere around the Mediterranean, food and culture",
     "Irgendwo am Mittelmeer, Essen und Kultur",
     "Quelque part autour de la Méditerranée, gastronomie et culture",
     "Por el Mediterráneo, comida y cultura",
     "tags=culture,food; in=mediterranean"},
    {"In the Middle East, history and food",
     "Im Nahen Osten, Geschichte und Essen",
     "Au Moyen-Orient, histoire et gastronomie",
     "En Oriente Medio, historia y comida",
     "tags=culture,food; in=middle east"},
    {"A safari in Africa",
     "Eine Safari in Afrika",
     "Un safari en Afrique",
     "Un safari en África",
     "tags=nature; in=africa"},
    {"Africa or Asia",
     "Afrika oder Asien",
     "En Afrique ou en Asie",
     "África o Asia",
     "in=africa,asia"},
    {"A road trip across North America",
     "Ein Roadtrip durch Nordamerika",
     "Un road trip en Amérique du Nord",
     "Un viaje por Norteamérica",
     "in=north america"},
    {"Latin America, 3 weeks",
     "Lateinamerika, 3 Wochen",
     "Amérique latine, 3 semaines",
     "Latinoamérica, 3 semanas",
     "days=21; in=latin america"},
    {"European city break for 4 nights",
     "Eine europäische Städtereise, 4 Nächte",
     "Une escapade dans une ville européenne, 4 nuits",
     "Una escapada a una ciudad europea, 4 noches",
     "tags=city; days=4; in=europe"},
    // Interests.
    {"museums and architecture, maybe some good restaurants",
     "Museen und Architektur, vielleicht ein paar gute Restaurants",
     "des musées et de l'architecture, peut-être quelques bons restaurants",
     "museos y arquitectura, quizá algunos buenos restaurantes",
     "tags=culture,food"},
    {"Beach and city mix, nightlife is a must",
     "Strand und Stadt gemischt, Nachtleben ist ein Muss",
     "Un mélange de plage et de ville, la vie nocturne est indispensable",
     "Mezcla de playa y ciudad, la vida nocturna es imprescindible",
     "tags=beach,city,nightlife"},
    {"Hiking, quiet nature, avoid crowds",
     "Wandern, ruhige Natur, keine Menschenmassen",
     "Randonnée, nature calme, pas de foule",
     "Senderismo, naturaleza tranquila, sin multitudes",
     "tags=mountains,nature; avoid=crowds"},
    {"Wildlife, art and shopping",
     "Tierwelt, Kunst und Einkaufen",
     "La faune, l'art et le shopping",
     "Vida salvaje, arte y compras",
     "tags=city,culture,nature"},
    {"Food and wine, castles and forests",
     "Essen und Wein, Burgen und Wälder",
     "Gastronomie et vin, châteaux et forêts",
     "Comida y vino, castillos y bosques",
     "tags=culture,food,nature"},
    {"Snorkeling, diving and islands",
     "Schnorcheln, Tauchen und Inseln",
     "Snorkeling, plongée et îles",
     "Esnórquel, buceo e islas",
     "tags=beach"},
    {"Skiing in the Alps",
     "Skifahren in den Alpen",
     "Du ski dans les Alpes",
     "Esquí en los Alpes",
     "tags=mountains"},
    // Budget and style.
    {"Cheap, we're backpackers",
     "Billig, wir sind Rucksackreisende",
     "Pas cher, nous sommes des routards",
     "Barato, somos mochileros",
     "style=budget"},
    {"On a budget, hostels are fine",
     "Preiswert, Jugendherbergen sind okay",
     "Petit budget, les auberges de jeunesse ça va",
     "Económico, los albergues están bien",
     "style=budget"},
    {"Luxury all the way, five-star hotels",
     "Luxus pur, Fünf-Sterne-Hotels",
     "Le grand luxe, des hôtels cinq étoiles",
     "Lujo total, hoteles de cinco estrellas",
     "style=luxury"},
    {"Comfort, but not luxury",
     "Komfort, aber kein Luxus",
     "Du confort, mais pas de luxe",
     "Comodidad, pero sin lujo",
     "avoid=luxury; style=comfort"},
    {"A mid-range budget",
     "Ein mittleres Budget",
     "Un budget moyen",
     "Un presupuesto medio",
     "style=comfort"},
    {"around 150 euros a day per person",
     "etwa 150 Euro pro Tag pro Person",
     "environ 150 euros par jour par personne",
     "unos 150 euros al día por persona",
     "daily=162; each"},
    {"€2.500 for the whole trip",
     "2.500 € für die ganze Reise",
     "2 500 € pour tout le voyage",
     "2.500 € para todo el viaje",
     "total=2700"},
    {"Budget is 3000",
     "Budget: 3000",
     "Budget de 3000",
     "Presupuesto: 3000",
     "total=3000"},
    {"3000 dollars max, no luxury",
     "Höchstens 3000 Dollar, kein Luxus",
     "3000 dollars maximum, pas de luxe",
     "Máximo 3000 dólares, sin lujo",
     "avoid=luxury; total=3000"},
    // What to avoid.
    {"No beaches please",
     "Keine Strände bitte",
     "Pas de plage, s'il vous plaît",
     "Sin playas, por favor",
     "avoid=beach"},
    {"We don't want cities",
     "Wir wollen keine Städte",
     "Nous ne voulons pas de villes",
     "No queremos ciudades",
     "avoid=city"},
    {"Beaches yes, but no nightlife or party towns",
     "Strände ja, aber kein Nachtleben oder Partyorte",
     "Des plages oui, mais pas de vie nocturne ni de soirées",
     "Playas sí, pero nada de vida nocturna ni fiestas",
     "tags=beach; avoid=nightlife"},
    {"Not too hot",
     "Nicht zu heiß",
     "Pas trop chaud",
     "No demasiado calor",
     "avoid=heat"},
    {"no cold places, we hate winter",
     "Keine kalten Orte, wir hassen den Winter",
     "Pas d'endroits froids, nous détestons l'hiver",
     "Nada de sitios fríos, odiamos el invierno",
     "avoid=cold"},
    {"Mountains, but not skiing",
     "Berge, aber kein Skifahren",
     "La montagne, mais pas le ski",
     "Montaña, pero no esquí",
     "tags=mountains"},
    {"I'd rather not do museums, more into nature",
     "Lieber keine Museen, eher Natur",
     "Plutôt pas de musées, plus la nature",
     "Prefiero no ir a museos, más bien naturaleza",
     "tags=nature; avoid=culture"},
    {"Museums are not our thing",
     "Museen sind nicht unser Ding",
     "Les musées ne sont pas notre truc",
     "Los museos no son lo nuestro",
     "avoid=culture"},
    {"We love food and wine but hate crowds",
     "Wir lieben Essen und Wein, aber hassen Menschenmassen",
     "Nous adorons la cuisine et le vin mais détestons la foule",
     "Nos encanta la comida y el vino pero odiamos las multitudes",
     "tags=food; avoid=crowds"},
    {"Away from the crowds, far from everything",
     "Weg von den Menschenmassen, fernab von allem",
     "Loin de la foule, loin de tout",
     "Lejos de las multitudes, lejos de todo",
     "avoid=crowds"},
    {"Clubbing isn't for us, we prefer quiet evenings",
     "Nachtleben ist nichts für uns, wir mögen ruhige Abende",
     "Les boîtes de nuit ne sont pas pour nous, nous préférons des soirs calmes",
     "La vida nocturna no es para nosotros, preferimos noches tranquilas",
     "avoid=crowds,nightlife"},
    {"A holiday without nightlife",
     "Urlaub ohne Nachtleben",
     "Des vacances sans vie nocturne",
     "Vacaciones sin vida nocturna",
     "avoid=nightlife"},
    {"Nothing too touristy",
     "Nichts zu Touristisches",
     "Rien de trop touristique",
     "Nada demasiado turístico",
     "avoid=crowds"},
    // Travellers.
    {"2 adults and 1 child",
     "Zwei Erwachsene und ein Kind",
     "Deux adultes et un enfant",
     "Dos adultos y un niño",
     "people=3; family"},
    {"2 adults and 2 children",
     "zwei Erwachsene und zwei Kinder",
     "deux adultes et deux enfants",
     "dos adultos y dos niños",
     "people=4; family"},
    {"Two adults, no kids",
     "Zwei Erwachsene, keine Kinder",
     "Deux adultes, pas d'enfants",
     "Dos adultos, sin niños",
     "people=2"},
    {"just the two of us, honeymoon in October",
     "Nur wir zwei, Flitterwochen im Oktober",
     "Juste nous deux, lune de miel en octobre",
     "Solo nosotros dos, luna de miel en octubre",
     "people=2; months=10"},
    {"Me and two friends, late September",
     "Ich und zwei Freunde, Ende September",
     "Moi et deux amis, fin septembre",
     "Yo y dos amigos, a finales de septiembre",
     "people=3; months=9"},
    {"We're a family of four with two kids, school holidays in August",
     "Wir sind eine vierköpfige Familie mit zwei Kindern, Schulferien im August",
     "Nous sommes une famille de quatre avec deux enfants, vacances scolaires en août",
     "Somos una familia de cuatro con dos niños, vacaciones escolares en agosto",
     "people=4; family; months=8"},
    {"Three of us, mid-range hotels, wildlife and safaris",
     "Wir sind zu dritt, Mittelklassehotels, Tierwelt und Safaris",
     "Nous sommes trois, hôtels de milieu de gamme, faune et safaris",
     "Somos tres, hoteles de gama media, vida salvaje y safaris",
     "tags=nature; style=comfort; people=3"},
    {"2 weeks hiking in the mountains, €80 per day, solo",
     "2 Wochen Wandern in den Bergen, 80 € pro Tag, allein",
     "2 semaines de randonnée en montagne, 80 € par jour, seul",
     "2 semanas de senderismo en la montaña, 80 € al día, sola",
     "tags=mountains; daily=86; days=14; people=1"},
    {"With my wife, 10 days",
     "Mit meiner Frau, 10 Tage",
     "Avec ma femme, 10 jours",
     "Con mi esposa, 10 días",
     "days=10; people=2"},
    {"We are a couple",
     "Wir sind ein Paar",
     "Nous sommes un couple",
     "Somos una pareja",
     "people=2"},
    {"The two of us, a week in June",
     "Zu zweit, eine Woche im Juni",
     "À deux, une semaine en juin",
     "En pareja, una semana en junio",
     "days=7; people=2; months=6"},
    // How long, and when.
    {"five days",
     "fünf Tage",
     "cinq jours",
     "cinco días",
     "days=5"},
    {"ten days in March",
     "zehn Tage im März",
     "dix jours en mars",
     "diez días en marzo",
     "days=10; months=3"},
    {"A long weekend in April",
     "Ein verlängertes Wochenende im April",
     "Un long week-end en avril",
     "Un fin de semana largo en abril",
     "days=4; months=4"},
    {"A weekend in November",
     "Ein Wochenende im November",
     "Un week-end en novembre",
     "Un fin de semana en noviembre",
     "days=3; months=11"},
    {"A fortnight in July",
     "Vierzehn Tage im Juli",
     "Quinze jours en juillet",
     "Una quincena en julio",
     "days=14; months=7"},
    {"three weeks in February",
     "drei Wochen im Februar",
     "trois semaines en février",
     "tres semanas en febrero",
     "days=21; months=2"},
    {"A week in May",
     "Eine Woche im Mai",
     "Une semaine en mai",
     "Una semana en mayo",
     "days=7; months=5"},
    {"January or April",
     "Januar oder April",
     "Janvier ou avril",
     "Enero o abril",
     "months=1,4"},
    {"At Easter, 5 days",
     "An Ostern, 5 Tage",
     "À Pâques, 5 jours",
     "En Semana Santa, 5 días",
     "days=5; months=4"},
    {"Not in summer, it's too hot then",
     "Nicht im Sommer, dann ist es zu heiß",
     "Pas en été, il fait trop chaud",
     "No en verano, hace demasiado calor",
     "avoid=heat"},
    {"Not too cold, not too hot, spring would be nice",
     "Nicht zu kalt, nicht zu heiß, Frühling wäre schön",
     "Pas trop froid, pas trop chaud, le printemps serait bien",
     "No demasiado frío, no demasiado calor, la primavera estaría bien",
     "avoid=cold,heat; months=3,4,5"},
    {"Anytime except August",
     "Jederzeit außer August",
     "N'importe quand sauf en août",
     "Cuando sea, excepto agosto",
     ""},
    {"We want warm weather and beaches in December",
     "Wir wollen warmes Wetter und Strände im Dezember",
     "Nous voulons du temps chaud et des plages en décembre",
     "Queremos calor y playas en diciembre",
     "tags=beach; avoid=cold; months=12"},
    {"We'd like a cool climate in summer, Norway maybe",
     "Wir möchten ein kühles Klima im Sommer, vielleicht Norwegen",
     "Nous aimerions un climat frais en été, la Norvège peut-être",
     "Nos gustaría un clima fresco en verano, quizá Noruega",
     "avoid=heat; months=6,7,8"},
    // How far, and from where.
    {"At most 3 hours by train from Munich",
     "Höchstens 3 Stunden mit dem Zug ab München",
     "Au maximum 3 heures de train depuis Munich",
     "Como máximo 3 horas en tren desde Múnich",
     "from=Munich; km=390"},
    {"We don't like flying",
     "Wir fliegen nicht gern",
     "Nous n'aimons pas prendre l'avion",
     "No nos gusta volar",
     "km=1200"},
    {"From London, at most 3 hours flight",
     "Ab London, höchstens 3 Stunden Flug",
     "Depuis Londres, pas plus de 3 heures de vol",
     "Desde Londres, máximo 3 horas de vuelo",
     "from=London; km=2000"},
    {"No long flights, we start from Berlin",
     "Keine Langstreckenflüge, wir starten in Berlin",
     "Pas de longs vols, nous partons de Berlin",
     "Nada de vuelos largos, salimos de Berlín",
     "from=Berlin; km=4000"},
    {"we live in Hamburg and don't want to fly",
     "Wir wohnen in Hamburg und wollen nicht fliegen",
     "Nous habitons à Hambourg et ne voulons pas prendre l'avion",
     "Vivimos en Hamburgo y no queremos volar",
     "from=Hamburg; km=1200"},
    {"Not too far from Berlin, 5 days",
     "Nicht zu weit von Berlin, 5 Tage",
     "Pas trop loin de Berlin, 5 jours",
     "No muy lejos de Berlín, 5 días",
     "days=5; from=Berlin; km=1500"},
    {"Short flights only, from Amsterdam",
     "Nur Kurzstreckenflüge, ab Amsterdam",
     "Seulement des vols courts, depuis Amsterdam",
     "Solo vuelos cortos, desde Ámsterdam",
     "from=Amsterdam; km=2000"},
    {"within 500 km of Zurich",
     "höchstens 500 km von Zürich",
     "à moins de 500 km de Zurich",
     "a menos de 500 km de Zúrich",
     "from=Zürich; km=500"},
    {"From Lyon by car, max 6 hours by car",
     "Ab Lyon mit dem Auto, maximal 6 Stunden Autofahrt",
     "Depuis Lyon en voiture, 6 heures de route maximum",
     "Desde Lyon en coche, como máximo 6 horas en coche",
     "from=Lyon; km=480"},
};
// clang-format on

} // namespace

class TestOfflinePlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueIsBundledAndSane() {
        const Catalogue& c = Catalogue::builtin();
        QVERIFY2(c.entries().size() >= 200, qPrintable(QString::number(c.entries().size())));
        QSet<QString> keys;
        const QSet<QString> knownTags = {u"beach"_s, u"mountains"_s, u"city"_s,   u"culture"_s, u"nature"_s,
                                         u"food"_s,  u"nightlife"_s, u"budget"_s, u"luxury"_s};
        for (const CatalogueEntry& e : c.entries()) {
            QVERIFY(!e.name.isEmpty() && !e.country.isEmpty());
            QVERIFY2(!keys.contains(e.name + u'|' + e.country), qPrintable(e.name));
            keys.insert(e.name + u'|' + e.country);
            QVERIFY(e.latitude >= -90 && e.latitude <= 90 && e.longitude >= -180 && e.longitude <= 180);
            QVERIFY(e.dailyCostUsd > 0);
            QVERIFY2(!e.bestMonths().isEmpty(), qPrintable(e.name + u": "_s + e.bestTimeToVisit));
            QVERIFY(!e.tags.isEmpty());
            for (const QString& t : e.tags)
                QVERIFY2(knownTags.contains(t), qPrintable(e.name + u": "_s + t));
        }
        QCOMPARE(c.find(u"maldives"_s)->country, u"Maldives"_s);
        QCOMPARE(c.find(u"Granada"_s, u"Nicaragua"_s)->country, u"Nicaragua"_s);
        QVERIFY(!c.find(u"Atlantis"_s));
    }
    void bestMonths() {
        CatalogueEntry e;
        e.bestTimeToVisit = u"November to February"_s;
        QCOMPARE(e.bestMonths(), (QList<int>{11, 12, 1, 2}));
        e.bestTimeToVisit = u"April to May and September"_s;
        QCOMPARE(e.bestMonths(), (QList<int>{4, 5, 9}));
        e.bestTimeToVisit = u"all year"_s;
        QCOMPARE(e.bestMonths().size(), 12);
    }
    void profile() {
        const TravelProfile p = TravelProfile::fromText(
            u"I want a beach vacation with my wife. Budget is $3,000. July. 10 days. We love food, not seasons."_s);
        QCOMPARE(*p.budgetTotalUsd, 3000.0);
        QCOMPARE(*p.days, 10);
        QCOMPARE(*p.travellers, 2);
        QVERIFY(p.months.contains(7));
        QVERIFY(p.tags.contains(u"beach"_s));
        QVERIFY(p.tags.contains(u"food"_s));
        QCOMPARE(*p.perPersonPerDay(), 150.0);
        const TravelProfile q =
            TravelProfile::fromText(u"2 weeks hiking in the mountains, €80 per day, solo"_s);
        QCOMPARE(*q.days, 14);
        QCOMPARE(*q.travellers, 1);
        QVERIFY(q.tags.contains(u"mountains"_s));
        QVERIFY(!q.tags.contains(u"beach"_s));
        QCOMPARE(qRound(*q.budgetPerDayUsd), 86);
        QVERIFY(TravelProfile::fromText(u"I may go in the season"_s).months.isEmpty());
    }
    void questionsSkipWhatIsKnown() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"Something nice"_s;
        QCOMPARE(planner.clarifyingQuestions(ctx).size(), 5);
        ctx.userInfo = u"Beach holiday in July for 2 people, 10 days"_s;
        const QStringList qs = planner.clarifyingQuestions(ctx);
        QVERIFY(qs.size() >= 3 && qs.size() <= 5);
        QVERIFY(qs.first().contains(u"budget"_s));
        for (const QString& q : qs)
            QVERIFY2(!q.contains(u"How many days"_s) && !q.contains(u"month"_s), qPrintable(q));
        // Saved preferences inform the questions.
        ctx.preferencesText = u"Budget around $200 per day."_s;
        for (const QString& q : planner.clarifyingQuestions(ctx))
            QVERIFY(!q.contains(u"budget"_s));
    }
    void destinationsMatchAnswers() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo =
            u"A beach holiday. Budget is $3000. July. 7 days. Just the two of us, we like luxury."_s;
        const DestinationSet s = planner.destinations(ctx);
        QCOMPARE(s.places.size(), 3);
        QSet<QString> countries;
        for (const Recommendation& r : s.places) {
            auto e = Catalogue::builtin().find(r.name, r.country);
            QVERIFY(e);
            QVERIFY2(e->tags.contains(u"beach"_s), qPrintable(r.name));
            QVERIFY2(e->bestMonths().contains(7), qPrintable(r.name));
            QVERIFY(r.latitude && r.longitude && r.dailyCostUsd);
            QVERIFY(!r.description.isEmpty());
            countries.insert(r.country);
        }
        QCOMPARE(countries.size(), 3);
        // Different options exclude what was shown.
        ctx.current = s.places;
        const DestinationSet other = planner.destinations(ctx);
        for (const Recommendation& r : other.places)
            for (const Recommendation& old : s.places)
                QVERIFY(r.name != old.name);
        // Deterministic.
        ctx.current.clear();
        QCOMPARE(planner.destinations(ctx).places[0].name, s.places[0].name);
    }
    void mountainsOnABudget() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"Hiking in the mountains, cheap, $50 a day, October"_s;
        for (const Recommendation& r : planner.destinations(ctx).places) {
            QVERIFY2(*r.dailyCostUsd <= 62, qPrintable(r.name));
            QVERIFY2(Catalogue::builtin().find(r.name, r.country)->tags.contains(u"mountains"_s),
                     qPrintable(r.name));
        }
    }
    // What the planner understands in English it understands in German, French
    // and Spanish: regions, interests, budgets, what to avoid, who travels, how
    // long, when, and how far.
    void otherLanguages_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        for (const SaidFourWays& s : saidFourWays)
            for (const char* said : {s.en, s.de, s.fr, s.es})
                QTest::newRow(said) << QString::fromUtf8(said) << QString::fromUtf8(s.expected);
    }
    void otherLanguages() {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        const TravelProfile p = TravelProfile::fromText(answer);
        QCOMPARE(canonical(p), expected);
        // What is learned for later trips (in English) reads back as the same profile.
        QCOMPARE(canonical(TravelProfile::fromText(p.summary())), expected);
    }
    // Choosing, asking about the places shown, and asking for others, in German, French and Spanish.
    void followUpsInOtherLanguages() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"beach"_s;
        ctx.current = planner.destinations(ctx).places;
        const QString second = ctx.current[1].name;
        for (const QString& take :
             QStringList{u"Ich nehme den zweiten"_s, u"Je prends la deuxième"_s, u"Me quedo con el segundo"_s,
                         u"Wir nehmen "_s + second, u"On part sur "_s + second, u"Vamos con "_s + second}) {
            const FollowUp f = planner.followUp(ctx, take);
            QVERIFY2(f.kind == FollowUp::Kind::Commit && f.choice == 1, qPrintable(take));
        }
        QCOMPARE(planner.followUp(ctx, u"Option 3 bitte, die nehmen wir"_s).choice, 2);
        QCOMPARE(planner.followUp(ctx, u"La troisième, je la choisis"_s).choice, 2);
        QCOMPARE(planner.followUp(ctx, u"Elijo la tercera"_s).choice, 2);
        // A question about the places shown is answered, not taken as a new wish.
        for (const QString& ask :
             {u"Welcher davon ist am besten zum Schnorcheln?"_s,
              u"Lequel est le meilleur pour la plongée ?"_s, u"¿Cuál es mejor para bucear?"_s})
            QVERIFY2(planner.followUp(ctx, ask).kind == FollowUp::Kind::Answer, qPrintable(ask));
        // Something new about the trip brings three other places.
        for (const QString& wish : {u"Wir starten übrigens in Berlin, keine Langstreckenflüge"_s,
                                    u"Au fait, nous partons de Berlin, pas de longs vols"_s,
                                    u"Por cierto, salimos de Berlín, nada de vuelos largos"_s})
            QVERIFY2(planner.followUp(ctx, wish).kind == FollowUp::Kind::MoreOptions, qPrintable(wish));
    }
    void followUps() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"beach"_s;
        ctx.current = planner.destinations(ctx).places;
        const QString second = ctx.current[1].name;
        FollowUp f = planner.followUp(ctx, u"Let's go with "_s + second);
        QCOMPARE(f.kind, FollowUp::Kind::Commit);
        QCOMPARE(f.choice, 1);
        QCOMPARE(planner.followUp(ctx, u"I'll take the third one"_s).choice, 2);
        QCOMPARE(planner.followUp(ctx, u"Show me different options please"_s).kind,
                 FollowUp::Kind::MoreOptions);
        f = planner.followUp(ctx, u"Tell me more about "_s + second);
        QCOMPARE(f.kind, FollowUp::Kind::Answer);
        QVERIFY(f.reply.contains(second));
        QCOMPARE(planner.followUp(ctx, u"hmm"_s).kind, FollowUp::Kind::Answer);
    }
};

QTEST_GUILESS_MAIN(TestOfflinePlanner)
#include "tst_offline_planner.moc"
