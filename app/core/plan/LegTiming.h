// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

#include <QDateTime>

// Wall-clock times in IANA zones made into instants, so that a leg's duration
// is right across zones, daylight-saving changes at either end and the date
// line (a leg may land on the calendar day before it left).
namespace tp::plan {

struct Instant {
    QDateTime utc;   // invalid when it cannot be placed
    QString problem; // why not, as a sentence fragment naming the cause
};

// `date` `time` as read on a clock in `zone`. A time the clocks skip (the spring
// change) is a problem; a time they show twice (the autumn change) is the first.
Instant toInstant(const QDate& date, const QTime& time, const QString& zone);
Instant departure(const Leg& leg);
Instant arrival(const Leg& leg);
// Seconds from departure to arrival; nullopt when either end cannot be placed.
std::optional<qint64> durationSeconds(const Leg& leg);
// "2 h 05 min"
QString formatDuration(qint64 seconds);

} // namespace tp::plan
