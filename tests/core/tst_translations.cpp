// SPDX-License-Identifier: GPL-3.0-or-later
// The translations compiled into the core: English plural forms from one
// "%n" source text (window and CLI texts alike), the English file as the
// fallback for a language without its own, German, French and Spanish with
// their own plural rules and Qt's texts in the same language, the language
// setting, and none of it before install.
#include "config/Settings.h"
#include "config/Translations.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {
// Removes the translators installed since `before`, so the next row starts as this one did.
void removeTranslatorsSince(const QList<QTranslator*>& before) {
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>())
        if (!before.contains(t)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
}
QString translated(const char* context, const char* text, int n = -1) {
    return QCoreApplication::translate(context, text, nullptr, n);
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase() {
        // The language setting is read from this profile, not the user's.
        qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    }

    void beforeInstallTheSourceTextShows() {
        // What a test of a widget sees (no translator): the plural source.
        QCOMPARE(QCoreApplication::translate("tp::ui::ItineraryView", "%n days", nullptr, 1), u"1 days"_s);
    }

    void englishPlurals_data() {
        QTest::addColumn<QString>("locale");
        QTest::newRow("en_GB") << u"en_GB"_s;
        QTest::newRow("en_US") << u"en_US"_s;
        // No Japanese file: English with its plural forms, not "1 days".
        QTest::newRow("ja_JP falls back") << u"ja_JP"_s;
        QTest::newRow("C") << u"C"_s;
    }
    void englishPlurals() {
        QFETCH(QString, locale);
        const QList<QTranslator*> before = QCoreApplication::instance()->findChildren<QTranslator*>();
        QCOMPARE(tp::installTranslations(*QCoreApplication::instance(), QLocale(locale)), u"en"_s);
        QCOMPARE(translated("tp::ui::ItineraryView", "%n days", 1), u"1 day"_s);
        QCOMPARE(translated("tp::ui::ItineraryView", "%n days", 0), u"0 days"_s);
        QCOMPARE(translated("tp::ui::ItineraryView", "%n days", 21), u"21 days"_s);
        QCOMPARE(translated("tp::TripListModel", "%n days", 1), u"1 day"_s);
        QCOMPARE(translated("tp::ui::MainWindow", "%n trips", 1), u"1 trip"_s);
        QCOMPARE(translated("tp::ui::plan_files", "Exported %n events to %1.", 1),
                 u"Exported 1 event to %1."_s);
        QCOMPARE(translated("tp::ui::plan_files", "Exported %n events to %1.", 3),
                 u"Exported 3 events to %1."_s);
        QCOMPARE(translated("tp::cli", "Added %n ideas to the plan.", 1), u"Added 1 idea to the plan."_s);
        QCOMPARE(translated("tp::cli", "Wrote %n pages to %1", 2), u"Wrote 2 pages to %1"_s);
        QCOMPARE(
            translated(
                "tp::ConnectionProbe",
                "Schema: older than this app (version %1 of %2, %n migrations pending); it can be migrated "
                "now.",
                1),
            u"Schema: older than this app (version %1 of %2, 1 migration pending); it can be migrated now."_s);
        // Texts without a count are the source text itself (English is the source language).
        QCOMPARE(QCoreApplication::translate("tp::ui::MainWindow", "Trips"), u"Trips"_s);
        removeTranslatorsSince(before);
    }

    void otherLanguages_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("trips");    // a window text
        QTest::addColumn<QString>("required"); // a core text (validation)
        QTest::addColumn<QString>("zeroDays"); // French counts 0 as singular
        QTest::addColumn<QString>("oneDay");
        QTest::addColumn<QString>("threeDays");
        QTest::addColumn<QString>("qtCancel"); // Qt's own, from qtbase_<language>
        QTest::newRow("de_DE") << u"de_DE"_s << u"de_DE"_s << u"Reisen"_s << u"ist erforderlich"_s
                               << u"0 Tage"_s << u"1 Tag"_s << u"3 Tage"_s << u"Abbrechen"_s;
        QTest::newRow("de_CH") << u"de_CH"_s << u"de_DE"_s << u"Reisen"_s << u"ist erforderlich"_s
                               << u"0 Tage"_s << u"1 Tag"_s << u"3 Tage"_s << u"Abbrechen"_s;
        QTest::newRow("fr_FR") << u"fr_FR"_s << u"fr_FR"_s << u"Voyages"_s << u"est obligatoire"_s
                               << u"0 jour"_s << u"1 jour"_s << u"3 jours"_s << u"Annuler"_s;
        QTest::newRow("es_MX") << u"es_MX"_s << u"es_ES"_s << u"Viajes"_s << u"es obligatorio"_s
                               << u"0 días"_s << u"1 día"_s << u"3 días"_s << u"Cancelar"_s;
    }
    void otherLanguages() {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        const QList<QTranslator*> before = QCoreApplication::instance()->findChildren<QTranslator*>();
        QCOMPARE(tp::installTranslations(*QCoreApplication::instance(), QLocale(locale)), language);
        QTEST(translated("tp::ui::MainWindow", "Trips"), "trips");
        QTEST(translated("tp::Validation", "is required"), "required");
        QTEST(translated("tp::ui::ItineraryView", "%n days", 0), "zeroDays");
        QTEST(translated("tp::ui::ItineraryView", "%n days", 1), "oneDay");
        QTEST(translated("tp::ui::ItineraryView", "%n days", 3), "threeDays");
        // Qt's dialog buttons come in the same language (Debian's qt6-translations-l10n).
        QTEST(translated("QPlatformTheme", "Cancel"), "qtCancel");
        // The CLI's help is translated too (a text of QT_TRANSLATE_NOOP data).
        QVERIFY(
            translated("tp::cli", "Create or update the schema (--dry-run: show the SQL, change nothing)") !=
            u"Create or update the schema (--dry-run: show the SQL, change nothing)"_s);
        removeTranslatorsSince(before);
    }

    void availableLanguages() {
        const QStringList languages = tp::availableLanguages();
        for (const QString& l : {u"de"_s, u"en"_s, u"es"_s, u"fr"_s})
            QVERIFY2(languages.contains(l), qPrintable(languages.join(u' ')));
    }

    void languageSetting() {
        tp::Settings settings;
        QVERIFY(settings.language().isEmpty());
        QCOMPARE(tp::localeForLanguage({}), QLocale::system());
        QCOMPARE(tp::localeForLanguage(u"fr"_s).language(), QLocale::French);
        QCOMPARE(tp::localeForLanguage(u"pt_BR"_s).territory(), QLocale::Brazil);
        QVERIFY_THROWS_EXCEPTION(tp::Error, settings.setLanguage(u"German!"_s));
        settings.setLanguage(u"es"_s);
        settings.sync();
        QCOMPARE(tp::Settings().value(u"ui.language"_s), u"es"_s);

        // What both programs do at start: the chosen language for texts, dates and numbers.
        const QList<QTranslator*> before = QCoreApplication::instance()->findChildren<QTranslator*>();
        const QLocale systemDefault;
        tp::applyLanguageSetting(*QCoreApplication::instance());
        QCOMPARE(QLocale().language(), QLocale::Spanish);
        QCOMPARE(translated("tp::ui::MainWindow", "Trips"), u"Viajes"_s);
        QCOMPARE(QLocale().decimalPoint(), u","_s);
        removeTranslatorsSince(before);
        QLocale::setDefault(systemDefault);
        settings.setLanguage({});
        settings.sync();
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
