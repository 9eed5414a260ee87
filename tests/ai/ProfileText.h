// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A travel profile as one line of text ("tags=food; days=5; in=europe"), so a
// test row can say the whole profile it expects: anything not listed must be
// unknown. Shared by tst_answer_understanding and tst_offline_planner.
#include "conversation/TravelProfile.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace tp::test {

using namespace Qt::StringLiterals;

inline QString sorted(const QSet<QString>& s) {
    QStringList l = s.values();
    l.sort();
    return l.join(u',');
}

// Every field, in a fixed order; unknown fields are left out.
inline QString canonical(const conversation::TravelProfile& p) {
    QStringList out;
    if (!p.tags.isEmpty())
        out << u"tags="_s + sorted(p.tags);
    if (!p.avoid.isEmpty())
        out << u"avoid="_s + sorted(p.avoid);
    if (!p.style.isEmpty())
        out << u"style="_s + p.style;
    if (p.budgetTotalUsd)
        out << u"total=%1"_s.arg(qRound(*p.budgetTotalUsd));
    if (p.budgetPerDayUsd)
        out << u"daily=%1"_s.arg(qRound(*p.budgetPerDayUsd));
    if (p.budgetPerPerson)
        out << u"each"_s;
    if (p.days)
        out << u"days=%1"_s.arg(*p.days);
    if (p.travellers)
        out << u"people=%1"_s.arg(*p.travellers);
    if (p.family)
        out << u"family"_s;
    if (!p.months.isEmpty()) {
        QList<int> ms = p.months.values();
        std::sort(ms.begin(), ms.end());
        QStringList n;
        for (int m : ms)
            n << QString::number(m);
        out << u"months="_s + n.join(u',');
    }
    if (!p.origin.isEmpty())
        out << u"from="_s + p.origin;
    if (p.maxTravelKm)
        out << u"km=%1"_s.arg(qRound(*p.maxTravelKm));
    if (!p.regions.isEmpty())
        out << u"in="_s + sorted(p.regions);
    return out.join(u"; "_s);
}

} // namespace tp::test
