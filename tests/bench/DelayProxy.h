// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A loopback TCP proxy that adds latency, for the benchmarks that measure the
// app over a distant database (bench_gui, bench_turn): it forwards bytes both
// ways between the app and the server, holding each chunk `delayMs` before
// passing it on. Runs on its own thread.
#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <deque>

namespace tp::bench {

class DelayPipe : public QObject {
public:
    DelayPipe(QTcpSocket* from, QTcpSocket* to, int delayMs, QObject* parent)
        : QObject(parent)
        , m_to(to)
        , m_delay(delayMs) {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &DelayPipe::flush);
        connect(from, &QTcpSocket::readyRead, this, [this, from] {
            m_queue.push_back({m_clock.isValid() ? m_clock.elapsed() : 0, from->readAll()});
            if (!m_timer.isActive())
                schedule();
        });
        m_clock.start();
    }

private:
    struct Chunk {
        qint64 arrived;
        QByteArray bytes;
    };
    void schedule() {
        if (m_queue.empty())
            return;
        const qint64 due = m_queue.front().arrived + m_delay;
        m_timer.start(int(std::max<qint64>(0, due - m_clock.elapsed())));
    }
    void flush() {
        const qint64 now = m_clock.elapsed();
        while (!m_queue.empty() && m_queue.front().arrived + m_delay <= now) {
            m_to->write(m_queue.front().bytes);
            m_queue.pop_front();
        }
        schedule();
    }

    QTcpSocket* m_to;
    int m_delay;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::deque<Chunk> m_queue;
};

class DelayProxy : public QObject {
public:
    DelayProxy(QString host, quint16 port, int delayMs)
        : m_host(std::move(host))
        , m_port(port)
        , m_delay(delayMs) {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_server = new QTcpServer(this);
                m_server->listen(QHostAddress::LocalHost, 0);
                connect(m_server, &QTcpServer::newConnection, this, &DelayProxy::accept);
                QMutexLocker lock(&m_mutex);
                m_listenPort = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~DelayProxy() override {
        QMetaObject::invokeMethod(
            this, [this] { qDeleteAll(children()); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() {
        QMutexLocker lock(&m_mutex);
        return m_listenPort;
    }

private:
    void accept() {
        while (QTcpSocket* client = m_server->nextPendingConnection()) {
            auto* link = new QObject(this);
            client->setParent(link);
            auto* upstream = new QTcpSocket(link);
            upstream->connectToHost(m_host, m_port);
            new DelayPipe(client, upstream, m_delay, link);
            new DelayPipe(upstream, client, m_delay, link);
            auto close = [link] {
                link->deleteLater();
            };
            connect(client, &QTcpSocket::disconnected, link, close);
            connect(upstream, &QTcpSocket::disconnected, link, close);
        }
    }

    QThread m_thread;
    QString m_host;
    quint16 m_port;
    int m_delay;
    QTcpServer* m_server = nullptr;
    QMutex m_mutex;
    quint16 m_listenPort = 0;
};

} // namespace tp::bench
