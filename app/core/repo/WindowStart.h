// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TripRepository.h"
#include "UserRepository.h"

namespace tp {

// What the window shows first: the local user and the first page of its trips
// with their count.
struct WindowStart {
    User user;
    TripPage trips;
};

// Reads the window's start. On PostgreSQL the user, the page and the count go
// out in one exchange (pipeline mode; the page and count find the user by its
// name); only on the first run, when the user is created, do more follow.
// On SQLite the count is not read (trips.total is -1): the caller counts apart.
WindowStart readWindowStart(Database& db, const QString& osUserName, const TripFilter& filter,
                            const TripOrder& order, int pageSize);

} // namespace tp
