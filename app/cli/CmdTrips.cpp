// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include "repo/TripRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {

void addUserOption(QCommandLineParser& p) {
    p.addOption({u"user"_s, u"The user (default: the local user named after your OS account)."_s, u"name"_s});
}

// Options shared by add and update; only the ones given are applied.
void addFieldOptions(QCommandLineParser& p) {
    p.addOption({u"title"_s, u"Title, 1 to 200 characters."_s, u"text"_s});
    p.addOption({u"description"_s, u"Description."_s, u"text"_s});
    p.addOption({u"start"_s, u"Start date, YYYY-MM-DD (empty to clear)."_s, u"date"_s});
    p.addOption({u"end"_s, u"End date, YYYY-MM-DD (empty to clear)."_s, u"date"_s});
    p.addOption({u"budget"_s, u"Budget, 0 to 99999999.99 (empty to clear)."_s, u"amount"_s});
    p.addOption({u"travelers"_s, u"Number of travellers, at least 1."_s, u"n"_s});
    p.addOption(
        {u"status"_s, u"Status: %1."_s.arg(choiceValues(trip_status::all).join(u", "_s)), u"status"_s});
    p.addOption({u"destination"_s, u"Destination id (empty to clear)."_s, u"id"_s});
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
            throw Error::validation(u"travelers_count"_s, u"must be a whole number"_s);
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
                                        u"must be a destination id (see: destinations list)"_s);
        }
    }
}

Id parseId(const QString& text) {
    bool ok = false;
    const Id id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw Error::validation(u"id"_s, u"must be a trip id (a positive whole number)"_s);
    return id;
}

QString money(const std::optional<Decimal>& d) {
    return d ? d->toString() : QString();
}

void printTrip(CliContext& ctx, const Trip& t) {
    const auto days = t.durationDays();
    ctx.out << u"Trip %1: %2\n"_s.arg(t.id).arg(t.title);
    ctx.out << u"  Status:       %1\n"_s.arg(choiceLabel(trip_status::all, t.status));
    ctx.out << u"  Destination:  %1\n"_s.arg(
        t.destinationId ? t.destinationName + u", "_s + t.destinationCountry : u"(not chosen)"_s);
    ctx.out << u"  Dates:        %1 to %2%3\n"_s.arg(t.startDate.toString(Qt::ISODate),
                                                     t.endDate.toString(Qt::ISODate),
                                                     days ? u" (%1 days)"_s.arg(*days) : QString());
    ctx.out << u"  Budget:       %1\n"_s.arg(money(t.budget));
    ctx.out << u"  Travellers:   %1\n"_s.arg(t.travelersCount);
    ctx.out << u"  Upcoming:     %1\n"_s.arg(t.isFutureTrip() ? u"yes"_s : u"no"_s);
    if (!t.description.isEmpty())
        ctx.out << u"  Description:  %1\n"_s.arg(t.description);
}

} // namespace

int cmdTrips(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    QCommandLineParser p;
    p.addHelpOption();
    addUserOption(p);

    if (verb == u"list") {
        p.setApplicationDescription(u"trips list: a user's trips, newest first."_s);
        p.addOption({u"status"_s, u"Only trips with this status."_s, u"status"_s});
        p.addOption({u"from"_s, u"Only trips ending on or after this date (YYYY-MM-DD)."_s, u"date"_s});
        p.addOption({u"to"_s, u"Only trips starting on or before this date (YYYY-MM-DD)."_s, u"date"_s});
        p.addOption({u"search"_s, u"Only trips whose title or description contains this text."_s, u"text"_s});
        p.addOption({u"json"_s, u"Print JSON."_s});
        parseOrThrow(p, args, 0, 0);
        TripFilter f;
        f.status = p.value(u"status"_s);
        if (!f.status.isEmpty() && !tripStatusFrom(f.status))
            throw Error::validation(
                u"status"_s, u"must be one of: %1"_s.arg(choiceValues(trip_status::all).join(u", "_s)));
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
        ctx.out << formatTable({u"ID"_s, u"TITLE"_s, u"DESTINATION"_s, u"START"_s, u"END"_s, u"BUDGET"_s,
                                u"TRAVELLERS"_s, u"STATUS"_s},
                               rows);
        return 0;
    }
    if (verb == u"add") {
        p.setApplicationDescription(u"trips add --title TITLE [fields]: plan a new trip."_s);
        addFieldOptions(p);
        p.addOption({u"json"_s, u"Print the new trip as JSON."_s});
        parseOrThrow(p, args, 0, 0);
        if (!p.isSet(u"title"_s))
            throw UsageError{u"trips add needs --title"_s};
        Trip t;
        applyFields(p, t);
        const User user = ctx.user(p.value(u"user"_s));
        const Trip saved = TripRepository(ctx.database(), user.id).create(t);
        if (p.isSet(u"json"_s))
            printJson(ctx, json::from(saved));
        else
            ctx.out << u"Created trip %1: %2"_s.arg(saved.id).arg(saved.title) << '\n';
        return 0;
    }
    if (verb == u"show" || verb == u"delete" || verb == u"update") {
        p.addPositionalArgument(u"id"_s, u"Trip id."_s);
        if (verb == u"show")
            p.addOption({u"json"_s, u"Print JSON."_s});
        if (verb == u"update")
            addFieldOptions(p);
        p.setApplicationDescription(u"trips %1 ID"_s.arg(verb));
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
            ctx.out << u"Deleted trip %1 with its conversation and planning sessions."_s.arg(id) << '\n';
        }
        return 0;
    }
    throw UsageError{verb.isEmpty() ? u"trips needs list, add, show, update or delete"_s
                                    : u"unknown trips command \"%1\""_s.arg(verb.left(40))};
}

} // namespace tp::cli
