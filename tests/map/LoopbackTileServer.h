// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A minimal HTTP/1.1 tile server on 127.0.0.1 for the map tests: answers every
// GET with a 256 px PNG of one colour and the configured Cache-Control, and
// records what the client sent (path, User-Agent, headers) and how many
// requests were outstanding at once.
#include <QBuffer>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

class LoopbackTileServer : public QObject {
public:
    struct Request {
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };

    // `ageSeconds` > 0 sends an Age header: the response has been that long in
    // a cache on the way, so a max-age below it is stale the moment it arrives.
    explicit LoopbackTileServer(QColor colour, QByteArray cacheControl = "public, max-age=86400",
                                int delayMs = 30, int ageSeconds = 0)
        : m_cacheControl(std::move(cacheControl))
        , m_delayMs(delayMs)
        , m_ageSeconds(ageSeconds) {
        QImage img(256, 256, QImage::Format_RGB32);
        img.fill(colour);
        QBuffer buf(&m_png);
        buf.open(QIODevice::WriteOnly);
        img.save(&buf, "PNG");
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QString urlTemplate() const { return u"http://127.0.0.1:%1/{z}/{x}/{y}.png"_s.arg(port()); }

    const QList<Request>& requests() const { return m_requests; }
    int maxOutstanding() const { return m_maxOutstanding; }

private:
    void onData(QTcpSocket* s) {
        QByteArray& buf = m_buffers[s];
        buf += s->readAll();
        qsizetype end;
        while ((end = buf.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buf.left(end).split('\n');
            buf.remove(0, end + 4);
            Request r;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                     lines[i].mid(colon + 1).trimmed());
            }
            m_requests.append(r);
            m_maxOutstanding = std::max(m_maxOutstanding, ++m_outstanding);
            QTimer::singleShot(m_delayMs, s, [this, s] { respond(s); });
        }
    }

    void respond(QTcpSocket* s) {
        --m_outstanding;
        const QString date =
            QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nCache-Control: " + m_cacheControl +
                          "\r\nDate: " + date.toLatin1() +
                          (m_ageSeconds > 0 ? "\r\nAge: " + QByteArray::number(m_ageSeconds) : QByteArray()) +
                          "\r\nContent-Length: " + QByteArray::number(m_png.size()) + "\r\n\r\n";
        s->write(head + m_png);
    }

    QTcpServer m_server;
    QByteArray m_png;
    QByteArray m_cacheControl;
    int m_delayMs;
    int m_ageSeconds;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_outstanding = 0;
    int m_maxOutstanding = 0;
};
