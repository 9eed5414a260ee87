// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stages.h"

using namespace Qt::StringLiterals;

namespace tp {

QString nextPlanningStage(const QString& stage) {
    const int i = choiceIndex(planning_stage::all, stage);
    const int last = int(std::size(planning_stage::all)) - 1;
    if (i < 0 || i >= last)
        return QString::fromUtf16(planning_stage::all[last].value);
    return QString::fromUtf16(planning_stage::all[i + 1].value);
}

QString previousPlanningStage(const QString& stage) {
    const int i = choiceIndex(planning_stage::all, stage);
    if (i <= 0)
        return QString::fromUtf16(planning_stage::all[0].value);
    return QString::fromUtf16(planning_stage::all[i - 1].value);
}

} // namespace tp
