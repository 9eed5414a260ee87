// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcsReader.h"

#include "IcsText.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp::plan::ics {

QString Property::text() const {
    return unescapeText(value);
}

const Property* Component::property(const QString& n) const {
    for (const Property& p : properties)
        if (p.name == n)
            return &p;
    return nullptr;
}

QString Component::text(const QString& n) const {
    const Property* p = property(n);
    return p ? p->text() : QString();
}

namespace {

// name *(";" param) ":" value, with quoted parameter values that may hold ; : ,
Property parseLine(const QString& line) {
    Property p;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n && line[i] != u';' && line[i] != u':')
        ++i;
    p.name = line.left(i).toUpper();
    while (i < n && line[i] == u';') {
        const qsizetype nameStart = ++i;
        while (i < n && line[i] != u'=' && line[i] != u':' && line[i] != u';')
            ++i;
        const QString paramName = line.mid(nameStart, i - nameStart).toUpper();
        QString value;
        if (i < n && line[i] == u'=') {
            ++i;
            if (i < n && line[i] == u'"') {
                const qsizetype close = line.indexOf(u'"', i + 1);
                value = line.mid(i + 1, (close < 0 ? n : close) - i - 1);
                i = close < 0 ? n : close + 1;
            }
            const qsizetype start = i;
            while (i < n && line[i] != u';' && line[i] != u':')
                ++i;
            value += line.mid(start, i - start);
        }
        p.params.insert(paramName, value);
    }
    if (i < n && line[i] == u':')
        p.value = line.mid(i + 1);
    return p;
}

// The observances of a VTIMEZONE as onsets: the latest onset at or before a
// local time gives its offset. DTSTART with an optional yearly RRULE
// (BYMONTH + BYDAY such as -1SU or 2SU), which is what calendar programs write.
struct Observance {
    QDateTime localStart; // as a UTC-spec value holding the local wall time
    int offsetTo = 0;
    int month = 0;   // RRULE BYMONTH, 0 = no rule
    int weekday = 0; // 1 = Monday .. 7 = Sunday
    int nth = 0;     // 1..5 or -1 (last)
};

int parseOffset(const QString& t) {
    static const QRegularExpression re(u"^([+-])(\\d\\d)(\\d\\d)(\\d\\d)?$"_s);
    const auto m = re.match(t.trimmed());
    if (!m.hasMatch())
        return 0;
    const int s = m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60 + m.captured(4).toInt();
    return m.captured(1) == u"-" ? -s : s;
}

QDate nthWeekday(int year, int month, int weekday, int nth) {
    if (nth > 0) {
        QDate d(year, month, 1);
        while (d.dayOfWeek() != weekday)
            d = d.addDays(1);
        return d.addDays(7 * (nth - 1));
    }
    QDate d(year, month, QDate(year, month, 1).daysInMonth());
    while (d.dayOfWeek() != weekday)
        d = d.addDays(-1);
    return d.addDays(7 * (nth + 1));
}

std::optional<int> offsetFromVTimezone(const Component& tz, const QDate& date, const QTime& time) {
    static const QStringList days{u"MO"_s, u"TU"_s, u"WE"_s, u"TH"_s, u"FR"_s, u"SA"_s, u"SU"_s};
    const QDateTime local(date, time, Qt::UTC);
    std::optional<QDateTime> best;
    int bestOffset = 0;
    for (const Component& o : tz.children) {
        if (o.name != u"STANDARD" && o.name != u"DAYLIGHT")
            continue;
        const Property* start = o.property(u"DTSTART"_s);
        if (!start)
            continue;
        const QDateTime s = QDateTime::fromString(start->value.left(15), u"yyyyMMdd'T'HHmmss"_s);
        if (!s.isValid())
            continue;
        const QDateTime first(s.date(), s.time(), Qt::UTC);
        const int offset = parseOffset(o.text(u"TZOFFSETTO"_s));
        QList<QDateTime> onsets{first};
        if (const Property* rule = o.property(u"RRULE"_s)) {
            QMap<QString, QString> parts;
            for (const QString& kv : rule->value.split(u';'))
                parts.insert(kv.section(u'=', 0, 0).toUpper(), kv.section(u'=', 1));
            static const QRegularExpression byDay(u"^([+-]?\\d)?(MO|TU|WE|TH|FR|SA|SU)$"_s);
            const auto m = byDay.match(parts.value(u"BYDAY"_s));
            const int month = parts.value(u"BYMONTH"_s).toInt();
            if (parts.value(u"FREQ"_s) == u"YEARLY" && m.hasMatch() && month >= 1 && month <= 12) {
                const int nth = m.captured(1).isEmpty() ? 1 : m.captured(1).toInt();
                const int weekday = int(days.indexOf(m.captured(2))) + 1;
                for (int y : {date.year() - 1, date.year()})
                    if (y >= first.date().year())
                        onsets << QDateTime(nthWeekday(y, month, weekday, nth), first.time(), Qt::UTC);
            }
        }
        for (const QDateTime& on : onsets) {
            if (on <= local && (!best || on > *best)) {
                best = on;
                bestOffset = offset;
            }
        }
    }
    if (!best)
        return std::nullopt;
    return bestOffset;
}

