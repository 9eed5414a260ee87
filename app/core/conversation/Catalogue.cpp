// SPDX-License-Identifier: GPL-3.0-or-later
#include "Catalogue.h"

#include "geo/WorldData.h"

#include <QRegularExpression>

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {
const QStringList monthNames = {u"january"_s,   u"february"_s, u"march"_s,    u"april"_s,
                                u"may"_s,       u"june"_s,     u"july"_s,     u"august"_s,
                                u"september"_s, u"october"_s,  u"november"_s, u"december"_s};

int monthOf(const QString& word) {
    const QString w = word.toLower();
    for (int i = 0; i < 12; ++i)
        if (w == monthNames[i])
            return i + 1;
    return 0;
}
} // namespace

QString foldName(const QString& s) {
    const QString d = s.normalized(QString::NormalizationForm_D).toLower();
    QString out;
    out.reserve(d.size());
    for (const QChar c : d)
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    return out.simplified();
}

namespace {
// How each tag reads in a sentence, marked for translation: the catalogue's
// own description keeps the English words, the planner's replies translate them.
const char* tagPhraseSource(const QString& tag) {
    static const QHash<QString, const char*> phrases = {
        {u"beach"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "beaches and sea")},
        {u"mountains"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "mountains and hiking")},
        {u"city"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "city life")},
        {u"culture"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "culture and history")},
        {u"nature"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "nature and wildlife")},
        {u"food"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "food")},
        {u"nightlife"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "nightlife")},
        {u"budget"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "low prices")},
        {u"luxury"_s, QT_TRANSLATE_NOOP("tp::Catalogue", "comfort and luxury")},
    };
    return phrases.value(tag, nullptr);
}
} // namespace

QString tagPhrase(const QString& tag) {
    const char* phrase = tagPhraseSource(tag);
    return phrase ? QCoreApplication::translate("tp::Catalogue", phrase) : tag;
}

QString CatalogueEntry::neutralDescription() const {
    // English: the shared catalogue's text (api_destination.description), the
    // same for every user and the web app.
    QStringList phrases;
    for (const QString& t : tags.mid(0, 3)) {
        const char* phrase = tagPhraseSource(t);
        phrases << (phrase ? QString::fromUtf8(phrase) : t);
    }
    return phrases.isEmpty() ? QString() : u"Known for %1."_s.arg(phrases.join(u", "_s));
}

QString CatalogueEntry::shownDescription() const {
    QStringList phrases;
    for (const QString& t : tags.mid(0, 3))
        phrases << tagPhrase(t);
    return phrases.isEmpty()
               ? QString()
               : QCoreApplication::translate("tp::Catalogue", "Known for %1.").arg(phrases.join(u", "_s));
}

bool CatalogueEntry::hotIn(int month) const {
    if (tags.contains(u"mountains"_s))
        return false;
    const double lat = std::abs(latitude);
    const bool north = latitude >= 0;
    const bool summer = north ? (month >= 6 && month <= 8) : (month == 12 || month <= 2);
    const bool shoulder = north ? (month == 5 || month == 9) : (month == 11 || month == 3);
    if (lat < 23.5) // the tropics: hot all year in the lowlands
        return true;
    if (lat < 38) // subtropics: hot from late spring to early autumn
        return summer || shoulder;
    if (lat < 45) // Mediterranean latitudes: hot at the height of summer
        return summer;
    return false;
}

bool CatalogueEntry::coldIn(int month) const {
    const double lat = std::abs(latitude);
    const bool north = latitude >= 0;
    const bool summer = north ? (month >= 6 && month <= 8) : (month == 12 || month <= 2);
    const bool winter = north ? (month == 12 || month <= 2) : (month >= 6 && month <= 8);
    const bool shoulder = north ? (month == 11 || month == 3) : (month == 5 || month == 9);
    const bool highland = tags.contains(u"mountains"_s);
    if (lat >= 60)
        return !summer;
    if (lat >= 45)
        return winter || shoulder || (highland && !summer);
    if (lat >= 35)
        return winter || (highland && shoulder);
    return false;
}

