// SPDX-License-Identifier: GPL-3.0-or-later
#include "LegTiming.h"

#include <QCoreApplication>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace tp::plan {

Instant toInstant(const QDate& date, const QTime& time, const QString& zone) {
    if (!date.isValid() || !time.isValid())
        return {{}, QCoreApplication::translate("tp::PlanValidation", "has no date and time")};
    if (zone.isEmpty())
        return {{}, QCoreApplication::translate("tp::PlanValidation", "has no time zone")};
    const QTimeZone tz(zone.toUtf8());
    if (!tz.isValid())
        return {
            {},
            QCoreApplication::translate("tp::PlanValidation", "has an unknown time zone \"%1\"").arg(zone)};
    const QDateTime local(date, time, tz);
    // Qt moves a time inside a gap to a real one; reading it back tells.
    const QDateTime back = local.toTimeZone(tz);
    if (!local.isValid() || back.date() != date || back.time() != time)
        return {{},
                QCoreApplication::translate("tp::PlanValidation",
                                            "is %1 %2, a time that does not exist in %3 (the clocks skip it)")
                    .arg(date.toString(Qt::ISODate), time.toString(u"HH:mm"_s), zone)};
    return {local.toUTC(), {}};
}

Instant departure(const Leg& leg) {
    return toInstant(leg.from.date, leg.from.time, leg.from.place.zone);
}

Instant arrival(const Leg& leg) {
    return toInstant(leg.to.date, leg.to.time, leg.to.place.zone);
}

std::optional<qint64> durationSeconds(const Leg& leg) {
    const Instant d = departure(leg);
    const Instant a = arrival(leg);
    if (!d.utc.isValid() || !a.utc.isValid())
        return std::nullopt;
    return d.utc.secsTo(a.utc);
}

QString formatDuration(qint64 seconds) {
    const qint64 minutes = seconds / 60;
    const QString sign = minutes < 0 ? u"-"_s : QString();
    const qint64 m = std::abs(minutes);
    return sign +
           QCoreApplication::translate("tp::Plan", "%1 h %2 min").arg(m / 60).arg(m % 60, 2, 10, QChar(u'0'));
}

} // namespace tp::plan
