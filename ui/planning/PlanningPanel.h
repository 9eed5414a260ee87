#pragma once

#include "domain/Entities.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QTreeWidget;

namespace tp {
class PlanningStagesModel;
}
namespace tp::app {
class TripSession;
}

namespace tp::ui {

// The trip's planning session: the seven stages (completed, current, pending),
// Start / Advance / Back, and session_data as a readable tree.
class PlanningPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanningPanel(QWidget* parent = nullptr);

    // The open trip's session: its planning session shown, the buttons its intents.
    void setSession(app::TripSession* session);
    void clear();
    PlanningStagesModel* stages() const { return m_stages; }

private:
    void showSession(const std::optional<PlanningSession>& session);
    void run(void (app::TripSession::*intent)());

    QPointer<app::TripSession> m_session;
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
