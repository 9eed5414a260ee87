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

// The signed-in user's trips (api_trip). Every statement carries the user's id:
// no method reads or changes another user's trip.
class TripRepository {
public:
    TripRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    // Newest first, as the seed orders trips. `limit` < 0: all.
    QList<Trip> list(const TripFilter& filter = {}, int limit = -1, int offset = 0);
    int count(const TripFilter& filter = {});
    std::optional<Trip> find(Id id);
    Trip get(Id id); // throws NotFound

    // Validates with the seed's rules; throws Error::validation naming the field.
    Trip create(const Trip& draft);
    Trip update(const Trip& trip);
    void remove(Id id);
    Trip setStatus(Id id, const QString& status);

    // The trip with its destination, conversation, state, latest recommendations,
    // active planning session and message count, in three queries whatever it holds.
    TripDetails open(Id id);

private:
    QString filterSql(const TripFilter& f, SqlParams& params) const;
    void checkDestination(const std::optional<Id>& destinationId);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
