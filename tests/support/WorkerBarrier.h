// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "worker/DatabaseWorker.h"

#include <QObject>
#include <QTest>

namespace tp::test {

// Waits until every job posted to the database thread before this call has
// run and been answered on this thread: the worker runs jobs in order and the
// answers come back in order. A barrier, not a sleep; it lets a test say that
// something was NOT done (a declined delete) without waiting "long enough".
inline bool waitForPostedJobs(DatabaseService& service, int timeoutMs = 30000) {
    bool answered = false;
    QObject context;
    service.post<int>(
        &context, [](Database&) { return 0; }, [&](Result<int>) { answered = true; });
    return QTest::qWaitFor([&] { return answered; }, timeoutMs);
}

} // namespace tp::test
