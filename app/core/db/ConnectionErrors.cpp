// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {

// The first meaningful line of a server or driver message, without libpq's
// "FATAL:"/"ERROR:" prefixes, its WARNING/DETAIL/HINT lines and trailing "(08001)" codes.
QString firstLine(const QString& raw) {
    for (QString line : raw.split(u'\n')) {
        line = line.trimmed();
        static const QRegularExpression noise(u"^(WARNING|NOTICE|DETAIL|HINT|CONTEXT|LINE \\d+):"_s);
        if (line.isEmpty() || noise.match(line).hasMatch())
            continue;
        static const QRegularExpression prefix(u"^(FATAL|ERROR|PANIC):\\s*"_s);
        line.remove(prefix);
        static const QRegularExpression code(u"\\s*\\(?[0-9A-Z]{5}\\)?\\s*$"_s);
        if (!line.contains(u' '))
            continue;
        line.remove(code);
        return line.left(300);
    }
    return raw.simplified().left(300);
}

} // namespace

ConnectFailure classifyConnectFailure(const QString& raw) {
    const QString m = raw.toLower();
    if (m.contains(u"could not translate host name"_s) || m.contains(u"name or service not known"_s) ||
        m.contains(u"temporary failure in name resolution"_s))
        return ConnectFailure::HostNotFound;
    if (m.contains(u"the database system is starting up"_s) ||
        m.contains(u"the database system is shutting down"_s) ||
        m.contains(u"the database system is in recovery mode"_s) ||
        m.contains(u"the database system is not yet accepting connections"_s) ||
        m.contains(u"the database system is not accepting connections"_s))
        return ConnectFailure::ServerStarting;
    if (m.contains(u"too many clients already"_s) || m.contains(u"too many connections"_s) ||
        m.contains(u"remaining connection slots are reserved"_s) ||
        m.contains(u"no more connections allowed"_s))
        return ConnectFailure::TooManyClients;
    if (m.contains(u"connection refused"_s))
        return ConnectFailure::Refused;
    if (m.contains(u"timeout expired"_s) || m.contains(u"timed out"_s))
        return ConnectFailure::Timeout;
    if (m.contains(u"password authentication failed"_s) || m.contains(u"no password supplied"_s) ||
        m.contains(u"fe_sendauth"_s) || m.contains(u"authentication failed"_s))
        return ConnectFailure::WrongPassword;
    if (m.contains(u"server does not support ssl"_s))
        return ConnectFailure::TlsUnavailable;
    if (m.contains(u"no encryption"_s) || m.contains(u"ssl required"_s) ||
        m.contains(u"ssl/tls required"_s) || m.contains(u"requires ssl"_s) ||
        m.contains(u"connection requires a valid client certificate"_s))
        return ConnectFailure::TlsRequired;
    if (m.contains(u"does not exist"_s) && m.contains(u"database"_s))
        return ConnectFailure::DatabaseMissing;
    if (m.contains(u"unable to open database file"_s) || m.contains(u"readonly"_s) ||
        m.contains(u"read-only"_s))
        return ConnectFailure::FileNotWritable;
    return ConnectFailure::Other;
}

QString describeConnectionError(const QString& raw, const DatabaseUrl& url) {
    const QString where =
        url.dialect == Dialect::Postgres ? u"%1:%2"_s.arg(url.host).arg(url.port) : url.database;
    switch (classifyConnectFailure(raw)) {
    case ConnectFailure::HostNotFound:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "The server name \"%1\" could not be found. Check the host in the connection settings and "
                   "that "
                   "you are online.")
            .arg(url.host);
    case ConnectFailure::Refused:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "Nothing accepted the connection at %1: the server is down or the port is wrong.")
            .arg(where);
    case ConnectFailure::Timeout:
        return QCoreApplication::translate("tp::ConnectionErrors",
                                           "The server at %1 did not answer in time. It may be starting up "
                                           "(a suspended Neon database "
                                           "takes a few seconds), or the network is blocking it.")
            .arg(where);
    case ConnectFailure::WrongPassword:
        return QCoreApplication::translate("tp::ConnectionErrors",
                                           "The server at %1 rejected the user name or password for \"%2\".")
            .arg(where, url.user);
    case ConnectFailure::TlsRequired:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "The server at %1 accepts only encrypted connections: add ?sslmode=require to the URL.")
            .arg(where);
    case ConnectFailure::TlsUnavailable:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "The server at %1 does not offer TLS, but the URL requires it (sslmode).")
            .arg(where);
    case ConnectFailure::DatabaseMissing:
        return QCoreApplication::translate("tp::ConnectionErrors",
                                           "The server at %1 has no database named \"%2\".")
            .arg(where, url.database);
    case ConnectFailure::FileNotWritable:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "The database file %1 cannot be opened for writing. Check that its folder exists and that "
                   "you may write to it.")
            .arg(url.database);
    case ConnectFailure::ServerStarting:
        return QCoreApplication::translate("tp::ConnectionErrors",
                                           "The database server at %1 is restarting (starting up, shutting "
                                           "down or recovering). Wait a "
                                           "moment and try again.")
            .arg(where);
    case ConnectFailure::TooManyClients:
        return QCoreApplication::translate(
                   "tp::ConnectionErrors",
                   "The database server at %1 has no free connections. Try again in a moment, close other "
                   "programs using it, or use a pooled endpoint.")
            .arg(where);
    case ConnectFailure::Other:
        break;
    }
    // Only the first line of what the driver said: libpq appends WARNING and
    // DETAIL lines that are noise here.
    return QCoreApplication::translate(
               "tp::ConnectionErrors",
               "Cannot connect to the database at %1 (%2). Check the connection settings, or run "
               "`tripplanner-cli doctor`.")
        .arg(where, firstLine(raw));
}

