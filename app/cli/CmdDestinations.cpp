// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "domain/Validation.h"
#include "geo/FillCoordinates.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {
void print(CliContext& ctx, const QList<Destination>& list, bool asJson) {
    if (asJson) {
        QJsonArray a;
        for (const Destination& d : list)
            a.append(json::from(d));
        printJson(ctx, a);
        return;
    }
    QList<QStringList> rows;
    for (const Destination& d : list)
        rows << QStringList{QString::number(d.id),
                            d.name,
                            d.city,
                            d.country,
                            d.hasCoordinates() ? d.latitude->toString() + u", "_s + d.longitude->toString()
                                               : QString(),
                            d.averageCostPerDay ? d.averageCostPerDay->toString() : QString(),
                            d.bestTimeToVisit};
    ctx.out << formatTable(
        {u"ID"_s, u"NAME"_s, u"CITY"_s, u"COUNTRY"_s, u"COORDINATES"_s, u"PER DAY"_s, u"BEST TIME"_s}, rows);
}
} // namespace

int cmdDestinations(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({u"json"_s, u"Print JSON."_s});
    if (verb == u"list") {
        p.setApplicationDescription(u"destinations list: the catalogue, by name."_s);
        parseOrThrow(p, args, 0, 0);
        print(ctx, DestinationRepository(ctx.database()).list(), p.isSet(u"json"_s));
        return 0;
    }
    if (verb == u"search") {
        p.setApplicationDescription(
            u"destinations search TEXT: the destinations where every word of TEXT begins a word of the name, "
            u"city, "
            u"country or description (case and accents ignored: \"sao paulo\" finds São Paulo)."_s);
        p.addPositionalArgument(u"text"_s, u"Words to look for."_s);
        parseOrThrow(p, args, 1, -1);
        print(ctx, DestinationRepository(ctx.database()).search(p.positionalArguments().join(u' ')),
              p.isSet(u"json"_s));
        return 0;
    }
    if (verb == u"add") {
        p.setApplicationDescription(u"destinations add --name NAME --country COUNTRY [fields]"_s);
        p.addOption({u"name"_s, u"Name (required)."_s, u"text"_s});
        p.addOption({u"country"_s, u"Country (required)."_s, u"text"_s});
        p.addOption({u"city"_s, u"City."_s, u"text"_s});
        p.addOption({u"description"_s, u"Description."_s, u"text"_s});
        p.addOption({u"best-time"_s, u"Best time to visit."_s, u"text"_s});
        p.addOption({u"daily-cost"_s, u"Typical cost per day, e.g. 85.50."_s, u"amount"_s});
        p.addOption({u"lat"_s, u"Latitude, -90 to 90, at most 6 decimals."_s, u"degrees"_s});
        p.addOption({u"lon"_s, u"Longitude, -180 to 180, at most 6 decimals."_s, u"degrees"_s});
        parseOrThrow(p, args, 0, 0);
        Destination d;
        d.name = p.value(u"name"_s);
        d.country = p.value(u"country"_s);
        d.city = p.value(u"city"_s);
        d.description = p.value(u"description"_s);
        d.bestTimeToVisit = p.value(u"best-time"_s);
        if (p.isSet(u"daily-cost"_s))
            d.averageCostPerDay = validation::parseMoney(u"average_cost_per_day"_s, p.value(u"daily-cost"_s),
                                                         decimal_shape::DailyCostPrecision);
        if (p.isSet(u"lat"_s))
            d.latitude = validation::parseLatitude(p.value(u"lat"_s));
        if (p.isSet(u"lon"_s))
            d.longitude = validation::parseLongitude(p.value(u"lon"_s));
        Database& db = ctx.database();
        const Destination saved = db.transaction([&] {
            const Destination created = DestinationRepository(db).create(d);
            if (created.hasCoordinates())
                CoordinateSourceRepository(db).record(created, CoordinateOrigin::Typed, u"command line"_s);
            return created;
        });
        if (p.isSet(u"json"_s))
            printJson(ctx, json::from(saved));
        else
            ctx.out << u"Created destination %1: %2, %3"_s.arg(saved.id).arg(saved.name, saved.country)
                    << '\n';
        return 0;
    }
    if (verb == u"locate") {
        p.setApplicationDescription(
            u"destinations locate: give every destination without coordinates the position of its city "
            u"(or name) in the offline gazetteer, and record where it came from."_s);
        parseOrThrow(p, args, 0, 0);
        const geo::FillReport report = geo::fillMissingCoordinates(ctx.database());
        if (p.isSet(u"json"_s))
            printJson(ctx, QJsonObject{{u"missing"_s, report.missing}, {u"placed"_s, report.placed}});
        else
            ctx.out << u"%1 of %2 destinations without coordinates placed; %3 not found."_s.arg(report.placed)
                           .arg(report.missing)
                           .arg(report.missing - report.placed)
                    << '\n';
        return 0;
    }
    throw UsageError{verb.isEmpty() ? u"destinations needs list, search, add or locate"_s
                                    : u"unknown destinations command \"%1\""_s.arg(verb.left(40))};
}

} // namespace tp::cli
