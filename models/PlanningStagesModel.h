// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <QAbstractListModel>

namespace tp {

// The seed's seven planning stages of one session, each marked completed,
// current or pending. Holds values only; the planning panel feeds it.
class PlanningStagesModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class StageState { Pending, Current, Completed };
    enum Role { StageValueRole = Qt::UserRole + 1, StageStateRole };

    explicit PlanningStagesModel(QObject* parent = nullptr);

    void setSession(const std::optional<PlanningSession>& session);
    const std::optional<PlanningSession>& session() const { return m_session; }
    StageState stateAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::optional<PlanningSession> m_session;
};

} // namespace tp
