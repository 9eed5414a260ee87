// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AboutDialog.h"
#include "TripWindowTitle.h"

#include "geo/GeoExport.h"
#include "map/MapWidget.h"

#include "ClearButton.h"
#include "Confirm.h"
#include "DateFilterEdit.h"
#include "DestinationCatalogue.h"
#include "ElidedLabel.h"
#include "FlowLayout.h"
#include "TripCommands.h"
#include "TripEditor.h"
#include "TripListModel.h"
#include "TripSession.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "destinations/DestinationsPanel.h"
#include "domain/Stages.h"
#include "plan/PlanEditor.h"
#include "plan/PlanMap.h"
#include "planning/PlanningPanel.h"
#include "preferences/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

MainWindow::MainWindow(app::Workspace* workspace, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_service(workspace->database())
    , m_trips(new TripListModel(m_service, this))
    , m_undo(new QUndoStack(this)) {
    setObjectName(u"mainWindow"_s);
    m_windowTitle = new TripWindowTitle(this, m_trips);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(buildProblemBanner());
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildTripsPage(), tr("Trips"));
    m_destinations = new DestinationsPanel(m_service, workspace->catalogue(), m_tabs);
    m_tabs->addTab(m_destinations, tr("Destinations"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto* location = new ElidedLabel(this); // a long path must not widen the window
    m_locationLabel = location;
    m_locationLabel->setObjectName(u"dataLocation"_s);
    location->setFullText(tr("Data: %1").arg(m_service->url().displayLocation()));
    m_locationLabel->setToolTip(m_service->url().redacted());
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(u"connectionState"_s);
    m_latencyLabel = new QLabel(this);
    m_latencyLabel->setObjectName(u"latency"_s);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(u"progress"_s);
    statusBar()->addWidget(m_progressLabel, 1);
    statusBar()->addPermanentWidget(m_locationLabel);
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_latencyLabel);

    buildActions();

    DatabaseService* service = m_service;
    connect(service, &DatabaseService::stateChanged, this, &MainWindow::onStateChanged);
    connect(service, &DatabaseService::ready, this, &MainWindow::onReady);
    connect(service, &DatabaseService::progress, m_progressLabel, &QLabel::setText);
    connect(service, &DatabaseService::latencyMeasured, this,
            [this](double ms) { m_latencyLabel->setText(tr("Round trip %1 ms").arg(ms, 0, 'f', 1)); });
    connect(m_trips, &TripListModel::totalCountChanged, this, &MainWindow::updateEmptyState);
    connect(m_trips, &TripListModel::loadingChanged, this, &MainWindow::updateEmptyState);
    connect(m_trips, &TripListModel::loadingChanged, this, &MainWindow::continueToEnd);
    connect(m_trips, &TripListModel::errorOccurred, this, &MainWindow::showMessage);
    connect(m_trips, &TripListModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        for (int r = first; r <= last; ++r)
            if (m_pendingSelect != 0 && m_trips->tripAt(r).id == m_pendingSelect) {
                m_pendingSelect = 0;
                m_table->setCurrentIndex(m_trips->index(r, 0));
            }
        updateEmptyState();
    });
    connect(m_trips, &TripListModel::tripChanged, this, [this](const Trip& t) {
        if (t.id == m_openTripId && !m_editor->isModified())
            m_editor->setTrip(t);
    });
    connect(m_trips, &TripListModel::rowsRemoved, this, [this] {
        if (m_openTripId != 0 && m_trips->rowOf(m_openTripId) < 0 && !m_editor->isNew()) {
            m_openTripId = 0;
            m_editor->startNew();
            m_conversation->clear();
            m_planning->clear();
            m_tripMap->showTrip(0, {});
            m_tripMap->setPlan({});
        }
        updateEmptyState();
    });
    connect(m_destinations, &DestinationsPanel::catalogueChanged, this, &MainWindow::loadDestinationChoices);
    connect(m_destinations, &DestinationsPanel::destinationsLoaded, m_tripMap, &MapWidget::setDestinations);
    // The planner moved a trip on (status, a chosen destination, its planning
    // session): its row, the editor, the planning panel and the map follow.
    // The rows come as written (a turn's result, a stage move): nothing is read again.
    connect(m_workspace, &app::Workspace::tripUpdated, m_trips, &TripListModel::applyTrip);
    connect(m_workspace, &app::Workspace::destinationCommitted, this, [this](const Destination& d) {
        // Only a destination new to the catalogue changes what the lists show.
        const bool known = std::any_of(m_destinationChoices.cbegin(), m_destinationChoices.cend(),
                                       [&d](const Destination& c) { return c.id == d.id; });
        if (known)
            return;
        m_destinationChoices.append(d);
        m_editor->setDestinations(m_destinationChoices);
        m_destinations->noteNewDestination(d);
    });
    connect(m_workspace, &app::Workspace::userFailed, this,
            [this](const QString& message) { onStateChanged(DatabaseService::State::Offline, message); });
    // A marker clicked on the trip's map selects that destination in the catalogue,
    // and a place of the plan shows its item in the plan's editor.
    connect(m_tripMap, &MapWidget::destinationActivated, this, [this](qint64 id) {
        showPanel(DestinationsTab);
        m_destinations->selectDestination(id);
    });
    connect(m_tripMap, &MapWidget::planItemActivated, this, [this](const QString& itemId) {
        showPanel(PlanningTab);
        m_planning->editor()->showItem(itemId);
    });
    // The conversation's next steps: the planner's proposals on the Planning tab.
    connect(m_conversation, &ConversationPanel::suggestRequested, this, [this](suggest::Stage stage) {
        showPanel(PlanningTab);
        m_planning->askPlanner(stage);
    });
    // The planner's budget for the trip is the trip's own field: saved as an
    // edit of the trip (its own undo step), or put in the trip's form when
    // that holds changes not saved yet, which a save would otherwise overwrite.
    connect(m_planning, &PlanningPanel::tripBudgetAccepted, this, [this](Id tripId, const Decimal& budget) {
        if (tripId != m_openTripId || !m_openDetails || m_openDetails->trip.id != tripId) {
            showMessage(tr("The budget was not saved: its trip is no longer open."));
            return;
        }
        if (m_editor->isModified()) {
            m_editor->setBudget(budget);
            showMessage(tr("The budget is in the trip's details: save them to keep it."));
            return;
        }
        // The row as listed, else as opened (a filter or a page not loaded may hide it from the list).
        const int row = m_trips->rowOf(tripId);
        const Trip before = row >= 0 ? m_trips->tripAt(row) : m_openDetails->trip;
        Trip after = before;
        after.budget = budget;
        saveTrip(after, before);
    });

    onStateChanged(service->state(), service->errorText());
    if (service->state() == DatabaseService::State::Connected)
        QTimer::singleShot(0, this, &MainWindow::onReady);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildProblemBanner() {
    m_problem = new QFrame(this);
    m_problem->setObjectName(u"connectionProblem"_s);
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problem->setStyleSheet(u"#connectionProblem { background: rgba(192, 57, 43, 0.12); }"_s);
    auto* row = new QHBoxLayout(m_problem);
    m_problemText = new QLabel(m_problem);
    m_problemText->setObjectName(u"connectionProblemText"_s);
    m_problemText->setWordWrap(true);
    m_problemText->setTextFormat(Qt::PlainText);
    row->addWidget(m_problemText, 1);
    auto* retry = new QPushButton(tr("Retr&y"), m_problem);
    retry->setObjectName(u"retry"_s);
    auto* settings = new QPushButton(tr("Connection settin&gs…"), m_problem);
    settings->setObjectName(u"connectionSettings"_s);
    row->addWidget(retry);
    row->addWidget(settings);
    connect(retry, &QPushButton::clicked, this, &MainWindow::retryConnection);
    connect(settings, &QPushButton::clicked, this, &MainWindow::settingsRequested);
    m_problem->hide();
    return m_problem;
}

QWidget* MainWindow::buildTripsPage() {
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"tripsSplitter"_s);

    auto* left = new QWidget(m_splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    // Two rows, so that neither the search nor the filters are squeezed on a small screen.
    auto* searchRow = new QHBoxLayout;
    m_search = new QLineEdit(left);
    m_search->setObjectName(u"tripSearch"_s);
    m_search->setAccessibleName(tr("Search trips"));
    m_search->setPlaceholderText(tr("Search title and description… (Ctrl+F)"));
    addClearButton(m_search);
    m_count = new QLabel(left);
    m_count->setObjectName(u"tripCount"_s);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    leftLayout->addLayout(searchRow);

    // The filters wrap onto a second line when the table is narrow (the plan's
    // tabs take room from it): they never set the table's minimum width.
    auto* filters = new QWidget(left);
    filters->setObjectName(u"tripFilters"_s);
    auto* filterBar = new FlowLayout(filters, 6);
    filterBar->setContentsMargins(0, 0, 0, 0);
    m_statusFilter = new QComboBox(left);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->setAccessibleName(tr("Filter by status"));
    m_statusFilter->addItem(tr("Any status"), QString());
    for (const Choice& c : trip_status::all)
        m_statusFilter->addItem(QCoreApplication::translate("Stages", c.label), QString::fromUtf16(c.value));
    m_fromFilter = new DateFilterEdit(left);
    m_fromFilter->setObjectName(u"fromFilter"_s);
    m_fromFilter->lineEdit()->setAccessibleName(tr("Trips ending on or after"));
    m_toFilter = new DateFilterEdit(left);
    m_toFilter->setObjectName(u"toFilter"_s);
    m_toFilter->lineEdit()->setAccessibleName(tr("Trips starting on or before"));
    m_clearFilters = new QPushButton(tr("Clear filters"), left);
    m_clearFilters->setObjectName(u"clearFilters"_s);
    m_clearFilters->setEnabled(false);
    // A label stays on the line of its field.
    auto labelled = [filters](const QString& text, QWidget* field) {
        auto* pair = new QWidget(filters);
        auto* row = new QHBoxLayout(pair);
        row->setContentsMargins(0, 0, 0, 0);
        auto* label = new QLabel(text, pair);
        label->setBuddy(field);
        row->addWidget(label);
        field->setParent(pair);
        row->addWidget(field);
        return pair;
    };
    filterBar->addWidget(m_statusFilter);
    filterBar->addWidget(labelled(tr("From"), m_fromFilter));
    filterBar->addWidget(labelled(tr("to"), m_toFilter));
    filterBar->addWidget(m_clearFilters);
    leftLayout->addWidget(filters);

    m_tableStack = new QStackedWidget(left);
    m_table = new QTableView(m_tableStack);
    m_table->setObjectName(u"tripsTable"_s);
    m_table->setAccessibleName(tr("Trips"));
    m_table->setModel(m_trips);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The title takes the room that is left; the other columns are as wide as
    // their usual contents (measured once, not per row: the list may be long).
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(40);
    const QFontMetrics fm = m_table->fontMetrics();
    auto widthFor = [&](const QString& sample, int column) {
        const QString heading = m_trips->headerData(column, Qt::Horizontal).toString();
        return qMax(fm.horizontalAdvance(sample), fm.horizontalAdvance(heading) + 16) + 12;
    };
    Trip sample; // the widest usual date range: two-digit days, long month names
    sample.startDate = QDate(2027, 9, 28);
    sample.endDate = QDate(2027, 12, 30);
    const QString sampleDates = TripListModel::formatDates(sample);
    header->resizeSection(TripListModel::DestinationColumn, widthFor(u"Reykjavík, Iceland"_s, 1));
    header->resizeSection(TripListModel::DatesColumn, widthFor(sampleDates, 2));
    header->resizeSection(TripListModel::DurationColumn, widthFor(tr("%n days", nullptr, 15), 3));
    header->resizeSection(TripListModel::BudgetColumn, widthFor(u"12,345.00"_s, 4));
    header->resizeSection(TripListModel::TravellersColumn, widthFor(u"12"_s, 5));
    header->resizeSection(TripListModel::StatusColumn, widthFor(tr("Destination Selected"), 6));
    // The title gets what the other columns leave, but never less than a
    // readable width (the table scrolls sideways instead).
    m_table->viewport()->installEventFilter(this);
    connect(header, &QHeaderView::sectionResized, this, [this](int section) {
        if (section != TripListModel::TitleColumn)
            fitTitleColumn();
    });
    m_table->installEventFilter(this); // Ctrl+End reaches the last trip, not the last loaded
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    m_tableStack->addWidget(m_table);

    auto* empty = new QWidget(m_tableStack);
    empty->setObjectName(u"emptyState"_s);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    m_emptyText = new QLabel(empty);
    m_emptyText->setObjectName(u"emptyText"_s);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    emptyLayout->addWidget(m_emptyText);
    m_emptyButton = new QPushButton(tr("Plan a new trip"), empty);
    m_emptyButton->setObjectName(u"planNewTrip"_s);
    emptyLayout->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();
    connect(m_emptyButton, &QPushButton::clicked, this, &MainWindow::newTrip);
    m_tableStack->addWidget(empty);
    leftLayout->addWidget(m_tableStack, 1);

    m_detailTabs = new QTabWidget(m_splitter);
    m_detailTabs->setObjectName(u"detailTabs"_s);
    m_editor = new TripEditor(m_detailTabs);
    m_conversation = new ConversationPanel(m_workspace, m_detailTabs);
    m_planning = new PlanningPanel(m_detailTabs);
    m_detailTabs->addTab(m_editor, tr("Details"));
    m_detailTabs->addTab(m_conversation, tr("Conversation"));
    m_detailTabs->addTab(m_planning, tr("Planning"));
    // The map panel: every destination, the trip's own highlighted, the
    // conversation's latest recommendations as their own markers.
    m_tripMap = new MapWidget(m_detailTabs);
    m_tripMap->setObjectName(u"tripMap"_s);
    m_tripMap->setAccessibleName(tr("Map of the trip's places"));
    m_detailTabs->addTab(m_tripMap, tr("Map"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_detailTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({840, 440}); // the table wide enough for its seven columns (a saved layout wins)
    connect(m_detailTabs, &QTabWidget::currentChanged, this, &MainWindow::fitDetailsTo);

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_fromFilter, &DateFilterEdit::dateChanged, this, &MainWindow::applyFilter);
    connect(m_toFilter, &DateFilterEdit::dateChanged, this, &MainWindow::applyFilter);
    connect(m_clearFilters, &QPushButton::clicked, this, &MainWindow::clearFilters);
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentTripChanged);
    connect(m_editor, &TripEditor::saveRequested, this, [this](const Trip& trip) { saveTrip(trip); });
    return m_splitter;
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_newAction = file->addAction(tr("&New trip"), this, &MainWindow::newTrip);
    m_newAction->setObjectName(u"actionNewTrip"_s);
    m_newAction->setShortcut(QKeySequence::New);
    QAction* saveAction = file->addAction(tr("&Save trip"), m_editor, &TripEditor::save);
    saveAction->setObjectName(u"actionSaveTrip"_s);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* prefs = file->addAction(tr("&Preferences…"), this, &MainWindow::openPreferences);
    prefs->setObjectName(u"actionPreferences"_s);
    QAction* settings = file->addAction(tr("S&ettings…"), this, &MainWindow::settingsRequested);
    settings->setObjectName(u"actionSettings"_s);
    // macOS and KDE define a Preferences key; elsewhere (GNOME, Windows) it is
    // empty, so Ctrl+, (the common convention) works everywhere.
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!settingsKeys.contains(QKeySequence(u"Ctrl+,"_s)))
        settingsKeys.append(QKeySequence(u"Ctrl+,"_s));
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    QAction* retry = file->addAction(tr("&Reconnect"), this, &MainWindow::retryConnection);
    retry->setObjectName(u"actionRetry"_s);
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("E&xport"));
    exports->addAction(tr("Map as &PNG…"), this, &MainWindow::exportMapImage);
    exports->addAction(tr("&Destinations as GeoJSON or GPX…"), this, &MainWindow::exportDestinations);
    exports->addAction(tr("This &trip's places as GeoJSON or GPX…"), this, &MainWindow::exportTripPlaces);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(u"actionUndo"_s);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(u"actionRedo"_s);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_deleteAction = edit->addAction(tr("&Delete trip…"), this, &MainWindow::deleteSelectedTrip);
    m_deleteAction->setObjectName(u"actionDeleteTrip"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_deleteAction);
    QAction* findAction = edit->addAction(tr("&Find"), this, &MainWindow::find);
    findAction->setShortcut(QKeySequence::Find);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QString names[] = {tr("Trip &details"), tr("&Conversation"), tr("&Planning"), tr("De&stinations"),
                             tr("&Map")};
    for (int i = 0; i < 5; ++i) {
        QAction* a = view->addAction(names[i], this, [this, i] { showPanel(Panel(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    addHelpMenu(this);
}

void MainWindow::showPanel(Panel panel) {
    if (panel == DestinationsTab) {
        m_tabs->setCurrentIndex(1);
        return;
    }
    m_tabs->setCurrentIndex(0);
    m_detailTabs->setCurrentIndex(panel == MapTab ? 3 : int(panel));
}

void MainWindow::onStateChanged(DatabaseService::State state, const QString& error) {
    m_stateLabel->setText(DatabaseService::stateText(state));
    m_stateLabel->setAccessibleName(tr("Connection: %1").arg(DatabaseService::stateText(state)));
    const bool offline = state == DatabaseService::State::Offline;
    if (offline) {
        m_problemText->setText(
            m_userId == 0 ? tr("Trip Planner cannot reach its database at %1.\n%2")
                                .arg(m_service->url().displayLocation(), error)
                          : tr("The connection to the database was lost: %1\nYour trips are shown as "
                               "last loaded; changes are refused until it is back.")
                                .arg(error));
        m_latencyLabel->clear();
    }
    m_problem->setVisible(offline);
    m_tabs->setEnabled(m_userId != 0 || state == DatabaseService::State::Connected);
}

void MainWindow::onReady() {
    if (m_userId != 0) {
        m_trips->reload();
        return;
    }
    // The user, the first page of its trips and their count in one exchange on PostgreSQL.
    const TripFilter filter = m_trips->filter();
    const TripOrder order = m_trips->order();
    m_workspace->connectUser(filter, order, m_trips->pageSize(),
                             [this, filter, order](const WindowStart& start) {
                                 m_userId = start.user.id;
                                 m_tabs->setEnabled(true);
                                 m_trips->start(m_userId, filter, order, start.trips);
                                 m_destinations->load();
                                 loadDestinationChoices();
                             });
}

void MainWindow::retryConnection() {
    m_problemText->setText(tr("Trying again to reach %1…").arg(m_service->url().displayLocation()));
    m_service->retry();
}

void MainWindow::loadDestinationChoices() {
    m_workspace->catalogue()->list(
        this,
        [this](Result<QList<Destination>> r) {
            if (r.ok()) {
                m_destinationChoices = r.value();
                m_editor->setDestinations(m_destinationChoices);
            }
        },
        5000);
}

void MainWindow::applyFilter() {
    TripFilter f;
    f.status = m_statusFilter->currentData().toString();
    f.from = m_fromFilter->date();
    f.to = m_toFilter->date();
    f.text = m_search->text();
    m_clearFilters->setEnabled(!f.status.isEmpty() || f.from.isValid() || f.to.isValid() ||
                               !f.text.trimmed().isEmpty());
    m_trips->setFilter(f);
}

void MainWindow::clearFilters() {
    {
        const QSignalBlocker a(m_statusFilter), b(m_fromFilter), c(m_toFilter), d(m_search);
        m_statusFilter->setCurrentIndex(0);
        m_fromFilter->clear();
        m_toFilter->clear();
        m_search->clear();
    }
    applyFilter();
}

void MainWindow::updateEmptyState() {
    const TripFilter& f = m_trips->filter();
    const bool filtered =
        !f.status.isEmpty() || f.from.isValid() || f.to.isValid() || !f.text.trimmed().isEmpty();
    const bool empty = m_trips->totalCount() == 0 && m_trips->rowCount() == 0 && !m_trips->isLoading();
    if (empty) {
        m_emptyText->setText(filtered ? tr("No trips match these filters.")
                                      : tr("No trips yet. Where would you like to go?"));
        m_emptyButton->setVisible(!filtered);
    }
    m_tableStack->setCurrentIndex(empty ? 1 : 0);
    if (!m_trips->isLoading()) {
        const int n = m_trips->totalCount();
        // "1 trip" comes from the English translation file's plural forms.
        m_count->setText(filtered ? tr("%n matches", nullptr, n) : tr("%n trips", nullptr, n));
    }
    // The trip on the right belongs to the list: when the list no longer holds
    // it (a filter left it out), the right side does not go on showing it —
    // unless it has edits, which are never dropped without asking.
    if (!m_trips->isLoading() && m_openTripId != 0 && m_trips->rowOf(m_openTripId) < 0 &&
        !m_trips->canFetchMore({}) && !m_editor->isModified())
        showNoTrip();
}

void MainWindow::showNoTrip() {
    m_openTripId = 0;
    m_windowTitle->setOpenTrip(0);
    m_openDetails.reset();
    m_workspace->closeTrip();
    m_editor->startNew();
    m_conversation->clear();
    m_planning->clear();
    m_tripMap->showTrip(0, {}); // the previous trip's places do not stay on its map
    m_tripMap->setPlan({});
}

void MainWindow::onCurrentTripChanged() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const Id id = m_trips->tripAt(current.row()).id;
    if (id == m_openTripId)
        return;
    if (!settleEdits([this, id] { selectAndOpen(id); })) {
        // Stay on the trip being edited.
        const QSignalBlocker block(m_table->selectionModel());
        const int row = m_openTripId != 0 ? m_trips->rowOf(m_openTripId) : -1;
        if (row >= 0)
            m_table->setCurrentIndex(m_trips->index(row, 0));
        else {
            m_table->clearSelection();
            m_table->setCurrentIndex({});
        }
        return;
    }
    openTrip(id);
}

void MainWindow::selectAndOpen(Id id) {
    const int row = m_trips->rowOf(id);
    if (row < 0)
        return;
    const QSignalBlocker block(m_table->selectionModel());
    m_table->setCurrentIndex(m_trips->index(row, 0));
    openTrip(id);
}

bool MainWindow::settleEdits(std::function<void()> then) {
    if (m_editor->isModified()) {
        const Trip draft = m_editor->currentTrip();
        const QString name =
            draft.title.trimmed().isEmpty() ? tr("The new trip") : tr("“%1”").arg(draft.title);
        const auto choice = Confirm::askToSave(this, tr("Unsaved changes"),
                                               tr("%1 has changes that are not saved. Save them?").arg(name),
                                               true, tr("&Discard changes"));
        switch (choice) {
        case Confirm::SaveChoice::Discard:
            m_editor->revert();
            break; // on to the plan's forms
        case Confirm::SaveChoice::Save:
            m_afterSave = std::move(then); // goes on (and settles the plan) once the save succeeded
            m_editor->save();
            if (!m_editor->errors().isEmpty())
                m_afterSave = {}; // a mistake to fix first: the editor shows it
            return false;
        case Confirm::SaveChoice::Cancel:
            return false;
        }
    }
    // A stay, leg or activity typed into the plan's forms and not saved.
    if (m_planning->editor()->unsavedSection()) {
        showPanel(PlanningTab);
        if (!m_planning->editor()->settleForms())
            return false; // cancelled, or a mistake in the form to fix first: the form shows it
    }
    // The plan's writes still on their way (a form just saved, an undo): the
    // trip stays open, and the window with it, until they are stored.
    if (app::TripSession* session = m_workspace->currentSession(); session && session->isSavingPlan()) {
        m_afterPlanSave = std::move(then);
        showMessage(tr("Saving the plan…"));
        return false;
    }
    return true;
}

void MainWindow::openTrip(Id id) {
    m_openTripId = id;
    m_windowTitle->setOpenTrip(id);
    m_editor->setTrip(m_trips->tripAt(m_trips->rowOf(id)));
    // The trip's session reads its values once; the panels render them and
    // follow the session's changes (turns, stage moves, plan edits) from then on.
    if (app::TripSession* open = m_workspace->currentSession(); open && open->tripId() == id) {
        open->load(); // the same trip again: its values read anew, the connections stand
        return;
    }
    app::TripSession* session = m_workspace->openTrip(id);
    session->setUndoStack(m_undo);
    connect(session, &app::TripSession::failed, this, &MainWindow::showMessage);
    connect(session, &app::TripSession::loaded, this, &MainWindow::showDetails);
    connect(session, &app::TripSession::turnApplied, this,
            [this, session] { showDetails(session->details()); });
    connect(session, &app::TripSession::tripChanged, this, [this](const Trip& trip) {
        if (m_openDetails)
            m_openDetails->trip = trip;
        if (!m_editor->isModified())
            m_editor->setTrip(trip);
    });
    // What waited for the plan's writes goes on once they are stored; a failed
    // write leaves the person with its message and the trip still open.
    connect(session, &app::TripSession::planSaveFailed, this, [this] { m_afterPlanSave = {}; });
    connect(session, &app::TripSession::planSaving, this, [this](bool saving) {
        if (!saving)
            if (auto next = std::exchange(m_afterPlanSave, {}))
                next();
    });
    // The plan's places and legs on the trip's map, as they are saved.
    connect(session, &app::TripSession::planChanged, this,
            [this](const PlanDocument& doc) { m_tripMap->setPlan(plan::planMap(doc.plan)); });
    m_tripMap->setPlan(session->plan() ? plan::planMap(session->plan()->plan) : plan::PlanMap());
    m_conversation->setSession(session);
    m_planning->setSession(session);
}

void MainWindow::showDetails(const TripDetails& details) {
    if (details.trip.id != m_openTripId)
        return;
    if (!m_editor->isModified())
        m_editor->setTrip(details.trip);
    m_openDetails = details;
    m_tripMap->showTrip(details.trip.destinationId.value_or(0), details.latestRecommendations
                                                                    ? details.latestRecommendations->locations
                                                                    : QJsonArray());
}

void MainWindow::newTrip() {
    if (!settleEdits([this] { newTrip(); }))
        return;
    showPanel(DetailsPanel);
    m_openTripId = 0;
    m_table->clearSelection();
    m_table->setCurrentIndex({});
    m_editor->startNew();
    m_conversation->clear();
    m_planning->clear();
    m_openDetails.reset();
    m_workspace->closeTrip();
    m_tripMap->showTrip(0, {});
    m_tripMap->setPlan({});
    if (auto* title = m_editor->findChild<QLineEdit*>(u"title"_s))
        title->setFocus();
}

void MainWindow::saveTrip(const Trip& trip, const std::optional<Trip>& known) {
    m_editor->setBusy(true);
    auto errors = [this](const QString& text) {
        showMessage(text);
    };
    if (trip.id == 0) {
        m_trips->createTrip(trip, [this, errors](Result<Trip> r) {
            m_editor->setBusy(false);
            if (!r.ok()) {
                m_afterSave = {}; // not saved: whatever waited for it waits for the person
                m_editor->showSaveError(r.error().message);
                return;
            }
            m_undo->push(new CreateTripCommand(m_trips, r.value(), errors));
            m_openTripId = r.value().id;
            m_editor->setTrip(r.value());
            const int row = m_trips->rowOf(r.value().id);
            if (row >= 0) {
                const QSignalBlocker block(m_table->selectionModel());
                m_table->setCurrentIndex(m_trips->index(row, 0));
            }
            showMessage(tr("Created “%1”.").arg(r.value().title));
            runAfterSave();
        });
        return;
    }
    const int row = m_trips->rowOf(trip.id);
    const Trip before = known ? *known : row >= 0 ? m_trips->tripAt(row) : trip;
    m_trips->updateTrip(trip, [this, before, errors](Result<Trip> r) {
        m_editor->setBusy(false);
        if (!r.ok()) {
            m_afterSave = {};
            m_editor->showSaveError(r.error().message);
            return;
        }
        m_undo->push(new EditTripCommand(m_trips, before, r.value(), errors));
        if (m_openTripId == r.value().id)
            m_editor->setTrip(r.value());
        showMessage(tr("Saved “%1”.").arg(r.value().title));
        runAfterSave();
    });
}

void MainWindow::deleteSelectedTrip() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const Trip trip = m_trips->tripAt(current.row());
    if (!Confirm::ask(this, tr("Delete trip"),
                      tr("Delete the trip “%1”? Its conversation and planning sessions are deleted with it; "
                         "Undo (Ctrl+Z) brings all of it back.")
                          .arg(trip.title),
                      tr("Delete")))
        return;
    m_trips->removeTrip(trip.id, [this, trip](Result<TripArchive> r) {
        if (!r.ok()) {
            showMessage(r.error().message);
            return;
        }
        m_undo->push(new DeleteTripCommand(m_trips, r.value(), [this](const QString& t) { showMessage(t); }));
        showMessage(tr("Deleted “%1”. Undo with Ctrl+Z.").arg(trip.title));
    });
}

void MainWindow::find() {
    if (m_tabs->currentIndex() == 1) {
        m_destinations->focusSearch();
        return;
    }
    m_search->setFocus();
    m_search->selectAll();
}

void MainWindow::openPreferences() {
    if (m_userId == 0)
        return;
    auto* dialog = new PreferencesDialog(m_workspace->preferences(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showMessage(const QString& text) {
    statusBar()->showMessage(text, 8000);
}

void MainWindow::fitDetailsTo(int tab) {
    // The plan's editors and the maps need room the trip's details and the
    // conversation do not: those tabs take it from the table (which keeps its
    // title, destination and dates in view), and give it back afterwards.
    constexpr int WideTabWidth = 820;
    constexpr int TableMinimum = 380;
    QWidget* page = m_detailTabs->widget(tab);
    const bool wide = page == m_planning || page == m_tripMap;
    const QList<int> sizes = m_splitter->sizes();
    if (sizes.size() != 2)
        return;
    if (!wide) {
        if (!m_sizesBeforeWide.isEmpty() && sizes == m_wideSizes)
            m_splitter->setSizes(m_sizesBeforeWide);
        m_sizesBeforeWide.clear();
        m_wideSizes.clear();
        return;
    }
    const int total = sizes[0] + sizes[1];
    const int details = std::min(WideTabWidth, total - TableMinimum);
    if (sizes[1] >= details || !isVisible())
        return;
    if (m_sizesBeforeWide.isEmpty())
        m_sizesBeforeWide = sizes;
    m_splitter->setSizes({total - details, details});
    m_wideSizes = m_splitter->sizes();
}

void MainWindow::restoreLayout() {
    QSettings s;
    if (!restoreGeometry(s.value(u"mainWindow/geometry"_s).toByteArray())) {
        // A first start: a comfortable size, but never more than the screen has room for.
        QSize size(1280, 800);
        if (const QScreen* screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size());
        resize(size);
    }
    restoreState(s.value(u"mainWindow/state"_s).toByteArray());
    m_splitter->restoreState(s.value(u"mainWindow/tripsSplitter"_s).toByteArray());
    m_table->horizontalHeader()->restoreState(s.value(u"mainWindow/tripsHeader2"_s).toByteArray());
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
}

void MainWindow::runAfterSave() {
    if (auto next = std::exchange(m_afterSave, {}))
        next();
}

void MainWindow::fitTitleColumn() {
    QHeaderView* header = m_table->horizontalHeader();
    int others = 0;
    for (int c = 0; c < header->count(); ++c)
        if (c != TripListModel::TitleColumn && !header->isSectionHidden(c))
            others += header->sectionSize(c);
    const int readable = m_table->fontMetrics().averageCharWidth() * 22;
    const int width = qMax(readable, m_table->viewport()->width() - others);
    if (header->sectionSize(TripListModel::TitleColumn) != width) {
        const QSignalBlocker block(header);
        header->resizeSection(TripListModel::TitleColumn, width);
    }
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitTitleColumn();
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_End && (key->modifiers() & Qt::ControlModifier) &&
            m_trips->canFetchMore({})) {
            // The list loads in pages: Ctrl+End means the last trip of all, so
            // the rest is loaded first (a page at a time, off the GUI thread).
            m_goToEnd = true;
            showMessage(tr("Loading every trip…"));
            m_trips->fetchMore({});
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::continueToEnd() {
    if (!m_goToEnd || m_trips->isLoading())
        return;
    if (m_trips->canFetchMore({})) {
        m_trips->fetchMore({});
        return;
    }
    m_goToEnd = false;
    statusBar()->clearMessage();
    if (m_trips->rowCount() > 0) {
        const QModelIndex last = m_trips->index(m_trips->rowCount() - 1, 0);
        m_table->setCurrentIndex(last);
        m_table->scrollTo(last);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Nothing typed is dropped without a word: the trip's edits, the plan's
    // forms and writes, and messages to the planner that were not sent.
    if (!settleEdits([this] { close(); })) {
        event->ignore();
        return;
    }
    if (const int unsent = m_conversation->unsentCount(); unsent > 0) {
        if (Confirm::askToSave(this, tr("Unsent message"),
                               tr("A message to the planner was typed but not sent (%n trips). Quit "
                                  "anyway and lose it?",
                                  nullptr, unsent),
                               false, tr("&Quit without sending")) != Confirm::SaveChoice::Discard) {
            event->ignore();
            return;
        }
    }
    QSettings s;
    s.setValue(u"mainWindow/geometry"_s, saveGeometry());
    s.setValue(u"mainWindow/state"_s, saveState());
    s.setValue(u"mainWindow/tripsSplitter"_s, m_splitter->saveState());
    s.setValue(u"mainWindow/tripsHeader2"_s, m_table->horizontalHeader()->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace tp::ui

namespace tp::ui {

namespace {
// Writes `data` to the file whole or not at all; says what went wrong.
bool writeWhole(QWidget* parent, const QString& path, const QByteArray& data) {
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.commit())
        return true;
    QMessageBox::warning(
        parent, QObject::tr("Export"),
        QObject::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
    return false;
}

QString askExportPath(QWidget* parent, const QString& title, const QString& baseName) {
    return QFileDialog::getSaveFileName(parent, title, QDir::home().filePath(baseName),
                                        QObject::tr("GeoJSON (*.geojson);;GPX (*.gpx)"));
}

QByteArray encode(const QList<geo::ExportPlace>& places, const QString& path, const QString& title) {
    return path.endsWith(u".gpx"_s, Qt::CaseInsensitive) ? geo::toGpx(places, title) : geo::toGeoJson(places);
}
} // namespace

void MainWindow::exportMapImage() {
    MapWidget* map = m_tabs->currentIndex() == 1 ? m_destinations->map() : m_tripMap;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export map"), QDir::home().filePath(u"map.png"_s), tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (!map->exportPng(path))
        QMessageBox::warning(this, tr("Export"),
                             tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
    else
        showMessage(tr("Saved the map to %1.").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportDestinations() {
    const QString path = askExportPath(this, tr("Export destinations"), u"destinations.geojson"_s);
    if (path.isEmpty())
        return;
    int skipped = 0;
    const QList<geo::ExportPlace> places = geo::exportPlaces(m_destinations->allDestinations(), &skipped);
    if (writeWhole(this, path, encode(places, path, tr("Trip Planner destinations"))))
        showMessage(
            tr("Exported %n destinations; %1 without coordinates left out.", nullptr, int(places.size()))
                .arg(skipped));
}

void MainWindow::exportTripPlaces() {
    if (!m_openDetails) {
        showMessage(tr("Select a trip first."));
        return;
    }
    QList<geo::ExportPlace> places;
    if (m_openDetails->destination)
        places = geo::exportPlaces({*m_openDetails->destination});
    if (m_openDetails->latestRecommendations) {
        for (const QJsonValue& v : m_openDetails->latestRecommendations->locations) {
            const QJsonObject o = v.toObject();
            auto number = [](const QJsonValue& x) {
                return x.isString() ? x.toString() : QString::number(x.toDouble(), 'f', 6);
            };
            const auto lat = Decimal::parse(number(o.value(u"latitude"_s)), 9, 6);
            const auto lon = Decimal::parse(number(o.value(u"longitude"_s)), 9, 6);
            if (!lat || !lon)
                continue;
            places.append({o.value(u"name"_s).toString(),
                           o.value(u"country"_s).toString(),
                           o.value(u"description"_s).toString(),
                           u"recommendation"_s,
                           *lat,
                           *lon,
                           {}});
        }
    }
    if (places.isEmpty()) {
        showMessage(tr("This trip has no places with coordinates yet."));
        return;
    }
    const QString path = askExportPath(this, tr("Export the trip's places"), u"trip.gpx"_s);
    if (!path.isEmpty() && writeWhole(this, path, encode(places, path, m_openDetails->trip.title)))
        showMessage(tr("Exported %n places.", nullptr, int(places.size())));
}

} // namespace tp::ui