const Component* findTimeZone(const Component& calendar, const QString& tzid) {
    for (const Component& c : calendar.children)
        if (c.name == u"VTIMEZONE" && c.text(u"TZID"_s) == tzid)
            return &c;
    return nullptr;
}

} // namespace

Component parse(const QByteArray& data) {
    const QStringList lines = unfold(data).split(u'\n');
    QList<Component> stack;
    std::optional<Component> root;
    for (const QString& raw : lines) {
        if (raw.trimmed().isEmpty())
            continue;
        const Property p = parseLine(raw);
        if (p.name == u"BEGIN") {
            stack.append(Component{p.value.trimmed().toUpper(), {}, {}});
        } else if (p.name == u"END") {
            if (stack.isEmpty() || stack.last().name != p.value.trimmed().toUpper())
                throw Error::validation(
                    u"file"_s, QCoreApplication::translate(
                                   "tp::PlanImport", "is not a valid iCalendar file (END:%1 does not match)")
                                   .arg(p.value.trimmed().left(20)));
            Component done = stack.takeLast();
            if (stack.isEmpty())
                root = done;
            else
                stack.last().children << done;
        } else if (!stack.isEmpty()) {
            stack.last().properties << p;
        }
    }
    if (!root || root->name != u"VCALENDAR")
        throw Error::validation(
            u"file"_s,
            QCoreApplication::translate("tp::PlanImport",
                                        "is not an iCalendar file (no BEGIN:VCALENDAR … END:VCALENDAR)"));
    return *root;
}

TimeValue timeValue(const Property& p, const Component& calendar) {
    TimeValue v;
    const QString value = p.value.trimmed();
    if (p.params.value(u"VALUE"_s).toUpper() == u"DATE" || (value.size() == 8 && !value.contains(u'T'))) {
        v.isDate = true;
        v.date = QDate::fromString(value.left(8), u"yyyyMMdd"_s);
        return v;
    }
    const QDateTime wall = QDateTime::fromString(value.left(15), u"yyyyMMdd'T'HHmmss"_s);
    if (!wall.isValid())
        return v;
    v.date = wall.date();
    v.time = wall.time();
    if (value.endsWith(u'Z')) {
        v.utc = QDateTime(v.date, v.time, Qt::UTC);
        v.zone = u"UTC"_s;
        return v;
    }
    const QString tzid = p.params.value(u"TZID"_s);
    if (tzid.isEmpty())
        return v; // floating
    // Some writers prefix a global id with '/' (RFC 5545 3.2.19).
    const QString id = tzid.startsWith(u'/') ? tzid.mid(1) : tzid;
    QString iana;
    if (QTimeZone::isTimeZoneIdAvailable(id.toUtf8())) {
        iana = id;
    } else if (const QByteArray w = QTimeZone::windowsIdToDefaultIanaId(id.toUtf8()); !w.isEmpty()) {
        iana = QString::fromUtf8(w);
        v.note = QCoreApplication::translate("tp::PlanImport", "time zone “%1” read as %2").arg(tzid, iana);
    } else if (const Component* tz = findTimeZone(calendar, tzid)) {
        const QString location = tz->text(u"X-LIC-LOCATION"_s);
        if (!location.isEmpty() && QTimeZone::isTimeZoneIdAvailable(location.toUtf8())) {
            iana = location;
            v.note =
                QCoreApplication::translate("tp::PlanImport", "time zone “%1” read as %2").arg(tzid, iana);
        } else if (const auto offset = offsetFromVTimezone(*tz, v.date, v.time)) {
            v.zone = QString::fromUtf8(QTimeZone(*offset).id()); // "UTC+02"
            v.utc = QDateTime(v.date, v.time, Qt::UTC).addSecs(-*offset);
            v.note = QCoreApplication::translate(
                         "tp::PlanImport",
                         "time zone “%1” is not a known zone; its offset %2 from the file was used")
                         .arg(tzid, v.zone);
            return v;
        }
    }
    if (iana.isEmpty()) {
        v.note = QCoreApplication::translate(
                     "tp::PlanImport",
                     "time zone “%1” is unknown and the file does not define it; the time has no zone")
                     .arg(tzid);
        return v;
    }
    v.zone = iana;
    v.utc = QDateTime(v.date, v.time, QTimeZone(iana.toUtf8())).toUTC();
    return v;
}

} // namespace tp::plan::ics
