// SPDX-License-Identifier: GPL-3.0-or-later
// Help > About: the Help menu's entries, and the dialog showing the version, the
// Qt versions, the licence and every attribution the bundled data and services ask for.
#include "main/AboutDialog.h"

#include "config/AppPaths.h"
#include "config/BuildInfo.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace tp::ui;

class TestAbout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { tp::setApplicationIdentity(); }

    void versionIsTheProjects() {
        QVERIFY(!QString::fromLatin1(tp::build::Version).isEmpty());
        QCOMPARE(QCoreApplication::applicationVersion(), QString::fromLatin1(tp::build::Version));
    }

    void dialogShowsVersionLicenceAndAttributions() {
        AboutDialog dialog;
        auto* version = dialog.findChild<QLabel*>(u"aboutVersion"_s);
        QVERIFY(version);
        const QString head = version->text();
        QVERIFY2(head.contains(QString::fromLatin1(tp::build::Version)), qPrintable(head));
        QVERIFY(head.contains(QString::fromLatin1(QT_VERSION_STR)));
        QVERIFY(head.contains(QString::fromLatin1(qVersion())));
        QVERIFY(head.contains(u"GPL-3.0-or-later"_s));
        QVERIFY(head.contains(QString::fromLatin1(tp::build::DocumentationUrl)));

        auto* attributions = dialog.findChild<QTextBrowser*>(u"aboutAttributions"_s);
        QVERIFY(attributions);
        const QString text = attributions->toPlainText();
        for (const QString& needed : {u"GeoNames"_s, u"CC BY 4.0"_s, u"Natural Earth"_s, u"OurAirports"_s,
                                      u"Open Travel Data"_s, u"OpenStreetMap contributors"_s, u"Nominatim"_s,
                                      u"Qt"_s, u"QtKeychain"_s, u"libpq"_s, u"OpenSSL"_s})
            QVERIFY2(text.contains(needed), qPrintable(needed + u" missing from: "_s + text));
        QVERIFY(attributions->toHtml().contains(u"https://www.openstreetmap.org/copyright"_s));
    }

    void helpMenuHasDocsAboutAndAboutQt() {
        QMainWindow window;
        addHelpMenu(&window);
        auto* help = window.menuBar()->findChild<QMenu*>(u"helpMenu"_s);
        QVERIFY(help);
        QCOMPARE(help->menuAction()->text().remove(u'&'), u"Help"_s);
        for (const QString& name : {u"actionDocumentation"_s, u"actionAbout"_s, u"actionAboutQt"_s})
            QVERIFY2(window.findChild<QAction*>(name), qPrintable(name));
        QCOMPARE(window.findChild<QAction*>(u"actionAbout"_s)->menuRole(), QAction::AboutRole);
        QCOMPARE(window.findChild<QAction*>(u"actionAboutQt"_s)->menuRole(), QAction::AboutQtRole);
    }

    // Triggering About opens the modal dialog on the window; Close ends it.
    void aboutActionOpensTheDialog() {
        QMainWindow window;
        addHelpMenu(&window);
        window.show();
        QString seen;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* modal = QApplication::activeModalWidget()) {
                seen = modal->objectName();
                modal->close();
            }
        });
        poll.start();
        window.findChild<QAction*>(u"actionAbout"_s)->trigger(); // returns when the dialog closes
        poll.stop();
        QCOMPARE(seen, u"aboutDialog"_s);
    }
};

QTEST_MAIN(TestAbout)
#include "tst_about.moc"
