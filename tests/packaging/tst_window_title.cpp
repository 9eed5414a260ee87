// SPDX-License-Identifier: GPL-3.0-or-later
// The window's title is the open trip's title; the platform appends the display
// name ("Lisbon in May — Trip Planner"), so the title never repeats the app's
// name or shows the user name.
#include "TestBackends.h"
#include "TripListModel.h"
#include "Workspace.h"
#include "main/MainWindow.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::MainWindow;

class TestWindowTitle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TripPlannerTests"_s);
        QCoreApplication::setApplicationName(u"tst_window_title"_s);
    }

    void titleFollowsTheOpenTrip() {
        test::TempDatabase tmp(u"sqlite"_s);
        {
            auto db = tmp.connectMigrated();
            const User user = UserRepository(*db).ensureLocalUser(u"tester"_s);
            Trip draft;
            draft.title = u"Lisbon in May"_s;
            TripRepository(*db, user.id).create(draft);
        }
        DatabaseService service(tmp.url(), 0);
        app::Workspace workspace(&service, u"tester"_s);
        MainWindow w(&workspace);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Nothing open: an empty title, which the platform shows as the display name alone.
        QVERIFY2(!w.windowTitle().contains(u"tester"_s), qPrintable(w.windowTitle()));
        QTRY_COMPARE(w.tripModel()->rowCount(), 1);
        w.tripTable()->setCurrentIndex(w.tripModel()->index(0, 0));
        QTRY_COMPARE(w.windowTitle(), u"Lisbon in May"_s);
    }
};

QTEST_MAIN(TestWindowTitle)
#include "tst_window_title.moc"
