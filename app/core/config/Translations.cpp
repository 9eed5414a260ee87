// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace tp {

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
    // The .qm files are resources of tripcore (app/core/CMakeLists.txt).
    auto* own = new QTranslator(&app);
    if (own->load(locale, u"tripplanner"_s, u"_"_s, u":/i18n"_s) ||
        own->load(u"tripplanner_en"_s, u":/i18n"_s)) {
        app.installTranslator(own);
    } else {
        delete own;
        own = nullptr;
    }
    // Qt's dialogs and context menus; absent (and not needed) in English.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return own ? own->language() : QString();
}

} // namespace tp
