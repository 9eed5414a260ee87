#include "TripListModel.h"
#include "Workspace.h"
#include "config/AppPaths.h"
#include "config/DatabaseLocation.h"
#include "db/DatabaseUrl.h"
#include "destinations/DestinationsPanel.h"
#include "geo/GeocodingService.h"
#include "main/FirstFrameProbe.h"
#include "main/MainWindow.h"
#include "main/SettingsFlow.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Where the data lives: $DATABASE_URL, else the saved settings (the password
// from the keychain), else the embedded file in the app-data folder.
tp::DatabaseUrl resolveStartupDatabaseUrl(QString* note) {
    const tp::ResolvedDatabaseUrl resolved = tp::resolveDatabaseUrl();
    if (note)
        *note = resolved.note;
    return resolved.url;
}

// --show VIEW (screenshots, demos): once the trips are in, the newest one is
// selected and VIEW shown, the window filling the screen.
void showViewWhenLoaded(tp::ui::MainWindow& window, const QString& view) {
    using tp::ui::MainWindow;
    MainWindow::Panel panel = MainWindow::DetailsPanel;
    if (view == u"conversation")
        panel = MainWindow::ConversationTab;
    else if (view == u"planning")
        panel = MainWindow::PlanningTab;
    else if (view == u"destinations" || view == u"editor")
        panel = MainWindow::DestinationsTab;
    else if (view == u"map")
        panel = MainWindow::MapTab;
    if (QScreen* screen = window.screen())
        window.setGeometry(screen->availableGeometry());
    auto done = std::make_shared<bool>(false);
    const bool editor = view == u"editor";
    auto apply = [&window, panel, done, editor] {
        if (*done || window.tripModel()->rowCount() == 0)
            return;
        *done = true;
        window.tripTable()->setCurrentIndex(window.tripModel()->index(0, 0));
        window.showPanel(panel);
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

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    tp::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Trip Planner"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Plan trips, on your computer or on PostgreSQL."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption showOption(
        u"show"_s,
        QApplication::translate("main",
                                "Open with the newest trip selected and VIEW shown: trips, conversation, "
                                "planning, map, destinations or editor (the destination editor)."),
        u"VIEW"_s);
    parser.addOption(showOption);
    parser.process(app);

    tp::DatabaseUrl url;
    QString startupNote;
    try {
        url = resolveStartupDatabaseUrl(&startupNote);
    } catch (const tp::Error& e) {
        // A malformed DATABASE_URL: say so, and use the embedded database.
        QMessageBox::warning(nullptr, QApplication::translate("main", "Trip Planner"),
                             QApplication::translate("main",
                                                     "DATABASE_URL is not usable: %1\nUsing the local "
                                                     "database file instead.")
                                 .arg(e.message()));
        url = tp::DatabaseUrl::sqliteFile(tp::defaultDatabaseFile());
    }

    // The service (its thread and connection) outlives the window.
    tp::DatabaseService service(url);
    // What the window works with (the user, the planner, the open trip); it
    // joins the planner's thread before the database service goes.
    tp::app::Workspace workspace(&service, tp::osUserName());
    tp::ui::MainWindow window(&workspace);
    if (parser.isSet(showOption))
        showViewWhenLoaded(window, parser.value(showOption));

    // The online place search (its own thread and connection) for the
    // destination editor; the settings decide whether it and the online tiles
    // are used, and which provider the planner talks to.
    tp::geo::GeocodingService geocoder(url, {});
    new tp::ui::SettingsFlow(&window, &workspace, &geocoder, url);
    if (!startupNote.isEmpty())
        window.statusBar()->showMessage(startupNote, 20000);

    if (qEnvironmentVariableIsSet("TP_BENCH_FIRST_FRAME"))
        tp::ui::FirstFrameProbe::install(&window); // tests/bench/bench_startup: quit at the first frame
    window.show();
    return app.exec();
}
