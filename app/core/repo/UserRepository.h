// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// auth_user and the preferences row the seed creates with every user. Users
// are not scoped (this is how a profile is chosen and how an administrator
// removes one); everything a user owns is reached through the scoped
// repositories, which take the user's id.
class UserRepository {
public:
    explicit UserRepository(Database& db)
        : m_db(db) {}

    // Creates the user and its preferences in one transaction. The password is
    // Django's "unusable" form: this app does not sign users in with one.
    User create(const QString& username, const QString& email = {});
    std::optional<User> findByName(const QString& username);
    // The statement findByName runs, for a caller that sends it with others in one exchange.
    static QPair<QString, SqlParams> findByNameStatement(const QString& username);
    std::optional<User> find(Id id);
    QList<User> list();
    // Removes the user and, by the database's cascades, everything of theirs,
    // in one transaction. Throws NotFound for an unknown user.
    void remove(Id id);
    // The user named after the OS account, created on first run.
    User ensureLocalUser(const QString& osUserName);

    static QString localUserNameFor(const QString& osUserName);

private:
    Database& m_db;
};

User userFromRow(const SqlRow& row);

} // namespace tp
