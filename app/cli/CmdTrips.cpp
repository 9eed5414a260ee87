// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include "repo/TripRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {

void addUserOption(CliParser& p) {
    p.addOption({u"user"_s,
                 QCoreApplication::translate(
                     "tp::cli", "The user (default: the local user named after your OS account)."),
                 u"name"_s});
}

// Options shared by add and update; only the ones given are applied.
void addFieldOptions(CliParser& p) {
    p.addOption(
        {u"title"_s, QCoreApplication::translate("tp::cli", "Title, 1 to 200 characters."), u"text"_s});
    p.addOption({u"description"_s, QCoreApplication::translate("tp::cli", "Description."), u"text"_s});
    p.addOption({u"start"_s,
                 QCoreApplication::translate("tp::cli", "Start date, YYYY-MM-DD (empty to clear)."),
                 u"date"_s});
    p.addOption({u"end"_s, QCoreApplication::translate("tp::cli", "End date, YYYY-MM-DD (empty to clear)."),
                 u"date"_s});
    p.addOption({u"budget"_s,
                 QCoreApplication::translate("tp::cli", "Budget, 0 to 99999999.99 (empty to clear)."),
                 u"amount"_s});
    p.addOption({u"travelers"_s, QCoreApplication::translate("tp::cli", "Number of travellers, at least 1."),
                 u"n"_s});
    p.addOption({u"status"_s,
                 QCoreApplication::translate("tp::cli", "Status: %1.")
                     .arg(choiceValues(trip_status::all).join(u", "_s)),
                 u"status"_s});
    p.setChoices(u"status"_s, choiceValues(trip_status::all));
    p.addOption({u"destination"_s, QCoreApplication::translate("tp::cli", "Destination id (empty to clear)."),
                 u"id"_s});
}

void applyFields(const QCommandLineParser& p, Trip& t) {
    if (p.isSet(u"title"_s))
        t.title = p.value(u"title"_s);
    if (p.isSet(u"description"_s))
        t.description = p.value(u"description"_s);
    if (p.isSet(u"start"_s))
        t.startDate = p.value(u"start"_s).isEmpty()
                          ? QDate()
                          : validation::parseDate(u"start_date"_s, p.value(u"start"_s));
    if (p.isSet(u"end"_s))
        t.endDate =
            p.value(u"end"_s).isEmpty() ? QDate() : validation::parseDate(u"end_date"_s, p.value(u"end"_s));
    if (p.isSet(u"budget"_s))
        t.budget = p.value(u"budget"_s).isEmpty()
                       ? std::nullopt
                       : std::optional(validation::parseMoney(u"budget"_s, p.value(u"budget"_s)));
    if (p.isSet(u"travelers"_s)) {
        bool ok = false;
        t.travelersCount = p.value(u"travelers"_s).toInt(&ok);
        if (!ok)
            throw Error::validation(u"travelers_count"_s,
                                    QCoreApplication::translate("tp::cli", "must be a whole number"));
    }
    if (p.isSet(u"status"_s))
        t.status = p.value(u"status"_s);
    if (p.isSet(u"destination"_s)) {
        if (p.value(u"destination"_s).isEmpty()) {
            t.destinationId.reset();
        } else {
            bool ok = false;
            t.destinationId = p.value(u"destination"_s).toLongLong(&ok);
            if (!ok)
                throw Error::validation(u"destination"_s,
                                        QCoreApplication::translate(
                                            "tp::cli", "must be a destination id (see: destinations list)"));
        }
    }
}

Id parseId(const QString& text) {
    bool ok = false;
    const Id id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw Error::validation(
            u"id"_s, QCoreApplication::translate("tp::cli", "must be a trip id (a positive whole number)"));
    return id;
}

QString money(const std::optional<Decimal>& d) {
    return d ? d->toString() : QString();
}

// One "  Label:        value" line; the values line up after the labels.
void field(CliContext& ctx, const QString& label, const QString& value) {
    ctx.out << u"  "_s << QString(label + u' ').leftJustified(14) << value << u'\n';
}

void printTrip(CliContext& ctx, const Trip& t) {
    const auto days = t.durationDays();
    const QString start = t.startDate.toString(Qt::ISODate);
    const QString end = t.endDate.toString(Qt::ISODate);
    ctx.out << QCoreApplication::translate("tp::cli", "Trip %1: %2").arg(QString::number(t.id), t.title)
            << u'\n';
    field(ctx, QCoreApplication::translate("tp::cli", "Status:"), choiceLabel(trip_status::all, t.status));
    field(ctx, QCoreApplication::translate("tp::cli", "Destination:"),
          t.destinationId ? t.destinationName + u", "_s + t.destinationCountry
                          : QCoreApplication::translate("tp::cli", "(not chosen)"));
    field(ctx, QCoreApplication::translate("tp::cli", "Dates:"),
          days ? QCoreApplication::translate("tp::cli", "%1 to %2 (%n days)", nullptr, *days).arg(start, end)
               : QCoreApplication::translate("tp::cli", "%1 to %2").arg(start, end));
    field(ctx, QCoreApplication::translate("tp::cli", "Budget:"), money(t.budget));
    field(ctx, QCoreApplication::translate("tp::cli", "Travellers:"), QString::number(t.travelersCount));
    field(ctx, QCoreApplication::translate("tp::cli", "Upcoming:"),
          t.isFutureTrip() ? QCoreApplication::translate("tp::cli", "yes")
                           : QCoreApplication::translate("tp::cli", "no"));
    if (!t.description.isEmpty())
        field(ctx, QCoreApplication::translate("tp::cli", "Description:"), t.description);
}

} // namespace

