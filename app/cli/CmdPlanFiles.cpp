// SPDX-License-Identifier: GPL-3.0-or-later
// plan import / export / stage: calendar files and the planning stages.
#include "CmdPlanCommon.h"

#include "draw/PlanPdf.h"

#include "plan/IcsImport.h"
#include "plan/IcsWriter.h"
#include "plan/PlacesImport.h"
#include "repo/PlanRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QSaveFile>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#endif

using namespace Qt::StringLiterals;

namespace tp::cli::plancli {

namespace {

QString describe(const plan::ImportedItem& i) {
    switch (i.kind) {
    case plan::ImportedItem::Kind::Stay:
        return QCoreApplication::translate("tp::cli", "%1, %2 to %3")
            .arg(i.stay.name, i.stay.checkIn.toString(Qt::ISODate), i.stay.checkOut.toString(Qt::ISODate));
    case plan::ImportedItem::Kind::Leg: {
        auto end = [](const plan::LegEnd& e) -> QString {
            return e.place.name + u' ' + e.date.toString(Qt::ISODate) + u' ' + e.time.toString(u"HH:mm"_s) +
                   (e.place.zone.isEmpty() ? QString() : u" ("_s + e.place.zone + u')');
        };
        return u"%1 %2 → %3"_s.arg(i.leg.mode, end(i.leg.from), end(i.leg.to));
    }
    case plan::ImportedItem::Kind::Activity:
        return u"%1, %2 %3"_s.arg(i.activity.title, i.activity.date.toString(Qt::ISODate),
                                  i.activity.start.toString(u"HH:mm"_s));
    }
    return {};
}

// GPX, KML and GeoJSON places: activity ideas, shown first, added with --apply.
int importPlaces(CliContext& ctx, const QCommandLineParser& p, const User& user, Id trip,
                 const plan::PlacesImportResult& r) {
    int n = 0;
    for (const plan::Activity& a : r.ideas)
        ctx.out << QCoreApplication::translate("tp::cli", "%1. idea: %2 (%3, %4)")
                       .arg(QString::number(++n), a.title, a.place.latitude->toString(),
                            a.place.longitude->toString())
                << '\n';
    if (r.skipped > 0)
        ctx.out << QCoreApplication::translate(
                       "tp::cli", "Skipped %n features that are not single places (tracks, routes, areas).",
                       nullptr, r.skipped)
                << '\n';
    if (!p.isSet(u"apply"_s)) {
        TripRepository(ctx.database(), user.id).get(trip);
        ctx.out << QCoreApplication::translate(
                       "tp::cli",
                       "%n places recognised; nothing added. Run again with --apply to add them as ideas.",
                       nullptr, n)
                << '\n';
        return 0;
    }
    PlanRepository(ctx.database(), user.id).edit(trip, [&](plan::Plan& pl) {
        for (plan::Activity a : r.ideas) {
            a.id = plan::newItemId(u"act"_s);
            pl.activities << a;
        }
    });
    ctx.out << QCoreApplication::translate("tp::cli", "Added %n ideas to the plan.", nullptr, n) << '\n';
    return 0;
}

// Writes `data` to FILE, or to standard output for '-'.
void writeOut(CliContext& ctx, const QString& option, const QString& path, const QByteArray& data) {
    if (path == u"-") {
        ctx.out.flush();
#ifdef Q_OS_WIN
        // A PDF is bytes: no LF to CRLF on the way out.
        _setmode(_fileno(stdout), _O_BINARY);
#endif
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(data) != data.size() || !out.flush())
            throw Error(Error::Kind::Config,
                        QCoreApplication::translate("tp::cli", "Standard output cannot be written."));
        return;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        throw Error::validation(option, QCoreApplication::translate("tp::cli", "cannot be written to %1: %2")
                                            .arg(path, out.errorString()));
}

} // namespace

int cmdPlanImport(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli",
        "plan import --trip ID FILE [--apply]: read booking confirmations (flights, hotels, events)\n"
        "from a calendar file (.ics), or places (.gpx, .kml, .geojson) as activity ideas.\n"
        "Without --apply it only prints what it recognised."));
    addTripOptions(p);
    p.addOption({u"apply"_s, QCoreApplication::translate("tp::cli", "Add what was recognised to the plan.")});
    p.addPositionalArgument(u"file"_s,
                            QCoreApplication::translate("tp::cli", "The .ics, .gpx, .kml or .geojson file."));
    parseOrThrow(p, args, 1, 1);
    const Id trip = tripId(p);
    const QString path = p.positionalArguments().first();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::validation(
            u"file"_s, QCoreApplication::translate("tp::cli", "cannot be read: %1").arg(f.errorString()));
    const QByteArray data = f.readAll();
    const User user = ctx.user(p.value(u"user"_s));
    if (const auto format = plan::placesFormatFor(path))
        return importPlaces(ctx, p, user, trip, plan::importPlaces(data, *format));
    const plan::IcsImportResult r = plan::importIcs(data);
    int n = 0;
    for (const plan::ImportedItem& i : r.items) {
        ctx.out << u"%1. %2: %3\n"_s.arg(QString::number(++n), plan::importedKindName(i.kind), describe(i))
                << u"     "_s << QCoreApplication::translate("tp::cli", "recognised by %1").arg(i.reason)
                << '\n';
        for (const QString& note : i.notes)
            ctx.out << u"     "_s << QCoreApplication::translate("tp::cli", "note: %1").arg(note) << '\n';
    }
    for (const QString& s : r.skipped)
        ctx.out << QCoreApplication::translate("tp::cli", "Skipped: %1").arg(s) << '\n';
    if (!p.isSet(u"apply"_s)) {
        ctx.out << QCoreApplication::translate(
                       "tp::cli", "%n items recognised; nothing added. Run again with --apply to add them.",
                       nullptr, n)
                << '\n';
        // Still check the trip is the user's, so a typo is reported now.
        TripRepository(ctx.database(), user.id).get(trip);
        return 0;
    }
    PlanRepository(ctx.database(), user.id).edit(trip, [&](plan::Plan& pl) {
        plan::applyImport(pl, r.items);
    });
    ctx.out << QCoreApplication::translate("tp::cli", "Added %n items to the plan.", nullptr, n) << '\n';
    return 0;
}

