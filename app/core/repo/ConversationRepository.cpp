// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationRepository.h"

#include "PreferencesRepository.h"
#include "RowMapping.h"
#include "domain/Stages.h"
#include "domain/Validation.h"
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
const QString ownedConversation =
    u"SELECT c.id FROM destination_search_tripconversation c JOIN api_trip t ON t.id = c.trip_id "
    u"WHERE c.id = :c AND t.user_id = :user"_s;
} // namespace

void ConversationRepository::requireOwned(Id conversationId) {
    if (m_db.query(ownedConversation, {{u"c"_s, conversationId}, {u"user"_s, m_userId}}).isEmpty())
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("tp::repo", "You have no conversation with id %1.")
                        .arg(conversationId));
}

std::optional<Conversation> ConversationRepository::findForTrip(Id tripId) {
    const SqlRows r =
        m_db.query(u"SELECT c.id, c.created_at FROM destination_search_tripconversation c "
                   u"JOIN api_trip t ON t.id = c.trip_id WHERE c.trip_id = :trip AND t.user_id = :user"_s,
                   {{u"trip"_s, tripId}, {u"user"_s, m_userId}});
    if (r.isEmpty())
        return std::nullopt;
    return Conversation{col::id(r.first(), "id"), tripId, col::timestamp(r.first(), "created_at")};
}

TurnInputs ConversationRepository::readForTurn(Id tripId, int recentMessages) {
    const SqlParams scope{{u"trip"_s, tripId}, {u"user"_s, m_userId}};
    SqlParams recentParams = scope;
    recentParams.append({u"limit"_s, recentMessages});
    // Three result shapes (one head row, N messages, N sets): one statement
    // each; PostgreSQL gets them in one round trip.
    const QList<SqlRows> rows = m_db.queryPipeline({
        {u"SELECT "_s + rows::tripColumns + u", "_s + rows::stateColumns + u", "_s +
             PreferencesRepository::prefixedColumns() +
             u", c.id AS c_id, c.created_at AS c_created_at "
             u"FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id "
             u"LEFT JOIN destination_search_tripconversation c ON c.trip_id = t.id "
             u"LEFT JOIN destination_search_conversationstate s ON s.conversation_id = c.id "
             u"LEFT JOIN api_userpreferences up ON up.user_id = t.user_id "
             u"WHERE t.id = :trip AND t.user_id = :user"_s,
         scope},
        {u"SELECT * FROM (SELECT m.id, m.conversation_id, m.is_user, m.content, m.timestamp "
         u"FROM destination_search_message m JOIN destination_search_tripconversation c "
         u"ON c.id = m.conversation_id JOIN api_trip t ON t.id = c.trip_id "
         u"WHERE c.trip_id = :trip AND t.user_id = :user ORDER BY m.timestamp DESC, m.id DESC "
         u"LIMIT :limit) recent ORDER BY recent.timestamp, recent.id"_s,
         recentParams},
        {u"SELECT r.id, r.conversation_id, r.locations, r.created_at "
         u"FROM destination_search_recommendations r "
         u"JOIN destination_search_tripconversation c ON c.id = r.conversation_id "
         u"JOIN api_trip t ON t.id = c.trip_id WHERE c.trip_id = :trip AND t.user_id = :user "
         u"ORDER BY r.created_at DESC, r.id DESC"_s,
         scope},
    });
    if (rows[0].isEmpty())
        throw Error(Error::Kind::NotFound,
                    QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(tripId));
    const SqlRow& head = rows[0].first();
    TurnInputs in;
    in.trip = rows::trip(head);
    if (auto conversationId = col::optionalId(head, "c_id")) {
        in.conversation = Conversation{*conversationId, tripId, col::timestamp(head, "c_created_at")};
        if (col::optionalId(head, "s_id"))
            in.state = rows::state(head, "s_");
    }
    if (col::optionalId(head, "up_id"))
        in.preferences = PreferencesRepository::fromRow(head, "up_");
    for (const SqlRow& r : rows[1])
        in.recent << rows::message(r);
    for (const SqlRow& r : rows[2])
        in.history << rows::recommendations(r);
    return in;
}

