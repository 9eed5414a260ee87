#include "ConnectionErrors.h"

using namespace Qt::StringLiterals;

namespace tp {

ConnectFailure classifyConnectFailure(const QString& raw) {
    const QString m = raw.toLower();
    if (m.contains(u"could not translate host name"_s) || m.contains(u"name or service not known"_s) ||
        m.contains(u"temporary failure in name resolution"_s))
        return ConnectFailure::HostNotFound;
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
        return u"The server name \"%1\" could not be found. Check the host in the connection settings and "
               u"that "
               u"you are online."_s.arg(url.host);
    case ConnectFailure::Refused:
        return u"Nothing accepted the connection at %1: the server is down or the port is wrong."_s.arg(
            where);
    case ConnectFailure::Timeout:
        return u"The server at %1 did not answer in time. It may be starting up (a suspended Neon database "
               u"takes a few seconds), or the network is blocking it."_s.arg(where);
    case ConnectFailure::WrongPassword:
        return u"The server at %1 rejected the user name or password for \"%2\"."_s.arg(where, url.user);
    case ConnectFailure::TlsRequired:
        return u"The server at %1 accepts only encrypted connections: add ?sslmode=require to the URL."_s.arg(
            where);
    case ConnectFailure::TlsUnavailable:
        return u"The server at %1 does not offer TLS, but the URL requires it (sslmode)."_s.arg(where);
    case ConnectFailure::DatabaseMissing:
        return u"The server at %1 has no database named \"%2\"."_s.arg(where, url.database);
    case ConnectFailure::FileNotWritable:
        return u"The database file %1 cannot be opened for writing."_s.arg(url.database);
    case ConnectFailure::Other:
        break;
    }
    return u"Cannot connect to the database at %1: %2"_s.arg(where, raw.simplified().left(300));
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
    const QString text = raw.simplified().left(500);
    Error::Kind kind = Error::Kind::Database;
    if (dialect == Dialect::Postgres) {
        if (code == u"23505" || code == u"40001" || code == u"40P01")
            kind = Error::Kind::Conflict;
        else if (code == u"23514" || code == u"23502" || code == u"22001" || code == u"22003" ||
                 code == u"22007" || code == u"22008" || code == u"22P02" || code == u"23503")
            kind = Error::Kind::Validation;
        else if (code == u"42P01")
            kind = Error::Kind::Schema;
    } else {
        const QString m = raw.toLower();
        if (m.contains(u"unique constraint failed"_s) || m.contains(u"database is locked"_s))
            kind = Error::Kind::Conflict;
        else if (m.contains(u"constraint failed"_s))
            kind = Error::Kind::Validation;
        else if (m.contains(u"no such table"_s))
            kind = Error::Kind::Schema;
    }
    Error e(kind, u"The database refused the change: "_s + text);
    e.setNativeCode(code);
    return e;
}

} // namespace tp
