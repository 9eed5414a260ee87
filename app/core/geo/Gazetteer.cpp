// SPDX-License-Identifier: GPL-3.0-or-later
#include "Gazetteer.h"

#include "NameFolding.h"
#include "WorldData.h"

#include <QFile>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {

Decimal coordinate(double v) {
    // The data has 5 decimals: printing with 6 is exact.
    return Decimal::parse(QString::number(v, 'f', decimal_shape::CoordinateScale),
                          decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale)
        .value_or(Decimal());
}

GeoMatch centroidOf(const Country& c) {
    GeoMatch m;
    m.kind = GeoMatch::Kind::CountryCentroid;
    m.name = c.name;
    m.countryCode = c.iso2;
    m.countryName = c.name;
    m.lat = c.centroid.lat;
    m.lon = c.centroid.lon;
    return m;
}

} // namespace

Decimal GeoMatch::latitude() const {
    return coordinate(lat);
}
Decimal GeoMatch::longitude() const {
    return coordinate(lon);
}

const Gazetteer& Gazetteer::instance() {
    static const Gazetteer g = [] {
        QFile f(u":/geo/cities.tsv"_s);
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("Gazetteer: the bundled :/geo/cities.tsv is missing");
            return Gazetteer();
        }
        return fromTsv(f);
    }();
    return g;
}

Gazetteer Gazetteer::fromTsv(QIODevice& in) {
    Gazetteer g;
    const QByteArray all = in.readAll();
    const QString text = QString::fromUtf8(all);
    g.m_places.reserve(size_t(text.count(u'\n')));
    for (QStringView line : QStringView(text).split(u'\n')) {
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto f = line.split(u'\t');
        if (f.size() < 6)
            continue;
        bool okLat = false, okLon = false;
        Place p;
        p.name = f[0].toString();
        p.countryCode = f[1].toString();
        p.admin1 = f[2].toString();
        p.lat = f[3].toDouble(&okLat);
        p.lon = f[4].toDouble(&okLon);
        p.population = f[5].toLongLong();
        if (okLat && okLon && !p.name.isEmpty())
            g.m_places.push_back(std::move(p));
    }
    std::stable_sort(g.m_places.begin(), g.m_places.end(),
                     [](const Place& a, const Place& b) { return a.population > b.population; });
    g.m_index.reserve(qsizetype(g.m_places.size()));
    for (int i = 0; i < int(g.m_places.size()); ++i)
        g.m_index[foldName(g.m_places[size_t(i)].name)].push_back(i);
    return g;
}

QList<Place> Gazetteer::candidates(const QString& name) const {
    QList<Place> out;
    const auto it = m_index.constFind(foldName(name));
    if (it != m_index.constEnd()) {
        for (int i : *it)
            out.append(m_places[size_t(i)]);
    }
    return out;
}

std::optional<GeoMatch> Gazetteer::lookup(const QString& name, const QString& country,
                                          bool allowCentroid) const {
    const WorldData& world = WorldData::instance();
    const Country* c = country.trimmed().isEmpty() ? nullptr : world.country(country);
    const auto it = m_index.constFind(foldName(name));
    const std::vector<int> none;
    const std::vector<int>& hits = it == m_index.constEnd() ? none : *it;

    auto matchOf = [&](int index, int alternatives) {
        const Place& p = m_places[size_t(index)];
        GeoMatch m;
        m.kind = GeoMatch::Kind::City;
        m.name = p.name;
        m.countryCode = p.countryCode;
        const Country* pc = world.country(p.countryCode);
        m.countryName = pc ? pc->name : p.countryCode;
        m.lat = p.lat;
        m.lon = p.lon;
        m.population = p.population;
        m.alternatives = alternatives;
        return m;
    };

    if (c) {
        std::vector<int> inCountry;
        for (int i : hits) {
            if (m_places[size_t(i)].countryCode == c->iso2)
                inCountry.push_back(i);
        }
        if (!inCountry.empty())
            return matchOf(inCountry.front(), int(inCountry.size()) - 1);
        if (allowCentroid)
            return centroidOf(*c);
        return std::nullopt;
    }
    if (!hits.empty()) {
        QSet<QString> countries;
        for (int i : hits)
            countries.insert(m_places[size_t(i)].countryCode);
        return matchOf(hits.front(), int(countries.size()) - 1);
    }
    if (allowCentroid) {
        if (const Country* named = world.country(name))
            return centroidOf(*named);
    }
    return std::nullopt;
}

std::optional<GeoMatch> Gazetteer::resolve(const QString& name, const QString& country) const {
    if (name.trimmed().isEmpty()) {
        if (const Country* c = WorldData::instance().country(country))
            return centroidOf(*c);
        return std::nullopt;
    }
    return lookup(name, country, true);
}

std::optional<GeoMatch> Gazetteer::resolveText(const QString& text) const {
    const qsizetype comma = text.lastIndexOf(u',');
    if (comma >= 0) {
        const QString head = text.left(comma).trimmed();
        const QString tail = text.mid(comma + 1).trimmed();
        if (WorldData::instance().country(tail))
            return resolve(head, tail);
        // "Portland, Oregon": the tail is no country; try the first part alone.
        const qsizetype first = text.indexOf(u',');
        return resolve(text.left(first).trimmed());
    }
    return resolve(text.trimmed());
}

std::optional<GeoMatch> Gazetteer::resolve(const Destination& d) const {
    if (!d.city.trimmed().isEmpty()) {
        if (auto m = lookup(d.city, d.country, false))
            return m;
    }
    return resolve(d.name, d.country);
}

} // namespace tp::geo
