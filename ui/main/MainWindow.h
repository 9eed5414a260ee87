// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QUndoStack;

namespace tp {
class TripListModel;
}
namespace tp::app {
class Workspace;
}

namespace tp::ui {

class ConversationPanel;
class DateFilterEdit;
class DestinationsPanel;
class MapWidget;
class PlanningPanel;
class TripEditor;
class TripWindowTitle;

// The application window: trips (filter bar, table, editor), the selected
// trip's conversation and planning, the destination catalogue, and a status
// bar with where the data lives, the connection state and the round trip.
// Every database call goes through the DatabaseService's thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(app::Workspace* workspace, QWidget* parent = nullptr);
    ~MainWindow() override;

    enum Panel { DetailsPanel, ConversationTab, PlanningTab, DestinationsTab, MapTab };
    void showPanel(Panel panel);

    Id userId() const { return m_userId; }
    app::Workspace* workspace() const { return m_workspace; }
    TripListModel* tripModel() const { return m_trips; }
    QTableView* tripTable() const { return m_table; }
    TripEditor* editor() const { return m_editor; }
    ConversationPanel* conversationPanel() const { return m_conversation; }
    PlanningPanel* planningPanel() const { return m_planning; }
    DestinationsPanel* destinationsPanel() const { return m_destinations; }
    MapWidget* tripMap() const { return m_tripMap; }
    QUndoStack* undoStack() const { return m_undo; }

public Q_SLOTS:
    void newTrip();
    void deleteSelectedTrip();
    void find();
    void retryConnection();
    void openPreferences();
    void exportMapImage();
    void exportDestinations();
    void exportTripPlaces();

Q_SIGNALS:
    // "Settings…" / "Connection settings…": the settings dialog (another module) connects here.
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitDetailsTo(int tab);
    void buildActions();
    QWidget* buildTripsPage();
    QWidget* buildProblemBanner();
    void onStateChanged(DatabaseService::State state, const QString& error);
    void onReady();
    void showDetails(const TripDetails& details);
    void applyFilter();
    void clearFilters();
    void showNoTrip();
    void selectAndOpen(Id id);
    // The editor's unsaved changes before something replaces them: asks Save,
    // Discard or Cancel. True: go on now. False: stop (Cancel, or a save under
    // way that runs `then` once it succeeded).
    bool settleEdits(std::function<void()> then);
    void runAfterSave();
    void continueToEnd();
    void fitTitleColumn();
    void updateEmptyState();
    void onCurrentTripChanged();
    void openTrip(Id id);
    // `before`: the row as it was, for the undo step (default: the list's row).
    void saveTrip(const Trip& trip, const std::optional<Trip>& before = std::nullopt);
    void loadDestinationChoices();
    void showMessage(const QString& text);
    void restoreLayout();

    app::Workspace* m_workspace;
    DatabaseService* m_service;
    QList<Destination> m_destinationChoices; // the trip editor's destination list
    Id m_userId = 0;
    TripListModel* m_trips;
    QUndoStack* m_undo;
    TripWindowTitle* m_windowTitle = nullptr; // "Trip title — Trip Planner"
    QTabWidget* m_tabs = nullptr;
    QTabWidget* m_detailTabs = nullptr;
    QSplitter* m_splitter = nullptr;
    // The splitter's sizes before a wide tab (Planning, Map) took room from the
    // trips table, and the sizes it took; restored when the table's tabs come
    // back, unless the user has moved the splitter since.
    QList<int> m_sizesBeforeWide;
    QList<int> m_wideSizes;
    QTableView* m_table = nullptr;
    QStackedWidget* m_tableStack = nullptr;
    QLabel* m_emptyText = nullptr;
    QPushButton* m_emptyButton = nullptr;
    QComboBox* m_statusFilter = nullptr;
    DateFilterEdit* m_fromFilter = nullptr;
    DateFilterEdit* m_toFilter = nullptr;
    QPushButton* m_clearFilters = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_search = nullptr;
    TripEditor* m_editor = nullptr;
    ConversationPanel* m_conversation = nullptr;
    PlanningPanel* m_planning = nullptr;
    DestinationsPanel* m_destinations = nullptr;
    MapWidget* m_tripMap = nullptr;
    std::optional<TripDetails> m_openDetails;
    QFrame* m_problem = nullptr;
    QLabel* m_problemText = nullptr;
    QLabel* m_locationLabel = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_latencyLabel = nullptr;
    QLabel* m_progressLabel = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_deleteAction = nullptr;
    Id m_openTripId = 0;
    bool m_selectAfterInsert = false;
    Id m_pendingSelect = 0;
    std::function<void()> m_afterSave;     // what waits for the editor's save (switching trips, quitting)
    std::function<void()> m_afterPlanSave; // what waits for the open trip's plan writes
    bool m_goToEnd = false;                // Ctrl+End: load every page, then select the last trip
};

} // namespace tp::ui
