// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace tp {

// Splits a migration file into statements at the semicolons that end them:
// not inside quotes, comments or $$ bodies, and for CREATE TRIGGER only at the
// ";" after its END. QSQLITE runs one statement per exec, and a statement at a
// time gives a migration error a line to point at.
QStringList splitSqlScript(const QString& script);

// If a quoted string, quoted identifier, comment or dollar-quoted body starts
// at `i`, returns the index just past its end (the text's end when it is not
// closed); otherwise -1. Knows '…' (with '' inside), E'…' (with backslash
// escapes), "…", -- line comments, /* nested */ comments and $tag$…$tag$.
// Shared by the statement splitter and the placeholder binder, so that both
// agree on what is code.
qsizetype skipNonCode(const QString& sql, qsizetype i);

} // namespace tp
