// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's work on a 30-day trip with 500 items: reading and writing its JSON,
// the itinerary, coverage, the budget, an edit saved through PlanRepository
// (SQLite, and PostgreSQL when TP_BENCH_PG_URL is set), iCalendar export and
// import, and the printable itinerary (PDF, a page per day with its map, as
// `tripplanner-cli plan export --pdf` writes it). Prints the median of several
// runs of each; no assertions.
#include "PlanFixtures.h"
#include "PlanGenerator.h"
#include "TestBackends.h"
#include "db/Migrator.h"
#include "draw/PlanPdf.h"
#include "plan/Budget.h"
#include "plan/Coverage.h"
#include "plan/IcsImport.h"
#include "plan/IcsWriter.h"
#include "plan/Itinerary.h"
#include "plan/PlanCodec.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

namespace {

const QDate first(2026, 6, 1);

template <class F> double medianMs(int runs, F&& f) {
    QList<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        t << timer.nsecsElapsed() / 1e6;
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

void line(const char* what, double ms) {
    std::printf("  %-52s %8.2f ms\n", what, ms);
}

void database(const char* name, const QString& url, const plan::Plan& p) {
    auto db = std::make_unique<Database>(url.contains(u"://"_s) ? DatabaseUrl::parse(url)
                                                                : DatabaseUrl::sqliteFile(url));
    Migrator(*db).migrate();
    const User u = UserRepository(*db).create(u"bench-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    Trip t;
    t.title = u"Thirty days"_s;
    const Trip trip = TripRepository(*db, u.id).create(t);
    PlanRepository repo(*db, u.id);
    repo.save(repo.load(trip.id), p);
    int n = 0;
    std::printf("%s\n", name);
    line("load the plan (1 transaction)", medianMs(21, [&] { repo.load(trip.id); }));
    line("edit one item: load, change, validate, save", medianMs(21, [&] {
             repo.edit(trip.id, [&](plan::Plan& x) { x.activities[0].title = u"Edited %1"_s.arg(++n); });
         }));
}

} // namespace

int main(int argc, char** argv) {
    // The PDF lays out text, so a QGuiApplication; no window is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const plan::Plan p = plangen::thirtyDays(first); // 500 items
    const QJsonObject data = plan::writePlan({}, p);
    const QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact);
    Trip trip;
    trip.startDate = first;
    trip.endDate = first.addDays(29);
    trip.travelersCount = 2;
    trip.budget = dec("9000.00");
    Destination d;
    d.averageCostPerDay = dec("60.00");
    std::printf("A 30-day plan with %lld items (%lld bytes of JSON), median of 21 runs:\n",
                qlonglong(p.stays.size() + p.legs.size() + p.activities.size() + p.budget.other.size()),
                qlonglong(json.size()));
    line("parse session_data JSON and read the plan",
         medianMs(21, [&] { plan::readPlan(QJsonDocument::fromJson(json).object()); }));
    line("write the plan into session_data", medianMs(21, [&] { plan::writePlan(data, p); }));
    line("day-by-day itinerary with its flags",
         medianMs(21, [&] { plan::buildItinerary(p, trip.startDate, trip.endDate); }));
    line("nights without a stay and overlaps",
         medianMs(21, [&] { plan::coverage(p, trip.startDate, trip.endDate); }));
    line("budget by category, converted, exact", medianMs(21, [&] { plan::computeBudget(p, trip, d); }));
    plan::IcsExport ics;
    line("iCalendar export", medianMs(21, [&] { ics = plan::writeIcs(p, u"Bench"_s, u"bench"_s); }));
    line("iCalendar import of that export", medianMs(21, [&] { plan::importIcs(ics.data); }));
    std::printf("  (%d events, %lld bytes)\n", ics.events, qlonglong(ics.data.size()));
    ui::PlanContext pdfContext;
    pdfContext.trip = trip;
    pdfContext.trip.title = u"Thirty days"_s;
    QByteArray pdf;
    ui::PlanPdfResult printed;
    line("printable itinerary (PDF, median of 5)", medianMs(5, [&] {
             pdf.clear();
             QBuffer out(&pdf);
             out.open(QIODevice::WriteOnly);
             printed = ui::writePlanPdf(out, p, pdfContext);
         }));
    std::printf("  (%d pages, %lld bytes%s)\n", printed.pages, qlonglong(pdf.size()),
                printed.ok ? "" : ", FAILED");

    QTemporaryDir dir;
    database("SQLite (a temporary file):", dir.filePath(u"bench.sqlite3"_s), p);
    const QByteArray pg = qgetenv("TP_BENCH_PG_URL");
    if (!pg.isEmpty())
        database("PostgreSQL (TP_BENCH_PG_URL):", QString::fromUtf8(pg), p);
    return 0;
}
