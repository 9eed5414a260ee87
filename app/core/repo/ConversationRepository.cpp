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

QList<Message> ConversationRepository::messages(Id conversationId, int limit, int offset) {
    QString sql = u"SELECT m.id, m.conversation_id, m.is_user, m.content, m.timestamp "
                  u"FROM destination_search_message m JOIN destination_search_tripconversation c "
                  u"ON c.id = m.conversation_id JOIN api_trip t ON t.id = c.trip_id "
                  u"WHERE m.conversation_id = :c AND t.user_id = :user ORDER BY m.timestamp, m.id"_s;
    SqlParams params{{u"c"_s, conversationId}, {u"user"_s, m_userId}};
    if (limit >= 0) {
        sql += u" LIMIT :limit OFFSET :offset"_s;
        params.append({u"limit"_s, limit});
        params.append({u"offset"_s, offset});
    }
    QList<Message> out;
    for (const SqlRow& r : m_db.query(sql, params))
        out << rows::message(r);
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
    // QSQLITE looks each parameter's name up linearly when it binds, so a
    // statement's cost grows with the square of its parameters: SQLite gets
    // small batches (it pays no round trip per statement), PostgreSQL large ones.
    const qsizetype RowsPerStatement = m_db.isPostgres() ? 500 : 40;
    return m_db.transaction([&] {
        requireOwned(conversationId);
        QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(-messages.size());
        for (qsizetype start = 0; start < messages.size(); start += RowsPerStatement) {
            const qsizetype end = std::min(messages.size(), start + RowsPerStatement);
            QString sql =
                u"INSERT INTO destination_search_message (is_user, content, timestamp, conversation_id) "
                u"VALUES "_s;
            SqlParams params{{u"c"_s, conversationId}};
            params.reserve(1 + 3 * (end - start));
            for (qsizetype i = start; i < end; ++i) {
                const QString n = QString::number(i - start);
                sql += (i > start ? u", "_s : QString()) + u"(:u"_s + n + u", :t"_s + n + u", :at"_s + n +
                       u", :c)"_s;
                params.append({u"u"_s + n, messages[i].first});
                params.append({u"t"_s + n, messages[i].second});
                params.append({u"at"_s + n, at});
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