int cmdPlanExport(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli",
        "plan export --trip ID --ics FILE | --pdf FILE: the plan as an iCalendar file (RFC 5545,\n"
        "each leg, stay and scheduled activity an event in its place's time zone) or as the\n"
        "printable itinerary (A4, a page per day with the day's map), or both at once. '-' writes\n"
        "to standard output. The PDF needs no display."));
    addTripOptions(p);
    p.addOption(
        {u"ics"_s,
         QCoreApplication::translate("tp::cli", "Write an iCalendar (.ics) file here ('-' for stdout)."),
         u"file"_s});
    p.addOption({u"pdf"_s,
                 QCoreApplication::translate("tp::cli",
                                             "Write the printable itinerary (.pdf) here ('-' for stdout)."),
                 u"file"_s});
    parseOrThrow(p, args, 0, 0);
    const Id trip = tripId(p);
    const bool ics = p.isSet(u"ics"_s);
    const bool pdf = p.isSet(u"pdf"_s);
    if (!ics && !pdf)
        throw UsageError{
            QCoreApplication::translate("tp::cli", "plan export needs --ics FILE or --pdf FILE")};
    if (ics && pdf && p.value(u"ics"_s) == u"-" && p.value(u"pdf"_s) == u"-")
        throw UsageError{QCoreApplication::translate(
            "tp::cli", "only one of --ics and --pdf can write to standard output")};
    const User user = ctx.user(p.value(u"user"_s));
    const Trip t = TripRepository(ctx.database(), user.id).get(trip);
    const PlanDocument doc = PlanRepository(ctx.database(), user.id).load(trip);

    // Both are made before either is written: a plan that cannot be printed
    // leaves no calendar file behind either.
    plan::IcsExport calendar;
    if (ics)
        calendar = plan::writeIcs(doc.plan, t.title, u"trip-%1.tripplanner"_s.arg(trip));
    QByteArray pages;
    int pageCount = 0;
    if (pdf) {
        // main() starts a QGuiApplication when it sees --pdf; fonts need one.
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            throw UsageError{QCoreApplication::translate("tp::cli", "write the PDF option as --pdf FILE")};
        QBuffer buffer(&pages);
        buffer.open(QIODevice::WriteOnly);
        ui::PlanContext context;
        context.trip = t;
        const ui::PlanPdfResult r = ui::writePlanPdf(buffer, doc.plan, context);
        if (!r.ok)
            throw Error::validation(u"pdf"_s, r.error);
        pageCount = r.pages;
    }
    // With a file on standard output, what was written is said on stderr.
    const bool toStdout = p.value(u"ics"_s) == u"-" || p.value(u"pdf"_s) == u"-";
    QTextStream& said = toStdout ? ctx.err : ctx.out;
    if (ics) {
        const QString path = p.value(u"ics"_s);
        writeOut(ctx, u"ics"_s, path, calendar.data);
        if (path != u"-")
            said << QCoreApplication::translate("tp::cli", "Wrote %n events to %1", nullptr, calendar.events)
                        .arg(path)
                 << '\n';
        for (const QString& s : calendar.skipped)
            ctx.err << QCoreApplication::translate("tp::cli", "Not exported: %1").arg(s) << '\n';
    }
    if (pdf) {
        const QString path = p.value(u"pdf"_s);
        writeOut(ctx, u"pdf"_s, path, pages);
        if (path != u"-")
            said << QCoreApplication::translate("tp::cli", "Wrote %n pages to %1", nullptr, pageCount)
                        .arg(path)
                 << '\n';
    }
    return 0;
}

int cmdPlanStage(CliContext& ctx, const QStringList& args) {
    const QString direction = args.value(0);
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "plan stage next|back --trip ID: complete the current planning stage (the trip's status\n"
                   "follows: accommodation → hotels_selected, ... final review → booked when everything is\n"
                   "booked), or go back one stage (the status goes back too)."));
    addTripOptions(p);
    if (direction != u"next" && direction != u"back") {
        if (direction == u"--help" || direction == u"-h")
            throw HelpRequested{helpTextOf(p)};
        throw UsageError{QCoreApplication::translate("tp::cli", "plan stage needs next or back")};
    }
    parseOrThrow(p, args.mid(1), 0, 0);
    const Id trip = tripId(p);
    const User user = ctx.user(p.value(u"user"_s));
    PlanningRepository planning(ctx.database(), user.id);
    TripRepository(ctx.database(), user.id).get(trip);
    auto session = planning.active(trip);
    if (!session) {
        if (direction == u"back")
            throw Error(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "tp::cli", "This trip has no planning session in progress to go back in."));
        session = planning.start(trip);
    }
    const PlanningSession s =
        direction == u"next" ? planning.advance(session->id) : planning.back(session->id);
    const Trip t = TripRepository(ctx.database(), user.id).get(trip);
    ctx.out
        << QCoreApplication::translate("tp::cli", "Stage: %1; trip status: %2").arg(s.currentStage, t.status)
        << '\n';
    return 0;
}

} // namespace tp::cli::plancli
