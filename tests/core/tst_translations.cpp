// SPDX-License-Identifier: GPL-3.0-or-later
// The translations compiled into the core: English plural forms from one
// "%n" source text (window and CLI texts alike), the English file as the
// fallback for a language without its own, and none of it before install.
#include "config/Translations.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void beforeInstallTheSourceTextShows() {
        // What a test of a widget sees (no translator): the plural source.
        QCOMPARE(QCoreApplication::translate("tp::ui::ItineraryView", "%n days", nullptr, 1), u"1 days"_s);
    }

    void englishPlurals_data() {
        QTest::addColumn<QString>("locale");
        QTest::newRow("en_GB") << u"en_GB"_s;
        QTest::newRow("en_US") << u"en_US"_s;
        // No German file yet: English with its plural forms, not "1 days".
        QTest::newRow("de_DE falls back") << u"de_DE"_s;
        QTest::newRow("C") << u"C"_s;
    }
    void englishPlurals() {
        QFETCH(QString, locale);
        const QList<QTranslator*> before = QCoreApplication::instance()->findChildren<QTranslator*>();
        QCOMPARE(tp::installTranslations(*QCoreApplication::instance(), QLocale(locale)), u"en"_s);
        auto tr = [](const char* context, const char* text, int n) {
            return QCoreApplication::translate(context, text, nullptr, n);
        };
        QCOMPARE(tr("tp::ui::ItineraryView", "%n days", 1), u"1 day"_s);
        QCOMPARE(tr("tp::ui::ItineraryView", "%n days", 0), u"0 days"_s);
        QCOMPARE(tr("tp::ui::ItineraryView", "%n days", 21), u"21 days"_s);
        QCOMPARE(tr("tp::TripListModel", "%n days", 1), u"1 day"_s);
        QCOMPARE(tr("tp::ui::MainWindow", "%n trips", 1), u"1 trip"_s);
        QCOMPARE(tr("tp::ui::plan_files", "Exported %n events to %1.", 1), u"Exported 1 event to %1."_s);
        QCOMPARE(tr("tp::ui::plan_files", "Exported %n events to %1.", 3), u"Exported 3 events to %1."_s);
        QCOMPARE(tr("tp::cli", "Added %n ideas to the plan.", 1), u"Added 1 idea to the plan."_s);
        QCOMPARE(tr("tp::cli", "Wrote %n pages to %1", 2), u"Wrote 2 pages to %1"_s);
        QCOMPARE(
            tr("tp::ConnectionProbe",
               "Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated "
               "now.",
               1),
            u"Schema: older than this app (version %1 of %2, 1 migration pending); it can be migrated now."_s);
        // Texts without a count are the source text itself (English is the source language).
        QCOMPARE(QCoreApplication::translate("tp::ui::MainWindow", "Trips"), u"Trips"_s);
        // Leave the next row as this one found it.
        for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>())
            if (!before.contains(t)) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
