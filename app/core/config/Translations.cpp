// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace tp {

QString installTranslations(QCoreApplication& app, const QLocale& locale, bool withQt) {
    // The .qm files are resources of tripcore (app/core/CMakeLists.txt).
    auto* own = new QTranslator(&app);
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

} // namespace tp
