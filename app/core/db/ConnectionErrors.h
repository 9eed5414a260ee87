// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseUrl.h"
#include "domain/Error.h"

// Turns what libpq and SQLite say into sentences a user can act on, and tells a
// dropped connection from an ordinary statement error.
namespace tp {

// The kind of failure when a connection cannot be opened.
enum class ConnectFailure {
    HostNotFound,
    Refused,
    Timeout,
    TlsRequired,
    TlsUnavailable,
    WrongPassword,
    DatabaseMissing,
    FileNotWritable,
    ServerStarting, // starting up, shutting down or in recovery (a restart)
    TooManyClients,
    Other
};

ConnectFailure classifyConnectFailure(const QString& rawMessage);
QString describeConnectionError(const QString& rawMessage, const DatabaseUrl& url);

// True when a statement failed because the connection is gone (server
// restarted, compute suspended, network dropped), not because of the statement.
bool isConnectionLoss(const QString& sqlState, const QString& rawMessage, bool driverStillOpen);

Error classifyStatementError(const QString& nativeCode, const QString& rawMessage, Dialect dialect);

} // namespace tp