std::pair<Conversation, ConversationState> ConversationRepository::ensureForTrip(Id tripId) {
    return m_db.transaction([&] {
        if (m_db.query(u"SELECT id FROM api_trip WHERE id = :id AND user_id = :user"_s,
                       {{u"id"_s, tripId}, {u"user"_s, m_userId}})
                .isEmpty())
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::repo", "You have no trip with id %1.").arg(tripId));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto conversation = findForTrip(tripId);
        if (!conversation) {
            const SqlRows r =
                m_db.write(u"INSERT INTO destination_search_tripconversation (created_at, trip_id) "
                           u"VALUES (:now, :trip) RETURNING id"_s,
                           {{u"now"_s, now}, {u"trip"_s, tripId}});
            conversation = Conversation{col::id(r.first(), "id"), tripId, now};
        }
        auto existing = state(conversation->id);
        if (!existing) {
            m_db.execute(
                u"INSERT INTO destination_search_conversationstate (current_stage, user_info, "
                u"question_queue, current_question_index, destinations_text, questions_asked, "
                u"total_questions, created_at, updated_at, conversation_id) VALUES ('initial', '', :queue, "
                u"0, '', 0, 0, :now, :now, :c)"_s,
                {{u"queue"_s, QJsonArray()}, {u"now"_s, now}, {u"c"_s, conversation->id}});
            existing = state(conversation->id);
        }
        return std::pair{*conversation, *existing};
    });
}

QList<Message> ConversationRepository::messages(Id conversationId, int limit, std::optional<Id> after) {
    QString sql = u"SELECT m.id, m.conversation_id, m.is_user, m.content, m.timestamp "
                  u"FROM destination_search_message m JOIN destination_search_tripconversation c "
                  u"ON c.id = m.conversation_id JOIN api_trip t ON t.id = c.trip_id "
                  u"WHERE m.conversation_id = :c AND t.user_id = :user"_s;
    SqlParams params{{u"c"_s, conversationId}, {u"user"_s, m_userId}};
    if (after) {
        // The stored timestamp of the last row, not one formatted again here:
        // on SQLite the comparison is the text's, as the ORDER BY's is.
        sql += u" AND (m.timestamp, m.id) > (SELECT a.timestamp, a.id FROM destination_search_message a "
               u"WHERE a.id = :after AND a.conversation_id = :c2)"_s;
        params.append({u"after"_s, *after});
        params.append({u"c2"_s, conversationId});
    }
    sql += u" ORDER BY m.timestamp, m.id"_s;
    if (limit >= 0) {
        sql += u" LIMIT :limit"_s;
        params.append({u"limit"_s, limit});
    }
    return m_db.queryAs<Message>(sql, params, rows::message);
}

QPair<QString, SqlParams> ConversationRepository::firstMessagesOfTripStatement(Id tripId, int limit) const {
    return {u"SELECT m.id, m.conversation_id, m.is_user, m.content, m.timestamp "
            u"FROM destination_search_message m JOIN destination_search_tripconversation c "
            u"ON c.id = m.conversation_id JOIN api_trip t ON t.id = c.trip_id "
            u"WHERE c.trip_id = :trip AND t.user_id = :user ORDER BY m.timestamp, m.id LIMIT :limit"_s,
            {{u"trip"_s, tripId}, {u"user"_s, m_userId}, {u"limit"_s, limit}}};
}

std::pair<QList<Message>, int> ConversationRepository::firstMessages(Id conversationId, int limit) {
    const SqlParams params{{u"c"_s, conversationId}, {u"user"_s, m_userId}, {u"limit"_s, limit}};
    const QString scope = u"FROM destination_search_message m JOIN destination_search_tripconversation c "
                          u"ON c.id = m.conversation_id JOIN api_trip t ON t.id = c.trip_id "
                          u"WHERE m.conversation_id = :c AND t.user_id = :user"_s;
    const QList<SqlRows> r =
        m_db.queryPipeline({{u"SELECT m.id, m.conversation_id, m.is_user, m.content, m.timestamp "_s + scope +
                                 u" ORDER BY m.timestamp, m.id LIMIT :limit"_s,
                             params},
                            {u"SELECT count(*) AS n "_s + scope, params.mid(0, 2)}});
    std::pair<QList<Message>, int> out;
    out.first.reserve(r[0].size());
    for (const SqlRow& row : r[0])
        out.first << rows::message(row);
    out.second = r[1].isEmpty() ? 0 : col::integer(r[1].first(), "n");
    return out;
}

int ConversationRepository::messageCount(Id conversationId) {
    const SqlRows r = m_db.query(
        u"SELECT count(*) AS n FROM destination_search_message m "
        u"JOIN destination_search_tripconversation c ON c.id = m.conversation_id "
        u"JOIN api_trip t ON t.id = c.trip_id WHERE m.conversation_id = :c AND t.user_id = :user"_s,
        {{u"c"_s, conversationId}, {u"user"_s, m_userId}});
    return r.isEmpty() ? 0 : col::integer(r.first(), "n");
}

