// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripListModel.h"
#include "Workspace.h"
#include "config/AppPaths.h"
#include "config/BuildInfo.h"
#include "config/DatabaseLocation.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "config/Translations.h"
#include "db/DatabaseUrl.h"
#include "destinations/DestinationsPanel.h"
#include "geo/GeocodingService.h"
#include "main/FirstFrameProbe.h"
#include "main/MainWindow.h"
#include "main/SettingsFlow.h"
#include "main/SingleInstance.h"
#include "plan/PlanEditor.h"
#include "planning/PlanningPanel.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// What runs once the database URL is complete, in the order the app needs:
// the service (its thread and connection) outlives the window, and the
// workspace (the user, the planner, the open trip) joins the planner's thread
// before the database service goes; the place search goes first.
struct Running {
    explicit Running(const tp::DatabaseUrl& url)
        : service(url)
        , workspace(&service, tp::osUserName())
        , window(&workspace)
        , geocoder(url, {}) {}
    tp::DatabaseService service;
    tp::app::Workspace workspace;
    tp::ui::MainWindow window;
    // The online place search (its own thread and connection) for the destination editor.
    tp::geo::GeocodingService geocoder;
};

// --show VIEW (screenshots, demos): once the trips are in, the newest one is
// selected and VIEW shown, the window filling the screen. "planning:STAGE"
// shows the plan's editor on that stage ("accommodation", "itinerary", ...);
// "suggest:STAGE" (accommodation, activities, itinerary, budget) that stage
// with the planner's proposals for it open.
void showViewWhenLoaded(tp::ui::MainWindow& window, const QString& view) {
    using tp::ui::MainWindow;
    MainWindow::Panel panel = MainWindow::DetailsPanel;
    const bool suggest = view.startsWith(u"suggest:");
    const QString stage = view.startsWith(u"planning:") ? view.mid(9) : suggest ? view.mid(8) : QString();
    if (view == u"conversation")
        panel = MainWindow::ConversationTab;
    else if (view == u"planning" || !stage.isEmpty())
        panel = MainWindow::PlanningTab;
    else if (view == u"destinations" || view == u"editor")
        panel = MainWindow::DestinationsTab;
    else if (view == u"map")
        panel = MainWindow::MapTab;
    if (QScreen* screen = window.screen())
        window.setGeometry(screen->availableGeometry());
    auto done = std::make_shared<bool>(false);
    const bool editor = view == u"editor";
    auto apply = [&window, panel, done, editor, stage, suggest] {
        if (*done || window.tripModel()->rowCount() == 0)
            return;
        *done = true;
        window.tripTable()->setCurrentIndex(window.tripModel()->index(0, 0));
        window.showPanel(panel);
        // After the trip's planning session has shown its own stage.
        if (!stage.isEmpty())
            QTimer::singleShot(1500, &window, [&window, stage, suggest] {
                window.planningPanel()->editor()->showStage(stage);
                const auto asked = tp::suggest::stageFromName(stage);
                if (suggest && asked)
                    window.planningPanel()->askPlanner(*asked);
            });
        // "editor": the destination editor open on the selected trip's destination.
        const tp::Id destination = window.tripModel()->tripAt(0).destinationId.value_or(0);
        if (editor && destination != 0)
            QTimer::singleShot(1500, &window, [&window, destination] {
                window.destinationsPanel()->selectDestination(destination);
                window.destinationsPanel()->editSelected();
            });
    };
    QObject::connect(window.tripModel(), &QAbstractItemModel::modelReset, &window, apply);
    QObject::connect(window.tripModel(), &QAbstractItemModel::rowsInserted, &window, apply);
}

// The app's icon in every size the window manager may ask for (_NET_WM_ICON on
// X11, the taskbar on Windows); the PNGs are rendered from tripplanner.svg.
QIcon appIcon() {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(u":/icons/tripplanner-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    tp::setApplicationIdentity();
    // The language chosen in Settings (the system's when unset), before any text is made.
    tp::applyLanguageSetting(app);
    // Qt appends the display name to every window title ("Lisbon in May — Trip Planner").
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Trip Planner"));
    // Wayland's app id and the X11 window's link to io.github....desktop (its name and icon).
    QGuiApplication::setDesktopFileName(QString::fromLatin1(tp::build::AppId));
    QApplication::setWindowIcon(appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Plan trips, on your computer or on PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption showOption(
        u"show"_s,
        QApplication::translate(
            "main",
            "Open with the newest trip selected and VIEW shown: trips, conversation, "
            "planning, planning:STAGE (accommodation, flights, activities, itinerary, "
            "budget, finalization), suggest:STAGE (the planner's proposals for accommodation, "
            "activities, itinerary or budget), map, destinations or editor (the destination editor)."),
        u"VIEW"_s);
    parser.addOption(showOption);
    parser.process(app);

    // Where the data lives: $DATABASE_URL, else the saved settings (the password
    // from the keychain, read below), else the embedded file in the app-data folder.
    tp::ResolvedDatabaseUrl resolved;
    try {
        resolved = tp::resolveDatabaseUrl({}, QString::fromLatin1(tp::Settings::DefaultProfile),
                                          tp::KeychainPassword::Skip);
    } catch (const tp::Error& e) {
        // A malformed DATABASE_URL: say so, and use the embedded database.
        QMessageBox::warning(nullptr, QApplication::translate("main", "Trip Planner"),
                             QApplication::translate("main",
                                                     "DATABASE_URL is not usable: %1\nUsing the local "
                                                     "database file instead.")
                                 .arg(e.message()));
        resolved = {};
        resolved.url = tp::DatabaseUrl::sqliteFile(tp::defaultDatabaseFile());
    }

    // One window per profile and database: a second launch shows the first's window and ends.
    tp::DatabaseUrl publicUrl = resolved.url;
    publicUrl.password.clear();
    tp::ui::SingleInstance instance(tp::ui::SingleInstance::keyFor(
        QString::fromLatin1(tp::Settings::DefaultProfile), publicUrl.toString()));
    if (!instance.claim())
        return 0;

    std::unique_ptr<Running> running;
    const bool show = parser.isSet(showOption);
    const QString view = parser.value(showOption);
    auto start = [&running, &instance, show, view](const tp::ResolvedDatabaseUrl& database) {
        running = std::make_unique<Running>(database.url);
        tp::ui::MainWindow& window = running->window;
        if (show)
            showViewWhenLoaded(window, view);
        QObject::connect(&instance, &tp::ui::SingleInstance::activationRequested, &window, [&window] {
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.show();
            window.raise();
            window.activateWindow();
        });
        // The settings decide whether the place search and the online tiles
        // are used, and which provider the planner talks to.
        new tp::ui::SettingsFlow(&window, &running->workspace, &running->geocoder, database.url);
        if (!database.note.isEmpty())
            window.statusBar()->showMessage(database.note, 20000);
        if (qEnvironmentVariableIsSet("TP_BENCH_FIRST_FRAME"))
            tp::ui::FirstFrameProbe::install(&window); // tests/bench/bench_startup: quit at the first frame
        window.show();
    };

    if (resolved.passwordPending) {
        // The keychain answers while the event loop runs (it may wait for the
        // user to unlock it); the window is made once the URL is complete.
        const tp::SecretStore store;
        store.readAsync(store.databasePasswordKey(), &app,
                        [resolved, start](const tp::SecretResult& secret) mutable {
                            tp::applyKeychainPassword(resolved, secret,
                                                      QString::fromLatin1(tp::Settings::DefaultProfile));
                            start(resolved);
                        });
    } else {
        start(resolved);
    }
    return app.exec();
}
