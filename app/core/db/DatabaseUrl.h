// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

namespace tp {

enum class Dialect { Sqlite, Postgres };

// A parsed DATABASE_URL, in the forms the seed's dj_database_url accepts:
//   postgres://user:password@host:port/dbname?sslmode=require&channel_binding=require
//   postgresql://...   (same)
//   sqlite:///relative/path.sqlite3   sqlite:////absolute/path.sqlite3   sqlite://:memory:
// The password is kept only in memory; redacted() is what logs and screens show.
struct DatabaseUrl {
    Dialect dialect = Dialect::Sqlite;
    QString host;
    int port = 5432;
    QString database; // PostgreSQL database name, or the SQLite file path
    QString user;
    QString password;
    QMap<QString, QString> options; // libpq keywords (sslmode, connect_timeout, ...)

    // Throws Error(Kind::Config) naming what is wrong.
    static DatabaseUrl parse(const QString& text);
    static DatabaseUrl sqliteFile(const QString& path);

    // The URL without its password ("postgresql://alice@host/db?sslmode=require").
    QString redacted() const;
    // The full URL including the password, for handing to another process of our own.
    QString toString() const;
    // Where the data lives, for a status bar: the file path or "host / database".
    QString displayLocation() const;
    // Neon's pooled endpoint ("-pooler" in the host name).
    bool looksPooled() const;
    // libpq connection options with the app's defaults for timeouts and keepalives.
    QString libpqOptions() const;
};

} // namespace tp