std::optional<ConversationState> ConversationRepository::state(Id conversationId) {
    const SqlRows r =
        m_db.query(u"SELECT "_s + rows::stateColumns +
                       u" FROM destination_search_conversationstate s "
                       u"JOIN destination_search_tripconversation c ON c.id = s.conversation_id "
                       u"JOIN api_trip t ON t.id = c.trip_id "
                       u"WHERE s.conversation_id = :c AND t.user_id = :user"_s,
                   {{u"c"_s, conversationId}, {u"user"_s, m_userId}});
    if (r.isEmpty())
        return std::nullopt;
    return rows::state(r.first(), "s_");
}

QList<Recommendations> ConversationRepository::recommendationHistory(Id conversationId) {
    QList<Recommendations> out;
    for (const SqlRow& r :
         m_db.query(u"SELECT r.id, r.conversation_id, r.locations, r.created_at "
                    u"FROM destination_search_recommendations r "
                    u"JOIN destination_search_tripconversation c ON c.id = r.conversation_id "
                    u"JOIN api_trip t ON t.id = c.trip_id "
                    u"WHERE r.conversation_id = :c AND t.user_id = :user "
                    u"ORDER BY r.created_at DESC, r.id DESC"_s,
                    {{u"c"_s, conversationId}, {u"user"_s, m_userId}}))
        out << rows::recommendations(r);
    return out;
}

Message ConversationRepository::addMessage(Id conversationId, bool isUser, const QString& content) {
    validation::require(validation::checkMessageText(content));
    return m_db.transaction([&] {
        requireOwned(conversationId);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const SqlRows r = m_db.write(
            u"INSERT INTO destination_search_message (is_user, content, timestamp, "
            u"conversation_id) VALUES (:u, :content, :now, :c) RETURNING id"_s,
            {{u"u"_s, isUser}, {u"content"_s, content}, {u"now"_s, now}, {u"c"_s, conversationId}});
        return Message{col::id(r.first(), "id"), conversationId, isUser, content, now};
    });
}

int ConversationRepository::addMessages(Id conversationId, const QList<std::pair<bool, QString>>& messages) {
    for (const auto& m : messages)
        validation::require(validation::checkMessageText(m.second));
    // Full batches share one statement text, which each engine parses once:
    // SQLite keeps it prepared (SqliteConnection), PostgreSQL's parse of an
    // unnamed statement is cheap next to the round trip it saves. 250 rows are
    // 750 values, under the 999 of SQLite builds older than 3.32.
    const qsizetype RowsPerStatement = m_db.isPostgres() ? 500 : 250;
    QStringList names; // :u0, :t0, :at0, :u1, ...
    QString fullBatchSql;
    auto batchSql = [&](qsizetype rows) {
        QString sql =
            u"INSERT INTO destination_search_message (is_user, content, timestamp, conversation_id) "
            u"VALUES "_s;
        for (qsizetype i = 0; i < rows; ++i) {
            if (names.size() < 3 * (i + 1)) {
                const QString n = QString::number(i);
                names << u"u"_s + n << u"t"_s + n << u"at"_s + n;
            }
            sql += (i > 0 ? u", (:"_s : u"(:"_s) + names[3 * i] + u", :"_s + names[3 * i + 1] + u", :"_s +
                   names[3 * i + 2] + u", :c)"_s;
        }
        return sql;
    };
    return m_db.transaction([&] {
        requireOwned(conversationId);
        QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(-messages.size());
        for (qsizetype start = 0; start < messages.size(); start += RowsPerStatement) {
            const qsizetype end = std::min(messages.size(), start + RowsPerStatement);
            if (end - start == RowsPerStatement && fullBatchSql.isEmpty())
                fullBatchSql = batchSql(RowsPerStatement);
            const QString sql = end - start == RowsPerStatement ? fullBatchSql : batchSql(end - start);
            SqlParams params{{u"c"_s, conversationId}};
            params.reserve(1 + 3 * (end - start));
            for (qsizetype i = start; i < end; ++i) {
                const qsizetype k = 3 * (i - start);
                params.append({names[k], messages[i].first});
                params.append({names[k + 1], messages[i].second});
                params.append({names[k + 2], at});
                at = at.addMSecs(1);
            }
            m_db.execute(sql, params);
        }
        return int(messages.size());
    });
}

Recommendations ConversationRepository::addRecommendations(Id conversationId, const QJsonArray& locations) {
    return m_db.transaction([&] {
        requireOwned(conversationId);
        return insertRecommendations(conversationId, locations);
    });
}

