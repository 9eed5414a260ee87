// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the GUI benchmarks (bench_gui, bench_plan_gui) measure on the GUI
// thread: event-loop stalls and the thread's own CPU time in them, the time
// spent applying the database thread's answers, the longest event, what was
// painted, and the frame that shows a result.
#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHash>
#include <QList>
#include <QMetaEnum>
#include <QObject>
#include <QPaintEvent>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QWidget>
#include <algorithm>
#include <ctime>
#include <functional>
#include <utility>

namespace tp::bench {

inline double msSince(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// CPU time of the calling thread in ms; -1 where there is no such clock. Next
// to a stall's wall time it tells work on the GUI thread from the thread
// waiting for a core (the machine busy with something else).
inline double threadCpuMs() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
#endif
    return -1;
}

// Runs the event loop until `condition` holds; false after `timeoutMs`.
inline bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// The longest gap between two ticks of a 1 ms timer: how long the event loop
// was kept from running; and how much of that gap the GUI thread was on a core.
class StallMeter : public QObject {
public:
    StallMeter() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start() {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuMs();
        m_longest = 0;
        m_longestCpu = 0;
        m_gaps.clear();
        m_timer.start();
    }
    // Counts the time since the last tick too: a stall that is still going on
    // when the measured step ends is not lost.
    void stop() {
        tick();
        m_timer.stop();
    }
    double longest() const { return m_longest; }
    // The GUI thread's CPU time during the longest gap (-1: not known here).
    double longestCpu() const { return m_longestCpu; }
    // The gaps over one frame: (start ms, length ms).
    QList<std::pair<double, double>> m_gaps;

private:
    void tick() {
        const double now = msSince(m_clock);
        const double cpu = threadCpuMs();
        if (now - m_last > m_longest) {
            m_longest = now - m_last;
            m_longestCpu = cpu < 0 ? -1 : cpu - m_lastCpu;
        }
        if (now - m_last > 16)
            m_gaps << std::pair{m_last, now - m_last};
        m_last = now;
        m_lastCpu = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_lastCpu = 0;
    double m_longest = 0;
    double m_longestCpu = 0;
};

// Times the delivery of the database thread's answers on the GUI thread (the
// queued calls to the DatabaseService: models applying rows, panels showing
// values): the part of a stall that database work causes.
class AnswerTimer : public QObject {
public:
    double longest = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::MetaCall || m_inside)
            return false;
        m_inside = true;
        QElapsedTimer t;
        t.start();
        watched->event(event);
        longest = std::max(longest, msSince(t));
        m_inside = false;
        return true;
    }

private:
    bool m_inside = false;
};

// The first frame of `window` (a top-level widget) painted while `shows`
// holds. Qt paints a window's changed widgets together, when the window gets
// the UpdateRequest posted for them; the frame is let through first, so a step
// timed up to `shown` includes painting what it changed.
class FrameWatcher : public QObject {
public:
    FrameWatcher(QWidget* window, std::function<bool()> shows)
        : m_window(window)
        , m_shows(std::move(shows)) {
        window->installEventFilter(this);
    }
    ~FrameWatcher() override {
        if (m_window)
            m_window->removeEventFilter(this);
    }
    bool shown = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (shown || event->type() != QEvent::UpdateRequest)
            return false;
        watched->event(event);
        shown = m_shows();
        return true;
    }

private:
    QPointer<QWidget> m_window;
    std::function<bool()> m_shows;
};

// The widgets painted and their painted area while counting, summed over the
// widgets (a child's pixels count again in a parent that paints under it):
// whether a step repainted what changed or the whole window.
class PaintTally : public QObject {
public:
    PaintTally() { QCoreApplication::instance()->installEventFilter(this); }
    ~PaintTally() override { QCoreApplication::instance()->removeEventFilter(this); }
    void reset() {
        widgets = 0;
        pixels = 0;
        byWidget.clear();
    }
    int widgets = 0;
    qint64 pixels = 0;
    // Pixels by widget ("QWidget qt_scrollarea_viewport in QTableWidget budgetLines").
    QHash<QString, qint64> byWidget;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) {
            ++widgets;
            qint64 area = 0;
            for (const QRect& r : static_cast<QPaintEvent*>(event)->region())
                area += qint64(r.width()) * r.height();
            pixels += area;
            byWidget[name(watched)] += area;
        }
        return false;
    }

private:
    // The class and object name, with the parent's for one Qt named (a viewport)
    // or nobody did.
    static QString name(QObject* o) {
        QString text = QString::fromLatin1(o->metaObject()->className()) + u' ' + o->objectName();
        if (o->objectName().isEmpty() || o->objectName().startsWith(QLatin1String("qt_")))
            if (QObject* p = o->parent())
                text += QStringLiteral(" in ") + name(p);
        return text;
    }
};

// A QApplication that times every event the GUI thread's event loop delivers (not
// the ones sent while another is handled: those are part of it) and keeps the
// longest since reset(): what a stall was spent on.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Event {
        double ms = 0;
        double cpuMs = 0; // the GUI thread's CPU time in it (-1: not known)
        QString what;     // "UpdateRequest to PlanningPanel"
    };
    void reset() { m_longest = {}; }
    // Counts work done outside an event (a call made straight from the benchmark).
    void note(double ms, double cpuMs, const QString& what) {
        if (ms > m_longest.ms)
            m_longest = {ms, cpuMs, what};
    }
    const Event& longest() const { return m_longest; }

    bool notify(QObject* receiver, QEvent* event) override {
        // Only the GUI thread's own events (the database thread's go through here too).
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Taken before: the event and the receiver may be gone afterwards.
        const QEvent::Type type = event->type();
        const char* className = receiver->metaObject()->className();
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = msSince(t);
        if (ms > m_longest.ms)
            m_longest = {ms, cpu < 0 ? -1 : threadCpuMs() - cpu,
                         QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(type)) +
                             QStringLiteral(" to ") + QString::fromLatin1(className)};
        return handled;
    }

private:
    int m_depth = 0;
    Event m_longest;
};

} // namespace tp::bench
