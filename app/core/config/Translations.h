// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

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
// window in English with German buttons); `withQt` false leaves them out.
QString installTranslations(QCoreApplication& app, const QLocale& locale = QLocale(), bool withQt = true);

// The languages the app's texts exist in ("de", "en", "es", "fr"; "pseudo"
// in a build made with TP_PSEUDO_TRANSLATION), sorted.
QStringList availableLanguages();

// The locale for the language setting (Settings::language()): the system's
// when it is empty, else that language with the system's country where the
// pair exists (German in Switzerland), so dates and numbers follow the
// language as well. "pseudo" is English, with the pseudo-translation's texts.
QLocale localeForLanguage(const QString& code);

// What both programs do first: the profile's language setting (the system's
// language when it is unset), as the default locale and in the translators.
void applyLanguageSetting(QCoreApplication& app);

} // namespace tp