int cmdTrips(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    CliParser p;
    p.addHelpOption();
    addUserOption(p);

    if (verb == u"list") {
        p.setApplicationDescription(
            QCoreApplication::translate("tp::cli", "trips list: a user's trips, newest first."));
        p.addOption({u"status"_s, QCoreApplication::translate("tp::cli", "Only trips with this status."),
                     u"status"_s});
        p.setChoices(u"status"_s, choiceValues(trip_status::all));
        p.addOption(
            {u"from"_s,
             QCoreApplication::translate("tp::cli", "Only trips ending on or after this date (YYYY-MM-DD)."),
             u"date"_s});
        p.addOption({u"to"_s,
                     QCoreApplication::translate("tp::cli",
                                                 "Only trips starting on or before this date (YYYY-MM-DD)."),
                     u"date"_s});
        p.addOption({u"search"_s,
                     QCoreApplication::translate("tp::cli",
                                                 "Only trips whose title or description contains this text."),
                     u"text"_s});
        p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
        parseOrThrow(p, args, 0, 0);
        TripFilter f;
        f.status = p.value(u"status"_s);
        if (!f.status.isEmpty() && !tripStatusFrom(f.status))
            throw Error::validation(u"status"_s, QCoreApplication::translate("tp::cli", "must be one of: %1")
                                                     .arg(choiceValues(trip_status::all).join(u", "_s)));
        if (p.isSet(u"from"_s))
            f.from = validation::parseDate(u"from"_s, p.value(u"from"_s));
        if (p.isSet(u"to"_s))
            f.to = validation::parseDate(u"to"_s, p.value(u"to"_s));
        f.text = p.value(u"search"_s);
        const User user = ctx.user(p.value(u"user"_s));
        const QList<Trip> trips = TripRepository(ctx.database(), user.id).list(f);
        if (p.isSet(u"json"_s)) {
            QJsonArray a;
            for (const Trip& t : trips)
                a.append(json::from(t));
            printJson(ctx, a);
            return 0;
        }
        QList<QStringList> rows;
        for (const Trip& t : trips)
            rows << QStringList{QString::number(t.id),
                                t.title,
                                t.destinationName,
                                t.startDate.toString(Qt::ISODate),
                                t.endDate.toString(Qt::ISODate),
                                money(t.budget),
                                QString::number(t.travelersCount),
                                t.status};
        ctx.out << formatTable(
            {QCoreApplication::translate("tp::cli", "ID"), QCoreApplication::translate("tp::cli", "TITLE"),
             QCoreApplication::translate("tp::cli", "DESTINATION"),
             QCoreApplication::translate("tp::cli", "START"), QCoreApplication::translate("tp::cli", "END"),
             QCoreApplication::translate("tp::cli", "BUDGET"),
             QCoreApplication::translate("tp::cli", "TRAVELLERS"),
             QCoreApplication::translate("tp::cli", "STATUS")},
            rows);
        return 0;
    }
    if (verb == u"add") {
        p.setApplicationDescription(
            QCoreApplication::translate("tp::cli", "trips add --title TITLE [fields]: plan a new trip."));
        addFieldOptions(p);
        p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print the new trip as JSON.")});
        parseOrThrow(p, args, 0, 0);
        if (!p.isSet(u"title"_s))
            throw UsageError{QCoreApplication::translate("tp::cli", "trips add needs --title")};
        Trip t;
        applyFields(p, t);
        const User user = ctx.user(p.value(u"user"_s));
        const Trip saved = TripRepository(ctx.database(), user.id).create(t);
        if (p.isSet(u"json"_s))
            printJson(ctx, json::from(saved));
        else
            ctx.out << QCoreApplication::translate("tp::cli", "Created trip %1: %2")
                           .arg(QString::number(saved.id), saved.title)
                    << '\n';
        return 0;
    }
    if (verb == u"show" || verb == u"delete" || verb == u"update") {
        p.addPositionalArgument(u"id"_s, QCoreApplication::translate("tp::cli", "Trip id."));
        if (verb == u"show")
            p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
        if (verb == u"update")
            addFieldOptions(p);
        p.setApplicationDescription(QCoreApplication::translate("tp::cli", "trips %1 ID").arg(verb));
        parseOrThrow(p, args, 1, 1);
        const Id id = parseId(p.positionalArguments().first());
        const User user = ctx.user(p.value(u"user"_s));
        TripRepository trips(ctx.database(), user.id);
        if (verb == u"show") {
            const Trip t = trips.get(id);
            if (p.isSet(u"json"_s))
                printJson(ctx, json::from(t));
            else
                printTrip(ctx, t);
        } else if (verb == u"update") {
            Trip t = trips.get(id);
            applyFields(p, t);
            printTrip(ctx, trips.update(t));
        } else {
            trips.remove(id);
            ctx.out << QCoreApplication::translate(
                           "tp::cli", "Deleted trip %1 with its conversation and planning sessions.")
                           .arg(id)
                    << '\n';
        }
        return 0;
    }
    throw UsageError{
        verb.isEmpty()
            ? QCoreApplication::translate("tp::cli", "trips needs list, add, show, update or delete")
            : QCoreApplication::translate("tp::cli", "unknown trips command \"%1\"").arg(verb.left(40))};
}

} // namespace tp::cli
