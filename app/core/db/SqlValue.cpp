// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlValue.h"

#include "SqlScript.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace tp {

SqlValue::SqlValue(const QDate& v) {
    if (v.isValid()) {
        m_kind = Kind::Date;
        m_value = v;
    }
}

SqlValue::SqlValue(const QDateTime& v) {
    if (v.isValid()) {
        m_kind = Kind::Timestamp;
        m_value = v.toUTC();
    }
}

SqlValue::SqlValue(const QJsonArray& v)
    : m_kind(Kind::Json)
    , m_value(QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact))) {}

SqlValue::SqlValue(const QJsonObject& v)
    : m_kind(Kind::Json)
    , m_value(QString::fromUtf8(QJsonDocument(v).toJson(QJsonDocument::Compact))) {}

SqlValue SqlValue::textOrNull(const QString& v) {
    return v.isEmpty() ? SqlValue() : SqlValue(v);
}

QString sqliteTimestamp(const QDateTime& utc) {
    // Written by hand: QDateTime::toString with a format parses the format on
    // every call, which a batch of 100,000 messages notices.
    const QDateTime t = utc.timeSpec() == Qt::UTC ? utc : utc.toUTC();
    int y = 0, mo = 0, d = 0;
    t.date().getDate(&y, &mo, &d);
    const QTime time = t.time();
    if (y < 0 || y > 9999)
        return t.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
    char16_t out[24];
    auto put = [&out](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            out[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, y, 4);
    out[4] = u'-';
    put(5, mo, 2);
    out[7] = u'-';
    put(8, d, 2);
    out[10] = u'T';
    put(11, time.hour(), 2);
    out[13] = u':';
    put(14, time.minute(), 2);
    out[16] = u':';
    put(17, time.second(), 2);
    out[19] = u'.';
    put(20, time.msec(), 3);
    out[23] = u'Z';
    return QString(reinterpret_cast<const QChar*>(out), 24);
}

namespace {
QByteArray checkedText(const QString& text) {
    if (text.contains(QChar(u'\0')))
        throw Error::validation(u"text"_s,
                                QCoreApplication::translate("tp::Validation", "contains a NUL character"));
    return text.toUtf8();
}

// Type OIDs (PostgreSQL's src/include/catalog/pg_type.dat).
constexpr quint32 BoolOid = 16, Int8Oid = 20, Int4Oid = 23, NumericOid = 1700, DateOid = 1082,
                  TimestampTzOid = 1184, JsonbOid = 3802;
} // namespace

PgParam SqlValue::toPostgresParam() const {
    PgParam p;
    p.null = false;
    switch (m_kind) {
    case Kind::Null:
        p.null = true; // unknown type: the server infers it from the context, as for NULL
        break;
    // Typed as a literal of the same value would be: integer if it fits, else bigint.
    case Kind::Integer: {
        const qint64 v = m_value.toLongLong();
        p.type = v >= std::numeric_limits<qint32>::min() && v <= std::numeric_limits<qint32>::max() ? Int4Oid
                                                                                                    : Int8Oid;
        p.text = QByteArray::number(v);
        break;
    }
    case Kind::Boolean:
        p.type = BoolOid;
        p.text = m_value.toBool() ? "t" : "f";
        break;
    case Kind::Text:
        // Unknown, like a quoted literal: it takes the type of the column it meets.
        p.text = checkedText(m_value.toString());
        break;
    case Kind::Numeric:
        p.type = NumericOid;
        p.text = m_value.toString().toLatin1();
        break;
    case Kind::Date:
        p.type = DateOid;
        p.text = m_value.toDate().toString(Qt::ISODate).toLatin1();
        break;
    case Kind::Timestamp:
        p.type = TimestampTzOid;
        p.text = sqliteTimestamp(m_value.toDateTime()).toLatin1();
        break;
    case Kind::Json:
        p.type = JsonbOid;
        p.text = checkedText(m_value.toString());
        break;
    }
    return p;
}

QVariant SqlValue::toSqliteBinding() const {
    switch (m_kind) {
    case Kind::Null:
        return QVariant(QMetaType::fromType<QString>());
    case Kind::Integer:
        return m_value.toLongLong();
    case Kind::Boolean:
        return m_value.toBool() ? 1 : 0;
    case Kind::Text:
    case Kind::Numeric:
    case Kind::Json: {
        // QSQLITE binds a null QString as NULL; an empty text must stay ''.
        const QString s = m_value.toString();
        return s.isNull() ? QString(u""_s) : s;
    }
    case Kind::Date:
        return m_value.toDate().toString(Qt::ISODate);
    case Kind::Timestamp:
        return sqliteTimestamp(m_value.toDateTime());
    }
    return {};
}

BoundSql bindSql(const QString& sql, const SqlParams& params, Dialect dialect) {
    BoundSql out;
    out.sql.reserve(sql.size() + 64);
    // Batched statements (multi-row INSERTs) bind thousands of values: look
    // names up in a hash then, instead of scanning the list for each one.
    QHash<QStringView, qsizetype> byName;
    if (params.size() > 16) {
        byName.reserve(params.size());
        for (qsizetype i = 0; i < params.size(); ++i)
            byName.insert(QStringView(params[i].name), i);
    }
    const qsizetype n = sql.size();
    qsizetype i = 0;
    auto copyUntil = [&](qsizetype end) {
        out.sql += QStringView(sql).mid(i, end - i);
        i = end;
    };
    while (i < n) {
        const QChar c = sql[i];
        if (const qsizetype end = skipNonCode(sql, i); end >= 0) { // quotes, comments, $$ bodies
            copyUntil(end);
        } else if (c == u':' && i + 1 < n && sql[i + 1] == u':') { // ::cast
            copyUntil(i + 2);
        } else if (c == u':' && i + 1 < n && (sql[i + 1].isLetter() || sql[i + 1] == u'_')) {
            qsizetype j = i + 1;
            while (j < n && (sql[j].isLetterOrNumber() || sql[j] == u'_'))
                ++j;
            const QStringView name = QStringView(sql).mid(i + 1, j - i - 1);
            const SqlParam* found = nullptr;
            if (byName.isEmpty()) {
                for (const SqlParam& p : params)
                    if (p.name == name)
                        found = &p;
            } else if (auto it = byName.constFind(name); it != byName.constEnd()) {
                found = &params[*it];
            }
            if (!found)
                throw Error(Error::Kind::Database,
                            QCoreApplication::translate("tp::Database", "internal: no value bound for :%1")
                                .arg(name));
            if (dialect == Dialect::Postgres) {
                out.pgValues << found->value.toPostgresParam();
                out.sql += u'$' + QString::number(out.pgValues.size());
            } else {
                out.sql += u'?';
                out.sqliteValues << found->value.toSqliteBinding();
            }
            i = j;
        } else {
            copyUntil(i + 1);
        }
    }
    return out;
}

} // namespace tp
