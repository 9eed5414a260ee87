// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcsImport.h"

#include "Airports.h"
#include "IcsReader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {

using ics::Component;
using ics::TimeValue;

Decimal coordinate(double v) {
    return *Decimal::parse(QString::number(v, 'f', 4), decimal_shape::CoordinatePrecision,
                           decimal_shape::CoordinateScale);
}

Place airportPlace(const Airport& a) {
    Place p;
    p.name = a.city.isEmpty() ? a.name : a.city + u" (" + a.iata + u')';
    p.code = a.iata;
    p.latitude = coordinate(a.latitude);
    p.longitude = coordinate(a.longitude);
    p.zone = a.zone;
    return p;
}

Place placeFromEvent(const Component& e) {
    Place p;
    p.name = e.text(u"LOCATION"_s).section(u'\n', 0, 0).trimmed();
    if (const ics::Property* geo = e.property(u"GEO"_s)) {
        const QStringList parts = geo->value.split(u';');
        if (parts.size() == 2) {
            bool okLat = false, okLon = false;
            const double lat = parts[0].toDouble(&okLat), lon = parts[1].toDouble(&okLon);
            if (okLat && okLon && std::abs(lat) <= 90 && std::abs(lon) <= 180) {
                p.latitude = coordinate(lat);
                p.longitude = coordinate(lon);
            }
        }
    }
    return p;
}

// Three-letter codes in the text that the airport list knows, in order.
QList<Airport> airportsIn(const QString& text) {
    static const QRegularExpression code(u"\\b([A-Z]{3})\\b"_s);
    QList<Airport> out;
    auto it = code.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (auto a = findAirport(m.captured(1)); a && (out.isEmpty() || out.last().iata != a->iata))
            out << *a;
    }
    return out;
}

// A time placed in `zone`: the event's wall clock when it is already there,
// else the instant converted (a UTC time of a flight becomes the airport's local time).
void setEnd(LegEnd& end, const TimeValue& t, QStringList& notes, bool departure) {
    if (!t.isValid())
        return;
    if (t.isDate) {
        end.date = t.date;
        return;
    }
    if (!end.place.zone.isEmpty() && t.utc.isValid()) {
        const QDateTime local = t.utc.toTimeZone(QTimeZone(end.place.zone.toUtf8()));
        end.date = local.date();
        end.time = local.time();
        return;
    }
    end.date = t.date;
    end.time = t.time;
    if (end.place.zone.isEmpty()) {
        end.place.zone = t.zone == u"UTC" ? QString() : t.zone;
        if (t.zone == u"UTC" || t.zone.isEmpty())
            notes << (departure ? QCoreApplication::translate(
                                      "tp::PlanImport",
                                      "the departure time has no local time zone; set the place's zone")
                                : QCoreApplication::translate(
                                      "tp::PlanImport",
                                      "the arrival time has no local time zone; set the place's zone"));
    }
}

