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
    // Replaces preferences_text with `text` only while it is still `expected`
    // (read earlier in the same turn): one statement. False when the row changed
    // meanwhile or does not exist; the caller then reads it again.
    bool replaceText(const UserPreferences& expected, const QString& text);

    // The row as selected with `prefix` before each column name (a join elsewhere reads it too).
    static UserPreferences fromRow(const SqlRow& row, const char* prefix = "");
    // The columns fromRow() reads, from the table aliased `up`, each named with the prefix "up_".
    static const QString& prefixedColumns();

private:
    Database& m_db;
    Id m_userId;
};

} // namespace tp
