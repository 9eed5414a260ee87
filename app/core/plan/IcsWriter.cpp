// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcsWriter.h"

#include "Coverage.h"
#include "IcsText.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

QString localStamp(const QDateTime& dt) {
    return dt.toString(u"yyyyMMdd'T'HHmmss"_s);
}
QString localStamp(const QDate& d, const QTime& t) {
    return d.toString(u"yyyyMMdd"_s) + u'T' + t.toString(u"HHmmss"_s);
}
QString dateStamp(const QDate& d) {
    return d.toString(u"yyyyMMdd"_s);
}
QString offsetText(int seconds) {
    const QChar sign = seconds < 0 ? u'-' : u'+';
    const int s = std::abs(seconds);
    QString t = sign + u"%1%2"_s.arg(s / 3600, 2, 10, QChar(u'0')).arg(s / 60 % 60, 2, 10, QChar(u'0'));
    if (s % 60)
        t += u"%1"_s.arg(s % 60, 2, 10, QChar(u'0'));
    return t;
}

class Writer {
public:
    void line(const QString& l) { m_out += ics::foldLine(l); }
    void text(const QString& name, const QString& value) {
        if (!value.isEmpty())
            line(name + u':' + ics::escapeText(value));
    }
    QByteArray data() const { return m_out; }

private:
    QByteArray m_out;
};

// One VTIMEZONE: the observance in force at `from` and every transition up to `to`.
void writeTimeZone(Writer& w, const QString& id, const QDateTime& from, const QDateTime& to) {
    const QTimeZone tz(id.toUtf8());
    w.line(u"BEGIN:VTIMEZONE"_s);
    w.line(u"TZID:"_s + id);
    QList<QTimeZone::OffsetData> observances;
    const QTimeZone::OffsetData before = tz.previousTransition(from);
    if (before.atUtc.isValid())
        observances << before;
    // Start from a standard-time observance: readers (python-icalendar among
    // them) need one to tell how much of a daylight offset is daylight saving.
    for (int guard = 0; guard < 4 && !observances.isEmpty() && observances.first().daylightTimeOffset != 0;
         ++guard) {
        const QTimeZone::OffsetData earlier = tz.previousTransition(observances.first().atUtc);
        if (!earlier.atUtc.isValid())
            break;
        observances.prepend(earlier);
    }
    observances += tz.transitions(from, to);
    if (observances.isEmpty()) {
        // A zone without transitions: one standard observance.
        QTimeZone::OffsetData d = tz.offsetData(from);
        d.atUtc = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        observances << d;
    }
    for (const QTimeZone::OffsetData& o : observances) {
        const bool daylight = o.daylightTimeOffset != 0;
        const int offsetTo = o.offsetFromUtc;
        const int offsetFrom = observances.first().atUtc == o.atUtc && !before.atUtc.isValid()
                                   ? offsetTo
                                   : tz.offsetFromUtc(o.atUtc.addSecs(-1));
        const QString kind = daylight ? u"DAYLIGHT"_s : u"STANDARD"_s;
        w.line(u"BEGIN:"_s + kind);
        // DTSTART of an observance is the local time just before the change (RFC 5545 3.6.5).
        w.line(u"DTSTART:"_s + localStamp(o.atUtc.toUTC().addSecs(offsetFrom).toUTC()));
        w.line(u"TZOFFSETFROM:"_s + offsetText(offsetFrom));
        w.line(u"TZOFFSETTO:"_s + offsetText(offsetTo));
        if (!o.abbreviation.isEmpty())
            w.text(u"TZNAME"_s, o.abbreviation);
        w.line(u"END:"_s + kind);
    }
    w.line(u"END:VTIMEZONE"_s);
}

QString dateTimeProperty(const QString& name, const QDate& d, const QTime& t, const QString& zone) {
    if (zone.isEmpty())
        return name + u':' + localStamp(d, t); // floating: the wall clock wherever you are
    return name + u";TZID="_s + zone + u':' + localStamp(d, t);
}

void placeProperties(Writer& w, const Place& p) {
    w.text(u"LOCATION"_s, nameWithCode(p));
    if (p.hasCoordinates())
        w.line(u"GEO:"_s + p.latitude->toString() + u';' + p.longitude->toString());
}

QString describe(const QString& bookingRef, const QString& notes, const QString& extra = {}) {
    QStringList parts;
    if (!extra.isEmpty())
        parts << extra;
    if (!bookingRef.isEmpty())
        parts << u"Booking reference: "_s + bookingRef;
    if (!notes.isEmpty())
        parts << notes;
    return parts.join(u'\n');
}

} // namespace

