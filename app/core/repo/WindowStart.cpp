// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowStart.h"

namespace tp {

WindowStart readWindowStart(Database& db, const QString& osUserName, const TripFilter& filter,
                            const TripOrder& order, int pageSize) {
    if (!db.isPostgres()) {
        // No round trips to save: the count (a scan of every matching trip) is
        // left to a job of its own, so that the first rows are not kept waiting.
        WindowStart start;
        start.user = UserRepository(db).ensureLocalUser(osUserName);
        start.trips.rows = TripRepository(db, start.user.id).page(filter, order, pageSize);
        start.trips.total = -1;
        return start;
    }
    const QString name = UserRepository::localUserNameFor(osUserName);
    QList<QPair<QString, SqlParams>> statements = {UserRepository::findByNameStatement(name)};
    statements += TripRepository::ofUserNamed(db, name).firstPageStatements(filter, order, pageSize);
    const QList<SqlRows> r = db.queryPipeline(statements);
    WindowStart start;
    if (!r.at(0).isEmpty()) {
        start.user = userFromRow(r.at(0).first());
        start.trips = TripRepository::firstPageFrom(r.at(1), r.at(2));
        return start;
    }
    // First run: the user is created (or was, a moment ago, by another process).
    start.user = UserRepository(db).ensureLocalUser(osUserName);
    start.trips = TripRepository(db, start.user.id).firstPage(filter, order, pageSize);
    return start;
}

} // namespace tp
