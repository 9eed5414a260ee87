// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DatabaseUrl.h"
#include "domain/Decimal.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>
#include <optional>

namespace tp {

// A parameter as libpq sends it: the type's OID (0: let the server infer it,
// as it would for a quoted literal) and the value in text format.
struct PgParam {
    quint32 type = 0;
    QByteArray text;
    bool null = true;
};

// A value bound to a named placeholder (":name") in a statement. The kind is
// explicit so that each engine gets the right literal or binding: exact
// decimals stay text, dates stay dates, timestamps are UTC.
class SqlValue {
public:
    enum class Kind { Null, Integer, Boolean, Text, Numeric, Date, Timestamp, Json };

    SqlValue() = default; // NULL
    SqlValue(std::nullptr_t) {}
    SqlValue(int v)
        : m_kind(Kind::Integer)
        , m_value(qint64(v)) {}
    SqlValue(qint64 v)
        : m_kind(Kind::Integer)
        , m_value(v) {}
    SqlValue(bool v)
        : m_kind(Kind::Boolean)
        , m_value(v) {}
    SqlValue(const QString& v)
        : m_kind(Kind::Text)
        , m_value(v) {}
    SqlValue(const char16_t* v)
        : SqlValue(QString::fromUtf16(v)) {}
    SqlValue(const Decimal& v)
        : m_kind(Kind::Numeric)
        , m_value(v.toString()) {}
    SqlValue(const QDate& v);     // an invalid date binds NULL
    SqlValue(const QDateTime& v); // an invalid timestamp binds NULL
    SqlValue(const QJsonArray& v);
    SqlValue(const QJsonObject& v);
    template <class T> SqlValue(const std::optional<T>& v) {
        if (v)
            *this = SqlValue(*v);
    }

    // Text that may be empty but is stored as NULL when empty (nullable varchar).
    static SqlValue textOrNull(const QString& v);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    const QVariant& value() const { return m_value; }

    // The value as a libpq text-format parameter with its type OID. Throws
    // Error::validation for text PostgreSQL cannot store (a NUL character).
    PgParam toPostgresParam() const;
    // The value as bound to SQLite: text for decimals, dates and timestamps.
    QVariant toSqliteBinding() const;

private:
    Kind m_kind = Kind::Null;
    QVariant m_value;
};

struct SqlParam {
    QString name;
    SqlValue value;
};
using SqlParams = QList<SqlParam>;

// Replaces ":name" placeholders, outside quotes, comments and "::" casts.
// For PostgreSQL each occurrence becomes "$n" with its value in pgValues (sent
// apart from the SQL text by PQsendQueryParams, as an unnamed statement, which
// a transaction-mode pool serves); a name used twice gets two parameters, so
// that each occurrence is typed by its own context, as a literal would be. For
// SQLite each becomes "?" and the values come back in order for native
// binding. No value ever becomes SQL text. Throws Error(Database) for a
// placeholder with no value.
struct BoundSql {
    QString sql;
    QList<QVariant> sqliteValues;
    QList<PgParam> pgValues;
};
BoundSql bindSql(const QString& sql, const SqlParams& params, Dialect dialect);

// UTC timestamp text as stored in SQLite: "2026-11-22T10:15:30.123Z".
QString sqliteTimestamp(const QDateTime& utc);

} // namespace tp
