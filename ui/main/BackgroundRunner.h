// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace tp::ui {

// Stops and joins a thread when its owner goes: quit(), wait(), delete.
struct ThreadStopper {
    void operator()(QThread* thread) const {
        thread->quit();
        thread->wait();
        delete thread;
    }
};
using OwnedThread = std::unique_ptr<QThread, ThreadStopper>;

// Runs blocking work (a database probe, an HTTP request, a file copy) on a
// thread of its own and hands the result back, as a value, to `done` on the
// context object's thread. The runner owns its threads: destroying it waits
// for any still running, so it must be a member of the context object, and
// `done` is never called after the context is gone. A result nobody wants any
// more (the user cancelled) is simply ignored by the caller.
class BackgroundRunner {
public:
    explicit BackgroundRunner(QObject* context)
        : m_context(context) {}
    BackgroundRunner(const BackgroundRunner&) = delete;
    BackgroundRunner& operator=(const BackgroundRunner&) = delete;

    template <class Work, class Done> void start(Work work, Done done) {
        using Result = std::invoke_result_t<Work&>;
        QObject* context = m_context;
        std::function<void(Result)> deliver = std::move(done);
        QThread* thread = QThread::create([context, work = std::move(work), deliver]() mutable {
            Result result = work();
            QMetaObject::invokeMethod(
                context, [deliver, result]() { deliver(result); }, Qt::QueuedConnection);
        });
        m_threads.emplace_back(thread);
        QObject::connect(thread, &QThread::finished, m_context, [this, thread] { release(thread); });
        thread->start();
    }

    bool busy() const { return !m_threads.empty(); }

private:
    void release(QThread* thread) {
        for (auto it = m_threads.begin(); it != m_threads.end(); ++it) {
            if (it->get() == thread) {
                m_threads.erase(it);
                return;
            }
        }
    }

    QObject* m_context;
    std::vector<OwnedThread> m_threads;
};

} // namespace tp::ui
