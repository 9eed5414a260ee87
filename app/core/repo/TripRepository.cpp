// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripRepository.h"

#include "ConversationRepository.h"
#include "PlanningRepository.h"
#include "RowMapping.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

TripRepository TripRepository::ofUserNamed(Database& db, const QString& username) {
    TripRepository r(db, 0);
    r.m_ownerName = username;
    return r;
}

QString TripRepository::whereSql(const TripFilter& f, SqlParams& params) const {
    QString where;
    if (m_ownerName.isEmpty()) {
        where = u"t.user_id = :user"_s;
        params.append({u"user"_s, m_userId});
    } else {
        where = u"t.user_id = (SELECT u.id FROM auth_user u WHERE u.username = :owner)"_s;
        params.append({u"owner"_s, m_ownerName});
    }
    return where + tripFilterSql(f, m_db.dialect(), params);
}

QList<Trip> TripRepository::list(const TripFilter& filter, int limit, int offset) {
    SqlParams params;
    QString sql = u"SELECT "_s + rows::tripColumns +
                  u" FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id WHERE "_s +
                  whereSql(filter, params) + u" ORDER BY "_s + TripOrder().orderBySql(m_db.dialect());
    if (limit >= 0) {
        sql += u" LIMIT :limit OFFSET :offset"_s;
        params.append({u"limit"_s, limit});
        params.append({u"offset"_s, offset});
    }
    QList<Trip> out;
    for (const SqlRow& r : m_db.query(sql, params))
        out << rows::trip(r);
    return out;
}

QPair<QString, SqlParams> TripRepository::pageStatement(const TripFilter& filter, const TripOrder& order,
                                                        int limit, const std::optional<Trip>& after) const {
    SqlParams params;
    QString sql = u"SELECT "_s + rows::tripColumns +
                  u" FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id WHERE "_s +
                  whereSql(filter, params);
    if (after)
        sql += u" AND "_s + order.afterSql(*after, m_db.dialect(), params);
    sql += u" ORDER BY "_s + order.orderBySql(m_db.dialect());
    if (limit >= 0) {
        sql += u" LIMIT :limit"_s;
        params.append({u"limit"_s, limit});
    }
    return {sql, params};
}

QPair<QString, SqlParams> TripRepository::countStatement(const TripFilter& filter) const {
    SqlParams params;
    const QString sql = u"SELECT count(*) AS n FROM api_trip t WHERE "_s + whereSql(filter, params);
    return {sql, params};
}

QList<Trip> TripRepository::page(const TripFilter& filter, const TripOrder& order, int limit,
                                 const std::optional<Trip>& after) {
    const auto [sql, params] = pageStatement(filter, order, limit, after);
    QList<Trip> out;
    for (const SqlRow& r : m_db.query(sql, params))
        out << rows::trip(r);
    return out;
}

int TripRepository::count(const TripFilter& filter) {
    const auto [sql, params] = countStatement(filter);
    const SqlRows r = m_db.query(sql, params);
    return r.isEmpty() ? 0 : col::integer(r.first(), "n");
}

QList<QPair<QString, SqlParams>>
TripRepository::firstPageStatements(const TripFilter& filter, const TripOrder& order, int limit) const {
    return {pageStatement(filter, order, limit, std::nullopt), countStatement(filter)};
}

TripPage TripRepository::firstPageFrom(const SqlRows& page, const SqlRows& count) {
    TripPage out;
    for (const SqlRow& r : page)
        out.rows << rows::trip(r);
    out.total = count.isEmpty() ? 0 : col::integer(count.first(), "n");
    out.total = std::max(out.total, int(out.rows.size()));
    return out;
}

TripPage TripRepository::firstPage(const TripFilter& filter, const TripOrder& order, int limit) {
    const QList<SqlRows> r = m_db.queryPipeline(firstPageStatements(filter, order, limit));
    return firstPageFrom(r.at(0), r.at(1));
}

std::optional<Trip> TripRepository::find(Id id) {
    const SqlRows r =
        m_db.query(u"SELECT "_s + rows::tripColumns +
                       u" FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id "
                       u"WHERE t.id = :id AND t.user_id = :user"_s,
                   {{u"id"_s, id}, {u"user"_s, m_userId}});
    if (r.isEmpty())
        return std::nullopt;
    return rows::trip(r.first());
}

Trip TripRepository::get(Id id) {
    if (auto t = find(id))
        return *t;
    throw Error(Error::Kind::NotFound,
                QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(id));
}

