// SPDX-License-Identifier: GPL-3.0-or-later
#include "TravelRegions.h"

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
                   "LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK AX SJ TR")},
            {u"asia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Asia"),
             codes("AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO "
                   "MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE AE RU")},
            {u"southeast asia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Southeast Asia"),
             codes("BN KH ID LA MM MY PH SG TH TL VN")},
            {u"middle east"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Middle East"),
             codes("AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE")},
            {u"africa"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Africa"),
             codes("DZ AO BJ BW BF BI CV CM CF TD KM CG CD DJ EG GQ ER SZ ET GA GM GH GN GW CI KE LS LR LY "
                   "MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW RE YT EH")},
            {u"north america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "North America"), northAmerica},
            {u"central america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Central America"),
             centralAmerica},
            {u"caribbean"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Caribbean"), caribbean},
            {u"south america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "South America"), southAmerica},
            {u"latin america"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Latin America"), latinAmerica},
            {u"oceania"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Oceania"),
             codes("AU NZ FJ PG SB VU NC PF WS TO KI TV NR FM MH PW CK NU GU AS MP")},
            {u"scandinavia"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "Scandinavia"),
             codes("DK NO SE FI IS FO")},
            {u"mediterranean"_s, QT_TRANSLATE_NOOP("tp::OfflinePlanner", "the Mediterranean"),
             codes("ES FR IT MT GR HR SI ME AL CY TR MC BA EG LY TN DZ MA IL LB SY GI")},
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
