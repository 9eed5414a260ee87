// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

#include <QByteArray>
#include <QDateTime>

// The plan as an iCalendar file (RFC 5545): every stay (all-day, check-in to
// check-out), every leg (departure in its zone to arrival in its zone) and
// every scheduled activity is one VEVENT; each time zone used gets a VTIMEZONE
// with its real transitions over the trip, so any reader places the times right.
namespace tp::plan {

struct IcsExport {
    QByteArray data;
    int events = 0;
    QStringList skipped; // items that could not become an event, in sentences
};

// `uidDomain` makes the UIDs unique across trips ("trip-12.tripplanner").
// `stamp` is DTSTAMP (UTC), a parameter so tests get a fixed file.
IcsExport writeIcs(const Plan& plan, const QString& calendarName, const QString& uidDomain,
                   const QDateTime& stamp = QDateTime::currentDateTimeUtc());

} // namespace tp::plan
