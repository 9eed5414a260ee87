// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli plan, as a user runs it, against SQLite, PostgreSQL and PgBouncer:
// add, show (text and JSON), budget settings, errors that name the field, export
// to .ics read back by python3-icalendar and to PDF with no display, import with and without --apply,
// remove, the stages moving the trip's status, and `export --user` with the plan.
#include "TestBackends.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using test::runCli;

namespace {
// The page count as poppler's pdfinfo (an independent reader) sees it; -1 when it fails.
int pdfinfoPages(const QString& path) {
    const test::ProcessResult r = test::run(u"pdfinfo"_s, {path});
    static const QRegularExpression pages(u"^Pages:\\s+(\\d+)"_s, QRegularExpression::MultilineOption);
    const auto m = pages.match(r.out);
    return r.exitCode == 0 && m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

class TestCliPlan : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    QStringList env(const test::TempDatabase& db) const {
        return {u"DATABASE_URL="_s + db.url().toString(), u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s};
    }
    static test::ProcessResult ok(const test::ProcessResult& r) {
        if (r.exitCode != 0)
            qWarning("exit %d: %s", r.exitCode, qPrintable(r.err));
        return r;
    }
    static void expectError(const test::ProcessResult& r, int code, const QString& needle) {
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains(needle), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }
    static QString addedId(const test::ProcessResult& r) {
        // "Added stay stay-0123456789ab: ..."
        return r.out.section(u' ', 2, 2).chopped(1);
    }

private Q_SLOTS:
    void endToEnd_data() { test::addBackendRows(); }
    void endToEnd() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const QStringList e = env(db);
        const QString user = u"traveller"_s;
        auto cli = [&](QStringList args) {
            args << u"--user"_s << user;
            return runCli(args, {}, e);
        };
        QCOMPARE(ok(runCli({u"users"_s, u"add"_s, user}, {}, e)).exitCode, 0);
        const auto trip =
            ok(cli({u"trips"_s, u"add"_s, u"--title"_s, u"Sicily"_s, u"--start"_s, u"2026-06-01"_s,
                    u"--end"_s, u"2026-06-05"_s, u"--budget"_s, u"1000.00"_s, u"--json"_s}));
        QCOMPARE(trip.exitCode, 0);
        const QString id = QString::number(QJsonDocument::fromJson(trip.out.toUtf8())[u"id"_s].toInteger());
        const QStringList t{u"--trip"_s, id};

        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"budget"_s} + t +
                        QStringList{u"--home-currency"_s, u"eur"_s, u"--rate"_s, u"GBP=1.17@2026-05-20"_s}))
                     .exitCode,
                 0);
        const auto leg =
            ok(cli(QStringList{u"plan"_s, u"add"_s, u"leg"_s} + t +
                   QStringList{u"--from"_s, u"LHR"_s, u"--to"_s, u"PMO"_s, u"--depart"_s,
                               u"2026-06-01 07:05"_s, u"--arrive"_s, u"2026-06-01 11:10"_s, u"--carrier"_s,
                               u"BA"_s, u"--number"_s, u"2606"_s, u"--cost"_s, u"189.99"_s, u"--currency"_s,
                               u"GBP"_s, u"--status"_s, u"booked"_s}));
        QCOMPARE(leg.exitCode, 0);
        QVERIFY(addedId(leg).startsWith(u"leg-"_s));
        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"add"_s, u"stay"_s} + t +
                        QStringList{u"--name"_s, u"Hotel Centrale"_s, u"--check-in"_s, u"2026-06-01"_s,
                                    u"--check-out"_s, u"2026-06-04"_s, u"--price"_s, u"120.00"_s,
                                    u"--per-night"_s, u"--place"_s, u"Palermo"_s, u"--lat"_s, u"38.1157"_s,
                                    u"--lon"_s, u"13.3615"_s, u"--zone"_s, u"Europe/Rome"_s}))
                     .exitCode,
                 0);
        const auto museum =
            ok(cli(QStringList{u"plan"_s, u"add"_s, u"activity"_s} + t +
                   QStringList{u"--title"_s, u"Cappella Palatina"_s, u"--date"_s, u"2026-06-02"_s,
                               u"--start"_s, u"09:30"_s, u"--end"_s, u"11:00"_s, u"--cost"_s, u"15.00"_s}));
        QCOMPARE(museum.exitCode, 0);
        const auto idea = ok(cli(QStringList{u"plan"_s, u"add"_s, u"activity"_s} + t +
                                 QStringList{u"--title"_s, u"Monreale"_s}));
        QCOMPARE(idea.exitCode, 0);

        // Errors name the field and change nothing.
        expectError(cli(QStringList{u"plan"_s, u"add"_s, u"stay"_s} + t +
                        QStringList{u"--name"_s, u"Bad"_s, u"--check-in"_s, u"2026-06-04"_s, u"--check-out"_s,
                                    u"2026-06-02"_s}),
                    1, u"check_out must be after the check-in date"_s);
        expectError(cli(QStringList{u"plan"_s, u"add"_s, u"activity"_s} + t +
                        QStringList{u"--title"_s, u"X"_s, u"--cost"_s, u"5"_s, u"--currency"_s, u"EURO"_s}),
                    1, u"cost.currency"_s);
        expectError(cli(QStringList{u"plan"_s, u"add"_s, u"leg"_s} + t +
                        QStringList{u"--from"_s, u"Berlin"_s, u"--to"_s, u"Paris"_s, u"--depart"_s,
                                    u"2026-03-29 02:30"_s, u"--from-zone"_s, u"Europe/Berlin"_s}),
                    1, u"from.time"_s);
        expectError(cli({u"plan"_s, u"show"_s}), 2, u"--trip"_s);
        QCOMPARE(ok(runCli({u"users"_s, u"add"_s, u"someone-else"_s}, {}, e)).exitCode, 0);
        expectError(runCli({u"plan"_s, u"show"_s, u"--trip"_s, id, u"--user"_s, u"someone-else"_s}, {}, e), 1,
                    u"no trip with id"_s);

        const auto shown = ok(cli(QStringList{u"plan"_s, u"show"_s, u"--json"_s} + t));
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject j = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        const QJsonObject p = j[u"plan"_s].toObject();
        QCOMPARE(p[u"stays"_s].toArray().size(), 1);
        QCOMPARE(p[u"legs"_s].toArray().size(), 1);
        QCOMPARE(p[u"activities"_s].toArray().size(), 2);
        const QJsonObject from = p[u"legs"_s][0][u"from"_s].toObject();
        QCOMPARE(from[u"code"_s].toString(), u"LHR"_s);
        QCOMPARE(from[u"zone"_s].toString(), u"Europe/London"_s);
        // 07:05 BST (06:05Z) to 11:10 CEST (09:10Z).
        QCOMPARE(j[u"legs"_s][0][u"duration_minutes"_s].toInt(), 185);
        QCOMPARE(j[u"legs"_s][0][u"departure_utc"_s].toString(), u"2026-06-01T06:05:00Z"_s);
        QCOMPARE(j[u"nights_without_stay"_s].toArray(), QJsonArray{u"2026-06-04"_s});
        QCOMPARE(j[u"itinerary"_s].toArray().size(), 5);
        QCOMPARE(j[u"itinerary"_s][3][u"problems"_s][0][u"kind"_s].toString(), u"empty"_s);
        // 3 × 120.00 + 189.99 × 1.17 + 15.00 = 360 + 222.2883 + 15 = 597.2883
        const QJsonObject budget = j[u"budget"_s].toObject();
        QCOMPARE(budget[u"home_currency"_s].toString(), u"EUR"_s);
        QCOMPARE(budget[u"totals"_s][u"transport"_s].toString(), u"222.29"_s);
        QCOMPARE(budget[u"total"_s].toString(), u"597.29"_s);
        QCOMPARE(budget[u"remaining"_s].toString(), u"402.71"_s);
        QCOMPARE(budget[u"over_budget"_s].toBool(), false);
        QCOMPARE(j[u"stage"_s].toString(), u"destination"_s);
        // The final review: the night of 06-04, the stay and the museum not booked? (the museum has no
        // reference).
        QStringList review;
        for (const QJsonValue& r : j[u"review"_s].toArray())
            review << r[u"kind"_s].toString() + u':' + r[u"message"_s].toString();
        QVERIFY2(review.contains(u"night_without_stay:No stay for the night of 2026-06-04"_s),
                 qPrintable(review.join(u'|')));
        QVERIFY2(review.contains(u"unbooked:“Hotel Centrale” is not booked"_s),
                 qPrintable(review.join(u'|')));
        QCOMPARE(review.size(), 2);

        const auto text = ok(cli(QStringList{u"plan"_s, u"show"_s} + t));
        QVERIFY2(text.out.contains(u"Nights without a stay: 2026-06-04"_s), qPrintable(text.out));
        QVERIFY(text.out.contains(u"3 h 05 min"_s));
        QVERIFY(text.out.contains(u"Nothing planned on this day"_s));

        // Export, read back independently.
        QTemporaryDir dir;
        const QString icsPath = dir.filePath(u"sicily.ics"_s);
        const auto exported = ok(cli(QStringList{u"plan"_s, u"export"_s, u"--ics"_s, icsPath} + t));
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains(u"Wrote 3 events to "_s));
        const auto dumped =
            test::run(u"/usr/bin/python3"_s, {QStringLiteral(TP_PLAN_TEST_DIR) + u"/ics_dump.py"_s, icsPath});
        QCOMPARE(dumped.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(dumped.out.toUtf8())[u"events"_s].toArray().size(), 3);

        // The printable itinerary from a terminal with no display at all: a page per day (five),
        // read back by poppler's pdfinfo, and written nowhere when the plan has no days.
        const QString pdfPath = dir.filePath(u"sicily.pdf"_s);
        // No display, and a profile that names the desktop's platform: the CLI draws offscreen anyway.
        const QStringList headless{u"DISPLAY="_s, u"WAYLAND_DISPLAY="_s, u"QT_QPA_PLATFORM=xcb"_s};
        const auto printed =
            ok(runCli(QStringList{u"plan"_s, u"export"_s, u"--pdf"_s, pdfPath, u"--user"_s, user} + t, {},
                      e + headless));
        QCOMPARE(printed.exitCode, 0);
        QVERIFY2(printed.out.contains(u"Wrote 5 pages to "_s), qPrintable(printed.out));
        QCOMPARE(pdfinfoPages(pdfPath), 5);
        const auto bothToStdout =
            cli(QStringList{u"plan"_s, u"export"_s, u"--pdf"_s, u"-"_s, u"--ics"_s, u"-"_s} + t);
        expectError(bothToStdout, 2, u"only one of --ics and --pdf"_s);
        const auto piped = ok(cli(QStringList{u"plan"_s, u"export"_s, u"--pdf=-"_s} + t));
        QCOMPARE(piped.exitCode, 0);
        QVERIFY(piped.out.startsWith(u"%PDF-"_s));
        // A file and standard output at once: stdout holds the PDF alone, what was written is on stderr.
        const auto mixed = ok(cli(
            QStringList{u"plan"_s, u"export"_s, u"--ics"_s, dir.filePath(u"both.ics"_s), u"--pdf"_s, u"-"_s} +
            t));
        QCOMPARE(mixed.exitCode, 0);
        QVERIFY(mixed.out.startsWith(u"%PDF-"_s));
        QVERIFY(mixed.out.trimmed().endsWith(u"%%EOF"_s));
        QVERIFY2(mixed.err.contains(u"Wrote 3 events to "_s), qPrintable(mixed.err));
        // One dash, which the option parser takes as well.
        const QString dashed = dir.filePath(u"dash.pdf"_s);
        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"export"_s, u"-pdf"_s, dashed} + t)).exitCode, 0);
        QCOMPARE(pdfinfoPages(dashed), 5);
        const auto undated = ok(cli({u"trips"_s, u"add"_s, u"--title"_s, u"Someday"_s, u"--json"_s}));
        const qint64 undatedId = QJsonDocument::fromJson(undated.out.toUtf8())[u"id"_s].toInteger();
        QVERIFY(undatedId > 0);
        const QString nothing = dir.filePath(u"nothing.pdf"_s);
        expectError(
            cli({u"plan"_s, u"export"_s, u"--trip"_s, QString::number(undatedId), u"--pdf"_s, nothing}), 1,
            u"no days to print"_s);
        QVERIFY(!QFile::exists(nothing));

        // Import: shown first, added only with --apply.
        const QString booking = dir.filePath(u"ferry.ics"_s);
        {
            QFile f(booking);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ferries//"
                    "EN\r\nBEGIN:VEVENT\r\nUID:f1@ferry.test\r\n"
                    "DTSTAMP:20260301T100000Z\r\nDTSTART;TZID=Europe/Rome:20260604T090000\r\n"
                    "DTEND;TZID=Europe/Rome:20260604T110000\r\nSUMMARY:Ferry Trapani → Favignana\r\n"
                    "LOCATION:Trapani\r\nDESCRIPTION:Booking reference: "
                    "FV12345\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        }
        const auto dry = ok(cli(QStringList{u"plan"_s, u"import"_s, booking} + t));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(u"leg: ferry Trapani 2026-06-04 09:00 (Europe/Rome) → Favignana"_s),
                 qPrintable(dry.out));
        QVERIFY(dry.out.contains(u"nothing added"_s));
        auto legCount = [&] {
            const auto s = cli(QStringList{u"plan"_s, u"show"_s, u"--json"_s} + t);
            return QJsonDocument::fromJson(s.out.toUtf8())[u"plan"_s][u"legs"_s].toArray().size();
        };
        QCOMPARE(legCount(), 1);
        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"import"_s, booking, u"--apply"_s} + t)).exitCode, 0);
        QCOMPARE(legCount(), 2);

        // Places from a GeoJSON file become ideas.
        const QString places = QStringLiteral(TP_PLAN_TEST_DIR) + u"/data/places.geojson"_s;
        const auto placesDry = ok(cli(QStringList{u"plan"_s, u"import"_s, places} + t));
        QVERIFY2(placesDry.out.contains(u"1. idea: Colosseum (41.890200, 12.492200)"_s),
                 qPrintable(placesDry.out));
        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"import"_s, places, u"--apply"_s} + t)).exitCode, 0);
        const auto afterPlaces = cli(QStringList{u"plan"_s, u"show"_s, u"--json"_s} + t);
        QCOMPARE(
            QJsonDocument::fromJson(afterPlaces.out.toUtf8())[u"plan"_s][u"activities"_s].toArray().size(),
            4);

        // Remove.
        QCOMPARE(ok(cli(QStringList{u"plan"_s, u"remove"_s, addedId(idea)} + t)).exitCode, 0);
        expectError(cli(QStringList{u"plan"_s, u"remove"_s, addedId(idea)} + t), 1, u"no item"_s);

        // Stages and the trip's status.
        auto stage = [&](const QString& dir) {
            return ok(cli(QStringList{u"plan"_s, u"stage"_s, dir} + t)).out;
        };
        QVERIFY(stage(u"next"_s).contains(u"Stage: accommodation; trip status: destinations_selected"_s));
        QVERIFY(stage(u"next"_s).contains(u"Stage: flights; trip status: hotels_selected"_s));
        QVERIFY(stage(u"back"_s).contains(u"Stage: accommodation; trip status: destinations_selected"_s));

        // The user's export carries the plan.
        const auto all = ok(runCli({u"export"_s, u"--user"_s, user}, {}, e));
        QCOMPARE(all.exitCode, 0);
        QJsonObject tripJson;
        for (const QJsonValue& v : QJsonDocument::fromJson(all.out.toUtf8())[u"trips"_s].toArray())
            if (v[u"title"_s].toString() == u"Sicily")
                tripJson = v.toObject();
        QCOMPARE(tripJson[u"plan"_s][u"legs"_s].toArray().size(), 2);
        QCOMPARE(tripJson[u"plan"_s][u"budget"_s][u"home_currency"_s].toString(), u"EUR"_s);
    }

    // plan suggest: the built-in planner's proposals for each stage, printed
    // (text and JSON) without writing, then the chosen ones accepted in one
    // write; a bad --accept changes nothing.
    void suggestAndAccept_data() { test::addBackendRows(); }
    void suggestAndAccept() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const QStringList e = env(db);
        const QString user = u"suggester"_s;
        auto cli = [&](QStringList args) {
            args << u"--user"_s << user;
            return runCli(args, {}, e);
        };
        QCOMPARE(ok(runCli({u"users"_s, u"add"_s, user}, {}, e)).exitCode, 0);
        const auto dest = ok(runCli({u"destinations"_s, u"add"_s, u"--name"_s, u"Lisbon"_s, u"--country"_s,
                                     u"Portugal"_s, u"--daily-cost"_s, u"85.50"_s, u"--lat"_s, u"38.72"_s,
                                     u"--lon"_s, u"-9.13"_s, u"--json"_s},
                                    {}, e));
        QCOMPARE(dest.exitCode, 0);
        const QString destId =
            QString::number(QJsonDocument::fromJson(dest.out.toUtf8())[u"id"_s].toInteger());
        const auto trip = ok(
            cli({u"trips"_s, u"add"_s, u"--title"_s, u"Lisbon"_s, u"--start"_s, u"2027-09-01"_s, u"--end"_s,
                 u"2027-09-07"_s, u"--travelers"_s, u"2"_s, u"--destination"_s, destId, u"--json"_s}));
        QCOMPARE(trip.exitCode, 0);
        const QString id = QString::number(QJsonDocument::fromJson(trip.out.toUtf8())[u"id"_s].toInteger());
        const QStringList t{u"--trip"_s, id};
        auto planJson = [&] {
            return QJsonDocument::fromJson(
                       ok(cli(QStringList{u"plan"_s, u"show"_s, u"--json"_s} + t)).out.toUtf8())
                .object();
        };
        auto suggest = [&](const QString& stage, const QStringList& more = {}) {
            return cli(QStringList{u"plan"_s, u"suggest"_s, u"--stage"_s, stage} + t + more);
        };

        // Printing writes nothing.
        const auto stays = ok(suggest(u"accommodation"_s));
        QCOMPARE(stays.exitCode, 0);
        QVERIFY2(
            stays.out.contains(u"1. Stay near the centre of Lisbon: 2027-09-01 to 2027-09-07 (6 nights)"_s),
            qPrintable(stays.out));
        QVERIFY(stays.out.contains(u"--accept all"_s));
        QVERIFY(planJson()[u"plan"_s][u"stays"_s].toArray().isEmpty());

        // Activities as JSON, numbered; accept two of them.
        const auto ideas = ok(suggest(u"activities"_s, {u"--json"_s}));
        const QJsonObject set = QJsonDocument::fromJson(ideas.out.toUtf8()).object();
        QCOMPARE(set[u"stage"_s].toString(), u"activities"_s);
        QCOMPARE(set[u"source"_s].toString(), u"offline"_s);
        const QJsonArray proposals = set[u"proposals"_s].toArray();
        QVERIFY(proposals.size() >= 4);
        QCOMPARE(proposals[0][u"number"_s].toInt(), 1);
        QCOMPARE(proposals[0][u"kind"_s].toString(), u"activity"_s);
        QVERIFY(proposals[0][u"acceptable"_s].toBool());
        const auto accepted = ok(suggest(u"activities"_s, {u"--accept"_s, u"2,1"_s}));
        QCOMPARE(accepted.exitCode, 0);
        QVERIFY2(accepted.out.startsWith(u"Accepted 2 proposals into the plan of trip "_s),
                 qPrintable(accepted.out));
        QJsonArray activities = planJson()[u"plan"_s][u"activities"_s].toArray();
        QCOMPARE(activities.size(), 2);
        QCOMPARE(activities[0][u"title"_s].toString(), proposals[1][u"item"_s][u"title"_s].toString());

        // A bad choice changes nothing.
        expectError(suggest(u"accommodation"_s, {u"--accept"_s, u"1,9"_s}), 1, u"accept"_s);
        expectError(suggest(u"flights"_s), 1, u"stage"_s);
        expectError(cli(QStringList{u"plan"_s, u"suggest"_s} + t), 2, u"--stage"_s);
        QVERIFY(planJson()[u"plan"_s][u"stays"_s].toArray().isEmpty());

        // Stays, the draft and the budget, all accepted: every day has its plan,
        // and the trip's budget is 85.50 × 2 travellers × 7 days.
        QCOMPARE(ok(suggest(u"accommodation"_s, {u"--accept"_s, u"all"_s})).exitCode, 0);
        QCOMPARE(ok(suggest(u"itinerary"_s, {u"--accept"_s, u"all"_s})).exitCode, 0);
        const auto budget = ok(suggest(u"budget"_s));
        QVERIFY2(budget.out.contains(u"Home currency: USD"_s), qPrintable(budget.out));
        QVERIFY(budget.out.contains(u"Trip budget: 1197.00 USD"_s));
        QCOMPARE(ok(suggest(u"budget"_s, {u"--accept"_s, u"all"_s})).exitCode, 0);
        const QJsonObject shown = planJson();
        QCOMPARE(shown[u"plan"_s][u"stays"_s].toArray().size(), 1);
        for (const QJsonValue& day : shown[u"days"_s].toArray())
            QVERIFY2(!day[u"entries"_s].toArray().isEmpty(), qPrintable(day[u"date"_s].toString()));
        QCOMPARE(shown[u"plan"_s][u"budget"_s][u"home_currency"_s].toString(), u"USD"_s);
        const auto tripShown = ok(cli({u"trips"_s, u"show"_s, id, u"--json"_s}));
        QCOMPARE(QJsonDocument::fromJson(tripShown.out.toUtf8())[u"budget"_s].toString(), u"1197.00"_s);
        // Nothing more to propose for the budget or the days.
        QVERIFY(ok(suggest(u"budget"_s)).out.contains(u"No proposals."_s));
        QVERIFY(ok(suggest(u"itinerary"_s))
                    .out.contains(u"Every day of the trip already has something planned."_s));
    }
};

QTEST_GUILESS_MAIN(TestCliPlan)
#include "tst_cli_plan.moc"