QList<int> CatalogueEntry::bestMonths() const {
    QList<int> months;
    if (bestTimeToVisit.contains(u"all year"_s, Qt::CaseInsensitive)) {
        for (int m = 1; m <= 12; ++m)
            months << m;
        return months;
    }
    // "April to June and September to October", "December"
    for (const QString& part : bestTimeToVisit.split(u" and "_s)) {
        const QStringList words = part.split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 3 && words[1] == u"to"_s) {
            const int a = monthOf(words[0]);
            const int b = monthOf(words[2]);
            if (a == 0 || b == 0)
                continue;
            for (int m = a;; m = m % 12 + 1) {
                months << m;
                if (m == b)
                    break;
            }
        } else if (words.size() == 1 && monthOf(words[0]) != 0) {
            months << monthOf(words[0]);
        }
    }
    return months;
}

Catalogue Catalogue::parseCsv(const QByteArray& csv) {
    Catalogue c;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList f = line.split(u',');
        if (f.size() != 7)
            continue;
        bool okLat = false, okLon = false, okCost = false;
        CatalogueEntry e;
        e.name = f[0].trimmed();
        e.country = f[1].trimmed();
        e.latitude = f[2].toDouble(&okLat);
        e.longitude = f[3].toDouble(&okLon);
        e.bestTimeToVisit = f[4].trimmed();
        e.dailyCostUsd = f[5].toInt(&okCost);
        e.tags = f[6].trimmed().split(u'|', Qt::SkipEmptyParts);
        if (e.name.isEmpty() || e.country.isEmpty() || !okLat || !okLon || !okCost)
            continue;
        c.m_entries << e;
    }
    return c;
}

const Catalogue& Catalogue::builtin() {
    static const Catalogue catalogue = [] {
        QFile f(u":/catalogue/destinations.csv"_s);
        if (!f.open(QIODevice::ReadOnly))
            return Catalogue{};
        return parseCsv(f.readAll());
    }();
    return catalogue;
}

std::optional<CatalogueEntry> Catalogue::find(const QString& name, const QString& country) const {
    const QString n = foldName(name);
    const QString c = foldName(country);
    if (n.isEmpty())
        return std::nullopt;
    std::optional<CatalogueEntry> byName;
    for (const CatalogueEntry& e : m_entries) {
        if (foldName(e.name) != n)
            continue;
        // "Portugal", "PT", "Portuguese Republic": one country (the world data's names and codes).
        if (c.isEmpty() || foldName(e.country) == c ||
            (geo::WorldData::instance().country(country.trimmed()) &&
             geo::WorldData::instance().country(country.trimmed()) ==
                 geo::WorldData::instance().country(e.country)))
            return e;
        if (!byName)
            byName = e;
    }
    return c.isEmpty() ? byName : std::nullopt;
}

QString Catalogue::canonicalCountry(const QString& country) const {
    const QString given = country.trimmed();
    const geo::WorldData& world = geo::WorldData::instance();
    const geo::Country* known = given.isEmpty() ? nullptr : world.country(given);
    if (!known)
        return given;
    // Only codes are rewritten (and a catalogue name in other letter case): a
    // name in the traveller's language ("México") stays as the model wrote it;
    // the catalogue look-ups treat both spellings as one country.
    static const QRegularExpression code(u"^[A-Za-z]{2,3}$"_s);
    const bool isCode = code.match(given).hasMatch() && foldName(given) != foldName(known->name);
    for (const CatalogueEntry& e : m_entries)
        if (e.country.compare(given, Qt::CaseInsensitive) == 0 ||
            (isCode && world.country(e.country) == known))
            return e.country;
    return isCode ? known->name : given;
}

} // namespace tp::conversation
