// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace tp {

// Installs the translations for `locale` on `app` (the window and the CLI
// call it first thing): the nearest of the app's own files compiled in
// (translations/tripplanner_<language>.ts; English, the source language, is
// the fallback, and its file holds the plural forms, so tr("%n days", n)
// reads "1 day" and "3 days"), then Qt's own (qtbase_<language>, from Qt's
// translations folder) in that same language when the system has them. Returns the language of the
// app's file that was loaded ("en" when no nearer one exists), or an empty
// string when none could be (a build without its translations). Qt's files
// are loaded only for a language other than English (Qt ships no qtbase_en).
// Qt's own texts follow the app's language, never only the system's (a
// window in English with German buttons); `withQt` false leaves them out
// entirely (the CLI, whose help is parsed as English text).
QString installTranslations(QCoreApplication& app, const QLocale& locale = QLocale(), bool withQt = true);

} // namespace tp
