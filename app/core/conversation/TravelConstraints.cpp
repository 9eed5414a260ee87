// SPDX-License-Identifier: GPL-3.0-or-later
#include "TravelConstraints.h"

#include "Catalogue.h"
#include "TravelRegions.h"
#include "geo/Gazetteer.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::conversation::answer {

namespace {

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
    static const QRegularExpression train(
        uR"(\b(?:train|trains|rail|railway|zug|tren|bahn|zugfahrt|bahnfahrt|trenes|ferrocarril)\b)"_s);
    static const QRegularExpression car(
        uR"(\b(?:car|drive|driving|drives|road|auto|autofahrt|fahrt|voiture|de route|coche|carretera|conducir)\b)"_s);
    static const QRegularExpression bus(uR"(\b(?:bus|coach|fernbus|reisebus|autocar|autobus)\b)"_s);
    if (train.match(window).hasMatch())
        return u"train"_s;
    if (car.match(window).hasMatch())
        return u"car"_s;
    if (bus.match(window).hasMatch())
        return u"bus"_s;
    return u"flight"_s;
}

// "at most 3 hours by train": the limit as the offline planner's reply repeats it.
QString hoursLimit(double hours, const QString& mode) {
    const QString how = mode == u"train"_s ? QCoreApplication::translate("tp::OfflinePlanner", "by train")
                        : mode == u"car"_s ? QCoreApplication::translate("tp::OfflinePlanner", "by car")
                        : mode == u"bus"_s ? QCoreApplication::translate("tp::OfflinePlanner", "by bus")
                                           : QCoreApplication::translate("tp::OfflinePlanner", "flying");
    if (hours == std::floor(hours))
        return QCoreApplication::translate("tp::OfflinePlanner", "at most %n hours %1", nullptr, int(hours))
            .arg(how);
    return QCoreApplication::translate("tp::OfflinePlanner", "at most %1 hours %2")
        .arg(QString::number(hours, 'g', 3), how);
}

} // namespace

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
        uR"(\b(\d{1,2}(?:[.,]\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*-\s*|\s*)(?:hours?|hrs?|h)\b)"
        // "drei Stunden", "trois heures", "tres horas"; "eine Stunde", "une heure", "una hora".
        uR"(|\b(\d{1,2}(?:[.,]\d)?|%1|ein|eine|einer|une|una)\s*(?:stunden?|std\.?|heures?|horas?)(?!\w))"_s
            .arg(otherLanguageNumbers()));
    static const QRegularExpression limitBefore(
        uR"((?:at most|max(?:imum)?|no more than|not more than|less than|under|up to|within|shorter than|no longer than|not longer than|at the most|tops)\s*(?:of\s*)?(?:about|around|roughly|approx\.?|a)?\s*$)"
        uR"(|(?:hochstens|maximal|max\.|nicht mehr als|nicht langer als|weniger als|unter|bis zu|innerhalb von|au maximum|au plus|pas plus de|moins de|en moins de|jusqu'a|maximo|como maximo|a lo sumo|no mas de|menos de|hasta|dentro de|en menos de))"
        uR"(\s*(?:ca\.?|circa|etwa|ungefahr|environ|a peu pres|unos|unas|alrededor de|aproximadamente)?\s*$)"_s);
    static const QRegularExpression limitBeforeNegated(
        uR"((?:longer than|more than|over)\s*(?:about|around)?\s*$)"_s);
    static const QRegularExpression limitAfter(
        uR"(^[^.;!?]{0,24}?\b(?:max(?:imum)?|at most|tops|or less|at the most|maximum)\b)"
        uR"(|^[^.;!?]{0,24}?\b(?:hochstens|maximal|oder weniger|au maximum|au plus|ou moins|maximo|como maximo|o menos)\b)"_s);
    for (auto it = hoursRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString before = text.mid(std::max<qsizetype>(0, m.capturedStart() - 40),
                                        std::min<qsizetype>(40, m.capturedStart()));
        const QString after = text.mid(m.capturedEnd(), 40);
        const bool limit = limitBefore.match(before).hasMatch() || limitAfter.match(after).hasMatch() ||
                           (limitBeforeNegated.match(before).hasMatch() && neg.covers(m.capturedStart() - 1));
        if (!limit)
            continue;
        QString n = m.capturedLength(1) > 0 ? m.captured(1) : m.captured(2);
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
        consider(kmFor(hours, mode), hoursLimit(hours, mode));
    }
    static const QRegularExpression kmRe(
        uR"((?:at most|max(?:imum)?|no more than|not more than|less than|under|up to|within)\s*(?:about|around|roughly)?\s*(\d[\d,.]*)\s*(km|kilometers|kilometres|miles|mi)\b)"
        uR"(|(?:hochstens|maximal|max\.|nicht mehr als|weniger als|unter|bis zu|innerhalb von|im umkreis von|au maximum|pas plus de|moins de|a moins de|dans un rayon de|maximo|como maximo|no mas de|menos de|a menos de|hasta|dentro de|en un radio de))"
        uR"(\s*(?:ca\.?|etwa|environ|unos)?\s*(\d[\d,.]*)\s*(km|kilometer|kilometres?|kilometros)\b)"_s);
    for (auto it = kmRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int g = m.capturedLength(1) > 0 ? 1 : 3; // English, or another language
        QString n = m.captured(g);
        n.remove(u',');
        const double km = n.toDouble() * (m.captured(g + 1).startsWith(u"mi"_s) ? 1.609 : 1.0);
        consider(km, QCoreApplication::translate("tp::OfflinePlanner", "within %1 %2")
                         .arg(m.captured(g), g == 1 ? m.captured(2) : u"km"_s));
    }
    // "no long flights", "no long-haul": a flight of about five hours at most.
    static const QRegularExpression longFlight(
        uR"(\blong[\s-]*(?:haul|flights?|flying|plane rides?|journeys?|travel))"
        uR"(|\blangstrecke|\b(?:lange[nr]?\s+flug\w*|longs?[\s-]*(?:courriers?|vols?)|vols?\s+longs?|vuelos?\s+largos?|largos?\s+vuelos?|largo\s+recorrido)\b)"_s);
    for (auto it = longFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (neg.covers(m.capturedStart()))
            consider(4000, QCoreApplication::translate("tp::OfflinePlanner",
                                                       "no long flights: about 5 hours' flying at most"));
    }
    static const QRegularExpression shortFlight(
        uR"(\bshort[\s-]*(?:haul|flights?|flight time|plane rides?))"
        uR"(|\bkurzstrecke|\b(?:kurze[nr]?\s+flug\w*|courts?[\s-]*(?:courriers?|vols?)|vols?\s+courts?|vuelos?\s+cortos?|cortos?\s+vuelos?|corto\s+recorrido)\b)"_s);
    for (auto it = shortFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!neg.covers(m.capturedStart()))
            consider(2000, QCoreApplication::translate("tp::OfflinePlanner",
                                                       "a short flight: about 3 hours at most"));
    }
    // "not too far", "close to home", "nearby".
    static const QRegularExpression near(
        uR"(\b(?:close to home|near home|nearby|close by|not far|close to here|within reach|in the neighbourhood|in the neighborhood)\b)"
        uR"(|\b(?:nicht\s+(?:zu\s+|so\s+)?weit|in der nahe|in der naehe|pas\s+(?:trop\s+|si\s+)?loin|a proximite|pres de chez nous|no\s+(?:muy\s+|tan\s+|demasiado\s+)?lejos|cerca de casa)\b)"_s);
    bool nearSaid = near.match(text).hasMatch();
    for (qsizetype i : occurrences(text, u"far"))
        nearSaid = nearSaid || neg.covers(i);
    if (nearSaid)
        consider(1500, QCoreApplication::translate("tp::OfflinePlanner", "not too far"));
    // No flying at all: a day by train or car.
    static const QRegularExpression fly(
        uR"(\b(?:fly|flying|flights?|planes?|airplanes?|aeroplanes?|airports?|fliegen|flug|flüge|flugzeug|volar|vuelos?|avion|vols?|fluge|flugen|flugreise|flieger|avions|aviones)\b)"_s);
    static const QRegularExpression qualified(
        uR"((?:long|short|haul|connecting|night|early|red-eye|cheap|direct|hours?\s+of|hours?'|h\s+of)[\s-]*$)"
        uR"(|(?:lange[nr]?|kurze[nr]?|longs?|courts?|largos?|cortos?|stunden?|heures?\s+de|horas?\s+de|h\s+de)[\s-]*$)"_s);
    // "vols longs", "vuelos largos": what is said after the flight.
    static const QRegularExpression qualifiedAfter(
        uR"(^[\s-]*(?:longs?|courts?|largos?|cortos?|directs?|directos?|de nuit|nocturnos?|baratos?|pas chers?)\b)"_s);
    for (auto it = fly.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString before = text.mid(std::max<qsizetype>(0, m.capturedStart() - 14),
                                        std::min<qsizetype>(14, m.capturedStart()));
        if (neg.covers(m.capturedStart()) && !qualified.match(before).hasMatch() &&
            !qualifiedAfter.match(text.mid(m.capturedEnd(), 16)).hasMatch())
            consider(1200,
                     QCoreApplication::translate("tp::OfflinePlanner", "no flying: a day by train or car"));
    }
    static const QRegularExpression overland(
        uR"(\b(?:by train|train only|only by train|trains only|overland|by car|drive there|driving distance|interrail)\b)"_s);
    if (auto m = overland.match(text); m.hasMatch() && !neg.covers(m.capturedStart()))
        consider(1200, QCoreApplication::translate("tp::OfflinePlanner", "travelling %1: a day's journey")
                           .arg(m.captured(0)));
    // The same in German, French and Spanish: the reply says "by train" or "by car" in the user's language.
    static const QRegularExpression overlandOther(
        uR"(\b(?:mit dem zug|mit der bahn|en tren|en train|uniquement en train|solo en tren|heures? de train|mit dem auto|en voiture|en coche|en auto|por tierra)\b)"_s);
    if (auto m = overlandOther.match(text); m.hasMatch() && !neg.covers(m.capturedStart())) {
        const QString mode = modeIn(m.captured(0));
        const QString how = mode == u"train"_s ? QCoreApplication::translate("tp::OfflinePlanner", "by train")
                            : mode == u"car"_s ? QCoreApplication::translate("tp::OfflinePlanner", "by car")
                                               : m.captured(0);
        consider(
            1200,
            QCoreApplication::translate("tp::OfflinePlanner", "travelling %1: a day's journey").arg(how));
    }
}

