// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeLlmServer.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace tp::test {

// The fake provider on a thread of its own: test::runCli blocks this one
// until the CLI exits, and the CLI needs answers meanwhile.
class FakeLlmServerThread : public QThread {
public:
    explicit FakeLlmServerThread(std::function<FakeResponse(const RecordedRequest&)> handler)
        : m_handler(std::move(handler)) {
        start();
        QMutexLocker lock(&m_mutex);
        while (m_url.isEmpty())
            m_ready.wait(&m_mutex);
    }
    ~FakeLlmServerThread() override {
        quit();
        wait();
    }
    QUrl baseUrl() const { return m_url; }
    QList<RecordedRequest> requests() {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }

protected:
    void run() override {
        FakeLlmServer server;
        server.handler = [this](const RecordedRequest& r) {
            QMutexLocker lock(&m_mutex);
            m_requests << r;
            return m_handler(r);
        };
        {
            QMutexLocker lock(&m_mutex);
            m_url = server.baseUrl();
            m_ready.wakeAll();
        }
        exec();
    }

private:
    std::function<FakeResponse(const RecordedRequest&)> m_handler;
    QMutex m_mutex;
    QWaitCondition m_ready;
    QUrl m_url;
    QList<RecordedRequest> m_requests;
};

} // namespace tp::test
