// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up to the first painted window: the app (on a fresh embedded database
// in a throwaway profile, as a new user starts it) against a bare Qt Widgets
// QMainWindow, built and timed in the same run, alternating, 10 runs each.
// Prints both medians and their ratio. Runs on whatever QT_QPA_PLATFORM says:
// under xvfb-run with xcb for a real X server (the figure in docs/benchmarks.md).
//
//   xvfb-run -a -s "-screen 0 1600x1000x24" build-tests/tests/bench/bench_startup
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

namespace {

// Milliseconds from starting `program` to its "first-frame" line; -1 on failure.
double timeToFirstFrame(const QString& program, const QProcessEnvironment& env) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer t;
    t.start();
    p.start(program, {});
    if (!p.waitForStarted(10000))
        return -1;
    QByteArray out;
    while (!out.contains("first-frame")) {
        if (!p.waitForReadyRead(30000))
            break;
        out += p.readAllStandardOutput();
    }
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (!p.waitForFinished(10000))
        p.kill();
    return out.contains("first-frame") ? ms : -1;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QString dir = QCoreApplication::applicationDirPath();
    const QString bare = dir + QStringLiteral("/bare_window");
    const QString tripPlanner = QDir(dir).absoluteFilePath(QStringLiteral("../../app/gui/tripplanner"));
    constexpr int runs = 10;

    QList<double> bareTimes, appTimes;
    for (int i = 0; i <= runs; ++i) {
        // A new user each run: nothing cached in the profile, the database made anew.
        QTemporaryDir profile;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), profile.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), profile.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), profile.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("TP_BENCH_FIRST_FRAME"), QStringLiteral("1"));
        env.remove(QStringLiteral("DATABASE_URL"));
        const double b = timeToFirstFrame(bare, env);
        const double a = timeToFirstFrame(tripPlanner, env);
        if (a < 0 || b < 0) {
            std::fprintf(stderr, "bench_startup: a program did not report its first frame (run %d)\n", i);
            return 1;
        }
        if (i == 0)
            continue; // the first pair warms the file cache for both
        bareTimes << b;
        appTimes << a;
    }
    const double bm = median(bareTimes), am = median(appTimes);
    std::printf("platform: %s\n",
                qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("default"))));
    std::printf("bare QMainWindow to first frame: median %.1f ms (%d runs)\n", bm, runs);
    std::printf("Trip Planner to first frame, new profile: median %.1f ms (%d runs)\n", am, runs);
    std::printf("ratio: %.2fx\n", am / bm);
    return 0;
}