void readRegions(const QString& text, const Negations& neg, TravelProfile& p) {
    // "in", "within", ... and the same in German, French and Spanish ("innerhalb",
    // "durch", "dans", "à travers", "por", "dentro de"), then "the" ("der", "les",
    // "el"), then "southern", "somewhere in" ("irgendwo in", "quelque part en").
    static const QRegularExpression trigger(
        uR"((?:(?:\bin|\bwithin|\binside|\baround|\bacross|\bto|\bthrough|\bexplore|\bexploring|\bvisit|\bvisiting|\bof|\bregion:|\ben|\bnach|\bin der)"
        uR"(|\binnerhalb|\bdurch|\bim|\bam|\bans|\brund um|\bbereisen|\berkunden|\bdans|\bau|\baux|\ba travers|\bautour de|\bvers|\bexplorer|\bvisiter|\bdecouvrir|\bparcourir)"
        uR"(|\bpor|\bdentro de|\bhacia|\brecorrer|\bexplorar|\bvisitar|\bconocer|\balrededor de|\b(?:ir|viajar|volar|vamos|viaje|viajes|escapada|vacaciones|irnos|ruta|gira)\s+a)\s+|^\s*|[,.;:!?]\s*))"
        uR"((?:(?:the|der|die|das|den|dem|le|la|les|el|los|las)\s+|l')?)"
        uR"((?:south|southern|northern|western|eastern|central|somewhere in|anywhere in|irgendwo in|quelque part (?:en|dans|au)|(?:algun|cualquier) (?:lugar|sitio) (?:en|de|del))?\s*$)"_s);
    // Said of a place in the region: "islas del Caribe", "les îles des Caraïbes", "Inseln der Karibik".
    static const QRegularExpression placeOf(
        uR"(\b(?:islas?|iles?|inseln|plages?|playas?|strande|ciudades|villes|stadte|pays|paises|lander|costas?|kuste|capitales|destinos)\s+(?:de|del|des|du|de la|der|d')\s*$)"_s);
    static const QRegularExpression joined(
        uR"(^\s*(?:,|or|and|,\s*or|/|oder|und|ou|et|o|u|y|,\s*(?:oder|ou|o))\s*(?:(?:the|der|die|das|den|le|la|les|el|los|las)\s+|l'|en\s+|in\s+)?$)"_s);
    static const QRegularExpression onlyAfter(
        uR"(^\s*(?:only|-only|please|is fine|would be|preferred|nur|bitte|seulement|uniquement|s'il vous plait|solamente|por favor))"_s);
    struct Hit {
        qsizetype at, end;
        QString key;
    };
    QList<Hit> hits;
    for (const auto& [name, key] : regionNames())
        for (qsizetype i : occurrences(text, name)) {
            bool inside = false; // "asia" inside an accepted "southeast asia"
            for (const Hit& h : hits)
                inside = inside || (i >= h.at && i < h.end);
            if (!inside)
                hits.append({i, i + name.size(), key});
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
        if (trigger.match(before).hasMatch() || chained || onlyAfter.match(text.mid(h.end, 16)).hasMatch() ||
            placeOf.match(before).hasMatch()) {
            p.regions.insert(h.key);
            lastEnd = h.end;
        }
    }
    for (const auto& [adjective, key] : adjectives)
        for (qsizetype i : occurrences(text, adjective))
            if (!neg.covers(i) && placeNoun.match(text.mid(i + adjective.size(), 16)).hasMatch())
                p.regions.insert(key);
    // "eine europäische Städtereise", "une ville européenne", "una ciudad europea".
    static const QList<std::pair<QRegularExpression, QString>> otherAdjectives = {
        {QRegularExpression(uR"(\b(?:europaisch(?:e[mnrs]?)?|europeen(?:ne)?s?|europe[oa]s?)\b)"_s),
         u"europe"_s},
        {QRegularExpression(
             uR"(\b(?:skandinavisch(?:e[mnrs]?)?|scandinaves?|escandinav[oa]s?|nordisch(?:e[mnrs]?)?|nordiques?|nordic[oa]s?)\b)"_s),
         u"scandinavia"_s},
        {QRegularExpression(uR"(\b(?:karibisch(?:e[mnrs]?)?|caribeen(?:ne)?s?|caribe[n][oa]s?)\b)"_s),
         u"caribbean"_s}};
    static const QRegularExpression otherPlaceNoun(
        uR"(^\s*-?(?:stadt|stadte|hauptstadt|metropole|reise|rundreise|urlaub|ferien|ziel|reiseziel|land|lander|insel|kuste|kurztrip|trip|ville|capitale|destination|pays|voyage|sejour|escapade|ile|ciudad|capital|destino|pais|viaje|escapada|isla))"_s);
    static const QRegularExpression otherPlaceNounBefore(
        uR"(\b(?:villes?|capitales?|destinations?|pays|voyages?|sejours?|escapades?|iles?|ciudad|ciudades|capital|capitales|destinos?|pais|paises|viajes?|escapadas?|islas?)\s+$)"_s);
    for (const auto& [adjective, key] : otherAdjectives)
        for (auto it = adjective.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (!neg.covers(m.capturedStart()) &&
                (otherPlaceNoun.match(text.mid(m.capturedEnd(), 20)).hasMatch() ||
                 otherPlaceNounBefore.match(text.left(m.capturedStart()).right(24)).hasMatch()))
                p.regions.insert(key);
        }
}

