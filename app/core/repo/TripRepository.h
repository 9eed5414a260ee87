#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

struct TripFilter {
    QString status; // empty: any
    QDate from;     // trips that end (or start) on or after this date
    QDate to;       // trips that start (or end) on or before this date
    QString text;   // substring of title or description, case-insensitive
};

// The orders a trip list can be read in (ties: newest first).
enum class TripSortKey { Created, Title, Destination, Dates, Duration, Budget, Travellers, Status };

// True when `trip` passes `filter`: the same rules as the SQL, for rows that
// were created or changed in a window and must be placed without a query.
bool tripMatches(const Trip& trip, const TripFilter& filter);

// The signed-in user's trips (api_trip). Every statement carries the user's id:
// no method reads or changes another user's trip.
class TripRepository {
public:
    TripRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    // Newest first, as the seed orders trips. `limit` < 0: all.
    QList<Trip> list(const TripFilter& filter = {}, int limit = -1, int offset = 0);
    // One page in any column's order (the list view's sorting).
    QList<Trip> page(const TripFilter& filter, TripSortKey key, bool descending, int limit, int offset);
    int count(const TripFilter& filter = {});
    std::optional<Trip> find(Id id);
    Trip get(Id id); // throws NotFound

    // Validates with the seed's rules; throws Error::validation naming the field.
    Trip create(const Trip& draft);
    Trip update(const Trip& trip);
    // update() for a row read earlier in the same piece of work, with its
    // version (updated_at) guard, in one statement: the destination is not
    // checked (the caller found or made it in this transaction) and the row is
    // not read again; it returns `trip` as written, with its new version.
    Trip updateHeld(const Trip& trip);
    void remove(Id id);
    // Inserts a deleted trip again with its id, created_at and updated_at (undo of a delete);
    // a destination deleted meanwhile is left out.
    Trip restore(const Trip& trip);
    Trip setStatus(Id id, const QString& status);

    // The trip with its destination, conversation, state, latest recommendations,
    // active planning session and message count, in three queries whatever it holds.
    TripDetails open(Id id);

private:
    QString filterSql(const TripFilter& f, SqlParams& params) const;
    QString orderSql(TripSortKey key, bool descending) const;
    SqlParams tripValues(const Trip& trip) const;
    void checkDestination(const std::optional<Id>& destinationId);
    // The version-guarded UPDATE of update() and updateHeld(); returns the new version.
    QDateTime writeVersioned(const Trip& trip);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
