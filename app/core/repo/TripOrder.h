// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

// The trips list's order and filter, defined once: the SQL that PostgreSQL and
// SQLite run and the C++ comparison the window uses to place a row it created
// or changed without a query are generated from the same table of sort keys
// (TripOrder.cpp), so they cannot drift apart.
//
// Text is compared the same way everywhere: ASCII letters case-folded, then
// code point by code point (PostgreSQL: lower(x COLLATE "C"), which folds only
// ASCII, compared under "C"; SQLite: its built-in lower(), ASCII only, compared
// as BINARY UTF-8; C++: the same fold and code points). Accented letters are
// neither folded nor sorted beside their base letter ("Évora" after "Zurich"):
// no rule beyond this one is available identically in both engines without an
// extension, and a list whose pages disagree with its own insertions is worse.
namespace tp {

struct TripFilter {
    QString status; // empty: any
    QDate from;     // trips that end (or start) on or after this date
    QDate to;       // trips that start (or end) on or before this date
    QString text;   // substring of title or description, ASCII case-insensitive

    bool operator==(const TripFilter&) const = default;
};

// The orders a trip list can be read in.
enum class TripSortKey { Created, Title, Destination, Dates, Duration, Budget, Travellers, Status };

// A column and a direction. Empty values (no destination, no dates, no budget)
// come last in both directions; ties are newest first (created_at, then id),
// except in the Created order, where created_at and id follow the direction.
struct TripOrder {
    TripSortKey key = TripSortKey::Created;
    bool descending = true;

    bool operator==(const TripOrder&) const = default;

    // "ORDER BY" text (without the keywords) over api_trip t LEFT JOIN api_destination d.
    QString orderBySql(Dialect dialect) const;
    // A condition true for the rows that come after `last` in this order (keyset
    // paging: the next page continues after the last row's sort key and id).
    QString afterSql(const Trip& last, Dialect dialect, SqlParams& params) const;
    // True when `a` comes before `b` in this order, exactly as the SQL orders them.
    bool before(const Trip& a, const Trip& b) const;
};

// The WHERE condition of `filter` for trips t of the user whose id is bound as
// :user (the caller binds it); the same rules as tripMatches.
QString tripFilterSql(const TripFilter& filter, Dialect dialect, SqlParams& params);
// True when `trip` passes `filter`: the same rules as tripFilterSql, for rows
// that were created or changed in a window and must be placed without a query.
bool tripMatches(const Trip& trip, const TripFilter& filter);

// Text as the list compares it: ASCII letters lower-cased, nothing else changed.
QString foldForTripList(const QString& text);
// <0, 0, >0 comparing by Unicode code point (what "C" and BINARY do on UTF-8).
int compareCodePoints(const QString& a, const QString& b);

} // namespace tp
