// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripOrder.h"

#include "RowMapping.h"

#include <variant>

using namespace Qt::StringLiterals;

namespace tp {

QString foldForTripList(const QString& text) {
    QString out = text;
    for (QChar& c : out)
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    return out;
}

int compareCodePoints(const QString& a, const QString& b) {
    // UTF-16 code units order like code points except surrogates (U+10000 and
    // above) against U+E000..U+FFFF; walk code points so that both agree with
    // the engines' byte order of UTF-8.
    const auto ua = a.toUcs4();
    const auto ub = b.toUcs4();
    const qsizetype n = std::min(ua.size(), ub.size());
    for (qsizetype i = 0; i < n; ++i)
        if (ua[i] != ub[i])
            return ua[i] < ub[i] ? -1 : 1;
    return ua.size() == ub.size() ? 0 : (ua.size() < ub.size() ? -1 : 1);
}

namespace {

// A sort key's value for one trip; monostate is NULL.
using KeyValue = std::variant<std::monostate, qint64, QString, QDate, Decimal>;

// The one place each sort key is defined: its SQL over the row, the SQL for a
// bound value of it (for the keyset condition), and its C++ value.
struct KeyDef {
    TripSortKey key;
    bool nullable;
    QString (*rowSql)(Dialect);
    QString (*valueSql)(const QString& placeholder, Dialect);
    KeyValue (*value)(const Trip&);
};

// ASCII case-fold compared by code point: see TripOrder.h.
QString foldSql(const QString& expr, Dialect d) {
    return d == Dialect::Postgres ? u"lower(CAST(%1 AS text) COLLATE \"C\")"_s.arg(expr)
                                  : u"lower(%1)"_s.arg(expr);
}

QString plain(const QString& placeholder, Dialect) {
    return placeholder;
}

const KeyDef keyDefs[] = {
    {TripSortKey::Title, false, [](Dialect d) { return foldSql(u"t.title"_s, d); }, foldSql,
     [](const Trip& t) -> KeyValue {
         return foldForTripList(t.title);
     }},
    {TripSortKey::Destination, true, [](Dialect d) { return foldSql(u"d.name"_s, d); }, foldSql,
     [](const Trip& t) -> KeyValue {
         if (!t.destinationId)
             return {};
         return foldForTripList(t.destinationName);
     }},
    {TripSortKey::Dates, true, [](Dialect) { return u"t.start_date"_s; }, plain,
     [](const Trip& t) -> KeyValue {
         if (!t.startDate.isValid())
             return {};
         return t.startDate;
     }},
    {TripSortKey::Duration, true,
     [](Dialect d) {
         return d == Dialect::Postgres
                    ? u"(t.end_date - t.start_date)"_s
                    : u"CAST(julianday(t.end_date) - julianday(t.start_date) AS INTEGER)"_s;
     },
     plain,
     [](const Trip& t) -> KeyValue {
         if (!t.startDate.isValid() || !t.endDate.isValid())
             return {};
         return qint64(t.startDate.daysTo(t.endDate));
     }},
    {TripSortKey::Budget, true,
     [](Dialect d) { return d == Dialect::Postgres ? u"t.budget"_s : u"CAST(t.budget AS REAL)"_s; },
     [](const QString& p, Dialect d) { return d == Dialect::Postgres ? p : u"CAST(%1 AS REAL)"_s.arg(p); },
     [](const Trip& t) -> KeyValue {
         if (!t.budget)
             return {};
         return *t.budget;
     }},
    {TripSortKey::Travellers, false, [](Dialect) { return u"t.travelers_count"_s; }, plain,
     [](const Trip& t) -> KeyValue {
         return qint64(t.travelersCount);
     }},
    {TripSortKey::Status, false,
     [](Dialect d) { return d == Dialect::Postgres ? u"(t.status COLLATE \"C\")"_s : u"t.status"_s; },
     [](const QString& p, Dialect d) {
         return d == Dialect::Postgres ? u"(CAST(%1 AS text) COLLATE \"C\")"_s.arg(p) : p;
     },
     [](const Trip& t) -> KeyValue {
         return t.status;
     }},
};

const KeyDef* defFor(TripSortKey key) {
    for (const KeyDef& d : keyDefs)
        if (d.key == key)
            return &d;
    return nullptr; // Created: created_at and id only
}

int compareValues(const KeyValue& a, const KeyValue& b) {
    if (a.index() != b.index())
        return a.index() < b.index() ? -1 : 1; // never for one key's values, which share a type
    return std::visit(
        [&](const auto& x) -> int {
            using T = std::decay_t<decltype(x)>;
            const T& y = std::get<T>(b);
            if constexpr (std::is_same_v<T, std::monostate>) {
                return 0;
            } else if constexpr (std::is_same_v<T, QString>) {
                return compareCodePoints(x, y);
            } else {
                if (x == y)
                    return 0;
                return x < y ? -1 : 1;
            }
        },
        a);
}

SqlValue bindable(const KeyValue& v) {
    return std::visit(
        [](const auto& x) -> SqlValue {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return SqlValue();
            else
                return SqlValue(x);
        },
        v);
}

} // namespace

QString TripOrder::orderBySql(Dialect dialect) const {
    const QString dir = descending ? u" DESC"_s : u" ASC"_s;
    const KeyDef* def = defFor(key);
    if (!def)
        return u"t.created_at"_s + dir + u", t.id"_s + dir;
    const QString expr = def->rowSql(dialect);
    // NULLs last in both directions, on both engines (false sorts before true).
    const QString primary = def->nullable ? u"(%1 IS NULL), %1%2"_s.arg(expr, dir) : expr + dir;
    return primary + u", t.created_at DESC, t.id DESC"_s;
}

QString TripOrder::afterSql(const Trip& last, Dialect dialect, SqlParams& params) const {
    // The last row's created_at as stored (microseconds on PostgreSQL, where a
    // Trip holds milliseconds), or the value the window has when it is gone.
    const QString created =
        u"COALESCE((SELECT a.created_at FROM api_trip a WHERE a.id = :after_anchor), :after_created)"_s;
    params.append({u"after_anchor"_s, last.id});
    params.append({u"after_created"_s, last.createdAt});
    params.append({u"after_id"_s, last.id});
    const KeyDef* def = defFor(key);
    if (!def) // one row comparison, which the (user_id, created_at DESC, id DESC) index serves
        return u"(t.created_at, t.id) %1 (%2, :after_id)"_s.arg(descending ? u"<"_s : u">"_s, created);
    const QString tie = u"(t.created_at, t.id) < (%1, :after_id)"_s.arg(created);
    const QString expr = def->rowSql(dialect);
    const KeyValue v = def->value(last);
    if (std::holds_alternative<std::monostate>(v))
        return u"(%1 IS NULL AND %2)"_s.arg(expr, tie);
    params.append({u"after_value"_s, bindable(v)});
    const QString value = def->valueSql(u":after_value"_s, dialect);
    QString cond = u"%1 %2 %3 OR (%1 = %3 AND %4)"_s.arg(expr, descending ? u"<"_s : u">"_s, value, tie);
    if (def->nullable)
        cond = u"%1 IS NULL OR "_s.arg(expr) + cond;
    return u'(' + cond + u')';
}

bool TripOrder::before(const Trip& a, const Trip& b) const {
    if (const KeyDef* def = defFor(key)) {
        const KeyValue va = def->value(a);
        const KeyValue vb = def->value(b);
        const bool nullA = std::holds_alternative<std::monostate>(va);
        const bool nullB = std::holds_alternative<std::monostate>(vb);
        if (nullA != nullB)
            return nullB; // NULLs last
        if (!nullA) {
            const int c = compareValues(va, vb);
            if (c != 0)
                return descending ? c > 0 : c < 0;
        }
    }
    const bool tieDescending = key == TripSortKey::Created ? descending : true;
    if (a.createdAt != b.createdAt)
        return (a.createdAt < b.createdAt) != tieDescending;
    if (a.id == b.id)
        return false;
    return (a.id < b.id) != tieDescending;
}

QString tripFilterSql(const TripFilter& f, Dialect dialect, SqlParams& params) {
    QString where;
    if (!f.status.isEmpty()) {
        where += u" AND t.status = :status"_s;
        params.append({u"status"_s, f.status});
    }
    if (f.from.isValid()) {
        where += u" AND COALESCE(t.end_date, t.start_date) >= :from"_s;
        params.append({u"from"_s, f.from});
    }
    if (f.to.isValid()) {
        where += u" AND COALESCE(t.start_date, t.end_date) <= :to"_s;
        params.append({u"to"_s, f.to});
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        // Both sides folded the same way, matched case-sensitively (SQLite's
        // LIKE ignores ASCII case anyway; there is none left).
        where += u" AND (%1 LIKE :text ESCAPE '!' OR %2 LIKE :text ESCAPE '!')"_s.arg(
            foldSql(u"t.title"_s, dialect), foldSql(u"COALESCE(t.description, '')"_s, dialect));
        params.append({u"text"_s, rows::likePattern(foldForTripList(text))});
    }
    return where;
}

bool tripMatches(const Trip& trip, const TripFilter& f) {
    if (!f.status.isEmpty() && trip.status != f.status)
        return false;
    const QDate end = trip.endDate.isValid() ? trip.endDate : trip.startDate;
    const QDate start = trip.startDate.isValid() ? trip.startDate : trip.endDate;
    if (f.from.isValid() && (!end.isValid() || end < f.from))
        return false;
    if (f.to.isValid() && (!start.isValid() || start > f.to))
        return false;
    const QString text = foldForTripList(f.text.trimmed());
    if (!text.isEmpty() && !foldForTripList(trip.title).contains(text) &&
        !foldForTripList(trip.description).contains(text))
        return false;
    return true;
}

} // namespace tp
