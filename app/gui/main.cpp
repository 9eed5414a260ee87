#include "TripListModel.h"
#include "config/AppPaths.h"
#include "db/DatabaseUrl.h"
#include "main/MainWindow.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QScreen>
#include <QTableView>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Where the data lives. For now: DATABASE_URL, else the embedded file in the
// app-data folder. The settings module replaces the body of this one function
// with tp::resolveDatabaseUrl() (saved connection, keychain password).
tp::DatabaseUrl resolveStartupDatabaseUrl() {
    const QString env = qEnvironmentVariable("DATABASE_URL");
    if (!env.trimmed().isEmpty())
        return tp::DatabaseUrl::parse(env.trimmed());
    return tp::DatabaseUrl::sqliteFile(tp::defaultDatabaseFile());
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
    else if (view == u"destinations")
        panel = MainWindow::DestinationsTab;
    if (QScreen* screen = window.screen())
        window.setGeometry(screen->availableGeometry());
    auto done = std::make_shared<bool>(false);
    auto apply = [&window, panel, done] {
        if (*done || window.tripModel()->rowCount() == 0)
            return;
        *done = true;
        window.tripTable()->setCurrentIndex(window.tripModel()->index(0, 0));
        window.showPanel(panel);
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
                                "planning or destinations."),
        u"VIEW"_s);
    parser.addOption(showOption);
    parser.process(app);

    tp::DatabaseUrl url;
    try {
        url = resolveStartupDatabaseUrl();
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
    window.show();
    return app.exec();
}
