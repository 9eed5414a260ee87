// SPDX-License-Identifier: GPL-3.0-or-later
#include "TravelRegions.h"

#include "AnswerText.h"
#include "geo/WorldData.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {

struct Region {
    QString key;
    const char* label;  // marked for translation ("tp::OfflinePlanner"), translated by regionLabel()
    QSet<QString> iso2; // ISO 3166-1 alpha-2 codes of the countries and territories in it
    // Its names in German, French and Spanish, "|"-separated (the English one is the key).
    QString otherNames = {};
};

QSet<QString> codes(const char* spaceSeparated) {
    QSet<QString> out;
    for (const QString& c : QString::fromLatin1(spaceSeparated).split(u' ', Qt::SkipEmptyParts))
        out.insert(c);
    return out;
}

// Continents as travel agencies group them: Turkey and Russia are in Europe and
// Asia; the Caucasus in Asia; Central America and the Caribbean in North America.
const QList<Region>& regions() {
    static const QList<Region> all = [] {
        const QSet<QString> caribbean =
            codes("AG BS BB CU DM DO GD HT JM KN LC VC TT PR AW CW BQ SX VG VI KY "
                  "TC AI MS GP MQ BL MF");
        const QSet<QString> centralAmerica = codes("BZ CR SV GT HN NI PA");
        const QSet<QString> southAmerica = codes("AR BO BR CL CO EC GY PY PE SR UY VE GF FK");
        QSet<QString> northAmerica = codes("US CA MX GL BM PM");
        northAmerica.unite(caribbean).unite(centralAmerica);
        QSet<QString> latinAmerica = southAmerica;
        latinAmerica.unite(centralAmerica).unite(codes("MX CU DO PR"));
        QList<Region> r = {
            {u"europe"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Europe"),
             codes("AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI "
                   "LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK AX SJ TR"),
             u"europa|südeuropa|osteuropa|nordeuropa|westeuropa|mitteleuropa"_s},
            {u"asia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Asia"),
             codes("AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO "
                   "MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE AE RU"),
             u"asien|ostasien|südasien|asie"_s},
            {u"southeast asia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Southeast Asia"),
             codes("BN KH ID LA MM MY PH SG TH TL VN"),
             u"südostasien|suedostasien|asie du sud-est|asie du sud est|sudeste asiático|sureste asiático|"
             u"asia del sudeste|asia sudoriental"_s},
            {u"middle east"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Middle East"),
             codes("AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
             u"naher osten|nahen osten|nahost|moyen-orient|moyen orient|proche-orient|proche orient|"
             u"oriente medio|medio oriente|oriente próximo|próximo oriente"_s},
            {u"africa"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Africa"),
             codes("DZ AO BJ BW BF BI CV CM CF TD KM CG CD DJ EG GQ ER SZ ET GA GM GH GN GW CI KE LS LR LY "
                   "MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW RE YT EH"),
             u"afrika|nordafrika|westafrika|ostafrika|südafrika|afrique"_s},
            {u"north america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "North America"), northAmerica,
             u"nordamerika|amérique du nord|norteamérica|américa del norte"_s},
            {u"central america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Central America"), centralAmerica,
             u"mittelamerika|zentralamerika|amérique centrale|centroamérica|américa central"_s},
            {u"caribbean"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Caribbean"), caribbean,
             u"karibik|caraïbes|antilles|caribe"_s},
            {u"south america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "South America"), southAmerica,
             u"südamerika|suedamerika|amérique du sud|sudamérica|suramérica|américa del sur"_s},
            {u"latin america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Latin America"), latinAmerica,
             u"lateinamerika|amérique latine|latinoamérica|américa latina|hispanoamérica"_s},
            {u"oceania"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Oceania"),
             codes("AU NZ FJ PG SB VU NC PF WS TO KI TV NR FM MH PW CK NU GU AS MP"), u"ozeanien|océanie"_s},
            {u"scandinavia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Scandinavia"),
             codes("DK NO SE FI IS FO"), u"skandinavien|scandinavie|escandinavia"_s},
            {u"mediterranean"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Mediterranean"),
             codes("ES FR IT MT GR HR SI ME AL CY TR MC BA EG LY TN DZ MA IL LB SY GI"),
             u"mittelmeer|méditerranée|mediterráneo"_s},
        };
        return r;
    }();
    return all;
}

const Region* regionOf(const QString& key) {
    for (const Region& r : regions())
        if (r.key == key)
            return &r;
    return nullptr;
}

} // namespace

const QStringList& regionKeys() {
    static const QStringList keys = [] {
        QStringList k;
        for (const Region& r : regions())
            k << r.key;
        std::sort(k.begin(), k.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
        return k;
    }();
    return keys;
}

const QList<std::pair<QString, QString>>& regionNames() {
    static const QList<std::pair<QString, QString>> names = [] {
        QList<std::pair<QString, QString>> n;
        for (const Region& r : regions()) {
            n.append({r.key, r.key});
            for (const QString& other : r.otherNames.split(u'|', Qt::SkipEmptyParts))
                n.append({answer::withoutAccents(other), r.key});
        }
        std::stable_sort(n.begin(), n.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return n;
    }();
    return names;
}

QString regionLabel(const QString& key) {
    const Region* r = regionOf(key);
    return r ? QCoreApplication::translate("tp::OfflinePlanner", r->label) : key;
}

bool countryInRegion(const QString& country, const QString& key) {
    const Region* r = regionOf(key);
    if (!r)
        return false;
    const geo::Country* c = geo::WorldData::instance().country(country);
    return c && r->iso2.contains(c->iso2);
}

} // namespace tp::conversation
