#pragma once

#include "db/Database.h"
#include "domain/Entities.h"
#include "repo/TripRepository.h"

// Trip statements the list view needs beyond TripRepository: a page in any
// column's order (the repository lists newest first only), and putting a
// deleted trip back with its id and creation time (undo of a delete). They run
// on the database thread like the repositories.
namespace tp::tripqueries {

enum class SortKey { Created, Title, Destination, Dates, Duration, Budget, Travellers, Status };

struct TripPage {
    QList<Trip> trips;
    int total = -1; // -1: not counted with this page
};

// The user's trips matching `filter`, ordered by `key` (ties: newest first).
TripPage page(Database& db, Id userId, const TripFilter& filter, SortKey key, bool descending, int limit,
              int offset, bool withCount);

// How many of the user's trips match `filter`.
int count(Database& db, Id userId, const TripFilter& filter);

// Inserts `trip` again with its original id and created_at.
Trip restore(Database& db, Id userId, const Trip& trip);

// True when `trip` passes `filter` (the same rules as the SQL, for rows
// created or changed in this window).
bool matches(const Trip& trip, const TripFilter& filter);

} // namespace tp::tripqueries
