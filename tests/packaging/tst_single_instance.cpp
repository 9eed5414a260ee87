// SPDX-License-Identifier: GPL-3.0-or-later
// One window per profile and database: a second launch finds the first through
// its local server, asks it to show its window and gives up; other keys and a
// socket left behind by a crash do not stop a launch.
#include "main/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using tp::ui::SingleInstance;

class TestSingleInstance : public QObject {
    Q_OBJECT

    // A key of this run only, so parallel test runs never meet.
    static QString uniqueKey() {
        return SingleInstance::keyFor(QUuid::createUuid().toString(), u"sqlite:x"_s);
    }

private Q_SLOTS:
    void secondLaunchRaisesTheFirst() {
        const QString key = uniqueKey();
        SingleInstance first(key);
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);

        SingleInstance second(key);
        QVERIFY(!second.claim()); // it would exit here
        QVERIFY(activated.wait());
        QCOMPARE(activated.count(), 1);

        SingleInstance third(key);
        QVERIFY(!third.claim());
        QTRY_COMPARE(activated.count(), 2);
    }

    void otherProfileOrDatabaseRunsItsOwn() {
        SingleInstance a(
            SingleInstance::keyFor(u"default"_s, u"/tmp/a.sqlite3"_s + QUuid::createUuid().toString()));
        SingleInstance b(
            SingleInstance::keyFor(u"default"_s, u"/tmp/b.sqlite3"_s + QUuid::createUuid().toString()));
        QVERIFY(a.claim());
        QVERIFY(b.claim());
        QVERIFY(SingleInstance::keyFor(u"p1"_s, u"x"_s) != SingleInstance::keyFor(u"p2"_s, u"x"_s));
    }

    // The first instance gone (window closed): the next launch is the first again.
    void laterLaunchAfterExit() {
        const QString key = uniqueKey();
        {
            SingleInstance first(key);
            QVERIFY(first.claim());
        }
        SingleInstance again(key);
        QVERIFY(again.claim());
    }

    // A crash leaves the socket file; nothing answers on it, so it is taken over.
    void staleSocketIsTakenOver() {
#ifdef Q_OS_UNIX
        const QString key = uniqueKey();
        const QString path = QDir(QDir::tempPath()).filePath(SingleInstance::serverName(key));
        QFile stale(path);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance next(key);
        QVERIFY(next.claim());
        SingleInstance second(key);
        QVERIFY(!second.claim());
#endif
    }

    void serverNameIsShortAndNamesTheApp() {
        const QString name = SingleInstance::serverName(QString(5000, u'x'));
        QVERIFY(name.size() < 80);
        QVERIFY(name.startsWith(u"io."_s) || name.contains(u'.'));
        QVERIFY(!name.contains(u'/'));
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
