// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <cstdio>

namespace tp::ui {

// For the start-up benchmark (tests/bench/bench_startup): once `window` is
// first exposed and has painted, prints "first-frame" on standard output and
// quits. The benchmark times the same probe in a bare QMainWindow, so both
// figures end at the same event. Header-only so that the bare program links
// nothing of the app's.
class FirstFrameProbe : public QObject {
public:
    static void install(QWidget* window) { new FirstFrameProbe(window); }

private:
    explicit FirstFrameProbe(QWidget* window)
        : QObject(window)
        , m_window(window) {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_window && event->type() == QEvent::Show && !m_hooked) {
            m_hooked = true;
            m_window->windowHandle()->installEventFilter(this);
        } else if (watched == m_window->windowHandle() && event->type() == QEvent::Expose && !m_done &&
                   m_window->windowHandle()->isExposed()) {
            m_done = true;
            // The expose paints the window synchronously; the zero timer runs after that flush.
            QTimer::singleShot(0, this, [] {
                std::fputs("first-frame\n", stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return false;
    }

    QWidget* m_window;
    bool m_hooked = false;
    bool m_done = false;
};

} // namespace tp::ui
