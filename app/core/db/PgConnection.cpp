// SPDX-License-Identifier: GPL-3.0-or-later
#include "PgConnection.h"

#include "ConnectionErrors.h"
#include "QueryCanceller.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

#include <charconv>
#include <libpq-fe.h>

#ifdef _WIN32
#include <winsock2.h>
#else
#include <poll.h>
#endif

using namespace Qt::StringLiterals;

namespace tp {

namespace {

// Type OIDs of the built-in types (src/include/catalog/pg_type.dat; fixed
// across server versions).
enum : Oid {
    BoolOid = 16,
    ByteaOid = 17,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    OidOid = 26,
    Float4Oid = 700,
    Float8Oid = 701,
    DateOid = 1082,
    TimeOid = 1083,
    TimestampOid = 1114,
    TimestampTzOid = 1184,
    NumericOid = 1700,
};

// How long one wait lasts before the canceller is looked at again.
constexpr int SliceMs = 25;

// How long a cancelled statement is given to end on the server before the
// connection is dropped. Dropping it at once races the cancel request, which
// QueryCanceller sends from a thread of its own: PgBouncer forgets a request
// for a client that has already gone, and a backend waiting on a lock does not
// notice its closed socket, so the statement would wait on at the server.
constexpr int CancelGraceMs = 750;

template <class T> bool parseNumber(const char* s, int len, T& out) {
    const auto r = std::from_chars(s, s + len, out);
    return r.ec == std::errc() && r.ptr == s + len;
}

// "2026-11-22" (ISO DateStyle; years beyond 9999 and BC dates are not used by the app).
QDate parseDate(const char* s, int len) {
    int y = 0, m = 0, d = 0;
    if (len < 10 || s[4] != '-' || s[7] != '-' || !parseNumber(s, 4, y) || !parseNumber(s + 5, 2, m) ||
        !parseNumber(s + 8, 2, d))
        return {};
    return QDate(y, m, d);
}

// "10:15:30", "10:15:30.123456"; returns the characters used, 0 on error.
int parseTime(const char* s, int len, QTime& out) {
    int h = 0, mi = 0, se = 0;
    if (len < 8 || s[2] != ':' || s[5] != ':' || !parseNumber(s, 2, h) || !parseNumber(s + 3, 2, mi) ||
        !parseNumber(s + 6, 2, se))
        return 0;
    int i = 8, ms = 0, digits = 0;
    if (i < len && s[i] == '.') {
        ++i;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (digits < 3) {
                ms = ms * 10 + (s[i] - '0');
                ++digits;
            }
            ++i;
        }
        while (digits < 3) {
            ms *= 10;
            ++digits;
        }
    }
    out = QTime(h, mi, se, ms);
    return i;
}

// "2026-11-22 10:15:30.123+00", "...+05:30", "...-03:30:12"; without an offset: UTC.
QDateTime parseTimestamp(const char* s, int len) {
    const QDate date = parseDate(s, len);
    if (!date.isValid() || len < 19 || s[10] != ' ')
        return {};
    QTime time;
    const int used = parseTime(s + 11, len - 11, time);
    if (used == 0)
        return {};
    int i = 11 + used;
    int offset = 0;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int parts[3] = {0, 0, 0};
        for (int p = 0; p < 3 && i + 2 <= len; ++p) {
            if (!parseNumber(s + i, 2, parts[p]))
                return {};
            i += 2;
            if (i < len && s[i] == ':')
                ++i;
            else
                break;
        }
        offset = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    }
    if (i != len)
        return {}; // "BC", or an unknown form: never a wrong date
    // Qt::UTC, not QTimeZone::utc(): the spec keeps the value in QDateTime's
    // short form, where a time zone object costs an allocation per value.
    QDateTime t(date, time, Qt::UTC);
    return offset == 0 ? t : t.addSecs(-offset);
}

QByteArray decodeBytea(const char* s, int len) {
    if (len < 2 || s[0] != '\\' || s[1] != 'x')
        return QByteArray(s, len); // the old escape format is never asked for
    return QByteArray::fromHex(QByteArray::fromRawData(s + 2, len - 2));
}

