// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog's connection test while the probe's statement waits on a
// lock that another connection holds: "Cancel test" stops it on the server at
// once, and so do closing the dialog and destroying it (which must not block
// the window). The lock stays held throughout.
#include "../keychain/SettingsDialogTestSupport.h"
#include "TestBackends.h"
#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::ui::SettingsDialog;

namespace {

template <class W> W* child(SettingsDialog& d, const char* name) {
    W* w = d.findChild<W*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

int waitingOnLock(const test::TempDatabase& tmp) {
    Database admin(DatabaseUrl::parse(test::cluster().adminUrl));
    return col::integer(admin
                            .query(u"SELECT count(*) AS n FROM pg_stat_activity WHERE datname = :d AND "
                                   u"wait_event_type = 'Lock'"_s,
                                   {{u"d"_s, tmp.url().database}})
                            .first(),
                        "n");
}

// A migrated database whose migrations table is locked by another connection:
// the probe's schema check waits on it.
struct LockedDatabase {
    test::TempDatabase tmp{u"postgres"_s};
    std::unique_ptr<Database> holder;
    LockedDatabase() {
        tmp.connectMigrated();
        holder = tmp.connect();
        holder->execute(u"BEGIN"_s);
        holder->execute(u"LOCK TABLE tripplanner_schema_migrations IN ACCESS EXCLUSIVE MODE"_s);
    }
    ~LockedDatabase() {
        try {
            holder->execute(u"ROLLBACK"_s);
        } catch (const Error&) {
        }
    }
    // Asked of the holder's own backend: a bare "SELECT 1" would also succeed
    // after the holder's connection had been killed (a read is retried on a new
    // connection), when the lock is long gone.
    bool holding() {
        try {
            return col::integer(
                       holder
                           ->query(u"SELECT count(*) AS n FROM pg_locks WHERE pid = pg_backend_pid() "
                                   u"AND relation = 'tripplanner_schema_migrations'::regclass "
                                   u"AND mode = 'AccessExclusiveLock' AND granted"_s)
                           .first(),
                       "n") == 1;
        } catch (const Error&) {
            return false;
        }
    }
};

void startTest(SettingsDialog& d, const test::TempDatabase& tmp) {
    child<QLineEdit>(d, "pasteEdit")->setText(tmp.url().toString());
    child<QPushButton>(d, "pasteButton")->click();
    auto* ssl = child<QComboBox>(d, "sslCombo");
    ssl->setCurrentIndex(ssl->findData(u"disable"_s));
    child<QPushButton>(d, "dbTestButton")->click();
}

} // namespace

class TestSettingsCancel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void cancelButtonStopsTheProbe() {
        LockedDatabase locked;
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        QSignalSpy finished(&d, &SettingsDialog::databaseTestFinished);
        startTest(d, locked.tmp);
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLock(locked.tmp) > 0, 30000);
        child<QPushButton>(d, "dbCancelButton")->click();
        QVERIFY(!d.databaseTestRunning());
        QVERIFY(child<QPushButton>(d, "dbTestButton")->isEnabled());
        // The probe's statement is cancelled on the server, with the lock still held.
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLock(locked.tmp), 0, 5000);
        QVERIFY(locked.holding());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(d.databaseTestText().contains(u"cancelled"_s), qPrintable(d.databaseTestText()));
    }

    void closingTheDialogStopsTheProbe() {
        LockedDatabase locked;
        SettingsDialog d;
        QVERIFY(test::secretsLoaded(d));
        startTest(d, locked.tmp);
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLock(locked.tmp) > 0, 30000);
        d.reject();
        QVERIFY(!d.databaseTestRunning());
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLock(locked.tmp), 0, 5000);
        QVERIFY(locked.holding());
    }

    // Destroying the dialog joins the probe's thread: it must not wait for the lock.
    void destroyingTheDialogDoesNotBlock() {
        LockedDatabase locked;
        auto* d = new SettingsDialog;
        QVERIFY(test::secretsLoaded(*d));
        startTest(*d, locked.tmp);
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLock(locked.tmp) > 0, 30000);
        QElapsedTimer timer;
        timer.start();
        delete d;
        const qint64 ms = timer.elapsed();
        QVERIFY2(locked.holding(), "the lock went away: the test proves nothing");
        qInfo("the dialog was destroyed after %lld ms with the lock still held", ms);
        QVERIFY2(ms < 5000, qPrintable(u"destroying the dialog took %1 ms"_s.arg(ms)));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLock(locked.tmp), 0, 5000);
    }
};

QTEST_MAIN(TestSettingsCancel)
#include "tst_settings_cancel.moc"
