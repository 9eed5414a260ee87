// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesStore.h"

#include "repo/PreferencesRepository.h"

namespace tp::app {

PreferencesStore::PreferencesStore(DatabaseService* database, std::function<Id()> userId, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_userId(std::move(userId)) {}

void PreferencesStore::load(QObject* context, std::function<void(Result<UserPreferences>)> done) {
    const Id user = m_userId();
    m_database->post<UserPreferences>(
        context, [user](Database& db) { return PreferencesRepository(db, user).get(); }, std::move(done));
}

void PreferencesStore::save(QObject* context, const UserPreferences& preferences,
                            std::function<void(Result<UserPreferences>)> done) {
    const Id user = m_userId();
    m_database->post<UserPreferences>(
        context,
        [user, preferences](Database& db) { return PreferencesRepository(db, user).save(preferences); },
        std::move(done));
}

} // namespace tp::app
