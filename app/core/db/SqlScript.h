#pragma once

#include <QStringList>

namespace tp {

// Splits a migration file into statements at the semicolons that end them:
// not inside quotes, comments or $$ bodies, and for CREATE TRIGGER only at the
// ";" after its END. QSQLITE runs one statement per exec, and a statement at a
// time gives a migration error a line to point at.
QStringList splitSqlScript(const QString& script);

} // namespace tp
