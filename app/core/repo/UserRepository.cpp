// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserRepository.h"

#include "domain/Validation.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
const QString userColumns = u"id, username, email, first_name, last_name, is_active, date_joined"_s;

QString unusablePassword() {
    // Django's make_password(None): "!" followed by 40 random characters.
    static const QString alphabet = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"_s;
    QString out = u"!"_s;
    for (int i = 0; i < 40; ++i)
        out += alphabet[QRandomGenerator::system()->bounded(int(alphabet.size()))];
    return out;
}
} // namespace

User userFromRow(const SqlRow& r) {
    User u;
    u.id = col::id(r, "id");
    u.username = col::text(r, "username");
    u.email = col::text(r, "email");
    u.firstName = col::text(r, "first_name");
    u.lastName = col::text(r, "last_name");
    u.isActive = col::boolean(r, "is_active");
    u.dateJoined = col::timestamp(r, "date_joined");
    return u;
}

User UserRepository::create(const QString& username, const QString& email) {
    validation::require(validation::checkUsername(username));
    if (email.size() > validation::EmailMaxLength)
        throw Error::validation(
            u"email"_s, QCoreApplication::translate("tp::Validation", "must be at most 254 characters"));
    return m_db.transaction([&] {
        if (findByName(username))
            throw Error(
                Error::Kind::Conflict,
                QCoreApplication::translate("tp::repo", "A user named \"%1\" already exists.").arg(username));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SqlRows rows = m_db.write(
            u"INSERT INTO auth_user (password, last_login, is_superuser, username, first_name, last_name, "
            u"email, "
            u"is_staff, is_active, date_joined) VALUES (:pw, NULL, :f, :name, '', '', :email, :f, :t, :now) "
            u"RETURNING "_s +
                userColumns,
            {{u"pw"_s, unusablePassword()},
             {u"f"_s, false},
             {u"t"_s, true},
             {u"name"_s, username},
             {u"email"_s, email},
             {u"now"_s, now}});
        const User user = userFromRow(rows.first());
        m_db.execute(u"INSERT INTO api_userpreferences (preferences_text, budget_min, budget_max, "
                     u"preferred_group_size, created_at, updated_at, user_id) "
                     u"VALUES ('', NULL, NULL, 2, :now, :now, :user)"_s,
                     {{u"now"_s, now}, {u"user"_s, user.id}});
        return user;
    });
}

QPair<QString, SqlParams> UserRepository::findByNameStatement(const QString& username) {
    return {u"SELECT "_s + userColumns + u" FROM auth_user WHERE username = :n"_s, {{u"n"_s, username}}};
}

std::optional<User> UserRepository::findByName(const QString& username) {
    const auto [sql, params] = findByNameStatement(username);
    const SqlRows rows = m_db.query(sql, params);
    if (rows.isEmpty())
        return std::nullopt;
    return userFromRow(rows.first());
}

std::optional<User> UserRepository::find(Id id) {
    const SqlRows rows =
        m_db.query(u"SELECT "_s + userColumns + u" FROM auth_user WHERE id = :id"_s, {{u"id"_s, id}});
    if (rows.isEmpty())
        return std::nullopt;
    return userFromRow(rows.first());
}

QList<User> UserRepository::list() {
    QList<User> out;
    for (const SqlRow& r : m_db.query(u"SELECT "_s + userColumns + u" FROM auth_user ORDER BY username"_s))
        out << userFromRow(r);
    return out;
}

void UserRepository::remove(Id id) {
    m_db.transaction([&] {
        // The cascades of migration 0002 (PostgreSQL) and of the SQLite schema
        // remove preferences, trips, conversations, messages, recommendations,
        // states and planning sessions with the user, in this transaction.
        if (m_db.execute(u"DELETE FROM auth_user WHERE id = :id"_s, {{u"id"_s, id}}) == 0)
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "There is no user with id %1.").arg(id));
    });
}

QString UserRepository::localUserNameFor(const QString& osUserName) {
    static const QRegularExpression notAllowed(u"[^\\w.@+-]"_s,
                                               QRegularExpression::UseUnicodePropertiesOption);
    QString name = osUserName;
    name.replace(notAllowed, u"_"_s);
    name = name.left(validation::UsernameMaxLength);
    return name.isEmpty() ? u"traveller"_s : name;
}

User UserRepository::ensureLocalUser(const QString& osUserName) {
    const QString name = localUserNameFor(osUserName);
    if (auto existing = findByName(name))
        return *existing;
    try {
        return create(name);
    } catch (const Error& e) {
        // Another process created it at the same moment.
        if (e.kind() == Error::Kind::Conflict)
            if (auto existing = findByName(name))
                return *existing;
        throw;
    }
}

} // namespace tp