namespace {
// Cities the bundled gazetteer knows by their English (or own) name only, as
// German, French and Spanish speakers write them ("München", "Londres", "Viena").
QString englishName(const QString& name) {
    static const QHash<QString, QString> names = [] {
        const std::pair<const char16_t*, const char16_t*> pairs[] = {
            {u"münchen", u"Munich"},
            {u"múnich", u"Munich"},
            {u"wien", u"Vienna"},
            {u"vienne", u"Vienna"},
            {u"viena", u"Vienna"},
            {u"londres", u"London"},
            {u"mailand", u"Milan"},
            {u"milán", u"Milan"},
            {u"rom", u"Rome"},
            {u"roma", u"Rome"},
            {u"venedig", u"Venice"},
            {u"venise", u"Venice"},
            {u"venecia", u"Venice"},
            {u"neapel", u"Naples"},
            {u"nápoles", u"Naples"},
            {u"florenz", u"Florence"},
            {u"florencia", u"Florence"},
            {u"turín", u"Turin"},
            {u"prag", u"Prague"},
            {u"praga", u"Prague"},
            {u"warschau", u"Warsaw"},
            {u"varsovie", u"Warsaw"},
            {u"varsovia", u"Warsaw"},
            {u"kopenhagen", u"Copenhagen"},
            {u"copenhague", u"Copenhagen"},
            {u"genf", u"Genève"},
            {u"ginebra", u"Genève"},
            {u"lissabon", u"Lisbon"},
            {u"lisbonne", u"Lisbon"},
            {u"lisboa", u"Lisbon"},
            {u"brüssel", u"Brussels"},
            {u"bruxelles", u"Brussels"},
            {u"bruselas", u"Brussels"},
            {u"athen", u"Athens"},
            {u"athènes", u"Athens"},
            {u"atenas", u"Athens"},
            {u"moskau", u"Moscow"},
            {u"moscou", u"Moscow"},
            {u"moscú", u"Moscow"},
            {u"hambourg", u"Hamburg"},
            {u"hamburgo", u"Hamburg"},
            {u"colonia", u"Köln"},
            {u"bâle", u"Basel"},
            {u"basilea", u"Basel"},
            {u"francfort", u"Frankfurt am Main"},
            {u"fráncfort", u"Frankfurt am Main"},
            {u"édimbourg", u"Edinburgh"},
            {u"edimburgo", u"Edinburgh"},
            {u"séville", u"Sevilla"},
            {u"barcelone", u"Barcelona"},
            {u"bukarest", u"Bucharest"},
            {u"bucarest", u"Bucharest"},
            {u"belgrad", u"Belgrade"},
            {u"krakau", u"Kraków"},
            {u"cracovie", u"Kraków"},
            {u"cracovia", u"Kraków"},
            {u"anvers", u"Antwerpen"},
            {u"amberes", u"Antwerpen"},
            {u"estrasburgo", u"Strasbourg"},
            {u"marsella", u"Marseille"},
            {u"nuremberg", u"Nürnberg"},
            {u"núremberg", u"Nürnberg"},
            {u"dresde", u"Dresden"},
            {u"estocolmo", u"Stockholm"},
            {u"hanovre", u"Hannover"},
        };
        QHash<QString, QString> h;
        for (const auto& [local, english] : pairs)
            h.insert(foldName(QString::fromUtf16(local)), QString::fromUtf16(english));
        return h;
    }();
    return names.value(foldName(name), name);
}
} // namespace