void TripRepository::checkDestination(const std::optional<Id>& destinationId) {
    if (!destinationId)
        return;
    if (m_db.query(u"SELECT id FROM api_destination WHERE id = :id"_s, {{u"id"_s, *destinationId}}).isEmpty())
        throw Error::validation(u"destination"_s, QCoreApplication::translate(
                                                      "tp::Validation", "there is no destination with id %1")
                                                      .arg(*destinationId));
}

// The values every write of a trip binds (:title … :destination, :now, :user).
SqlParams TripRepository::tripValues(const Trip& t) const {
    return {{u"title"_s, t.title.trimmed()},
            {u"description"_s, SqlValue::textOrNull(t.description)},
            {u"start"_s, t.startDate},
            {u"end"_s, t.endDate},
            {u"budget"_s, t.budget},
            {u"status"_s, t.status},
            {u"travelers"_s, t.travelersCount},
            {u"destination"_s, t.destinationId},
            {u"now"_s, QDateTime::currentDateTimeUtc()},
            {u"user"_s, m_userId}};
}

Trip TripRepository::create(const Trip& draft) {
    validation::require(validation::checkTrip(draft));
    return m_db.transaction([&] {
        checkDestination(draft.destinationId);
        const SqlRows r = m_db.write(u"INSERT INTO api_trip (title, description, start_date, end_date, "
                                     u"budget, status, travelers_count, "
                                     u"created_at, updated_at, destination_id, user_id) VALUES (:title, "
                                     u":description, :start, :end, :budget, "
                                     u":status, :travelers, :now, :now, :destination, :user) RETURNING id"_s,
                                     tripValues(draft));
        return get(col::id(r.first(), "id"));
    });
}

// Optimistic concurrency: a trip read with updated_at T is written only while
// the row still has T (the row's version), so that an edit or an undo never
// overwrites what another window, the planner or the web app saved meanwhile.
// A trip without updatedAt (a draft, a restored row) is written without the check.
Trip TripRepository::update(const Trip& trip) {
    validation::require(validation::checkTrip(trip));
    return m_db.transaction([&] {
        checkDestination(trip.destinationId);
        writeVersioned(trip);
        return get(trip.id);
    });
}

Trip TripRepository::updateHeld(const Trip& trip) {
    validation::require(validation::checkTrip(trip));
    Trip written = trip;
    written.title = trip.title.trimmed();
    written.updatedAt = writeVersioned(trip);
    return written;
}

QDateTime TripRepository::writeVersioned(const Trip& trip) {
    SqlParams params = tripValues(trip);
    params.append({u"id"_s, trip.id});
    QString versionCheck;
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (trip.updatedAt.isValid()) {
        // Stored with microseconds by the web app, read with milliseconds here.
        versionCheck = m_db.isPostgres() ? u" AND date_trunc('milliseconds', updated_at) = :version"_s
                                         : u" AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) = :version"_s;
        params.append({u"version"_s, trip.updatedAt});
        // A new version always differs from the one it replaces.
        if (now <= trip.updatedAt)
            now = trip.updatedAt.addMSecs(1);
    }
    for (SqlParam& p : params)
        if (p.name == u"now")
            p.value = now;
    const int n = m_db.execute(
        u"UPDATE api_trip SET title = :title, description = :description, start_date = :start, "
        u"end_date = :end, budget = :budget, status = :status, travelers_count = :travelers, "
        u"destination_id = :destination, updated_at = :now WHERE id = :id AND user_id = :user"_s +
            versionCheck,
        params);
    if (n == 0) {
        if (!find(trip.id))
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(trip.id));
        throw Error(Error::Kind::Conflict,
                    QCoreApplication::translate(
                        "tp::repo",
                        "“%1” was changed elsewhere (another window, the planner or the web app) after you "
                        "opened it. Your change was not saved, so that the other one is kept; the trip now "
                        "shows it. Make your change again if it is still needed.")
                        .arg(trip.title));
    }
    return now;
}

void TripRepository::remove(Id id) {
    m_db.transaction([&] {
        // The database cascades to the conversation, its messages,
        // recommendations and state, and the planning sessions.
        if (m_db.execute(u"DELETE FROM api_trip WHERE id = :id AND user_id = :user"_s,
                         {{u"id"_s, id}, {u"user"_s, m_userId}}) == 0)
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(id));
    });
}

