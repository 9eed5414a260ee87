// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/DatabaseUrl.h"

#include <QObject>
#include <QPointer>

namespace tp::app {
class Workspace;
}
namespace tp::geo {
class GeocodingService;
}

namespace tp::ui {

class MainWindow;
class SettingsDialog;

// What the saved settings mean for a running window: the map's online tiles
// and place search, the planner's provider (its key from the keychain), and
// after the settings dialog, a restart when another database was chosen.
// Applied once when made, and again each time the dialog is accepted.
class SettingsFlow : public QObject {
    Q_OBJECT
public:
    SettingsFlow(MainWindow* window, app::Workspace* workspace, geo::GeocodingService* geocoder,
                 DatabaseUrl current);

    // The settings dialog, then what it changed.
    void runDialog();

private:
    void applyMap();
    void applyPlanner();
    void offerRestart();

    MainWindow* m_window;
    app::Workspace* m_workspace;
    QPointer<geo::GeocodingService> m_geocoder;
    DatabaseUrl m_current;
    QPointer<SettingsDialog> m_dialog; // the one open (window-modal), if any
    int m_plannerGeneration = 0;       // the latest applyPlanner; older keychain answers are dropped
};

} // namespace tp::ui
