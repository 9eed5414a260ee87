// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

// A small RFC 5545 reader: content lines unfolded and split into components,
// properties and parameters, and DATE / DATE-TIME values resolved to dates or
// instants with their time zone (IANA, Windows names, or the file's VTIMEZONE).
namespace tp::plan::ics {

struct Property {
    QString name;                  // upper case
    QMap<QString, QString> params; // names upper case
    QString value;                 // raw (still escaped for TEXT)

    QString text() const; // TEXT value unescaped
};

struct Component {
    QString name; // VCALENDAR, VEVENT, VTIMEZONE, STANDARD, ...
    QList<Property> properties;
    QList<Component> children;

    const Property* property(const QString& name) const;
    QString text(const QString& name) const; // unescaped TEXT, empty when absent
};

// Throws tp::Error(Validation) when the data is not an iCalendar object.
Component parse(const QByteArray& data);

// A DTSTART/DTEND value as read.
struct TimeValue {
    bool isDate = false; // VALUE=DATE: an all-day value
    QDate date;          // the date (all-day) or the local date
    QTime time;          // local time (invalid for a date)
    QString zone;        // an IANA id or a UTC offset id ("UTC+01:00"); empty = floating
    QDateTime utc;       // the instant, when it can be placed
    QString note;        // how an unknown TZID was resolved, for the import report
    bool isValid() const { return date.isValid(); }
};

// Resolves `p` (a DATE or DATE-TIME property) using the calendar's VTIMEZONEs.
TimeValue timeValue(const Property& p, const Component& calendar);

} // namespace tp::plan::ics
