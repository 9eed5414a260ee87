// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include "Settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
bool& pseudoChosen() {
    static bool chosen = false;
    return chosen;
}
} // namespace

QString installTranslations(QCoreApplication& app, const QLocale& locale, bool withQt) {
    // The .qm files are resources of tripcore (app/core/CMakeLists.txt).
    auto* own = new QTranslator(&app);
    if (pseudoChosen() && own->load(u"tripplanner_pseudo"_s, u":/i18n"_s)) {
        app.installTranslator(own);
        return u"pseudo"_s;
    }
    if (own->load(locale, u"tripplanner"_s, u"_"_s, u":/i18n"_s) ||
        own->load(u"tripplanner_en"_s, u":/i18n"_s)) {
        app.installTranslator(own);
    } else {
        delete own;
        own = nullptr;
    }
    const QString language = own ? own->language() : QString();
    // Qt's dialogs and context menus, in the app's language.
    if (withQt && !language.isEmpty() && !language.startsWith(u"en"_s)) {
        auto* qt = new QTranslator(&app);
        if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
        else
            delete qt;
    }
    return language;
}

QStringList availableLanguages() {
    QStringList out;
    const QStringList files = QDir(u":/i18n"_s).entryList({u"tripplanner_*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString& f : files)
        out << f.mid(12, f.size() - 12 - 3); // "tripplanner_" ... ".qm"
    return out;
}

QLocale localeForLanguage(const QString& code) {
    if (code.isEmpty())
        return QLocale::system();
    if (code == u"pseudo")
        return QLocale(QLocale::English, QLocale::system().territory());
    const QLocale chosen(code);
    if (code.contains(u'_'))
        return chosen;
    // The language alone: keep the system's country when Qt knows the pair.
    const QLocale withCountry(chosen.language(), QLocale::system().territory());
    return withCountry.language() == chosen.language() ? withCountry : chosen;
}

void applyLanguageSetting(QCoreApplication& app) {
    const QString code = Settings().language();
    pseudoChosen() = code == u"pseudo";
    const QLocale locale = localeForLanguage(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    installTranslations(app, locale);
}

} // namespace tp
