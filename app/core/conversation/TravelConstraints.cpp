// SPDX-License-Identifier: GPL-3.0-or-later
#include "TravelConstraints.h"

#include "TravelRegions.h"
#include "geo/Gazetteer.h"

#include <QCoreApplication>
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
        consider(kmFor(hours, mode), hoursLimit(hours, mode));
    }
    static const QRegularExpression kmRe(
        uR"((?:at most|max(?:imum)?|no more than|not more than|less than|under|up to|within)\s*(?:about|around|roughly)?\s*(\d[\d,.]*)\s*(km|kilometers|kilometres|miles|mi)\b)"_s);
    for (auto it = kmRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString n = m.captured(1);
        n.remove(u',');
        const double km = n.toDouble() * (m.captured(2).startsWith(u"mi"_s) ? 1.609 : 1.0);
        consider(km, QCoreApplication::translate("tp::OfflinePlanner", "within %1 %2")
                         .arg(m.captured(1), m.captured(2)));
    }
    // "no long flights", "no long-haul": a flight of about five hours at most.
    static const QRegularExpression longFlight(
        uR"(\blong[\s-]*(?:haul|flights?|flying|plane rides?|journeys?|travel))"_s);
    for (auto it = longFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (neg.covers(m.capturedStart()))
            consider(4000, QCoreApplication::translate("tp::OfflinePlanner",
                                                       "no long flights: about 5 hours' flying at most"));
    }
    static const QRegularExpression shortFlight(
        uR"(\bshort[\s-]*(?:haul|flights?|flight time|plane rides?))"_s);
    for (auto it = shortFlight.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!neg.covers(m.capturedStart()))
            consider(2000, QCoreApplication::translate("tp::OfflinePlanner",
                                                       "a short flight: about 3 hours at most"));
    }
    // "not too far", "close to home", "nearby".
    static const QRegularExpression near(
        uR"(\b(?:close to home|near home|nearby|close by|not far|close to here|within reach|in the neighbourhood|in the neighborhood)\b)"_s);
    bool nearSaid = near.match(text).hasMatch();
    for (qsizetype i : occurrences(text, u"far"))
        nearSaid = nearSaid || neg.covers(i);
    if (nearSaid)
        consider(1500, QCoreApplication::translate("tp::OfflinePlanner", "not too far"));
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
            consider(1200,
                     QCoreApplication::translate("tp::OfflinePlanner", "no flying: a day by train or car"));
    }
    static const QRegularExpression overland(
        uR"(\b(?:by train|train only|only by train|trains only|overland|by car|drive there|driving distance|interrail|mit dem zug|en tren|en train)\b)"_s);
    if (auto m = overland.match(text); m.hasMatch() && !neg.covers(m.capturedStart()))
        consider(1200, QCoreApplication::translate("tp::OfflinePlanner", "travelling %1: a day's journey")
                           .arg(m.captured(0)));
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

} // namespace tp::conversation::answer