QString bookingRefFrom(const QString& description) {
    static const QRegularExpression re(
        u"(?:booking|confirmation|reservation)\\s*(?:reference|ref\\.?|number|no\\.?|code)?\\s*[:#]?\\s*([A-Z0-9-]{5,})"_s,
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(description);
    return m.hasMatch() ? m.captured(1) : QString();
}

bool mentionsStay(const QString& text) {
    static const QRegularExpression re(
        u"\\b(hotel|hostel|stay|accommodation|lodging|check-?in|apartment|b&b|guesthouse|resort|airbnb)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

std::optional<ImportedItem> asLeg(const Component& e, const Component& cal, const TimeValue& start,
                                  const TimeValue& end, const QString& kindHint) {
    const QString summary = e.text(u"SUMMARY"_s);
    const QString all = summary + u'\n' + e.text(u"LOCATION"_s) + u'\n' + e.text(u"DESCRIPTION"_s) + u'\n' +
                        e.text(u"X-TRIPPLANNER-TO"_s);
    static const QRegularExpression flightNo(u"\\b([A-Z][A-Z0-9]|[A-Z0-9][A-Z])\\s?(\\d{1,4})\\b"_s);
    static const QRegularExpression word(u"\\b(flight|flug|vol|vuelo|volo|train|bus|ferry|coach)\\b"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    const QList<Airport> airports =
        airportsIn(summary + u'\n' + e.text(u"LOCATION"_s) + u'\n' + e.text(u"X-TRIPPLANNER-TO"_s) + u'\n' +
                   e.text(u"DESCRIPTION"_s));
    const auto number = flightNo.match(summary);
    const auto modeWord = word.match(all);
    static const QRegularExpression arrow(u"(.+?)\\s*(?:→|->|–| to )\\s*(.+)"_s);
    const auto route = arrow.match(summary);
    const bool isLeg =
        kindHint == u"leg" || (airports.size() >= 2) ||
        (modeWord.hasMatch() && (airports.size() >= 1 || number.hasMatch() || route.hasMatch()));
    if (!isLeg)
        return std::nullopt;
    ImportedItem item;
    item.kind = ImportedItem::Kind::Leg;
    item.summary = summary;
    Leg& l = item.leg;
    const QString mode = modeWord.hasMatch() ? modeWord.captured(1).toLower() : QString();
    l.mode = e.text(u"X-TRIPPLANNER-MODE"_s);
    if (l.mode.isEmpty())
        l.mode = mode == u"train"                       ? u"train"_s
                 : (mode == u"bus" || mode == u"coach") ? u"bus"_s
                 : mode == u"ferry"                     ? u"ferry"_s
                                                        : u"flight"_s;
    if (airports.size() >= 2) {
        l.from.place = airportPlace(airports[0]);
        l.to.place = airportPlace(airports[1]);
        item.reason = QCoreApplication::translate("tp::PlanImport", "airports %1 → %2")
                          .arg(airports[0].iata, airports[1].iata);
    } else {
        l.from.place = placeFromEvent(e);
        const auto& m = route;
        if (m.hasMatch()) {
            if (l.from.place.name.isEmpty())
                l.from.place.name = m.captured(1).trimmed();
            l.to.place.name = m.captured(2).trimmed();
        }
        if (airports.size() == 1)
            l.from.place = airportPlace(airports[0]);
        if (l.from.place.name.isEmpty())
            l.from.place.name = summary;
        if (l.to.place.name.isEmpty()) {
            l.to.place.name = QCoreApplication::translate("tp::PlanImport", "(destination not recognised)");
            item.notes << QCoreApplication::translate("tp::PlanImport",
                                                      "the arrival place was not recognised; edit it");
        }
        item.reason =
            kindHint == u"leg"
                ? QCoreApplication::translate("tp::PlanImport", "exported by Trip Planner")
                : QCoreApplication::translate("tp::PlanImport", "the word “%1”").arg(modeWord.captured(1));
    }
    if (number.hasMatch()) {
        l.carrier = number.captured(1);
        l.number = number.captured(2);
        item.reason = QCoreApplication::translate("tp::PlanImport", "%1, number %2 %3")
                          .arg(item.reason, l.carrier, l.number);
    }
    if (!start.note.isEmpty())
        item.notes << start.note;
    if (!end.note.isEmpty() && end.note != start.note)
        item.notes << end.note;
    setEnd(l.from, start, item.notes, true);
    setEnd(l.to, end, item.notes, false);
    l.bookingRef = bookingRefFrom(e.text(u"DESCRIPTION"_s));
    Q_UNUSED(cal);
    return item;
}

} // namespace

QString importedKindName(ImportedItem::Kind kind) {
    switch (kind) {
    case ImportedItem::Kind::Stay:
        return u"stay"_s;
    case ImportedItem::Kind::Leg:
        return u"leg"_s;
    case ImportedItem::Kind::Activity:
        return u"activity"_s;
    }
    return {};
}

IcsImportResult importIcs(const QByteArray& data) {
    const Component cal = ics::parse(data);
    IcsImportResult result;
    for (const Component& e : cal.children) {
        if (e.name != u"VEVENT")
            continue;
        const QString summary = e.text(u"SUMMARY"_s);
        const ics::Property* dtstart = e.property(u"DTSTART"_s);
        if (!dtstart) {
            result.skipped
                << QCoreApplication::translate("tp::PlanImport", "“%1” has no start (DTSTART).").arg(summary);
            continue;
        }
        const TimeValue start = ics::timeValue(*dtstart, cal);
        if (!start.isValid()) {
            result.skipped << QCoreApplication::translate("tp::PlanImport",
                                                          "“%1” has a start that cannot be read (%2).")
                                  .arg(summary, dtstart->value.left(40));
            continue;
        }
        TimeValue end;
        if (const ics::Property* dtend = e.property(u"DTEND"_s))
            end = ics::timeValue(*dtend, cal);
        const QString hint = e.text(u"X-TRIPPLANNER-KIND"_s);
        const QString status =
            e.text(u"STATUS"_s).toUpper() == u"CONFIRMED" || bookingRefFrom(e.text(u"DESCRIPTION"_s)).size()
                ? QString::fromUtf16(item_status::Booked)
                : QString::fromUtf16(item_status::Idea);
        if (hint != u"stay" && hint != u"activity") {
            if (auto leg = asLeg(e, cal, start, end, hint)) {
                leg->leg.status = status;
                result.items << *leg;
                continue;
            }
        }
        // A stay: ours, a hotel's wording, or an all-day event over several days.
        const QString words = summary + u' ' + e.text(u"LOCATION"_s) + u' ' + e.text(u"CATEGORIES"_s) + u' ' +
                              e.text(u"DESCRIPTION"_s);
        const bool multiDay = end.isValid() && end.date > start.date.addDays(start.isDate ? 1 : 0);
        if (hint == u"stay" || (hint.isEmpty() && multiDay && (mentionsStay(words) || start.isDate))) {
            ImportedItem item;
            item.kind = ImportedItem::Kind::Stay;
            item.summary = summary;
            Stay& s = item.stay;
            s.name = summary.isEmpty() ? e.text(u"LOCATION"_s) : summary;
            s.place = placeFromEvent(e);
            s.place.zone = start.zone == u"UTC" ? QString() : start.zone;
            s.checkIn = start.utc.isValid() && !s.place.zone.isEmpty()
                            ? start.utc.toTimeZone(QTimeZone(s.place.zone.toUtf8())).date()
                            : start.date;
            s.checkOut = end.date;
            s.bookingRef = bookingRefFrom(e.text(u"DESCRIPTION"_s));
            s.link = e.text(u"URL"_s);
            s.status = status;
            item.reason =
                hint == u"stay" ? QCoreApplication::translate("tp::PlanImport", "exported by Trip Planner")
                : start.isDate  ? QCoreApplication::translate("tp::PlanImport", "%1 nights, all-day")
                                     .arg(s.checkIn.daysTo(s.checkOut))
                               : QCoreApplication::translate("tp::PlanImport", "%1 nights, hotel wording")
                                     .arg(s.checkIn.daysTo(s.checkOut));
            if (!start.note.isEmpty())
                item.notes << start.note;
            result.items << item;
            continue;
        }
        ImportedItem item;
        item.kind = ImportedItem::Kind::Activity;
        item.summary = summary;
        Activity& a = item.activity;
        a.title =
            summary.isEmpty() ? QCoreApplication::translate("tp::PlanImport", "(untitled event)") : summary;
        a.place = placeFromEvent(e);
        a.category = e.text(u"CATEGORIES"_s).section(u',', 0, 0);
        a.date = start.date;
        a.status = status;
        a.bookingRef = bookingRefFrom(e.text(u"DESCRIPTION"_s));
        if (!start.isDate) {
            a.place.zone = start.zone == u"UTC" ? QString() : start.zone;
            if (start.zone == u"UTC")
                item.notes << QCoreApplication::translate(
                    "tp::PlanImport", "the time was given in UTC and is shown in UTC; set the place's zone");
            a.start = start.time;
            if (end.isValid() && !end.isDate && end.date == start.date && end.time > start.time)
                a.end = end.time;
            else if (end.isValid() && !end.isDate && end.date != start.date)
                item.notes << QCoreApplication::translate("tp::PlanImport",
                                                          "it ends on another day; only the start was kept");
        }
        if (!start.note.isEmpty())
            item.notes << start.note;
        item.reason = hint == u"activity"
                          ? QCoreApplication::translate("tp::PlanImport", "exported by Trip Planner")
                      : start.isDate ? QCoreApplication::translate("tp::PlanImport", "an all-day event")
                                     : QCoreApplication::translate("tp::PlanImport", "a timed event");
        result.items << item;
    }
    return result;
}

void applyImport(Plan& plan, const QList<ImportedItem>& items) {
    for (ImportedItem item : items) {
        switch (item.kind) {
        case ImportedItem::Kind::Stay:
            item.stay.id = newItemId(u"stay"_s);
            plan.stays << item.stay;
            break;
        case ImportedItem::Kind::Leg:
            item.leg.id = newItemId(u"leg"_s);
            plan.legs << item.leg;
            break;
        case ImportedItem::Kind::Activity:
            item.activity.id = newItemId(u"act"_s);
            plan.activities << item.activity;
            break;
        }
    }
}

} // namespace tp::plan
