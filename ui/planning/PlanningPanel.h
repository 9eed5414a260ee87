#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QTreeWidget;

namespace tp {
class PlanningStagesModel;
}

namespace tp::ui {

// The trip's planning session: the seven stages (completed, current, pending),
// Start / Advance / Back, and session_data as a readable tree.
class PlanningPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanningPanel(DatabaseService* service, QWidget* parent = nullptr);

    void setUserId(Id userId) { m_userId = userId; }
    void showTrip(Id tripId, const std::optional<PlanningSession>& session);
    void clear();
    PlanningStagesModel* stages() const { return m_stages; }

private:
    void showSession(const std::optional<PlanningSession>& session);
    void run(std::function<PlanningSession(Database&)> job);
    void reloadSession();

    DatabaseService* m_service;
    Id m_userId = 0;
    Id m_tripId = 0;
    PlanningStagesModel* m_stages;
    QLabel* m_summary;
    QListView* m_view;
    QTreeWidget* m_data;
    QPushButton* m_start;
    QPushButton* m_advance;
    QPushButton* m_back;
    QLabel* m_error;
};

} // namespace tp::ui
