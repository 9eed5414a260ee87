// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteConnection.h"

#include <QVarLengthArray>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
// Enough for every statement the repositories run in a session; a migration's
// one-off statements push the oldest out.
constexpr qsizetype MaxPrepared = 64;

bool onlySpaceAfter(const char* tail) {
    for (; tail && *tail; ++tail)
        if (!QChar::isSpace(uchar(*tail)))
            return false;
    return true;
}
} // namespace

SqliteConnection::~SqliteConnection() {
    close();
}

bool SqliteConnection::open(const QString& path) {
    close();
    m_lastOpenError.clear();
    sqlite3* db = nullptr;
    const int rc =
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        m_lastOpenError = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return false;
    }
    m_db = db;
    return true;
}

void SqliteConnection::forgetStatements() {
    for (const Prepared& p : std::as_const(m_statements))
        sqlite3_finalize(p.statement);
    m_statements.clear();
}

void SqliteConnection::close() {
    if (!m_db)
        return;
    forgetStatements();
    // _v2: should a statement still be unfinalized, the file is closed once it is.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

sqlite3_stmt* SqliteConnection::prepared(const QString& sql, Outcome& failure) {
    if (auto it = m_statements.find(sql); it != m_statements.end()) {
        it->lastUse = ++m_uses;
        // Normally reset already (exec's guard); a statement is never resumed.
        sqlite3_reset(it->statement);
        return it->statement;
    }
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, text.constData(), int(text.size() + 1), SQLITE_PREPARE_PERSISTENT,
                                      &statement, &tail);
    if (rc != SQLITE_OK) {
        failure.code = QString::number(rc & 0xff);
        failure.message = QString::fromUtf8(sqlite3_errmsg(m_db));
        failure.interrupted = (rc & 0xff) == SQLITE_INTERRUPT;
        sqlite3_finalize(statement);
        return nullptr;
    }
    if (!statement || !onlySpaceAfter(tail)) {
        // Empty, or two statements in one text: the second one would never be
        // run (a value can never become SQL here, but a mistake in ours could).
        sqlite3_finalize(statement);
        failure.code = QString::number(SQLITE_MISUSE);
        failure.message = statement ? u"one statement at a time: the text holds more than one"_s
                                    : u"the statement is empty"_s;
        return nullptr;
    }
    if (m_statements.size() >= MaxPrepared) {
        auto oldest = m_statements.begin();
        for (auto it = m_statements.begin(); it != m_statements.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        sqlite3_finalize(oldest->statement);
        m_statements.erase(oldest);
    }
    m_statements.insert(sql, {statement, ++m_uses});
    return statement;
}

namespace {
QVariant columnValue(sqlite3_stmt* st, int c) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(st, c)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(st, c));
    case SQLITE_NULL:
        return QVariant();
    case SQLITE_BLOB: {
        const void* data = sqlite3_column_blob(st, c);
        return QVariant(QByteArray(static_cast<const char*>(data), sqlite3_column_bytes(st, c)));
    }
    default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(st, c)));
    }
    }
}
} // namespace

SqliteConnection::Outcome SqliteConnection::exec(const QString& sql, const QList<QVariant>& values,
                                                 const SqlRowSink* sink) {
    Outcome out;
    if (!m_db) {
        out.code = QString::number(SQLITE_MISUSE);
        out.message = u"connection not open"_s;
        return out;
    }
    sqlite3_stmt* st = prepared(sql, out);
    if (!st)
        return out;

    // The texts stay alive until the statement is reset, so SQLite need not copy them.
    QVarLengthArray<QByteArray, 16> texts;
    // Reset however this returns (a sink that throws, memory running out): a
    // statement left mid-way would keep its read snapshot, hold back WAL
    // checkpoints and point at the texts above once they are gone.
    struct ResetOnExit {
        sqlite3_stmt* statement;
        ~ResetOnExit() {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
        }
    } const resetOnExit{st};
    texts.reserve(values.size());
    int rc = SQLITE_OK;
    if (values.size() != sqlite3_bind_parameter_count(st)) {
        rc = SQLITE_RANGE;
        out.message =
            u"%1 values for %2 placeholders"_s.arg(values.size()).arg(sqlite3_bind_parameter_count(st));
    }
    for (int i = 0; i < values.size() && rc == SQLITE_OK; ++i) {
        const QVariant& v = values.at(i);
        const int at = i + 1;
        if (v.isNull()) {
            rc = sqlite3_bind_null(st, at);
            continue;
        }
        switch (v.metaType().id()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
            rc = sqlite3_bind_int64(st, at, v.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(st, at, v.toDouble());
            break;
        case QMetaType::QByteArray: {
            texts.append(v.toByteArray());
            rc = sqlite3_bind_blob(st, at, texts.last().constData(), int(texts.last().size()), SQLITE_STATIC);
            break;
        }
        default: {
            texts.append(v.toString().toUtf8());
            rc = sqlite3_bind_text(st, at, texts.last().constData(), int(texts.last().size()), SQLITE_STATIC);
            break;
        }
        }
    }

    if (rc == SQLITE_OK) {
        const int columns = sqlite3_column_count(st);
        std::shared_ptr<const QStringList> names;
        SqlRow reused;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (!names) {
                QStringList list;
                list.reserve(columns);
                for (int c = 0; c < columns; ++c)
                    list.append(QString::fromUtf8(sqlite3_column_name(st, c)));
                names = std::make_shared<const QStringList>(std::move(list));
                reused = SqlRow(names, QList<QVariant>(columns));
            }
            if (sink) {
                for (int c = 0; c < columns; ++c)
                    reused.setValue(c, columnValue(st, c));
                (*sink)(reused);
                continue;
            }
            QList<QVariant> row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row.append(columnValue(st, c));
            out.rows.append(SqlRow(names, std::move(row)));
        }
        if (rc == SQLITE_DONE) {
            out.ok = true;
            out.rowsAffected = sqlite3_changes(m_db);
        }
    }
    if (!out.ok) {
        // Stepping failed part-way (interrupted, an I/O error, a constraint):
        // the rows read so far are dropped, never returned as the result.
        out.rows.clear();
        out.code = QString::number(rc & 0xff);
        if (out.message.isEmpty())
            out.message = QString::fromUtf8(sqlite3_errmsg(m_db));
        out.interrupted = (rc & 0xff) == SQLITE_INTERRUPT;
    }
    return out;
}

} // namespace tp