Recommendations ConversationRepository::insertRecommendations(Id conversationId,
                                                              const QJsonArray& locations) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SqlRows r = m_db.write(u"INSERT INTO destination_search_recommendations (locations, created_at, "
                                 u"conversation_id) VALUES (:l, :now, :c) RETURNING id"_s,
                                 {{u"l"_s, locations}, {u"now"_s, now}, {u"c"_s, conversationId}});
    return Recommendations{col::id(r.first(), "id"), conversationId, locations, now};
}

ConversationState ConversationRepository::saveState(const ConversationState& s) {
    if (choiceIndex(conversation_stage::all, s.currentStage) < 0)
        throw Error::validation(u"current_stage"_s,
                                QCoreApplication::translate("tp::Validation", "must be one of: %1")
                                    .arg(choiceValues(conversation_stage::all).join(u", "_s)));
    return m_db.transaction([&] {
        // The web app writes microseconds; this app compares at the millisecond
        // precision it reads timestamps with.
        const QString sameVersion = m_db.isPostgres()
                                        ? u"date_trunc('milliseconds', updated_at) = :expected"_s
                                        : u"updated_at = :expected"_s;
        ConversationState saved = s;
        saved.updatedAt = QDateTime::currentDateTimeUtc();
        if (saved.updatedAt <= s.updatedAt)
            saved.updatedAt = s.updatedAt.addMSecs(1);
        // The user's ownership is part of the same statement: no separate check.
        const int n = m_db.execute(
            u"UPDATE destination_search_conversationstate SET current_stage = :stage, user_info = :info, "
            u"question_queue = :queue, current_question_index = :idx, destinations_text = :dest, "
            u"questions_asked = :asked, total_questions = :total, updated_at = :now "
            u"WHERE id = :id AND conversation_id = :c AND conversation_id IN (SELECT c.id FROM "
            u"destination_search_tripconversation c JOIN api_trip t ON t.id = c.trip_id "
            u"WHERE c.id = :c AND t.user_id = :user) AND "_s +
                sameVersion,
            {{u"stage"_s, s.currentStage},
             {u"info"_s, s.userInfo},
             {u"queue"_s, s.questionQueue},
             {u"idx"_s, s.currentQuestionIndex},
             {u"dest"_s, s.destinationsText},
             {u"asked"_s, s.questionsAsked},
             {u"total"_s, s.totalQuestions},
             {u"now"_s, saved.updatedAt},
             {u"id"_s, s.id},
             {u"c"_s, s.conversationId},
             {u"user"_s, m_userId},
             {u"expected"_s, s.updatedAt}});
        if (n == 0) {
            requireOwned(s.conversationId); // only on the way out: NotFound rather than Conflict
            throw Error(Error::Kind::Conflict,
                        QCoreApplication::translate(
                            "tp::repo", "This conversation was changed elsewhere (another window or app) "
                                        "since it was loaded. Reload it and try again."));
        }
        return saved;
    });
}

TurnWrite ConversationRepository::saveTurn(const ConversationState& state, const QString& userText,
                                           const QString& replyText,
                                           const std::optional<QJsonArray>& recommendations) {
    validation::require(validation::checkMessageText(userText));
    validation::require(validation::checkMessageText(replyText));
    return m_db.transaction([&] {
        TurnWrite w;
        // First: it takes the row lock, detects a stale turn and proves that
        // the conversation is the user's, for the INSERT below.
        w.state = saveState(state);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const Id c = state.conversationId;
        const SqlRows r = m_db.write(
            u"INSERT INTO destination_search_message (is_user, content, timestamp, conversation_id) "
            u"VALUES (:u0, :t0, :at0, :c), (:u1, :t1, :at1, :c) RETURNING id, is_user"_s,
            {{u"u0"_s, true},
             {u"t0"_s, userText},
             {u"at0"_s, at},
             {u"u1"_s, false},
             {u"t1"_s, replyText},
             {u"at1"_s, at.addMSecs(1)},
             {u"c"_s, c}});
        w.user = Message{0, c, true, userText, at};
        w.reply = Message{0, c, false, replyText, at.addMSecs(1)};
        // RETURNING's row order is not promised: is_user tells the two apart.
        for (const SqlRow& row : r)
            (col::boolean(row, "is_user") ? w.user : w.reply).id = col::id(row, "id");
        if (recommendations)
            w.recommendations = insertRecommendations(c, *recommendations);
        return w;
    });
}

} // namespace tp
