// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "domain/Validation.h"
#include "geo/FillCoordinates.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

#include <QCoreApplication>
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
        {QCoreApplication::translate("tp::cli", "ID"), QCoreApplication::translate("tp::cli", "NAME"),
         QCoreApplication::translate("tp::cli", "CITY"), QCoreApplication::translate("tp::cli", "COUNTRY"),
         QCoreApplication::translate("tp::cli", "COORDINATES"),
         QCoreApplication::translate("tp::cli", "PER DAY"),
         QCoreApplication::translate("tp::cli", "BEST TIME")},
        rows);
}
} // namespace

int cmdDestinations(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    CliParser p;
    p.addHelpOption();
    p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
    if (verb == u"list") {
        p.setApplicationDescription(
            QCoreApplication::translate("tp::cli", "destinations list: the catalogue, by name."));
        parseOrThrow(p, args, 0, 0);
        print(ctx, DestinationRepository(ctx.database()).list(), p.isSet(u"json"_s));
        return 0;
    }
    if (verb == u"search") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli",
            "destinations search TEXT: the destinations where every word of TEXT begins a word of the name, "
            "city, country or description (case and accents ignored: \"sao paulo\" finds São Paulo)."));
        p.addPositionalArgument(u"text"_s, QCoreApplication::translate("tp::cli", "Words to look for."));
        parseOrThrow(p, args, 1, -1);
        print(ctx, DestinationRepository(ctx.database()).search(p.positionalArguments().join(u' ')),
              p.isSet(u"json"_s));
        return 0;
    }
    if (verb == u"add") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli", "destinations add --name NAME --country COUNTRY [fields]"));
        p.addOption({u"name"_s, QCoreApplication::translate("tp::cli", "Name (required)."), u"text"_s});
        p.addOption({u"country"_s, QCoreApplication::translate("tp::cli", "Country (required)."), u"text"_s});
        p.addOption({u"city"_s, QCoreApplication::translate("tp::cli", "City."), u"text"_s});
        p.addOption({u"description"_s, QCoreApplication::translate("tp::cli", "Description."), u"text"_s});
        p.addOption(
            {u"best-time"_s, QCoreApplication::translate("tp::cli", "Best time to visit."), u"text"_s});
        p.addOption({u"daily-cost"_s,
                     QCoreApplication::translate("tp::cli", "Typical cost per day, e.g. 85.50."),
                     u"amount"_s});
        p.addOption({u"lat"_s,
                     QCoreApplication::translate("tp::cli", "Latitude, -90 to 90, at most 6 decimals."),
                     u"degrees"_s});
        p.addOption({u"lon"_s,
                     QCoreApplication::translate("tp::cli", "Longitude, -180 to 180, at most 6 decimals."),
                     u"degrees"_s});
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
            ctx.out << QCoreApplication::translate("tp::cli", "Created destination %1: %2, %3")
                           .arg(QString::number(saved.id), saved.name, saved.country)
                    << '\n';
        return 0;
    }
    if (verb == u"locate") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli",
            "destinations locate: give every destination without coordinates the position of its city "
            "(or name) in the offline gazetteer, and record where it came from."));
        parseOrThrow(p, args, 0, 0);
        const geo::FillReport report = geo::fillMissingCoordinates(ctx.database());
        if (p.isSet(u"json"_s))
            printJson(ctx, QJsonObject{{u"missing"_s, report.missing}, {u"placed"_s, report.placed}});
        else
            ctx.out << QCoreApplication::translate(
                           "tp::cli", "%1 of %n destinations without coordinates placed; %2 not found.",
                           nullptr, int(report.missing))
                           .arg(report.placed)
                           .arg(report.missing - report.placed)
                    << '\n';
        return 0;
    }
    throw UsageError{
        verb.isEmpty()
            ? QCoreApplication::translate("tp::cli", "destinations needs list, search, add or locate")
            : QCoreApplication::translate("tp::cli", "unknown destinations command \"%1\"")
                  .arg(verb.left(40))};
}

} // namespace tp::cli
