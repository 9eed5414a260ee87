// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "db/Migrator.h"

#include <QCoreApplication>
using namespace Qt::StringLiterals;

namespace tp::cli {

int cmdMigrate(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("tp::cli", "Create or update the database schema."));
    p.addOption(
        {u"dry-run"_s, QCoreApplication::translate(
                           "tp::cli", "Print the SQL and run it inside a transaction that is rolled back.")});
    p.addHelpOption();
    parseOrThrow(p, args, 0, 0);
    Database& db = ctx.rawDatabase();
    Migrator migrator(db);
    const bool dryRun = p.isSet(u"dry-run"_s);
    const QList<Migration> applied = migrator.migrate(dryRun, [&](const QString& line) {
        if (dryRun)
            ctx.out << line << '\n';
    });
    const SchemaStatus after = migrator.status();
    if (dryRun) {
        ctx.out << QCoreApplication::translate(
                       "tp::cli",
                       "-- Dry run: %n migrations executed inside a transaction and rolled "
                       "back; nothing changed (schema version %1).",
                       nullptr, int(applied.size()))
                       .arg(after.currentVersion)
                << '\n';
        return 0;
    }
    for (const Migration& m : applied)
        ctx.out << QCoreApplication::translate("tp::cli", "Applied %1").arg(m.name) << '\n';
    ctx.out << (applied.isEmpty()
                    ? QCoreApplication::translate("tp::cli", "The schema is up to date (version %1).")
                          .arg(after.currentVersion)
                    : QCoreApplication::translate("tp::cli", "The schema is now at version %1.")
                          .arg(after.currentVersion))
            << '\n';
    return 0;
}

} // namespace tp::cli
