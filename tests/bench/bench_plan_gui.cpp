// SPDX-License-Identifier: GPL-3.0-or-later
// The plan editor's GUI thread on a 30-day trip of 500 items (issue 13), with
// 100 items as the baseline in the same run. The window's own path: a
// TripSession on an SQLite file and the PlanningPanel (with its PlanEditor)
// at 1600×1000. Steps, each timed until the frame that shows its result:
//   1a  opening the trip (read, then shown in its stage's tab)
//   1b  showing the Itinerary tab
//   2   renaming an activity in the Activities form: Save, stored, shown
//   3   adding an exchange rate in the Budget tab: the budget recomputed, shown
//   4   showing the Budget tab after an edit made in the Activities tab
// For each, medians and maxima: the wall time, the longest event-loop stall
// (gaps between ticks of a 1 ms timer, watched 100 ms past the frame too) with
// the GUI thread's CPU time in it, and to tell where it went: the longest
// database answer applied, the longest single event, the widgets and pixels
// painted. Then each section's setPlan and paint on its own, to tell which
// widget a stall comes from. Prints figures, asserts nothing.
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_plan_gui
//
// TP_BENCH_RUNS: measurements per step (default 15, after one warm-up).
// TP_BENCH_VERBOSE: also the widgets each measurement painted most.
#include "GuiMeters.h"
#include "PlanGenerator.h"
#include "TripSession.h"
#include "Workspace.h"
#include "db/Migrator.h"
#include "plan/PlanEditor.h"
#include "plan/PlanSection.h"
#include "planning/PlanningPanel.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"
#include "worker/DatabaseWorker.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QUndoStack>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::bench;
namespace plangen = tp::test::plangen;

