// SPDX-License-Identifier: GPL-3.0-or-later
#include "Coverage.h"

namespace tp::plan {

namespace {
bool covers(const Stay& s, const QDate& night) {
    return s.checkIn.isValid() && s.checkOut.isValid() && s.checkIn <= night && night < s.checkOut;
}
} // namespace

const Stay* stayForNight(const Plan& plan, const QDate& night) {
    for (const Stay& s : plan.stays)
        if (covers(s, night))
            return &s;
    return nullptr;
}

Coverage coverage(const Plan& plan, const QDate& tripFirst, const QDate& tripLast) {
    Coverage out;
    QDate first = tripFirst, last = tripLast;
    if (!first.isValid() || !last.isValid()) {
        for (const Stay& s : plan.stays) {
            if (!s.checkIn.isValid() || !s.checkOut.isValid())
                continue;
            if (!first.isValid() || s.checkIn < first)
                first = s.checkIn;
            if (!last.isValid() || s.checkOut > last)
                last = s.checkOut;
        }
    }
    if (first.isValid() && last.isValid())
        for (QDate night = first; night < last; night = night.addDays(1))
            if (!stayForNight(plan, night))
                out.nightsWithoutStay << night;
    for (qsizetype i = 0; i < plan.stays.size(); ++i) {
        for (qsizetype j = i + 1; j < plan.stays.size(); ++j) {
            const Stay& a = plan.stays[i];
            const Stay& b = plan.stays[j];
            if (!a.checkIn.isValid() || !a.checkOut.isValid() || !b.checkIn.isValid() ||
                !b.checkOut.isValid())
                continue;
            const QDate from = std::max(a.checkIn, b.checkIn);
            const QDate to = std::min(a.checkOut, b.checkOut);
            if (from >= to)
                continue;
            StayOverlap o{a.id, b.id, {}};
            for (QDate n = from; n < to; n = n.addDays(1))
                o.nights << n;
            out.overlaps << o;
        }
    }
    return out;
}

} // namespace tp::plan
