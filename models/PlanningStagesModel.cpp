// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanningStagesModel.h"

#include "domain/Stages.h"

#include <QCoreApplication>
#include <QFont>

namespace tp {

PlanningStagesModel::PlanningStagesModel(QObject* parent)
    : QAbstractListModel(parent) {}

void PlanningStagesModel::setSession(const std::optional<PlanningSession>& session) {
    m_session = session;
    // The seven rows stay; only what they say changes.
    Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

int PlanningStagesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(std::size(planning_stage::all));
}

PlanningStagesModel::StageState PlanningStagesModel::stateAt(int row) const {
    if (!m_session)
        return StageState::Pending;
    // Rows are in the seed's order, which is the enum's.
    const PlanningStage stage = PlanningStage(row);
    // Reaching "Planning Completed" is completing it: it is never worked on.
    if (isStage(m_session->currentStage, stage))
        return stage == PlanningStage::Completed ? StageState::Completed : StageState::Current;
    if (m_session->stagesCompleted.contains(storedValue(stage)))
        return StageState::Completed;
    return StageState::Pending;
}

QVariant PlanningStagesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Choice& stage = planning_stage::all[index.row()];
    const StageState state = stateAt(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString label = QCoreApplication::translate("Stages", stage.label);
        switch (state) {
        case StageState::Completed:
            return tr("✓ %1").arg(label);
        case StageState::Current:
            return tr("▶ %1 (current)").arg(label);
        case StageState::Pending:
            return tr("○ %1").arg(label);
        }
        return label;
    }
    case Qt::FontRole:
        if (state == StageState::Current) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case StageValueRole:
        return QString::fromUtf16(stage.value);
    case StageStateRole:
        return int(state);
    default:
        return {};
    }
}

} // namespace tp
