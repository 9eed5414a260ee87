#include "config/AppPaths.h"
#include "db/DatabaseUrl.h"
#include "main/MainWindow.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QMessageBox>

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

} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    tp::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Trip Planner"));

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
    window.show();
    return app.exec();
}