// "we start from Berlin", "flying out of Munich", "we live in Hamburg",
// "desde Madrid", "ab Wien": the place the trip starts from, if the offline
// gazetteer knows it. `original` keeps the user's capitals: after a plain
// "from" only a capitalised name counts ("away from the crowds" is no origin).
void readOrigin(const QString& original, TravelProfile& p) {
    QString text = original;
    text.replace(u'\u2019', u'\'');
    static const QRegularExpression strong(
        uR"(\b(?:(?:start(?:s|ing)?|leav(?:e|es|ing)|depart(?:s|ing)?|fly(?:ing)?|travel(?:l?ing)?|com(?:e|es|ing)|set(?:ting)? off|head(?:ing)? out|drive|driving|go(?:ing)?)\s+(?:out\s+)?(?:from|of|out of)|(?:live|lives|living|based|located|reside|residing)\s+in|home\s+(?:is|base is)(?:\s+in)?|(?:we're|we are|i'm|i am)\s+from|from\s+our\s+home\s+in|starting\s+(?:point|city)\s*(?:is|:)|starting from:|departure(?:\s+city)?\s*(?:is|:)|desde|salimos de|vivimos en|depuis|au départ de|partons de|habitons à|ab|wohnen in|leben in|starten in|starten ab|von)"
        uR"(|ich wohne in|wohne in|abflug (?:ab|von|in)|vivo en|partimos de|partimos desde|salgo de|salgo desde|habitons a|j'habite (?:à|a)|nous vivons (?:à|a)|je vis (?:à|a)|je pars de|d[ée]part de)\s+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Plain "from", and phrasings that name a place only when it is capitalised
    // ("starting in Madrid", not "starting in july"; "we're in Milan").
    static const QRegularExpression weak(
        uR"(\b(?:from|start(?:s|ing)?\s+in|(?:we're|we are|i'm|i am)\s+in|(?:km|miles|hours?)\s+(?:of|from))\s+)"
        uR"(|\b(?:(?:km|kilometern?|kilom[èe]tres?|kil[óo]metros)\s+(?:de|von|desde)|(?:loin|pr[èe]s|lejos|cerca)\s+de)\s+)"_s,
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
        if (ws.isEmpty() || stop.contains(ws.first().toLower()) ||
            monthNames().contains(ws.first().toLower()))
            return false;
        if (needCapital && !ws.first().at(0).isUpper())
            return false;
        for (qsizetype n = ws.size(); n >= 1; --n) {
            bool inner = false;
            for (qsizetype i = 1; i < n; ++i) {
                const QString w = ws[i].toLower();
                inner = inner ||
                        (stop.contains(w) && w != u"de"_s && w != u"la"_s && w != u"el"_s && w != u"le"_s) ||
                        monthNames().contains(w);
            }
            if (inner)
                continue;
            const QString name = ws.mid(0, n).join(u' ');
            if (name.size() < 3)
                continue;
            // Loaded on first use only: most answers name no starting point.
            const auto match = geo::Gazetteer::instance().resolve(englishName(name));
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

} // namespace tp::conversation::answer
