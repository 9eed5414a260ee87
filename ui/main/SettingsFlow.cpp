// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsFlow.h"

#include "MainWindow.h"
#include "Workspace.h"
#include "config/DatabaseLocation.h"
#include "config/ProviderFromSettings.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "destinations/DestinationsPanel.h"
#include "geo/GeocodingService.h"
#include "map/MapWidget.h"
#include "planning/PlanningPanel.h"
#include "settings/SettingsDialog.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>

namespace tp::ui {

SettingsFlow::SettingsFlow(MainWindow* window, app::Workspace* workspace, geo::GeocodingService* geocoder,
                           DatabaseUrl current)
    : QObject(window)
    , m_window(window)
    , m_workspace(workspace)
    , m_geocoder(geocoder)
    , m_current(std::move(current)) {
    applyMap();
    applyPlanner();
    connect(window, &MainWindow::settingsRequested, this, &SettingsFlow::runDialog);
}

void SettingsFlow::runDialog() {
    // Window-modal and without exec(): no event loop nested in the window's while
    // it is open (the keychain's answers and the database's results arrive as usual).
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new SettingsDialog(QString::fromLatin1(Settings::DefaultProfile), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this] {
        applyMap();
        applyPlanner();
        offerRestart();
    });
    m_dialog->open();
}

void SettingsFlow::applyMap() {
    // Tiles for every map; the online place search for the destination editor and the plan's forms.
    const MapSettings map = Settings().map();
    TileSourceConfig tiles;
    tiles.urlTemplate = map.effectiveTileUrl();
    tiles.attribution = map.effectiveTileAttribution();
    MapWidget::setOnlineTilesForAll(map.onlineTiles, tiles);
    if (m_geocoder)
        m_geocoder->setConfig({map.effectiveGeocoderUrl(), {}, {}, 20000});
    geo::GeocodingService* online = map.onlineGeocoding ? m_geocoder.data() : nullptr;
    m_window->destinationsPanel()->setGeocoder(online);
    m_window->planningPanel()->setGeocoder(online);
}

void SettingsFlow::applyPlanner() {
    // The provider as the settings say (offline when none); the workspace starts
    // the planner once the user is known, or gives a running one the change.
    // The key comes from the keychain without blocking the window; when the
    // dialog was accepted again meanwhile, only the latest settings count.
    const int generation = ++m_plannerGeneration;
    providerFromSettingsAsync(Settings(), SecretStore(), this,
                              [this, generation](const llm::ProviderConfig& config, const QString& problem) {
                                  if (generation != m_plannerGeneration)
                                      return;
                                  if (!problem.isEmpty())
                                      m_window->statusBar()->showMessage(problem, 20000);
                                  m_workspace->setPlannerConfig(config);
                              });
}

void SettingsFlow::offerRestart() {
    // Another database chosen: both keep their data; the app reconnects by
    // starting again (every thread opens its connection anew). Compared
    // without passwords: the one in the keychain is not needed for that.
    DatabaseUrl chosen;
    try {
        chosen =
            resolveDatabaseUrl({}, QString::fromLatin1(Settings::DefaultProfile), KeychainPassword::Skip).url;
    } catch (const Error&) {
        return; // the dialog has already said what is wrong with it
    }
    DatabaseUrl current = m_current;
    chosen.password.clear();
    current.password.clear();
    if (chosen.toString() == current.toString())
        return;
    if (!qEnvironmentVariable("DATABASE_URL").trimmed().isEmpty()) {
        QMessageBox::information(
            m_window, tr("Database"),
            tr("Saved. DATABASE_URL is set in the environment and takes precedence over the settings."));
        return;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Database"),
        tr("Trip Planner will now use %1. Restart to connect to it?").arg(chosen.displayLocation()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                QCoreApplication::arguments().mid(1));
        m_window->close();
    }
}

} // namespace tp::ui
