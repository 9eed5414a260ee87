// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

#include <QJsonObject>

namespace tp {

// Everything the database holds about one user, as one JSON document: the
// right of access that the seed's GDPR reasoning implies. Read through the
// user-scoped repositories in one read transaction (a consistent snapshot on
// PostgreSQL), so nothing of another user can appear in it. No password hash.
QJsonObject exportUserData(Database& db, Id userId);

} // namespace tp