bool isConnectionLoss(const QString& sqlState, const QString& raw, bool driverStillOpen) {
    if (!driverStillOpen)
        return true;
    if (sqlState.startsWith(u"08"_s) || sqlState == u"57P01" || sqlState == u"57P02" || sqlState == u"57P03")
        return true;
    const QString m = raw.toLower();
    for (const char16_t* needle :
         {u"server closed the connection", u"no connection to the server", u"terminating connection",
          u"could not send data", u"could not receive data", u"connection to server", u"ssl syscall error",
          u"eof detected", u"connection not open", u"server conn crashed", u"pgbouncer cannot connect"}) {
        if (m.contains(QStringView(needle)))
            return true;
    }
    return false;
}

Error classifyStatementError(const QString& code, const QString& raw, Dialect dialect) {
    const QString text = firstLine(raw);
    Error::Kind kind = Error::Kind::Database;
    QString message;
    if (dialect == Dialect::Postgres) {
        if (code == u"23505") {
            kind = Error::Kind::Conflict;
            message = QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "This would duplicate something that already exists (%1). Change it, or edit the "
                          "existing one.")
                          .arg(text);
        } else if (code == u"40001" || code == u"40P01" || code == u"55P03") {
            kind = Error::Kind::Conflict;
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "Another change to the same data happened at the same time. Try again.");
        } else if (code == u"23514" || code == u"23502" || code == u"22001" || code == u"22003" ||
                   code == u"22007" || code == u"22008" || code == u"22P02" || code == u"23503") {
            kind = Error::Kind::Validation;
            message =
                QCoreApplication::translate("tp::ConnectionErrors",
                                            "The database refused a value (%1). Correct it and try again.")
                    .arg(text);
        } else if (code == u"42P01" || code == u"42883" || code == u"3F000") {
            kind = Error::Kind::Schema;
            message =
                code == u"42883"
                    ? QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "The database has no function where the app looks for it. Either the tables were "
                          "never created (run `tripplanner-cli migrate`), or the connection looks in another "
                          "schema: remove a search_path setting (options=-c search_path=… in the URL, or one "
                          "set for the database user).")
                    : QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "The database has no table where the app looks for it. Either the tables were "
                          "never created (run `tripplanner-cli migrate`), or the connection looks in another "
                          "schema: remove a search_path setting (options=-c search_path=… in the URL, or one "
                          "set for the database user).");
        } else if (code == u"42501") {
            message = QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "The database user may not do this (%1). Connect as the database's owner, or ask "
                          "its administrator for the permission.")
                          .arg(text);
        } else if (code == u"25006") {
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The database accepts no changes (a read-only server or user). Connect to the primary "
                "server, or as a user that may write.");
        } else if (code == u"57014") {
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The database cancelled the statement (it took too long, or was cancelled). Try "
                "again.");
        } else if (code == u"57P03" || code.startsWith(u"57P"_s)) {
            kind = Error::Kind::Connection;
            message = QCoreApplication::translate(
                "tp::ConnectionErrors", "The database server is restarting. Wait a moment and try again.");
        } else if (code == u"53300" || code == u"53400") {
            kind = Error::Kind::Connection;
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The database server has no free connections. Try again in a moment.");
        } else if (code.startsWith(u"53"_s)) {
            message = QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "The database server is out of resources (%1). Try again later, or ask its "
                          "administrator.")
                          .arg(text);
        }
    } else {
        const QString m = raw.toLower();
        if (m.contains(u"unique constraint failed"_s)) {
            kind = Error::Kind::Conflict;
            message = QCoreApplication::translate(
                          "tp::ConnectionErrors",
                          "This would duplicate something that already exists (%1). Change it, or edit the "
                          "existing one.")
                          .arg(text);
        } else if (m.contains(u"database is locked"_s) || m.contains(u"database is busy"_s)) {
            kind = Error::Kind::Conflict;
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The database file is busy: another program is writing to it. Try again when it has "
                "finished.");
        } else if (m.contains(u"constraint failed"_s)) {
            kind = Error::Kind::Validation;
            message =
                QCoreApplication::translate("tp::ConnectionErrors",
                                            "The database refused a value (%1). Correct it and try again.")
                    .arg(text);
        } else if (m.contains(u"no such table"_s) || m.contains(u"no such column"_s)) {
            kind = Error::Kind::Schema;
            message =
                QCoreApplication::translate(
                    "tp::ConnectionErrors",
                    "The database file lacks part of the app's tables (%1). Run `tripplanner-cli migrate`, "
                    "or open a file made by Trip Planner.")
                    .arg(text);
        } else if (m.contains(u"readonly"_s) || m.contains(u"read-only"_s)) {
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The database file is read-only. Check that you may write to it and to its folder.");
        } else if (m.contains(u"disk is full"_s) || m.contains(u"disk i/o error"_s)) {
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The disk holding the database file is full or failing. Free some space and try "
                "again.");
        } else if (m.contains(u"file is not a database"_s) || m.contains(u"malformed"_s)) {
            message = QCoreApplication::translate(
                "tp::ConnectionErrors",
                "The file is not a usable database (it is damaged, or not a database). Restore a "
                "backup, or choose another file.");
        }
    }
    if (message.isEmpty())
        message =
            QCoreApplication::translate("tp::ConnectionErrors",
                                        "The database reported an error (%1). Try again; if it persists, run "
                                        "`tripplanner-cli doctor`.")
                .arg(text);
    Error e(kind, message);
    e.setNativeCode(code);
    return e;
}

} // namespace tp
