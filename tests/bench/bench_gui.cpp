// SPDX-License-Identifier: GPL-3.0-or-later
// GUI benchmark (issue 3): a real MainWindow on generated databases of
// 100,000 and 1,000 trips with a 50,000-message conversation, on SQLite, on
// PostgreSQL and on PostgreSQL behind a loopback TCP proxy that adds latency.
// It measures the time from start to the first trip rows painted, the time to
// open the long conversation (first messages painted), and the longest stall
// of the GUI event loop during those loads, and prints them as a table.
//
//   QT_QPA_PLATFORM=offscreen TP_BENCH_PG_URL=postgresql://... build/tests/bench/bench_gui
//
// TP_BENCH_PG_URL: a PostgreSQL database (tests/bench/run-benchmarks.sh sets it);
// the benchmark creates its own databases next to it (or, without the right to,
// uses that database). TP_BENCH_RUNS: measurements per row (default 5, median shown, after one warm-up).
#include "DelayProxy.h"
#include "GuiMeters.h"
#include "TripListModel.h"
#include "Workspace.h"
#include "conversation/ConversationPanel.h"
#include "db/Migrator.h"
#include "domain/Validation.h"
#include "geo/WorldData.h"
#include "main/MainWindow.h"
#include "repo/ConversationRepository.h"
#include "repo/DestinationRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QListView>
#include <QMutex>
#include <QPointer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;
using namespace tp;
using tp::bench::AnswerTimer;
using tp::bench::DelayProxy;
using tp::bench::msSince;
using tp::bench::StallMeter;
using tp::bench::waitFor;

namespace {

QTextStream out(stdout);

constexpr int ConversationSize = 50'000;
const QString BenchUser = u"gui_bench"_s;

// ---------------------------------------------------------------------------
// Data generation (not measured).

struct Place {
    const char* name;
    const char* city;
    const char* country;
    const char* lat;
    const char* lon;
};
constexpr Place places[] = {
    {"Lisbon", "Lisbon", "Portugal", "38.722252", "-9.139337"},
    {"Kyoto", "Kyoto", "Japan", "35.011636", "135.768029"},
    {"Reykjavik", "Reykjavik", "Iceland", "64.146582", "-21.942635"},
    {"Cusco", "Cusco", "Peru", "-13.531950", "-71.967463"},
    {"Marrakesh", "Marrakesh", "Morocco", "31.629472", "-7.981084"},
    {"Hobart", "Hobart", "Australia", "-42.882138", "147.327195"},
};

QString sqlText(const QString& s) {
    QString q = s;
    q.replace(u'\'', u"''"_s);
    return u'\'' + q + u'\'';
}

QString messageText(int i) {
    static const QStringList openers = {
        u"How about **%1**? The old town is walkable and the food is cheap."_s,
        u"I'd like somewhere quiet in %1, with *short* transfers."_s,
        u"Here are three ideas for %1:\n\n- a morning market\n- a museum day\n- a coastal walk"_s,
        u"Budget check for %1: about 120 EUR a day, see [the notes](https://example.org/notes)."_s,
    };
    return openers[i % openers.size()].arg(QString::fromLatin1(places[i % std::size(places)].name)) +
           u" (message %1)"_s.arg(i + 1);
}

// The user, the catalogue, `trips` trips (newest first is the one with the
// conversation) and a conversation of ConversationSize messages.
void generate(const DatabaseUrl& url, int trips) {
    Database db(url);
    Migrator(db).migrate();
    const User user = UserRepository(db).ensureLocalUser(BenchUser);
    QList<Id> destinations;
    DestinationRepository catalogue(db);
    for (const Place& p : places) {
        Destination d;
        d.name = QString::fromLatin1(p.name);
        d.city = QString::fromLatin1(p.city);
        d.country = QString::fromLatin1(p.country);
        d.description = u"Generated for the GUI benchmark."_s;
        d.latitude = validation::parseLatitude(QString::fromLatin1(p.lat));
        d.longitude = validation::parseLongitude(QString::fromLatin1(p.lon));
        destinations << catalogue.findOrCreate(d, tp::geo::sameCountry).id;
    }
    static const char* statuses[] = {"planning", "booked", "completed", "ai_chat_active", "cancelled"};
    const QDateTime newest = QDateTime::currentDateTimeUtc();
    const QDate firstDay = QDate::currentDate().addDays(-900);
    db.transaction([&] {
        constexpr int Batch = 500;
        for (int start = 0; start < trips; start += Batch) {
            QString sql = u"INSERT INTO api_trip (title, description, start_date, end_date, budget, status, "
                          u"travelers_count, created_at, updated_at, destination_id, user_id) VALUES "_s;
            for (int i = start; i < std::min(trips, start + Batch); ++i) {
                const Place& p = places[i % std::size(places)];
                const QDate from = firstDay.addDays(i % 1500);
                const QString created =
                    newest.addSecs(-i).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s); // row 0 is the newest
                sql += (i > start ? u","_s : QString()) +
                       u"(%1, %2, '%3', '%4', '%5', '%6', %7, '%8', '%8', %9, %10)"_s
                           .arg(sqlText(u"%1 trip #%2"_s.arg(QString::fromLatin1(p.name)).arg(i + 1)),
                                sqlText(u"Trip %1 of the benchmark"_s.arg(i + 1)), from.toString(Qt::ISODate),
                                from.addDays(3 + i % 12).toString(Qt::ISODate),
                                u"%1.50"_s.arg(400 + (i * 37) % 5000), QString::fromLatin1(statuses[i % 5]))
                           .arg(1 + i % 6)
                           .arg(created)
                           .arg(destinations.at(i % destinations.size()))
                           .arg(user.id);
            }
            db.execute(sql);
        }
    });
    const SqlRows top =
        db.query(u"SELECT id FROM api_trip WHERE user_id = :u ORDER BY created_at DESC, id DESC "
                 u"LIMIT 1"_s,
                 {{u"u"_s, user.id}});
    ConversationRepository conversations(db, user.id);
    const Id conversation = conversations.ensureForTrip(col::id(top.first(), "id")).first.id;
    QList<std::pair<bool, QString>> messages;
    messages.reserve(ConversationSize);
    for (int i = 0; i < ConversationSize; ++i)
        messages.append({i % 2 == 0, messageText(i)});
    conversations.addMessages(conversation, messages);
    if (db.isPostgres())
        db.execute(u"ANALYZE"_s);
}

