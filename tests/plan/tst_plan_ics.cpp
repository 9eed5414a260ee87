// SPDX-License-Identifier: GPL-3.0-or-later
// iCalendar: the plan's export read back by an independent parser (Debian's
// python3-icalendar) with every event, time and zone checked; and imports of
// files written the way airlines and hotels write them (UTC, TZID with
// VTIMEZONE, Windows zone names, all-day).
#include "PlanFixtures.h"
#include "TestBackends.h"
#include "plan/IcsImport.h"
#include "plan/IcsText.h"
#include "plan/IcsWriter.h"
#include "plan/PlanValidation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

namespace {

plan::Plan tripPlan() {
    plan::Plan p;
    plan::Stay hotel = stay(u"stay-1"_s, "2026-03-27", "2026-03-31");
    hotel.name = u"Hotel Centrale; Palermo, \"old town\" \\ annex"_s;
    hotel.place = place(u"Palermo"_s, "38.115700", "13.361500", u"Europe/Rome"_s);
    hotel.bookingRef = u"HC-99812"_s;
    hotel.notes =
        u"Late arrival agreed.\nCitofono: “Centrale” — piano 3º; chiedere di Giuseppe per le chiavi dell'ingresso laterale"_s;
    hotel.status = u"booked"_s;
    p.stays << hotel;
    plan::Leg in =
        leg(u"leg-1"_s, u"Europe/London"_s, "2026-03-27T07:05", u"Europe/Rome"_s, "2026-03-27T11:10");
    in.from.place.name = u"London (LHR)"_s;
    in.from.place.code = u"LHR"_s;
    in.to.place.name = u"Palermo (PMO)"_s;
    in.to.place.code = u"PMO"_s;
    in.carrier = u"BA"_s;
    in.number = u"2606"_s;
    in.status = u"booked"_s;
    // After the European spring change (29 March), before... New York is already on EDT.
    plan::Leg out =
        leg(u"leg-2"_s, u"Europe/Rome"_s, "2026-03-31T10:00", u"America/New_York"_s, "2026-03-31T14:30");
    out.from.place.name = u"Palermo"_s;
    out.to.place.name = u"New York"_s;
    plan::Leg pacific =
        leg(u"leg-3"_s, u"Pacific/Auckland"_s, "2026-06-11T00:30", u"Pacific/Honolulu"_s, "2026-06-10T11:00");
    pacific.from.place.name = u"Auckland"_s;
    pacific.to.place.name = u"Honolulu"_s;
    plan::Leg undated;
    undated.id = u"leg-4"_s;
    undated.from.place.name = u"Somewhere"_s;
    undated.to.place.name = u"Elsewhere"_s;
    p.legs << in << out << pacific << undated;
    plan::Activity museum = activity(u"act-1"_s, "2026-03-29", "10:00", "12:00");
    museum.title = u"Cappella Palatina"_s;
    museum.place = place(u"Palazzo dei Normanni"_s, "38.110800", "13.353300", u"Europe/Rome"_s);
    plan::Activity dinner =
        activity(u"act-2"_s, "2026-03-28", "20:00", nullptr); // zone from the night's stay
    dinner.title = u"Dinner, Antica Focacceria"_s;
    plan::Activity beach = activity(u"act-3"_s, "2026-03-30"); // all day
    beach.title = u"Mondello beach"_s;
    p.activities << museum << dinner << beach << activity(u"idea-1"_s, nullptr);
    return p;
}

QJsonObject dump(const QByteArray& ics) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"plan.ics"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(ics);
    f.close();
    const ProcessResult r =
        run(u"/usr/bin/python3"_s, {QStringLiteral(TP_PLAN_TEST_DIR) + u"/ics_dump.py"_s, path});
    if (r.exitCode != 0)
        qWarning("ics_dump.py: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QJsonObject byUid(const QJsonArray& events, const QString& uid) {
    for (const QJsonValue& v : events)
        if (v[u"uid"_s].toString() == uid)
            return v.toObject();
    return {};
}

const plan::ImportedItem* find(const plan::IcsImportResult& r, plan::ImportedItem::Kind kind, int n = 0) {
    for (const plan::ImportedItem& i : r.items)
        if (i.kind == kind && n-- == 0)
            return &i;
    return nullptr;
}

} // namespace