Trip TripRepository::restore(const Trip& trip) {
    validation::require(validation::checkTrip(trip));
    return m_db.transaction([&] {
        std::optional<Id> destination = trip.destinationId;
        if (destination &&
            m_db.query(u"SELECT id FROM api_destination WHERE id = :id"_s, {{u"id"_s, *destination}})
                .isEmpty())
            destination.reset(); // deleted meanwhile: the trip comes back without it
        Trip restored = trip;
        restored.destinationId = destination;
        SqlParams params = tripValues(restored);
        params.append({u"id"_s, trip.id});
        params.append(
            {u"created"_s, trip.createdAt.isValid() ? trip.createdAt : QDateTime::currentDateTimeUtc()});
        // The row comes back as it was, its version (updated_at) included, so
        // that the undo commands recorded before the delete still apply to it.
        if (trip.updatedAt.isValid())
            for (SqlParam& p : params)
                if (p.name == u"now")
                    p.value = trip.updatedAt;
        m_db.execute(
            u"INSERT INTO api_trip (id, title, description, start_date, end_date, budget, status, "
            u"travelers_count, created_at, updated_at, destination_id, user_id) VALUES (:id, :title, "
            u":description, :start, :end, :budget, :status, :travelers, :created, :now, :destination, :user)"_s,
            params);
        return get(trip.id);
    });
}

TripDetails TripRepository::open(Id id) {
    return openWithConversation(id, 0).details;
}

OpenedTrip TripRepository::openWithConversation(Id id, int firstMessages) {
    // Every statement finds what it reads by the trip and its owner, so that
    // none waits for another's answer: they go out together, and a trip that is
    // not the user's gives nothing but NotFound.
    QList<QPair<QString, SqlParams>> statements{
        // The trip, its destination, conversation and state, and the message count.
        {u"SELECT "_s + rows::tripColumns + u", "_s + rows::destinationColumns + u", "_s +
             rows::stateColumns +
             u", c.id AS c_id, c.created_at AS c_created_at, "
             u"(SELECT count(*) FROM destination_search_message m WHERE m.conversation_id = c.id) AS "
             u"message_count "
             u"FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id "
             u"LEFT JOIN destination_search_tripconversation c ON c.trip_id = t.id "
             u"LEFT JOIN destination_search_conversationstate s ON s.conversation_id = c.id "
             u"WHERE t.id = :id AND t.user_id = :user"_s,
         {{u"id"_s, id}, {u"user"_s, m_userId}}},
        // The latest recommendations.
        {u"SELECT r.id, r.conversation_id, r.locations, r.created_at "
         u"FROM destination_search_recommendations r "
         u"JOIN destination_search_tripconversation c ON c.id = r.conversation_id "
         u"JOIN api_trip t ON t.id = c.trip_id WHERE c.trip_id = :id AND t.user_id = :user "
         u"ORDER BY r.created_at DESC, r.id DESC LIMIT 1"_s,
         {{u"id"_s, id}, {u"user"_s, m_userId}}},
        // The planning sessions, newest first (at most one is active).
        PlanningRepository(m_db, m_userId).historyStatement(id),
    };
    if (firstMessages > 0)
        statements.append(
            ConversationRepository(m_db, m_userId).firstMessagesOfTripStatement(id, firstMessages));
    const QList<SqlRows> r = m_db.queryPipeline(statements);

    if (r[0].isEmpty())
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(id));
    OpenedTrip opened;
    TripDetails& details = opened.details;
    const SqlRow& head = r[0].first();
    details.trip = rows::trip(head);
    if (details.trip.destinationId)
        details.destination = rows::destination(head, "d_");
    if (auto conversationId = col::optionalId(head, "c_id")) {
        details.conversation = Conversation{*conversationId, id, col::timestamp(head, "c_created_at")};
        details.messageCount = col::integer(head, "message_count");
        if (col::optionalId(head, "s_id"))
            details.state = rows::state(head, "s_");
        if (!r[1].isEmpty())
            details.latestRecommendations = rows::recommendations(r[1].first());
    }
    opened.planningHistory = PlanningRepository::historyFrom(r[2]);
    for (const PlanningSession& s : std::as_const(opened.planningHistory)) {
        if (!isStage(s.currentStage, PlanningStage::Completed)) {
            details.activePlanningSession = s;
            break;
        }
    }
    if (firstMessages > 0) {
        opened.firstMessages.reserve(r[3].size());
        for (const SqlRow& m : r[3])
            opened.firstMessages << rows::message(m);
    }
    return opened;
}

} // namespace tp
