// SPDX-License-Identifier: GPL-3.0-or-later
// A conversation turn as the user waits for it (issue 14): the conversation
// panel with the offline planner, from pressing Send to the planner's reply on
// screen, and for the turn that recommends, to the three cards. On SQLite, and
// on PostgreSQL directly and behind a loopback proxy that adds latency (50 ms
// each way: a 100 ms round trip, as to a distant Neon). Both the window's
// connection and the planner's go through the proxy. It prints each turn's
// time, the statements the window's connection ran for it (none: the result
// is applied as it comes) and the time in round trips.
//
//   QT_QPA_PLATFORM=offscreen TP_BENCH_PG_URL=postgresql://... build/tests/bench/bench_turn
//
// TP_BENCH_DELAYS_MS: one-way delays to measure (default 50); TP_BENCH_PG_URL as for bench_gui.
#include "DelayProxy.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "conversation/ConversationService.h"
#include "db/Migrator.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFrame>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QTextStream out(stdout);

double msSince(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// The answers a person gives the offline planner until it recommends.
const QStringList Answers{u"A relaxed beach holiday with good food"_s,
                          u"About $100 a day"_s,
                          u"In June"_s,
                          u"5 days"_s,
                          u"Two adults"_s,
                          u"Beaches, food and a bit of hiking"_s,
                          u"Nothing else"_s};

struct Turn {
    double ms = 0;
    quint64 windowStatements = 0;
    bool cards = false;
};

// A user and a trip of its own in `direct` (not measured); the turns through `url`.
QList<Turn> measure(const DatabaseUrl& direct, const DatabaseUrl& url, const QString& userName) {
    User user;
    Id tripId = 0;
    {
        Database db(direct);
        Migrator(db).migrate();
        user = UserRepository(db).ensureLocalUser(userName);
        Trip draft;
        draft.title = u"Somewhere warm"_s;
        tripId = TripRepository(db, user.id).create(draft).id;
    }
    QList<Turn> turns;
    DatabaseService service(url, 0);
    if (!QTest::qWaitFor([&] { return service.state() == DatabaseService::State::Connected; }, 60'000)) {
        out << "  (cannot connect: " << service.errorText() << ")\n";
        return turns;
    }
    app::Workspace workspace(&service, userName);
    workspace.adoptUser(user);
    conversation::ConversationService planner(url, user.id, {}); // offline
    workspace.usePlanner(&planner);
    ui::ConversationPanel panel(&workspace);
    panel.resize(900, 700);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return turns;
    TripDetails details;
    details.trip.id = tripId;
    details.trip.userId = user.id;
    details.trip.title = u"Somewhere warm"_s;
    panel.showTrip(details);

    auto* input = panel.findChild<QPlainTextEdit*>(u"messageInput"_s);
    auto* send = panel.findChild<QPushButton*>(u"send"_s);
    int completed = 0;
    QObject::connect(&workspace, &app::Workspace::turnCompleted, &panel, [&] { ++completed; });
    for (const QString& answer : Answers) {
        if (!QTest::qWaitFor([&] { return input->isEnabled(); }, 60'000))
            break;
        const quint64 before = service.statementsRun();
        const int expected = completed + 1;
        input->setPlainText(answer);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(send, Qt::LeftButton);
        // The reply is on screen when the pending bubble gave way to the stored messages.
        if (!QTest::qWaitFor([&] { return completed == expected && input->isEnabled(); }, 60'000))
            break;
        Turn t;
        t.ms = msSince(clock);
        t.windowStatements = service.statementsRun() - before;
        t.cards = panel.findChildren<QFrame*>(u"recommendationCard"_s).size() == 3;
        turns << t;
        if (t.cards)
            break;
    }
    workspace.usePlanner(nullptr);
    return turns;
}

void report(const QString& backend, const QList<Turn>& turns, double roundTripMs) {
    for (int i = 0; i < turns.size(); ++i) {
        const Turn& t = turns.at(i);
        QString trips = u"—"_s;
        if (roundTripMs > 0)
            trips = QString::number(t.ms / roundTripMs, 'f', 1);
        out << "| " << backend << " | " << (i + 1) << (t.cards ? " (cards)" : "") << " | "
            << QString::number(t.ms, 'f', 1) << " | " << trips << " | " << t.windowStatements << " |\n";
    }
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(u"bench_turn"_s);
    out << "Turn benchmark: the offline planner, Send to the reply (and to the cards) on screen\n\n";
    out << "| Backend | Turn | Send to reply on screen (ms) | Round trips | Window statements |\n";
    out << "|---|---|---:|---:|---:|\n";
    QTemporaryDir dir;
    const DatabaseUrl sqlite = DatabaseUrl::sqliteFile(dir.filePath(u"turn.sqlite3"_s));
    report(u"SQLite"_s, measure(sqlite, sqlite, u"turn_sqlite"_s), 0);

    const QString pg = qEnvironmentVariable("TP_BENCH_PG_URL");
    if (pg.isEmpty()) {
        out << "\n(PostgreSQL skipped: set TP_BENCH_PG_URL, as tests/bench/run-benchmarks.sh does)\n";
        return 0;
    }
    const DatabaseUrl base = DatabaseUrl::parse(pg);
    const QString tag = QString::number(QCoreApplication::applicationPid());
    report(u"PostgreSQL"_s, measure(base, base, u"turn_pg_"_s + tag), 0);
    QList<int> delays{50};
    const QByteArray delaysEnv = qgetenv("TP_BENCH_DELAYS_MS");
    if (!delaysEnv.isEmpty()) {
        delays.clear();
        for (const QByteArray& d : delaysEnv.split(','))
            if (d.toInt() > 0)
                delays << d.toInt();
    }
    for (int delay : std::as_const(delays)) {
        bench::DelayProxy proxy(base.host, quint16(base.port), delay);
        DatabaseUrl delayed = base;
        delayed.host = u"127.0.0.1"_s;
        delayed.port = proxy.port();
        report(u"PostgreSQL +%1 ms/dir"_s.arg(delay),
               measure(base, delayed, u"turn_pg_%1_%2"_s.arg(delay).arg(tag)), 2.0 * delay);
    }
    out << "\nRound trips: the time divided by the added round trip (the planner's own work and the local "
           "server are in it too). Window statements: what the window's connection ran for the turn.\n";
    out.flush();
    return 0;
}
