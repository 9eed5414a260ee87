// SPDX-License-Identifier: GPL-3.0-or-later
// `migrate` (and every other command) on an SQLite file that another program
// is writing to waits for it like any other statement, instead of failing at
// once on the switch to WAL; a lock held for longer ends in a sentence that
// says what to do.
#include "TestBackends.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSqliteLockWait : public QObject {
    Q_OBJECT

    // Another program's write lock on a file in rollback-journal mode (the
    // mode a file made by another tool has), held until the returned
    // connection commits.
    static QSqlDatabase lockFile(const QString& path) {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-writer"_s);
        other.setDatabaseName(path);
        if (!other.open())
            return other;
        QSqlQuery q(other);
        q.exec(u"PRAGMA journal_mode = DELETE"_s);
        q.exec(u"BEGIN IMMEDIATE"_s);
        q.exec(u"CREATE TABLE someone_elses (x integer)"_s);
        return other;
    }

private Q_SLOTS:
    void migrateWaitsForAnotherWriter() {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"locked.sqlite3"_s);
        {
            QSqlDatabase other = lockFile(file);
            QVERIFY(other.isOpen());
            QProcess cli;
            cli.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
            cli.start(QStringLiteral(TP_CLI_PATH),
                      {u"--database-url"_s, u"sqlite:///"_s + file, u"migrate"_s});
            QVERIFY(cli.waitForStarted());
            // The lock is held while the command starts; an old build failed at once here.
            QVERIFY(!cli.waitForFinished(1200));
            QVERIFY(QSqlQuery(other).exec(u"COMMIT"_s));
            other.close();
            QVERIFY(cli.waitForFinished(30000));
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        }
        QSqlDatabase::removeDatabase(u"other-writer"_s);
    }

    void aLockHeldTooLongIsASentence() {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"locked.sqlite3"_s);
        {
            QSqlDatabase other = lockFile(file);
            QVERIFY(other.isOpen());
            QElapsedTimer t;
            t.start();
            const tp::test::ProcessResult r =
                tp::test::runCli({u"--database-url"_s, u"sqlite:///"_s + file, u"migrate"_s});
            QVERIFY(r.exitCode != 0);
            QVERIFY2(t.elapsed() >= 4500, qPrintable(QString::number(t.elapsed()))); // it waited
            QVERIFY2(r.err.contains(u"another program is writing"_s), qPrintable(r.err));
            QVERIFY2(!r.err.contains(u"Unable to fetch row"_s), qPrintable(r.err)); // no driver jargon
            QSqlQuery(other).exec(u"ROLLBACK"_s);
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other-writer"_s);
    }
};

QTEST_GUILESS_MAIN(TestSqliteLockWait)
#include "tst_sqlite_lock_wait.moc"
