// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// The user's api_userpreferences row (created with the user).
class PreferencesRepository {
public:
    PreferencesRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    // The row; created if a user made elsewhere lacks it.
    UserPreferences get();
    UserPreferences save(const UserPreferences& preferences);

private:
    Database& m_db;
    Id m_userId;
};

} // namespace tp
