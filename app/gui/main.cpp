#include "TripListModel.h"
#include "config/AppPaths.h"
#include "config/DatabaseLocation.h"
#include "config/ProviderFromSettings.h"
#include "config/SecretStore.h"
#include "config/Settings.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "db/DatabaseUrl.h"
#include "destinations/DestinationsPanel.h"
#include "geo/GeocodingService.h"
#include "main/FirstFrameProbe.h"
#include "main/MainWindow.h"
#include "map/MapWidget.h"
#include "settings/SettingsDialog.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcess>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <memory>

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
    tp::ui::MainWindow window(&service, tp::osUserName());
    if (parser.isSet(showOption))
        showViewWhenLoaded(window, parser.value(showOption));

    // The map's online services, as the settings say: tiles for every map, and
    // the online place search (its own thread and connection) for the editor.
    tp::geo::GeocodingService geocoder(url, {});
    const auto applyMapSettings = [&] {
        const tp::MapSettings map = tp::Settings().map();
        tp::ui::TileSourceConfig tiles;
        tiles.urlTemplate = map.effectiveTileUrl();
        tiles.attribution = map.effectiveTileAttribution();
        tp::ui::MapWidget::setOnlineTilesForAll(map.onlineTiles, tiles);
        geocoder.setConfig({map.effectiveGeocoderUrl(), {}, {}, 20000});
        window.destinationsPanel()->setGeocoder(map.onlineGeocoding ? &geocoder : nullptr);
    };
    applyMapSettings();

    // The AI planner: its own thread and database connection, for the local
    // user the window finds or creates once connected; the provider as the
    // settings say (offline when none), the key from the keychain.
    std::unique_ptr<tp::conversation::ConversationService> planner;
    const auto currentProvider = [&window] {
        QString problem;
        const tp::llm::ProviderConfig config =
            tp::providerFromSettings(tp::Settings(), tp::SecretStore(), &problem);
        if (!problem.isEmpty())
            window.statusBar()->showMessage(problem, 20000);
        return config;
    };
    tp::ui::ConversationPanel* panel = window.conversationPanel();
    QObject::connect(panel, &tp::ui::ConversationPanel::userIdChanged, &window, [&, panel](tp::Id user) {
        panel->setConversationService(nullptr);
        planner.reset();
        if (user == 0)
            return;
        planner = std::make_unique<tp::conversation::ConversationService>(url, user, currentProvider());
        panel->setConversationService(planner.get());
    });
    QObject::connect(&window, &tp::ui::MainWindow::settingsRequested, &window, [&] {
        tp::ui::SettingsDialog dialog(QString::fromLatin1(tp::Settings::DefaultProfile), &window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        applyMapSettings();
        if (planner)
            planner->setProvider(currentProvider());
        // Another database chosen: both databases keep their data; the app
        // reconnects by starting again (every thread opens its connection anew).
        QString ignored;
        tp::DatabaseUrl chosen;
        try {
            chosen = resolveStartupDatabaseUrl(&ignored);
        } catch (const tp::Error&) {
            return; // the dialog has already said what is wrong with it
        }
        if (chosen.toString() == url.toString())
            return;
        if (!qEnvironmentVariable("DATABASE_URL").trimmed().isEmpty()) {
            QMessageBox::information(
                &window, QApplication::translate("main", "Database"),
                QApplication::translate("main", "Saved. DATABASE_URL is set in the environment and "
                                                "takes precedence over the settings."));
            return;
        }
        const auto answer = QMessageBox::question(
            &window, QApplication::translate("main", "Database"),
            QApplication::translate("main", "Trip Planner will now use %1. Restart to connect to it?")
                .arg(chosen.displayLocation()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                    QCoreApplication::arguments().mid(1));
            window.close();
        }
    });
    if (!startupNote.isEmpty())
        window.statusBar()->showMessage(startupNote, 20000);

    if (qEnvironmentVariableIsSet("TP_BENCH_FIRST_FRAME"))
        tp::ui::FirstFrameProbe::install(&window); // tests/bench/bench_startup: quit at the first frame
    window.show();
    const int code = app.exec();
    panel->setConversationService(nullptr);
    planner.reset(); // cancels a reply in progress and joins the planner's thread
    return code;
}