namespace {

QTextStream out(stdout);

const QString BenchUser = u"plan_gui_bench"_s;
const QDate First(2026, 6, 1);
constexpr int TimeoutMs = 60'000;

struct Sample {
    double wallMs = 0;
    double stallMs = 0;
    double stallCpuMs = 0; // the GUI thread's CPU time in that stall
    double answerMs = 0;
    TimedApplication::Event event; // the longest single piece of work
    int widgetsPainted = 0;
    qint64 pixelsPainted = 0;
};

TimedApplication* timedApp() {
    return static_cast<TimedApplication*>(QCoreApplication::instance());
}

struct Step {
    QString name;
    QList<Sample> samples;
};

enum StepIndex { OpenStep, ItineraryStep, EditStep, RateStep, BudgetStep, StepCount };

const char* const StepNames[StepCount] = {
    "1a open the trip", "1b show the Itinerary tab", "2 rename an activity (form, Save)",
    "3 add an exchange rate (Budget tab)", "4 show the Budget tab after an edit"};

struct SectionCost {
    QString name;
    double setPlanMs = 0;
    double paintMs = 0;
};

struct Figures {
    int items = 0;
    QList<Step> steps;
    QList<SectionCost> sections;
    bool complete = false;
};

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

QString loadAverage() {
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

// The user, the trip and its plan in a new SQLite file (not measured).
Id createTrip(const DatabaseUrl& url, const plan::Plan& plan, User& user) {
    Database db(url);
    Migrator(db).migrate();
    user = UserRepository(db).ensureLocalUser(BenchUser);
    Trip t;
    t.title = u"Thirty days in Sicily"_s;
    t.startDate = First;
    t.endDate = First.addDays(plangen::Days - 1);
    t.travelersCount = 2;
    t.budget = plangen::number("9000.00");
    const Id id = TripRepository(db, user.id).create(t).id;
    PlanRepository repo(db, user.id);
    repo.save(repo.load(id), plan); // also starts the trip's planning session
    return id;
}

// The plan editor on one trip, and the meters.
class Bench {
public:
    Bench(const DatabaseUrl& url, const User& user, Id tripId, int items)
        : m_service(url, 0)
        , m_workspace(&m_service, BenchUser)
        , m_tripId(tripId)
        , m_items(items) {
        m_workspace.adoptUser(user);
        m_service.installEventFilter(&m_answers);
        m_panel.resize(1600, 1000);
        m_panel.show();
    }
    ~Bench() { m_service.removeEventFilter(&m_answers); }

    bool ready() {
        return waitFor([&] { return m_service.state() == DatabaseService::State::Connected; }, TimeoutMs) &&
               QTest::qWaitForWindowExposed(&m_panel);
    }
    ui::PlanEditor* editor() const { return m_panel.editor(); }
    QSize editorSize() const { return editor()->size(); }

    // Runs `trigger`, then the event loop until a frame is painted while
    // `shows` holds; the step's figures go to `step` unless it is a warm-up.
    bool timed(Step* step, const QString& action, const std::function<void()>& trigger,
               const std::function<bool()>& shows) {
        FrameWatcher frame(&m_panel, shows);
        m_answers.longest = 0;
        timedApp()->reset();
        m_paints.reset();
        QElapsedTimer clock;
        clock.start();
        const double cpu = threadCpuMs();
        m_stalls.start();
        trigger();
        timedApp()->note(msSince(clock), cpu < 0 ? -1 : threadCpuMs() - cpu, action);
        const bool ok = waitFor([&] { return frame.shown; }, TimeoutMs);
        const double wall = msSince(clock);
        QTest::qWait(100); // work the step left queued after its frame stalls the loop too
        m_stalls.stop();
        if (step)
            step->samples << Sample{wall,
                                    m_stalls.longest(),
                                    m_stalls.longestCpu(),
                                    m_answers.longest,
                                    timedApp()->longest(),
                                    m_paints.widgets,
                                    m_paints.pixels};
        if (!ok)
            out << "  (" << (step ? step->name : u"warm-up"_s) << ": no frame showed it within 60 s)\n";
        if (step && qEnvironmentVariableIsSet("TP_BENCH_VERBOSE"))
            printPaints(*step);
        return ok;
    }

    // TP_BENCH_VERBOSE: the widgets a step painted most.
    void printPaints(const Step& step) const {
        QList<std::pair<qint64, QString>> top;
        for (auto it = m_paints.byWidget.cbegin(); it != m_paints.byWidget.cend(); ++it)
            top.append({it.value(), it.key()});
        std::sort(top.begin(), top.end(), std::greater<>());
        out << "    " << step.name << ", " << m_items << " items:";
        for (qsizetype i = 0; i < std::min<qsizetype>(12, top.size()); ++i)
            out << ' ' << top[i].second << " " << top[i].first / 1000 << "k;";
        out << '\n';
    }

    // Closes the trip as selecting another one would (not measured).
    void closeTrip() {
        m_panel.setSession(nullptr);
        m_workspace.closeTrip();
        m_session = nullptr;
        editor()->tabs()->setCurrentIndex(0);
        QTest::qWait(50); // the session deleted, the empty editor painted
    }

    bool open(Step* step) {
        closeTrip();
        return timed(
            step, u"the call: openTrip, setSession"_s,
            [&] {
                m_session = m_workspace.openTrip(m_tripId);
                m_session->setUndoStack(&m_undo);
                m_panel.setSession(m_session);
            },
            [&] {
                return m_session && m_session->plan() && plangen::itemCount(editor()->plan()) == m_items;
            });
    }

    bool showTab(Step* step, int index) {
        return timed(
            step, u"the call: setCurrentIndex"_s, [&] { editor()->tabs()->setCurrentIndex(index); },
            [&] { return editor()->tabs()->currentIndex() == index; });
    }

    // Types a new title into the Activities form (not measured), then Save.
    bool rename(Step* step, int n) {
        const QString id = u"act-5"_s;
        const QString title = u"Renamed %1"_s.arg(n);
        editor()->showItem(id);
        editor()->findChild<QLineEdit*>(u"activityTitle"_s)->setText(title);
        auto* save = editor()->findChild<QPushButton*>(u"activitySave"_s);
        QTest::qWait(20);
        return timed(
            step, u"the click on Save"_s, [&] { QTest::mouseClick(save, Qt::LeftButton); },
            [&] {
                const plan::Activity* a = editor()->plan().activity(id);
                return !m_session->isSavingPlan() && a && a->title == title;
            });
    }

    // A newer USD rate typed into the Budget tab's form (not measured), then Add:
    // every USD amount is converted again.
    bool addRate(Step* step, int n) {
        const qsizetype before = editor()->plan().budget.rates.size();
        editor()->findChild<QLineEdit*>(u"rateCurrency"_s)->setText(u"USD"_s);
        editor()->findChild<QLineEdit*>(u"rateValue"_s)->setText(n % 2 ? u"0.910000"_s : u"0.930000"_s);
        editor()->findChild<QLineEdit*>(u"rateDate"_s)->setText(First.addDays(1 + n).toString(Qt::ISODate));
        auto* add = editor()->findChild<QPushButton*>(u"rateAdd"_s);
        QTest::qWait(20);
        if (!add->isEnabled()) {
            out << "  (the rate form refused the rate)\n";
            return false;
        }
        return timed(
            step, u"the click on Add"_s, [&] { QTest::mouseClick(add, Qt::LeftButton); },
            [&] { return !m_session->isSavingPlan() && editor()->plan().budget.rates.size() == before + 1; });
    }

    // Each section's setPlan on the plan shown, its tab in view, and a paint of
    // it (median of `runs`): which widget costs what.
    QList<SectionCost> sections(int runs) {
        QList<SectionCost> costs;
        QTabWidget* tabs = editor()->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(50);
            auto* section = qobject_cast<ui::PlanSection*>(tabs->widget(i));
            QList<double> build, paint;
            for (int r = 0; r < runs; ++r) {
                QElapsedTimer t;
                t.start();
                section->setPlan(editor()->plan(), editor()->context());
                build << msSince(t);
                t.restart();
                section->repaint();
                paint << msSince(t);
            }
            costs << SectionCost{tabs->tabText(i), median(build), median(paint)};
        }
        return costs;
    }

private:
    DatabaseService m_service;
    app::Workspace m_workspace;
    AnswerTimer m_answers;
    StallMeter m_stalls;
    PaintTally m_paints;
    QUndoStack m_undo;
    ui::PlanningPanel m_panel;
    app::TripSession* m_session = nullptr;
    Id m_tripId;
    int m_items;
};

Figures measure(int items, int runs) {
    Figures result;
    result.items = items;
    for (const char* name : StepNames)
        result.steps << Step{QString::fromLatin1(name), {}};
    QTemporaryDir dir;
    const DatabaseUrl url = DatabaseUrl::sqliteFile(dir.filePath(u"plan-%1.sqlite3"_s.arg(items)));
    const plan::Plan generated = plangen::thirtyDays(First, items);
    User user;
    const Id tripId = createTrip(url, generated, user);
    Bench bench(url, user, tripId, plangen::itemCount(generated));
    if (!bench.ready()) {
        out << "  (the database or the window did not come up)\n";
        return result;
    }
    const auto steps = [&](int i) -> Step* {
        return &result.steps[i];
    };
    // Opening, then the Itinerary tab; the first round is a warm-up (fonts, styles, the driver).
    for (int r = 0; r <= runs; ++r) {
        if (!bench.open(r ? steps(OpenStep) : nullptr) ||
            !bench.showTab(r ? steps(ItineraryStep) : nullptr, 3))
            return result;
    }
    // Edits in the Activities tab, each followed by a look at the Budget tab.
    bench.showTab(nullptr, 2);
    for (int r = 0; r <= runs; ++r) {
        if (!bench.rename(r ? steps(EditStep) : nullptr, r) ||
            !bench.showTab(r ? steps(BudgetStep) : nullptr, 4) || !bench.showTab(nullptr, 2))
            return result;
    }
    // Rates added in the Budget tab.
    bench.showTab(nullptr, 4);
    for (int r = 0; r <= runs; ++r)
        if (!bench.addRate(r ? steps(RateStep) : nullptr, r))
            return result;
    out << "  " << items << " items: the editor is " << bench.editorSize().width() << "×"
        << bench.editorSize().height() << " in the 1600×1000 panel\n";
    result.sections = bench.sections(runs);
    bench.showTab(nullptr, 0);
    result.complete = true;
    return result;
}

QString ms(double v) {
    return QString::number(v, 'f', 1);
}

QString ratio(double big, double small) {
    return small > 0 ? QString::number(big / small, 'f', 1) : u"—"_s;
}

// The label met most often among the samples' longest pieces of work.
QString mostOften(const QList<Sample>& samples) {
    QHash<QString, int> counts;
    for (const Sample& x : samples)
        ++counts[x.event.what];
    QString best;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (best.isEmpty() || it.value() > counts.value(best))
            best = it.key();
    return best;
}

double maxOf(const QList<double>& v) {
    return v.isEmpty() ? -1 : *std::max_element(v.cbegin(), v.cend());
}

void report(const QList<Figures>& results) {
    out << "\n| Step | Items | Wall median (ms) | Wall max (ms) | Longest stall median (ms) | Longest stall "
           "max "
           "(ms) | GUI CPU in that stall, median / max (ms) | Wall vs 100 items |\n";
    out << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (int s = 0; s < StepCount; ++s) {
        double baseWall = -1;
        for (const Figures& r : results) {
            const Step& step = r.steps.at(s);
            QList<double> wall, stall, cpu;
            for (const Sample& x : step.samples) {
                wall << x.wallMs;
                stall << x.stallMs;
                cpu << x.stallCpuMs;
            }
            if (wall.isEmpty())
                continue;
            const bool base = r.items == results.first().items;
            if (base)
                baseWall = median(wall);
            out << "| " << step.name << " | " << r.items << " | " << ms(median(wall)) << " | "
                << ms(maxOf(wall)) << " | " << ms(median(stall)) << " | " << ms(maxOf(stall)) << " | "
                << ms(median(cpu)) << " / " << ms(maxOf(cpu)) << " | "
                << (base ? u"—"_s : ratio(median(wall), baseWall)) << " |\n";
        }
    }
    out << "\nWhere the time went (medians): the longest database answer applied, the longest single piece "
           "of "
           "work (wall / GUI CPU) and what it was most often, the widgets painted and their area.\n\n";
    out << "| Step | Items | Longest answer (ms) | Longest piece of work (ms) | Most often | Widgets painted "
           "| "
           "Pixels painted (k) |\n";
    out << "|---|---:|---:|---:|---|---:|---:|\n";
    for (int s = 0; s < StepCount; ++s) {
        for (const Figures& r : results) {
            const Step& step = r.steps.at(s);
            QList<double> answer, event, eventCpu, widgets, pixels;
            for (const Sample& x : step.samples) {
                answer << x.answerMs;
                event << x.event.ms;
                eventCpu << x.event.cpuMs;
                widgets << x.widgetsPainted;
                pixels << double(x.pixelsPainted) / 1000;
            }
            if (answer.isEmpty())
                continue;
            out << "| " << step.name << " | " << r.items << " | " << ms(median(answer)) << " | "
                << ms(median(event)) << " / " << ms(median(eventCpu)) << " | " << mostOften(step.samples)
                << " | " << median(widgets) << " | " << qRound(median(pixels)) << " |\n";
        }
    }
    out << "\nEach section on its own, its tab in view (median): setPlan, then a synchronous repaint.\n\n";
    out << "| Section | Items | setPlan (ms) | Paint (ms) |\n|---|---:|---:|---:|\n";
    for (const Figures& r : results)
        for (const SectionCost& c : r.sections)
            out << "| " << c.name << " | " << r.items << " | " << ms(c.setPlanMs) << " | " << ms(c.paintMs)
                << " |\n";
}

} // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"TripPlannerBench"_s);
    QCoreApplication::setApplicationName(u"bench_plan_gui"_s);
    const int runs = qEnvironmentVariableIntValue("TP_BENCH_RUNS") > 0
                         ? qEnvironmentVariableIntValue("TP_BENCH_RUNS")
                         : 15;
    out << "Plan editor benchmark: platform " << QGuiApplication::platformName() << ", "
        << QThread::idealThreadCount() << " cores, load average " << loadAverage() << ", " << runs
        << " runs per step (after one warm-up), SQLite\n";
    out.flush();
    QList<Figures> results;
    for (int items : {100, 500}) {
        results << measure(items, runs);
        if (!results.last().complete)
            out << "  (" << items << " items: stopped early, the figures below are partial)\n";
        out.flush();
    }
    report(results);
    out << "\nWall: from the action (open, click, Save, Add) to the first frame painted that shows its "
           "result. "
           "Longest stall: the longest gap between ticks of a 1 ms timer during the step (a frame is 16 ms). "
           "GUI CPU in that stall: the GUI thread's CPU time during it (the rest it waited for a core). "
           "Longest answer: the longest time the GUI thread spent applying one database answer (the session "
           "and the editor taking the stored plan). Longest piece of work: the longest event the GUI thread "
           "handled, or the benchmark's own call that started the step. Load average at the end: "
        << loadAverage() << ".\n";
    out.flush();
    return 0;
}