QVariant convert(Oid type, const char* s, int len) {
    switch (type) {
    case BoolOid:
        return len > 0 && s[0] == 't';
    case Int2Oid:
    case Int4Oid: {
        int v = 0;
        parseNumber(s, len, v);
        return v;
    }
    case Int8Oid:
    case OidOid: {
        qlonglong v = 0;
        parseNumber(s, len, v);
        return v;
    }
    case Float4Oid:
    case Float8Oid:
        return QByteArray::fromRawData(s, len).toDouble();
    case DateOid:
        return parseDate(s, len);
    case TimeOid: {
        QTime t;
        parseTime(s, len, t);
        return t;
    }
    case TimestampOid:
    case TimestampTzOid:
        return parseTimestamp(s, len);
    case ByteaOid:
        return decodeBytea(s, len);
    default:
        return QString::fromUtf8(s, len);
    }
}

SqlRows toRows(const PGresult* r) {
    const int fields = PQnfields(r);
    const int tuples = PQntuples(r);
    QStringList names;
    names.reserve(fields);
    QVarLengthArray<Oid, 32> types(fields);
    for (int f = 0; f < fields; ++f) {
        types[f] = PQftype(r, f);
        names.append(QString::fromUtf8(PQfname(r, f)));
    }
    const auto columns = std::make_shared<const QStringList>(std::move(names));
    SqlRows rows;
    rows.reserve(tuples);
    for (int t = 0; t < tuples; ++t) {
        QList<QVariant> values;
        values.reserve(fields);
        for (int f = 0; f < fields; ++f)
            values.append(PQgetisnull(r, t, f)
                              ? QVariant()
                              : convert(types[f], PQgetvalue(r, t, f), PQgetlength(r, t, f)));
        rows.append(SqlRow(columns, std::move(values)));
    }
    return rows;
}

// The libpq options of the URL ("k='v';k='v'", as DatabaseUrl::libpqOptions()
// writes them for QPSQL) as keyword/value pairs.
QList<QPair<QByteArray, QByteArray>> parseOptions(const QString& text) {
    QList<QPair<QByteArray, QByteArray>> out;
    const QByteArray s = text.toUtf8();
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype eq = s.indexOf('=', i);
        if (eq < 0)
            break;
        const QByteArray key = s.mid(i, eq - i).trimmed();
        i = eq + 1;
        QByteArray value;
        if (i < s.size() && s[i] == '\'') {
            ++i;
            while (i < s.size() && s[i] != '\'') {
                if (s[i] == '\\' && i + 1 < s.size())
                    ++i;
                value += s[i++];
            }
            ++i; // the closing quote
        } else {
            while (i < s.size() && s[i] != ';')
                value += s[i++];
        }
        while (i < s.size() && s[i] != ';')
            ++i;
        ++i; // the ';'
        out.append({key, value});
    }
    return out;
}

QString resultMessage(const PGresult* r, PGconn* conn) {
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    if (primary) {
        QString m = QString::fromUtf8(primary);
        if (const char* detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL))
            m += u' ' + QString::fromUtf8(detail);
        return m;
    }
    return QString::fromUtf8(r ? PQresultErrorMessage(r) : PQerrorMessage(conn)).trimmed();
}

qint64 nowMs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

} // namespace

PgConnection::~PgConnection() {
    close();
}