IcsExport writeIcs(const Plan& plan, const QString& calendarName, const QString& uidDomain,
                   const QDateTime& stamp) {
    IcsExport result;
    Writer events;
    QSet<QString> zones;
    QDate first, last;
    auto seen = [&](const QDate& d) {
        if (!d.isValid())
            return;
        if (!first.isValid() || d < first)
            first = d;
        if (!last.isValid() || d > last)
            last = d;
    };
    auto begin = [&](const QString& kind, const QString& id, const QString& summary, const QString& status) {
        events.line(u"BEGIN:VEVENT"_s);
        events.line(u"UID:"_s + ics::escapeText(id) + u'@' + uidDomain);
        events.line(u"DTSTAMP:"_s + stamp.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
        events.text(u"SUMMARY"_s, summary);
        events.line(u"STATUS:"_s +
                    (status == QStringView(item_status::Booked) ? u"CONFIRMED"_s : u"TENTATIVE"_s));
        events.line(u"X-TRIPPLANNER-KIND:"_s + kind);
        ++result.events;
    };

    for (const Stay& s : plan.stays) {
        if (!s.checkIn.isValid() || !s.checkOut.isValid()) {
            result.skipped
                << QCoreApplication::translate("tp::Plan", "The stay “%1” has no dates.").arg(s.name);
            continue;
        }
        seen(s.checkIn);
        seen(s.checkOut);
        begin(u"stay"_s, s.id, s.name, s.status);
        events.line(u"DTSTART;VALUE=DATE:"_s + dateStamp(s.checkIn));
        events.line(u"DTEND;VALUE=DATE:"_s + dateStamp(s.checkOut));
        events.line(u"TRANSP:TRANSPARENT"_s);
        events.line(u"CATEGORIES:Accommodation"_s);
        placeProperties(events, s.place);
        events.text(u"DESCRIPTION"_s, describe(s.bookingRef, s.notes));
        events.text(u"URL"_s, s.link);
        events.line(u"END:VEVENT"_s);
    }
    for (const Leg& l : plan.legs) {
        const QString summary =
            l.from.place.name + u" → "_s + l.to.place.name +
            ((l.carrier.isEmpty() && l.number.isEmpty())
                 ? QString()
                 : u" ("_s + QStringList{l.carrier, l.number}.join(u' ').trimmed() + u')');
        if (!l.from.date.isValid()) {
            result.skipped << QCoreApplication::translate("tp::Plan", "The leg “%1” has no departure date.")
                                  .arg(summary);
            continue;
        }
        seen(l.from.date);
        seen(l.to.date);
        begin(u"leg"_s, l.id, summary, l.status);
        if (l.from.hasTime()) {
            events.line(dateTimeProperty(u"DTSTART"_s, l.from.date, l.from.time, l.from.place.zone));
            if (!l.from.place.zone.isEmpty())
                zones.insert(l.from.place.zone);
            if (l.to.hasTime()) {
                events.line(dateTimeProperty(u"DTEND"_s, l.to.date, l.to.time, l.to.place.zone));
                if (!l.to.place.zone.isEmpty())
                    zones.insert(l.to.place.zone);
            }
        } else {
            // Known only by date: an all-day event over its days.
            const QDate end = l.to.date.isValid() && l.to.date >= l.from.date ? l.to.date : l.from.date;
            events.line(u"DTSTART;VALUE=DATE:"_s + dateStamp(l.from.date));
            events.line(u"DTEND;VALUE=DATE:"_s + dateStamp(end.addDays(1)));
        }
        events.line(u"CATEGORIES:Transport"_s);
        events.line(u"X-TRIPPLANNER-MODE:"_s + l.mode);
        placeProperties(events, l.from.place);
        if (!l.to.place.code.isEmpty())
            events.line(u"X-TRIPPLANNER-TO:"_s + ics::escapeText(l.to.place.code));
        events.text(u"DESCRIPTION"_s, describe(l.bookingRef, l.notes, u"To: "_s + l.to.place.name));
        events.line(u"END:VEVENT"_s);
    }
    for (const Activity& a : plan.activities) {
        if (!a.isScheduled())
            continue; // an idea has no place on a calendar
        seen(a.date);
        begin(u"activity"_s, a.id, a.title, a.status);
        if (a.start.isValid()) {
            QString zone = a.place.zone;
            if (zone.isEmpty())
                if (const Stay* s = stayForNight(plan, a.date))
                    zone = s->place.zone;
            if (!zone.isEmpty())
                zones.insert(zone);
            events.line(dateTimeProperty(u"DTSTART"_s, a.date, a.start, zone));
            if (a.end.isValid())
                events.line(dateTimeProperty(u"DTEND"_s, a.date, a.end, zone));
        } else {
            events.line(u"DTSTART;VALUE=DATE:"_s + dateStamp(a.date));
            events.line(u"DTEND;VALUE=DATE:"_s + dateStamp(a.date.addDays(1)));
        }
        if (!a.category.isEmpty())
            events.line(u"CATEGORIES:"_s + ics::escapeText(a.category));
        placeProperties(events, a.place);
        events.text(u"DESCRIPTION"_s, describe(a.bookingRef, a.notes));
        events.line(u"END:VEVENT"_s);
    }

    Writer w;
    w.line(u"BEGIN:VCALENDAR"_s);
    w.line(u"VERSION:2.0"_s);
    w.line(u"PRODID:-//Trip Planner//Plan export//EN"_s);
    w.line(u"CALSCALE:GREGORIAN"_s);
    w.line(u"METHOD:PUBLISH"_s);
    w.text(u"X-WR-CALNAME"_s, calendarName);
    if (first.isValid()) {
        const QDateTime from(first.addDays(-1), QTime(0, 0), Qt::UTC);
        const QDateTime to(last.addDays(2), QTime(0, 0), Qt::UTC);
        QStringList sorted(zones.begin(), zones.end());
        sorted.sort();
        for (const QString& z : sorted)
            writeTimeZone(w, z, from, to);
    }
    result.data = w.data() + events.data();
    result.data += ics::foldLine(u"END:VCALENDAR"_s);
    return result;
}

} // namespace tp::plan
