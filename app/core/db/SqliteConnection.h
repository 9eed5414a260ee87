// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SqlRow.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace tp {

class QueryCanceller;

// One SQLite connection through the sqlite3 C API: values bound natively
// (never part of the SQL text), one statement per call, rows read straight
// into SqlRow values. Prepared statements are kept for the statements a
// connection runs again and again (a page of trips, a batch of inserts), so
// that SQLite parses each text once.
//
// Values come back as Qt's QSQLITE driver gave them, so that the two are
// interchangeable: INTEGER as qint64, REAL as double, TEXT as QString, BLOB as
// QByteArray and NULL as a null QVariant.
class SqliteConnection {
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Opens (creating) the file, or ":memory:". On failure returns false and
    // lastOpenError() says why in SQLite's words.
    bool open(const QString& path);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    const QString& lastOpenError() const { return m_lastOpenError; }

    struct Outcome {
        bool ok = false;
        SqlRows rows;
        int rowsAffected = 0;
        QString code;    // SQLite's primary result code, as text ("5": busy, "9": interrupted)
        QString message; // sqlite3_errmsg
        bool interrupted = false;
    };
    // One statement with its values in the order of its "?" placeholders.
    // With a sink, each row goes to it as it is read (one row object, filled
    // again for each) and Outcome::rows stays empty.
    Outcome exec(const QString& sql, const QList<QVariant>& values, const SqlRowSink* sink = nullptr);

private:
    sqlite3_stmt* prepared(const QString& sql, Outcome& failure);
    void forgetStatements();

    sqlite3* m_db = nullptr;
    QString m_lastOpenError;
    // The statements prepared on this connection, by their text, with when each
    // was last used: the least recently used is finalized when there are too many.
    struct Prepared {
        sqlite3_stmt* statement = nullptr;
        quint64 lastUse = 0;
    };
    QHash<QString, Prepared> m_statements;
    quint64 m_uses = 0;
};

} // namespace tp