bool PgConnection::isOpen() const {
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

bool PgConnection::inTransactionBlock() const {
    if (!m_conn)
        return false;
    const PGTransactionStatusType s = PQtransactionStatus(m_conn);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

void PgConnection::close() {
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

PgConnection::Wait PgConnection::waitForSocket(bool forWrite, QueryCanceller* canceller,
                                               qint64 deadlineMs) const {
    for (;;) {
        if (canceller && canceller->isCancelled())
            return Wait::Cancelled;
        const int sock = PQsocket(m_conn);
        if (sock < 0)
            return Wait::Failed;
        int slice = SliceMs;
        if (deadlineMs >= 0) {
            const qint64 left = deadlineMs - nowMs();
            if (left <= 0)
                return Wait::TimedOut;
            slice = int(std::min<qint64>(slice, left));
        }
#ifdef _WIN32
        WSAPOLLFD p{};
        p.fd = SOCKET(sock);
        p.events = forWrite ? POLLWRNORM : POLLRDNORM;
        const int n = WSAPoll(&p, 1, slice);
#else
        pollfd p{};
        p.fd = sock;
        p.events = forWrite ? POLLOUT : POLLIN;
        const int n = ::poll(&p, 1, slice);
#endif
        if (n > 0)
            return Wait::Ready;
        if (n < 0 && errno != EINTR)
            return Wait::Failed;
    }
}

void PgConnection::open(const DatabaseUrl& url, QueryCanceller* canceller) {
    close();
    m_lastConnectError.clear();
    QList<QPair<QByteArray, QByteArray>> options = {
        {"host", url.host.toUtf8()},
        {"port", QByteArray::number(url.port)},
        {"dbname", url.database.toUtf8()},
        {"user", url.user.toUtf8()},
        {"password", url.password.toUtf8()},
        // A startup parameter PgBouncer tracks: never a SET.
        {"client_encoding", "UTF8"},
    };
    options += parseOptions(url.libpqOptions());
    int timeoutSeconds = 15;
    QList<const char*> keys, values;
    for (const auto& [k, v] : options) {
        if (k == "connect_timeout")
            timeoutSeconds = v.toInt();
        if (k == "host" && v.isEmpty())
            continue;
        keys << k.constData();
        values << v.constData();
    }
    keys << nullptr;
    values << nullptr;

    // Connecting without blocking (PQconnectStartParams/PQconnectPoll), so that
    // a Cancel or quitting stops it. libpq enforces connect_timeout only in its
    // blocking connect, so the deadline is kept here.
    m_conn = PQconnectStartParams(keys.constData(), values.constData(), 0);
    if (!m_conn)
        throw Error(
            Error::Kind::Connection,
            QCoreApplication::translate("tp::Database", "Out of memory while connecting to the database."));
    const qint64 deadline = timeoutSeconds > 0 ? nowMs() + qint64(timeoutSeconds) * 1000 : -1;
    PostgresPollingStatusType status =
        PQstatus(m_conn) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED) {
        const Wait w = waitForSocket(status == PGRES_POLLING_WRITING, canceller, deadline);
        if (w == Wait::Cancelled) {
            close();
            m_lastConnectError = u"cancelled"_s;
            throw Error(
                Error::Kind::Cancelled,
                QCoreApplication::translate("tp::Database", "Connecting to the database was cancelled."));
        }
        if (w == Wait::TimedOut) {
            close();
            m_lastConnectError = u"timeout expired"_s;
            throw Error(Error::Kind::Connection, describeConnectionError(u"timeout expired"_s, url));
        }
        if (w == Wait::Failed)
            break;
        status = PQconnectPoll(m_conn);
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString raw = QString::fromUtf8(PQerrorMessage(m_conn));
        m_lastConnectError = raw;
        close();
        throw Error(Error::Kind::Connection, describeConnectionError(raw, url));
    }
    // Notices (a WARNING from the server) are not printed on stderr by libpq.
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
    if (canceller)
        canceller->attachPostgres(m_conn);
    // Dates and timestamps are read in ISO form. DateStyle is a parameter
    // PgBouncer tracks, so setting it (only when the server's default differs)
    // is safe behind a pool.
    const char* dateStyle = PQparameterStatus(m_conn, "DateStyle");
    if (dateStyle && qstrncmp(dateStyle, "ISO", 3) != 0) {
        const Outcome o = exec({"SET DateStyle TO ISO", {}}, canceller);
        if (!o.ok)
            throw Error(Error::Kind::Connection,
                        QCoreApplication::translate(
                            "tp::Database", "The database server refused to show dates in ISO form: %1")
                            .arg(o.message));
    }
}

PgConnection::Outcome PgConnection::lost(const QString& message) {
    Outcome o;
    o.connectionLost = true;
    o.message = message.isEmpty()
                    ? QCoreApplication::translate("tp::Database", "The connection to the database was lost.")
                    : message;
    close();
    return o;
}

PgConnection::Outcome PgConnection::cancelled() {
    // The server was asked to cancel (QueryCanceller::cancel); the connection is
    // in the middle of a statement. The statement's end (the server's "canceling
    // statement" error) is awaited for a moment, then the connection is given up.
    const qint64 deadline = nowMs() + CancelGraceMs;
    while (m_conn && PQisBusy(m_conn)) {
        if (waitForSocket(false, nullptr, deadline) != Wait::Ready || !PQconsumeInput(m_conn))
            break;
    }
    Outcome o;
    o.cancelled = true;
    o.message = QCoreApplication::translate("tp::Database", "The operation was cancelled.");
    close();
    return o;
}

bool PgConnection::collect(Outcome& out, QueryCanceller* canceller, bool pipeline) {
    bool haveResult = false;
    for (;;) {
        while (PQisBusy(m_conn)) {
            const Wait w = waitForSocket(false, canceller, -1);
            if (w == Wait::Cancelled) {
                out = cancelled();
                return false;
            }
            if (w == Wait::Failed || !PQconsumeInput(m_conn)) {
                out = lost(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
                return false;
            }
        }
        PGresult* r = PQgetResult(m_conn);
        if (!r)
            break;
        const ExecStatusType st = PQresultStatus(r);
        if (pipeline && st == PGRES_PIPELINE_SYNC) {
            PQclear(r);
            return true; // the caller reads it as the end of the pipeline
        }
        if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
            if (!haveResult) {
                out.ok = true;
                out.rows = toRows(r);
                out.commandTag = QByteArray(PQcmdStatus(r));
                out.rowsAffected = QByteArray(PQcmdTuples(r)).toInt();
                haveResult = true;
            }
        } else if (st == PGRES_PIPELINE_ABORTED) {
            out.ok = false;
            out.message = QCoreApplication::translate("tp::Database",
                                                      "An earlier statement of the same exchange failed.");
            haveResult = true;
        } else {
            // An error replaces any rows read before it: a result is whole or nothing.
            out.ok = false;
            out.rows.clear();
            out.sqlState = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
            out.message = resultMessage(r, m_conn);
            haveResult = true;
        }
        PQclear(r);
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message =
            out.message.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : out.message;
        const QString state = out.sqlState;
        out = lost(message);
        out.sqlState = state;
        return false;
    }
    if (!haveResult) {
        out.ok = false;
        out.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    }
    return true;
}

PgConnection::Outcome PgConnection::exec(const Statement& s, QueryCanceller* canceller) {
    if (canceller && canceller->isCancelled())
        return cancelled();
    if (!isOpen())
        return lost({});
    const int n = int(s.params.size());
    QVarLengthArray<Oid, 16> types(n);
    QVarLengthArray<const char*, 16> values(n);
    for (int i = 0; i < n; ++i) {
        types[i] = s.params[i].type;
        values[i] = s.params[i].null ? nullptr : s.params[i].text.constData();
    }
    // Text parameters (lengths and formats not needed), text results.
    if (!PQsendQueryParams(m_conn, s.sql.constData(), n, types.data(), values.data(), nullptr, nullptr, 0)) {
        if (PQstatus(m_conn) != CONNECTION_OK)
            return lost(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        Outcome o;
        o.message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return o;
    }
    Outcome out;
    collect(out, canceller, false);
    return out;
}

QList<PgConnection::Outcome> PgConnection::execPipeline(const QList<Statement>& statements,
                                                        QueryCanceller* canceller) {
    QList<Outcome> outs;
    if (canceller && canceller->isCancelled()) {
        outs.append(cancelled());
        return outs;
    }
    if (!isOpen()) {
        outs.append(lost({}));
        return outs;
    }
    if (!PQenterPipelineMode(m_conn)) {
        outs.append(Outcome{});
        outs.last().message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return outs;
    }
    for (const Statement& s : statements) {
        const int n = int(s.params.size());
        QVarLengthArray<Oid, 16> types(n);
        QVarLengthArray<const char*, 16> values(n);
        for (int i = 0; i < n; ++i) {
            types[i] = s.params[i].type;
            values[i] = s.params[i].null ? nullptr : s.params[i].text.constData();
        }
        if (!PQsendQueryParams(m_conn, s.sql.constData(), n, types.data(), values.data(), nullptr, nullptr,
                               0)) {
            outs = {lost(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed())};
            return outs;
        }
    }
    if (!PQpipelineSync(m_conn)) {
        outs = {lost(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed())};
        return outs;
    }
    // One result set per statement, each ended by a NULL from PQgetResult, then the Sync.
    for (qsizetype i = 0; i < statements.size(); ++i) {
        Outcome o;
        if (!collect(o, canceller, true)) {
            outs = {o};
            return outs;
        }
        outs.append(o);
    }
    Outcome sync;
    if (!collect(sync, canceller, true)) {
        outs = {sync};
        return outs;
    }
    PQexitPipelineMode(m_conn);
    return outs;
}

} // namespace tp
