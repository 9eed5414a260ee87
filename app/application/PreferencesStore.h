// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QObject>
#include <functional>

namespace tp::app {

// The signed-in user's travel preferences (api_userpreferences), read and
// saved on the database thread for the preferences dialog.
class PreferencesStore : public QObject {
    Q_OBJECT
public:
    PreferencesStore(DatabaseService* database, std::function<Id()> userId, QObject* parent = nullptr);

    void load(QObject* context, std::function<void(Result<UserPreferences>)> done);
    void save(QObject* context, const UserPreferences& preferences,
              std::function<void(Result<UserPreferences>)> done);

private:
    DatabaseService* m_database;
    std::function<Id()> m_userId;
};

} // namespace tp::app