// ---------------------------------------------------------------------------
// Measuring.

// Calls `onPaint` at the first paint of `view`'s viewport once its model has rows.
class FirstPaint : public QObject {
public:
    FirstPaint(QAbstractItemView* view, std::function<void()> onPaint)
        : m_view(view)
        , m_onPaint(std::move(onPaint)) {
        view->viewport()->installEventFilter(this);
    }
    bool done = false;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (!done && event->type() == QEvent::Paint && m_view->model() && m_view->model()->rowCount() > 0) {
            // Let the paint happen first, then take the time.
            done = true;
            m_view->viewport()->removeEventFilter(this);
            QCoreApplication::sendEvent(m_view->viewport(), event);
            m_onPaint();
            return true;
        }
        return false;
    }

private:
    QAbstractItemView* m_view;
    std::function<void()> m_onPaint;
};

struct Measurement {
    double firstRowsMs = -1;
    double conversationMs = -1;
    double longestStallMs = -1;
    double longestAnswerMs = -1;
    double roundTripMs = -1;
};

Measurement measure(const DatabaseUrl& url) {
    Measurement m;
    StallMeter stalls;
    AnswerTimer answers;
    QElapsedTimer clock;
    clock.start();
    stalls.start();
    {
        DatabaseService service(url, 0);
        service.installEventFilter(&answers);
        app::Workspace workspace(&service, BenchUser);
        ui::MainWindow window(&workspace);
        FirstPaint rows(window.tripTable(), [&] { m.firstRowsMs = msSince(clock); });
        const double constructed = msSince(clock);
        window.show();
        if (!waitFor([&] { return rows.done; }, 60'000)) {
            out << "  no trip rows painted within 60 s (" << service.errorText() << ")\n";
            return m;
        }

        // Open the newest trip, which has the long conversation. With
        // TP_BENCH_SETTLE_MS, only once what the start queued (the count, the
        // catalogue's page, ...) has had that long to finish: the conversation
        // alone, on a connection with nothing else to do.
        window.showPanel(ui::MainWindow::ConversationTab);
        if (const int settle = qEnvironmentVariableIntValue("TP_BENCH_SETTLE_MS"); settle > 0)
            QTest::qWait(settle);
        QCoreApplication::processEvents();
        auto* messages = window.conversationPanel()->findChild<QListView*>(u"messages"_s);
        FirstPaint conversation(messages, [&] { m.conversationMs = msSince(clock); });
        clock.restart();
        window.tripTable()->setCurrentIndex(window.tripModel()->index(0, 0));
        if (!waitFor([&] { return conversation.done; }, 60'000)) {
            out << "  no messages painted within 60 s\n";
            return m;
        }
        // Whatever the loads left queued (layout, further pages) runs within the watch.
        QTest::qWait(300);
        stalls.stop();
        m.longestStallMs = stalls.longest();
        if (qEnvironmentVariableIsSet("TP_BENCH_VERBOSE")) {
            out << QString::asprintf("    window built at %.1f ms, first rows at %.1f ms\n", constructed,
                                     m.firstRowsMs);
            for (const auto& [at, gap] : std::as_const(stalls.m_gaps))
                out << QString::asprintf("    stall of %.1f ms from %.1f ms\n", gap, at);
        }
        m.longestAnswerMs = answers.longest;
        service.removeEventFilter(&answers);
        double latency = -1;
        QObject::connect(&service, &DatabaseService::latencyMeasured, &service,
                         [&](double ms) { latency = ms; });
        service.pingNow();
        waitFor([&] { return latency >= 0; }, 10'000);
        m.roundTripMs = latency;
    }
    return m;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

struct Row {
    QString backend;
    int trips;
    Measurement m;
};

Row run(const QString& backend, int trips, const DatabaseUrl& url, int runs) {
    QList<double> first, conv;
    Measurement worst;
    double rtt = -1;
    measure(url); // warm-up: the first start also pays for loading fonts, styles and the driver
    for (int i = 0; i < runs; ++i) {
        const Measurement m = measure(url);
        first << m.firstRowsMs;
        conv << m.conversationMs;
        worst.longestStallMs = std::max(worst.longestStallMs, m.longestStallMs);
        worst.longestAnswerMs = std::max(worst.longestAnswerMs, m.longestAnswerMs);
        rtt = m.roundTripMs;
        out << QString::asprintf("  %-22s %7d trips  run %d: first rows %8.1f ms  conversation %8.1f ms  "
                                 "stall %6.1f ms  answer %6.1f ms\n",
                                 qPrintable(backend), trips, i + 1, m.firstRowsMs, m.conversationMs,
                                 m.longestStallMs, m.longestAnswerMs);
        out.flush();
    }
    worst.firstRowsMs = median(first);
    worst.conversationMs = median(conv);
    worst.roundTripMs = rtt;
    return {backend, trips, worst};
}

// Databases next to TP_BENCH_PG_URL's (dropped at the end); without the right
// to create them, users in that database.
class PgDatabases {
public:
    explicit PgDatabases(const DatabaseUrl& base)
        : m_base(base) {
        m_admin = base;
        m_admin.database = u"postgres"_s;
    }
    ~PgDatabases() {
        for (const QString& name : std::as_const(m_created)) {
            try {
                Database admin(m_admin);
                admin.execute(u"DROP DATABASE IF EXISTS "_s + name + u" WITH (FORCE)"_s);
            } catch (const Error& e) {
                out << "  could not drop " << name << ": " << e.message() << '\n';
            }
        }
    }
    DatabaseUrl make(int trips) {
        const QString name =
            u"tp_bench_gui_%1_%2"_s.arg(trips).arg(QRandomGenerator::global()->generate(), 0, 16);
        try {
            Database admin(m_admin);
            admin.execute(u"CREATE DATABASE "_s + name);
            m_created << name;
            DatabaseUrl url = m_base;
            url.database = name;
            return url;
        } catch (const Error& e) {
            out << "  (cannot create databases: " << e.message() << "; using " << m_base.database
                << " itself)\n";
            return m_base;
        }
    }

private:
    DatabaseUrl m_base;
    DatabaseUrl m_admin;
    QStringList m_created;
};

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's saved layout stays out of the user's settings
    QCoreApplication::setOrganizationName(u"TripPlannerBench"_s);
    QCoreApplication::setApplicationName(u"bench_gui"_s);
    const int runs =
        qEnvironmentVariableIntValue("TP_BENCH_RUNS") > 0 ? qEnvironmentVariableIntValue("TP_BENCH_RUNS") : 5;
    const QList<int> sizes{100'000, 1'000};
    QList<Row> rows;
    QElapsedTimer gen;

    out << "GUI benchmark: platform " << QGuiApplication::platformName() << ", "
        << QThread::idealThreadCount() << " cores, " << runs << " runs per row (median), conversation of "
        << ConversationSize << " messages\n";

    QTemporaryDir dir;
    for (int trips : sizes) {
        const DatabaseUrl url = DatabaseUrl::sqliteFile(dir.filePath(u"gui-%1.sqlite3"_s.arg(trips)));
        gen.start();
        generate(url, trips);
        out << "  generated SQLite with " << trips << " trips in " << qRound(msSince(gen)) << " ms\n";
        rows << run(u"SQLite"_s, trips, url, runs);
    }

    const QString pg = qEnvironmentVariable("TP_BENCH_PG_URL");
    if (pg.isEmpty()) {
        out << "\n(PostgreSQL skipped: set TP_BENCH_PG_URL, as tests/bench/run-benchmarks.sh does)\n";
    } else {
        const DatabaseUrl base = DatabaseUrl::parse(pg);
        PgDatabases databases(base);
        QList<int> delays{0, 25, 50};
        const QByteArray delaysEnv = qgetenv("TP_BENCH_DELAYS_MS");
        if (!delaysEnv.isEmpty()) {
            delays = {0};
            for (const QByteArray& d : delaysEnv.split(','))
                if (d.toInt() > 0)
                    delays << d.toInt();
        }
        for (int trips : sizes) {
            const DatabaseUrl url = databases.make(trips);
            if (url.database == base.database && trips != sizes.first())
                break; // one shared database holds one user's trips only
            gen.start();
            generate(url, trips);
            out << "  generated PostgreSQL with " << trips << " trips in " << qRound(msSince(gen)) << " ms\n";
            for (int delay : std::as_const(delays)) {
                if (delay == 0) {
                    rows << run(u"PostgreSQL"_s, trips, url, runs);
                    continue;
                }
                DelayProxy proxy(url.host, quint16(url.port), delay);
                DatabaseUrl delayed = url;
                delayed.host = u"127.0.0.1"_s;
                delayed.port = proxy.port();
                rows << run(u"PostgreSQL +%1 ms/dir"_s.arg(delay), trips, delayed, runs);
            }
        }
    }

    out << "\n| Backend | Trips | First rows (ms) | Conversation (ms) | Longest stall (ms) | Longest answer "
           "(ms) | Round trip (ms) | First rows 100k / 1k |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Row& r : std::as_const(rows)) {
        QString ratio = u"—"_s;
        if (r.trips == sizes.first())
            for (const Row& small : std::as_const(rows))
                if (small.backend == r.backend && small.trips == sizes.last() && small.m.firstRowsMs > 0)
                    ratio = QString::number(r.m.firstRowsMs / small.m.firstRowsMs, 'f', 2);
        out << "| " << r.backend << " | " << r.trips << " | " << QString::number(r.m.firstRowsMs, 'f', 1)
            << " | " << QString::number(r.m.conversationMs, 'f', 1) << " | "
            << QString::number(r.m.longestStallMs, 'f', 1) << " | "
            << QString::number(r.m.longestAnswerMs, 'f', 1) << " | "
            << QString::number(r.m.roundTripMs, 'f', 1) << " | " << ratio << " |\n";
    }
    out << "\nFirst rows: from creating the database service and the window to the first paint of the trips "
           "table with rows. Conversation: from selecting the trip to the first paint of its messages. "
           "Longest stall: the longest gap between ticks of a 1 ms timer during both loads. Longest answer: "
           "the longest time the GUI thread spent applying one database answer (models, panels).\n";
    out.flush();
    return 0;
}
