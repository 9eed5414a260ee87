// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stages.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

QString translatedChoiceLabel(const char* label) {
    return QCoreApplication::translate("Stages", label);
}

QString storedValue(TripStatus status) {
    return QString::fromUtf16(trip_status::all[std::size_t(status)].value);
}

QString storedValue(PlanningStage stage) {
    return QString::fromUtf16(planning_stage::all[std::size_t(stage)].value);
}

std::optional<TripStatus> tripStatusFrom(QStringView stored) {
    for (std::size_t i = 0; i < std::size(trip_status::all); ++i)
        if (stored == QStringView(trip_status::all[i].value))
            return TripStatus(i);
    return std::nullopt;
}

std::optional<PlanningStage> planningStageFrom(QStringView stored) {
    for (std::size_t i = 0; i < std::size(planning_stage::all); ++i)
        if (stored == QStringView(planning_stage::all[i].value))
            return PlanningStage(i);
    return std::nullopt;
}

bool isStatus(QStringView stored, TripStatus status) {
    return stored == QStringView(trip_status::all[std::size_t(status)].value);
}

bool isStage(QStringView stored, PlanningStage stage) {
    return stored == QStringView(planning_stage::all[std::size_t(stage)].value);
}

PlanningStage nextStage(PlanningStage stage) {
    return stage == PlanningStage::Completed ? stage : PlanningStage(int(stage) + 1);
}

PlanningStage previousStage(PlanningStage stage) {
    return stage == PlanningStage::Destination ? stage : PlanningStage(int(stage) - 1);
}

} // namespace tp
