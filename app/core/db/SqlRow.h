// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <memory>

namespace tp {

// One row of a result: its values, and the column names it shares with every
// other row of the same result. Both engines build these straight from their
// client library's rows (PgConnection, SqliteConnection). A QSqlRecord per row
// would copy a list of named, typed fields for each row and detach it for each
// value, which cost more than reading the row itself.
class SqlRow {
public:
    SqlRow() = default;
    SqlRow(std::shared_ptr<const QStringList> columns, QList<QVariant> values)
        : m_columns(std::move(columns))
        , m_values(std::move(values)) {}

    int count() const { return int(m_values.size()); }
    bool isEmpty() const { return m_values.isEmpty(); }
    // The column's name as the statement gave it ("id", "d_name").
    const QString& fieldName(int index) const;
    // The column named `name`, compared as written first and then ignoring case
    // (SQLite keeps a name as the statement wrote it); -1 when there is none.
    int indexOf(QStringView name) const;
    bool contains(QStringView name) const { return indexOf(name) >= 0; }

    // NULL is an invalid QVariant.
    QVariant value(int index) const {
        return index >= 0 && index < count() ? m_values.at(index) : QVariant();
    }
    QVariant value(QStringView name) const { return value(indexOf(name)); }
    bool isNull(int index) const { return value(index).isNull(); }

    // For a reader that fills one row again for each row of a result (no copy
    // of the row is taken meanwhile, so nothing is reallocated).
    void setValue(int index, QVariant value) { m_values[index] = std::move(value); }

private:
    std::shared_ptr<const QStringList> m_columns;
    QList<QVariant> m_values;
};

using SqlRows = QList<SqlRow>;

// Takes a result's rows one at a time instead of as a list (a large read
// mapped straight to what it means, without a copy of every row first). The
// row passed is valid only during the call.
using SqlRowSink = std::function<void(const SqlRow&)>;

} // namespace tp
