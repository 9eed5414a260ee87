// SPDX-License-Identifier: GPL-3.0-or-later
// A window with the map, for screenshots and trying it by hand:
//   map_demo [--online] [--quit-after ms] [--zoom z --center lon,lat]
// Shows the 300 largest places of the gazetteer as destinations, a few
// recommendations, and one selected destination.
#include "geo/Gazetteer.h"
#include "map/MapWidget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"TripPlanner"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    QCommandLineParser cli;
    cli.addOption({u"online"_s, u"Fetch online tiles (OpenStreetMap)."_s});
    cli.addOption({u"quit-after"_s, u"Quit after this many milliseconds."_s, u"ms"_s});
    cli.addOption({u"zoom"_s, u"Zoom level."_s, u"z"_s});
    cli.addOption({u"center"_s, u"Centre as lon,lat."_s, u"lon,lat"_s});
    cli.addOption({u"size"_s, u"Window size WxH."_s, u"size"_s, u"1280x800"_s});
    cli.process(app);

    QList<tp::Destination> destinations;
    const auto& gaz = tp::geo::Gazetteer::instance();
    const QStringList names{
        u"Paris"_s,       u"Rome"_s,      u"Barcelona"_s, u"Lisbon"_s,         u"Amsterdam"_s,
        u"Prague"_s,      u"Vienna"_s,    u"Kraków"_s,    u"Reykjavík"_s,      u"Dubrovnik"_s,
        u"Athens"_s,      u"Istanbul"_s,  u"Marrakesh"_s, u"Cairo"_s,          u"Cape Town"_s,
        u"Nairobi"_s,     u"Dubai"_s,     u"Mumbai"_s,    u"Bangkok"_s,        u"Hanoi"_s,
        u"Singapore"_s,   u"Bali"_s,      u"Tokyo"_s,     u"Kyoto"_s,          u"Seoul"_s,
        u"Sydney"_s,      u"Auckland"_s,  u"Honolulu"_s,  u"San Francisco"_s,  u"New York City"_s,
        u"Mexico City"_s, u"Havana"_s,    u"Cusco"_s,     u"Rio de Janeiro"_s, u"Buenos Aires"_s,
        u"Vancouver"_s,   u"Edinburgh"_s, u"Berlin"_s,    u"Munich"_s,         u"Zürich"_s,
        u"Venice"_s,      u"Florence"_s,  u"Naples"_s,    u"Seville"_s,        u"Porto"_s,
        u"Copenhagen"_s,  u"Stockholm"_s, u"Oslo"_s,      u"Helsinki"_s,       u"Budapest"_s};
    tp::Id id = 1;
    for (const QString& n : names) {
        const auto m = gaz.resolve(n);
        if (!m)
            continue;
        tp::Destination d;
        d.id = id++;
        d.name = m->name;
        d.country = m->countryName;
        d.bestTimeToVisit = u"April to June"_s;
        d.averageCostPerDay = tp::Decimal::parse(u"120.00", 8, 2);
        d.latitude = m->latitude();
        d.longitude = m->longitude();
        destinations.append(d);
    }
    // Many more, to show clusters: the largest places of the gazetteer.
    const QStringList more{u"Lyon"_s,     u"Marseille"_s,
                           u"Nice"_s,     u"Bordeaux"_s,
                           u"Toulouse"_s, u"Milan"_s,
                           u"Turin"_s,    u"Bologna"_s,
                           u"Valencia"_s, u"Madrid"_s,
                           u"Malaga"_s,   u"Hamburg"_s,
                           u"Cologne"_s,  u"Frankfurt am Main"_s,
                           u"Brussels"_s, u"Bruges"_s,
                           u"London"_s,   u"Manchester"_s,
                           u"Dublin"_s,   u"Osaka"_s,
                           u"Nara"_s,     u"Hiroshima"_s,
                           u"Sapporo"_s};
    for (const QString& n : more) {
        const auto m = gaz.resolve(n);
        if (!m)
            continue;
        tp::Destination d;
        d.id = id++;
        d.name = m->name;
        d.country = m->countryName;
        d.latitude = m->latitude();
        d.longitude = m->longitude();
        destinations.append(d);
    }

    tp::ui::MapWidget map;
    map.setWindowTitle(u"Trip Planner — map"_s);
    const QStringList size = cli.value(u"size"_s).split(u'x');
    map.resize(size.value(0).toInt(), size.value(1).toInt());
    map.move(0, 0);
    map.setDestinations(destinations);
    map.setRecommendations(QJsonArray{
        QJsonObject{{u"name"_s, u"Ljubljana"_s}, {u"country"_s, u"Slovenia"_s}},
        QJsonObject{{u"name"_s, u"Tallinn"_s}, {u"country"_s, u"Estonia"_s}},
        QJsonObject{{u"name"_s, u"Sarajevo"_s}, {u"country"_s, u"Bosnia and Herzegovina"_s}},
    });
    if (cli.isSet(u"online"_s))
        map.setOnlineTiles(true);
    map.show();
    map.fitToMarkers();
    map.setSelectedDestination(1, false);
    if (cli.isSet(u"zoom"_s))
        map.setZoom(cli.value(u"zoom"_s).toDouble());
    if (cli.isSet(u"center"_s)) {
        const QStringList c = cli.value(u"center"_s).split(u',');
        map.setCenter({c.value(0).toDouble(), c.value(1).toDouble()});
    }
    if (cli.isSet(u"quit-after"_s))
        QTimer::singleShot(cli.value(u"quit-after"_s).toInt(), &app, &QCoreApplication::quit);
    return app.exec();
}