class TestPlanIcs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textRules() {
        QCOMPARE(plan::ics::escapeText(u"a;b,c\\d\ne"_s), u"a\\;b\\,c\\\\d\\ne"_s);
        QCOMPARE(plan::ics::unescapeText(u"a\\;b\\,c\\\\d\\ne"_s), u"a;b,c\\d\ne"_s);
        // Folded at 75 octets without splitting "é" (2 octets).
        const QString line = u"DESCRIPTION:"_s + QString(100, u'é');
        const QByteArray folded = plan::ics::foldLine(line);
        for (const QByteArray& l : folded.split('\n')) {
            QVERIFY(l.size() <= 76); // 75 octets + the CR
            QVERIFY(QString::fromUtf8(l).indexOf(QChar::ReplacementCharacter) < 0);
        }
        QCOMPARE(plan::ics::unfold(folded).trimmed(), line);
    }

    void exportReadByAnIndependentParser() {
        const plan::IcsExport ics = plan::writeIcs(tripPlan(), u"Sicily, spring"_s, u"trip-7.tripplanner"_s,
                                                   QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
        QCOMPARE(ics.events, 7); // 1 stay, 3 legs, 3 scheduled activities
        QCOMPARE(ics.skipped.size(), 1);
        QVERIFY(ics.skipped[0].contains(u"Somewhere"_s));
        const QJsonObject d = dump(ics.data);
        QVERIFY2(!d.isEmpty(), "python3-icalendar could not read the file");
        QVERIFY2(d[u"longest_line"_s].toInt() <= 75, "a line longer than 75 octets");
        QCOMPARE(d[u"bare_lf"_s].toInt(), 0);
        QCOMPARE(d[u"timezones"_s].toArray(),
                 (QJsonArray{u"America/New_York"_s, u"Europe/London"_s, u"Europe/Rome"_s,
                             u"Pacific/Auckland"_s, u"Pacific/Honolulu"_s}));
        const QJsonArray events = d[u"events"_s].toArray();
        QCOMPARE(events.size(), 7);

        const QJsonObject hotel = byUid(events, u"stay-1@trip-7.tripplanner"_s);
        QCOMPARE(hotel[u"summary"_s].toString(), tripPlan().stays[0].name); // escaping undone exactly
        QCOMPARE(hotel[u"description"_s].toString(),
                 u"Booking reference: HC-99812\n"_s + tripPlan().stays[0].notes);
        QCOMPARE(hotel[u"dtstart"_s][u"date"_s].toString(), u"2026-03-27"_s);
        QCOMPARE(hotel[u"dtend"_s][u"date"_s].toString(), u"2026-03-31"_s);
        QCOMPARE(hotel[u"status"_s].toString(), u"CONFIRMED"_s);
        QCOMPARE(hotel[u"geo"_s].toArray(), (QJsonArray{38.1157, 13.3615}));
        QCOMPARE(hotel[u"dtstamp"_s][u"utc"_s].toString(), u"2026-03-01T12:00:00Z"_s);

        struct Expect {
            QString uid, tzStart, localStart, utcStart, tzEnd, localEnd, utcEnd;
        };
        const QList<Expect> timed = {
            // GMT and CET: before the change.
            {u"leg-1"_s, u"Europe/London"_s, u"2026-03-27T07:05:00"_s, u"2026-03-27T07:05:00Z"_s,
             u"Europe/Rome"_s, u"2026-03-27T11:10:00"_s, u"2026-03-27T10:10:00Z"_s},
            // CEST and EDT.
            {u"leg-2"_s, u"Europe/Rome"_s, u"2026-03-31T10:00:00"_s, u"2026-03-31T08:00:00Z"_s,
             u"America/New_York"_s, u"2026-03-31T14:30:00"_s, u"2026-03-31T18:30:00Z"_s},
            // Lands the day before it left.
            {u"leg-3"_s, u"Pacific/Auckland"_s, u"2026-06-11T00:30:00"_s, u"2026-06-10T12:30:00Z"_s,
             u"Pacific/Honolulu"_s, u"2026-06-10T11:00:00"_s, u"2026-06-10T21:00:00Z"_s},
            // The morning of the change: 10:00 is CEST.
            {u"act-1"_s, u"Europe/Rome"_s, u"2026-03-29T10:00:00"_s, u"2026-03-29T08:00:00Z"_s,
             u"Europe/Rome"_s, u"2026-03-29T12:00:00"_s, u"2026-03-29T10:00:00Z"_s},
            // The zone of the night's stay; no end.
            {u"act-2"_s, u"Europe/Rome"_s, u"2026-03-28T20:00:00"_s, u"2026-03-28T19:00:00Z"_s, {}, {}, {}},
        };
        for (const Expect& x : timed) {
            const QJsonObject e = byUid(events, x.uid + u"@trip-7.tripplanner"_s);
            QVERIFY2(!e.isEmpty(), qPrintable(x.uid));
            const QJsonObject s = e[u"dtstart"_s].toObject();
            QCOMPARE(s[u"tzid"_s].toString(), x.tzStart);
            QCOMPARE(s[u"local"_s].toString(), x.localStart);
            QCOMPARE(s[u"utc_by_name"_s].toString(), x.utcStart);
            QCOMPARE(s[u"utc_by_vtimezone"_s].toString(), x.utcStart);
            if (x.tzEnd.isEmpty()) {
                QVERIFY(e[u"dtend"_s].isNull());
                continue;
            }
            const QJsonObject en = e[u"dtend"_s].toObject();
            QCOMPARE(en[u"tzid"_s].toString(), x.tzEnd);
            QCOMPARE(en[u"local"_s].toString(), x.localEnd);
            QCOMPARE(en[u"utc_by_name"_s].toString(), x.utcEnd);
            QCOMPARE(en[u"utc_by_vtimezone"_s].toString(), x.utcEnd);
        }
        const QJsonObject leg1 = byUid(events, u"leg-1@trip-7.tripplanner"_s);
        QCOMPARE(leg1[u"summary"_s].toString(), u"London (LHR) → Palermo (PMO) (BA 2606)"_s);
        // The airport's name already carries its code: not twice.
        QCOMPARE(leg1[u"location"_s].toString(), u"London (LHR)"_s);
        const QJsonObject beach = byUid(events, u"act-3@trip-7.tripplanner"_s);
        QCOMPARE(beach[u"dtstart"_s][u"date"_s].toString(), u"2026-03-30"_s);
        QCOMPARE(beach[u"dtend"_s][u"date"_s].toString(), u"2026-03-31"_s);
        QCOMPARE(beach[u"status"_s].toString(), u"TENTATIVE"_s);
        QVERIFY(byUid(events, u"idea-1@trip-7.tripplanner"_s).isEmpty());
    }

    void ownExportImportsBack() {
        const plan::IcsExport ics = plan::writeIcs(tripPlan(), u"x"_s, u"x"_s);
        const plan::IcsImportResult r = plan::importIcs(ics.data);
        QCOMPARE(r.items.size(), 7);
        const plan::ImportedItem* s = find(r, plan::ImportedItem::Kind::Stay);
        QVERIFY(s);
        QCOMPARE(s->stay.name, tripPlan().stays[0].name);
        QCOMPARE(s->stay.checkIn, QDate(2026, 3, 27));
        QCOMPARE(s->stay.checkOut, QDate(2026, 3, 31));
        QCOMPARE(s->stay.bookingRef, u"HC-99812"_s);
        const plan::ImportedItem* l = find(r, plan::ImportedItem::Kind::Leg, 2);
        QVERIFY(l);
        QCOMPARE(l->leg.from.date, QDate(2026, 6, 11));
        QCOMPARE(l->leg.from.time, QTime(0, 30));
        QCOMPARE(l->leg.from.place.zone, u"Pacific/Auckland"_s);
        QCOMPARE(l->leg.to.date, QDate(2026, 6, 10));
        QCOMPARE(l->leg.to.place.zone, u"Pacific/Honolulu"_s);
        const plan::ImportedItem* a = find(r, plan::ImportedItem::Kind::Activity);
        QVERIFY(a);
        QCOMPARE(a->activity.title, u"Cappella Palatina"_s);
        QCOMPARE(a->activity.start, QTime(10, 0));
        QCOMPARE(a->activity.end, QTime(12, 0));
    }

    void airlineConfirmationInUtc() {
        // As airlines send them: UTC times, airports in the summary, a booking reference in the text.
        const QByteArray ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Airways//Booking//EN\r\n"
            "BEGIN:VEVENT\r\nUID:XK7P2Q-1@example-airways.test\r\nDTSTAMP:20260301T100000Z\r\n"
            "DTSTART:20260601T060500Z\r\nDTEND:20260601T091000Z\r\n"
            "SUMMARY:Flight BA 2606 London Heathrow (LHR) to Palermo (PMO)\r\n"
            "LOCATION:London Heathrow Airport\\, Terminal 5\r\n"
            "DESCRIPTION:Booking reference: XK7P2Q\\nSeat 14A\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n";
        const plan::IcsImportResult r = plan::importIcs(ics);
        QCOMPARE(r.items.size(), 1);
        const plan::ImportedItem& i = r.items[0];
        QCOMPARE(i.kind, plan::ImportedItem::Kind::Leg);
        QCOMPARE(i.leg.mode, u"flight"_s);
        QCOMPARE(i.leg.from.place.code, u"LHR"_s);
        QCOMPARE(i.leg.to.place.code, u"PMO"_s);
        // 06:05Z is 07:05 BST in London; 09:10Z is 11:10 CEST in Palermo.
        QCOMPARE(i.leg.from.place.zone, u"Europe/London"_s);
        QCOMPARE(i.leg.from.time, QTime(7, 5));
        QCOMPARE(i.leg.to.place.zone, u"Europe/Rome"_s);
        QCOMPARE(i.leg.to.time, QTime(11, 10));
        QCOMPARE(i.leg.carrier, u"BA"_s);
        QCOMPARE(i.leg.number, u"2606"_s);
        QCOMPARE(i.leg.bookingRef, u"XK7P2Q"_s);
        QCOMPARE(i.leg.status, u"booked"_s);
        QVERIFY(i.reason.contains(u"LHR → PMO"_s));
    }

    void hotelWithVTimezoneAndWindowsZone() {
        // Outlook-style: a zone named by the program and defined by VTIMEZONE rules.
        const QByteArray ics =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hotel Booking Site//EN\r\n"
            "BEGIN:VTIMEZONE\r\nTZID:Central European Standard Time\r\n"
            "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n"
            "BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
            "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
            "BEGIN:VTIMEZONE\r\nTZID:Hotel Local Time\r\n"
            "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
            "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
            "BEGIN:VEVENT\r\nUID:res-55@hotels.test\r\nDTSTAMP:20260301T100000Z\r\n"
            "DTSTART;TZID=\"Central European Standard Time\":20260601T150000\r\n"
            "DTEND;TZID=\"Central European Standard Time\":20260604T110000\r\n"
            "SUMMARY:Hotel Centrale\\, Palermo – your stay\r\nLOCATION:Via Vittorio Emanuele 327\\, "
            "Palermo\r\n"
            "DESCRIPTION:Confirmation number: 4471-2209\\nCheck-in from "
            "15:00\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:concert@venue.test\r\nDTSTAMP:20260301T100000Z\r\n"
            "DTSTART;TZID=Hotel Local Time:20260702T210000\r\nDTEND;TZID=Hotel Local Time:20260702T230000\r\n"
            "SUMMARY:Concert at Teatro Massimo\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n";
        const plan::IcsImportResult r = plan::importIcs(ics);
        QCOMPARE(r.items.size(), 2);
        const plan::ImportedItem* s = find(r, plan::ImportedItem::Kind::Stay);
        QVERIFY(s);
        QCOMPARE(s->stay.name, u"Hotel Centrale, Palermo – your stay"_s);
        QCOMPARE(s->stay.checkIn, QDate(2026, 6, 1));
        QCOMPARE(s->stay.checkOut, QDate(2026, 6, 4));
        QCOMPARE(s->stay.place.name, u"Via Vittorio Emanuele 327, Palermo"_s);
        QCOMPARE(s->stay.bookingRef, u"4471-2209"_s);
        QCOMPARE(s->stay.status, u"booked"_s);
        // The Windows name is read as its IANA zone (CLDR: Central European = Warsaw, W. Europe = Berlin).
        QCOMPARE(s->stay.place.zone, u"Europe/Warsaw"_s);
        QVERIFY(s->notes.join(u' ').contains(u"Central European Standard Time"_s));
        // An unknown name: the file's rules give +02:00 in July.
        const plan::ImportedItem* a = find(r, plan::ImportedItem::Kind::Activity);
        QVERIFY(a);
        QCOMPARE(a->activity.date, QDate(2026, 7, 2));
        QCOMPARE(a->activity.start, QTime(21, 0));
        QCOMPARE(a->activity.end, QTime(23, 0));
        const QTimeZone fixed(a->activity.place.zone.toUtf8());
        QVERIFY2(fixed.isValid(), qPrintable(a->activity.place.zone));
        QCOMPARE(fixed.offsetFromUtc(QDateTime(QDate(2026, 7, 2), QTime(19, 0), Qt::UTC)), 7200);
        plan::Activity stored = a->activity;
        stored.id = u"a"_s;
        QVERIFY2(plan::checkActivity(stored).isEmpty(),
                 qPrintable(plan::checkActivity(stored).value(0).message));
        QVERIFY(a->notes.join(u' ').contains(u"offset"_s));
    }

    void allDayEvents() {
        const QByteArray ics = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Hand//EN\n"
                               "BEGIN:VEVENT\nUID:1@x\nDTSTAMP:20260301T100000Z\n"
                               "DTSTART;VALUE=DATE:20260604\nDTEND;VALUE=DATE:20260607\n"
                               "SUMMARY:Agriturismo Baglio\nEND:VEVENT\n"
                               "BEGIN:VEVENT\nUID:2@x\nDTSTAMP:20260301T100000Z\n"
                               "DTSTART;VALUE=DATE:20260605\nDTEND;VALUE=DATE:20260606\n"
                               "SUMMARY:Boat trip to Favignana\nEND:VEVENT\n"
                               "BEGIN:VEVENT\nUID:3@x\nSUMMARY:No start\nEND:VEVENT\n"
                               "END:VCALENDAR\n";
        const plan::IcsImportResult r = plan::importIcs(ics);
        QCOMPARE(r.items.size(), 2);
        QCOMPARE(r.skipped.size(), 1);
        const plan::ImportedItem* s = find(r, plan::ImportedItem::Kind::Stay);
        QVERIFY(s);
        QCOMPARE(s->stay.nights(), 3);
        const plan::ImportedItem* a = find(r, plan::ImportedItem::Kind::Activity);
        QVERIFY(a);
        QCOMPARE(a->activity.date, QDate(2026, 6, 5));
        QVERIFY(!a->activity.start.isValid());

        plan::Plan p;
        plan::applyImport(p, r.items);
        QCOMPARE(p.stays.size(), 1);
        QCOMPARE(p.activities.size(), 1);
        QVERIFY(p.stays[0].id.startsWith(u"stay-"_s));
    }

    void notICalendar() {
        QVERIFY_THROWS_EXCEPTION(Error, plan::importIcs("hello"));
        QVERIFY_THROWS_EXCEPTION(Error, plan::importIcs("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n"));
    }
};

QTEST_GUILESS_MAIN(TestPlanIcs)
#include "tst_plan_ics.moc"
