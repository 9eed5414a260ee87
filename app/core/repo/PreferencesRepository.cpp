// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesRepository.h"

#include "domain/Validation.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

UserPreferences PreferencesRepository::fromRow(const SqlRow& r, const char* prefix) {
    auto key = [prefix](const char* name) -> QByteArray {
        return QByteArray(prefix) + name;
    };
    UserPreferences p;
    p.id = col::id(r, key("id"));
    p.userId = col::id(r, key("user_id"));
    p.preferencesText = col::text(r, key("preferences_text"));
    p.budgetMin =
        col::decimal(r, key("budget_min"), decimal_shape::MoneyPrecision, decimal_shape::MoneyScale);
    p.budgetMax =
        col::decimal(r, key("budget_max"), decimal_shape::MoneyPrecision, decimal_shape::MoneyScale);
    p.preferredGroupSize = col::integer(r, key("preferred_group_size"));
    p.createdAt = col::timestamp(r, key("created_at"));
    p.updatedAt = col::timestamp(r, key("updated_at"));
    return p;
}

const QString& PreferencesRepository::prefixedColumns() {
    static const QString columns =
        u"up.id AS up_id, up.user_id AS up_user_id, up.preferences_text AS up_preferences_text, "
        u"up.budget_min AS up_budget_min, up.budget_max AS up_budget_max, "
        u"up.preferred_group_size AS up_preferred_group_size, up.created_at AS up_created_at, "
        u"up.updated_at AS up_updated_at"_s;
    return columns;
}

namespace {
const QString selectSql =
    u"SELECT id, user_id, preferences_text, budget_min, budget_max, preferred_group_size, "
    u"created_at, updated_at FROM api_userpreferences WHERE user_id = :user"_s;
} // namespace

UserPreferences PreferencesRepository::get() {
    SqlRows r = m_db.query(selectSql, {{u"user"_s, m_userId}});
    if (!r.isEmpty())
        return fromRow(r.first());
    return m_db.transaction([&] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_db.execute(u"INSERT INTO api_userpreferences (preferences_text, budget_min, budget_max, "
                     u"preferred_group_size, created_at, updated_at, user_id) "
                     u"SELECT '', NULL, NULL, 2, :now, :now, id FROM auth_user WHERE id = :user"_s,
                     {{u"now"_s, now}, {u"user"_s, m_userId}});
        const SqlRows again = m_db.query(selectSql, {{u"user"_s, m_userId}});
        if (again.isEmpty())
            throw Error(
                Error::Kind::NotFound,
                QCoreApplication::translate("tp::repo", "There is no user with id %1.").arg(m_userId));
        return fromRow(again.first());
    });
}

UserPreferences PreferencesRepository::save(const UserPreferences& p) {
    validation::require(validation::checkPreferences(p));
    get(); // make sure the row exists
    m_db.execute(
        u"UPDATE api_userpreferences SET preferences_text = :text, budget_min = :min, budget_max = :max, "
        u"preferred_group_size = :group, updated_at = :now WHERE user_id = :user"_s,
        {{u"text"_s, p.preferencesText},
         {u"min"_s, p.budgetMin},
         {u"max"_s, p.budgetMax},
         {u"group"_s, p.preferredGroupSize},
         {u"now"_s, QDateTime::currentDateTimeUtc()},
         {u"user"_s, m_userId}});
    return get();
}

bool PreferencesRepository::replaceText(const UserPreferences& expected, const QString& text) {
    if (expected.id == 0)
        return false; // no row was read: get() creates it
    UserPreferences p = expected;
    p.preferencesText = text;
    validation::require(validation::checkPreferences(p));
    return m_db.execute(u"UPDATE api_userpreferences SET preferences_text = :text, updated_at = :now "
                        u"WHERE user_id = :user AND preferences_text = :expected"_s,
                        {{u"text"_s, text},
                         {u"now"_s, QDateTime::currentDateTimeUtc()},
                         {u"user"_s, m_userId},
                         {u"expected"_s, expected.preferencesText}}) > 0;
}

} // namespace tp
