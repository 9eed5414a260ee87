// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// What a conversation turn needs before the model call, read in one exchange.
struct TurnInputs {
    Trip trip;
    std::optional<Conversation> conversation;
    std::optional<ConversationState> state;
    std::optional<UserPreferences> preferences; // none when the user's row is missing
    QList<Message> recent;                      // the last messages, oldest first
    QList<Recommendations> history;             // every recommendation set, newest first
};

// What saveTurn() wrote.
struct TurnWrite {
    ConversationState state; // with its new updated_at
    Message user;
    Message reply;
    std::optional<Recommendations> recommendations; // when the turn made a set
};

// A trip's destination conversation: destination_search_tripconversation and
// its messages, recommendations and state. Scoped to the user: every
// statement joins through api_trip.user_id.
class ConversationRepository {
public:
    ConversationRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    std::optional<Conversation> findForTrip(Id tripId);
    // The trip (NotFound when it is not the user's), its conversation and state,
    // the user's preferences, the last `recentMessages` messages and the
    // recommendation history: three statements, sent as one pipeline on PostgreSQL.
    TurnInputs readForTurn(Id tripId, int recentMessages);
    // The seed's get_or_create of the conversation and its state, in one transaction.
    std::pair<Conversation, ConversationState> ensureForTrip(Id tripId);

    // Oldest first, as the seed orders messages (by timestamp, then id). `limit`
    // < 0: all. A next page continues after the previous page's last message
    // (`after`, its id) by its position, not by an OFFSET that the database
    // would have to count through.
    QList<Message> messages(Id conversationId, int limit = -1, std::optional<Id> after = std::nullopt);
    // The first `limit` messages of a trip's conversation, found by the trip,
    // for a caller that sends it with other reads in one exchange (opening a trip).
    QPair<QString, SqlParams> firstMessagesOfTripStatement(Id tripId, int limit) const;
    int messageCount(Id conversationId);
    // The first `limit` messages and how many there are, in one exchange.
    std::pair<QList<Message>, int> firstMessages(Id conversationId, int limit);
    std::optional<ConversationState> state(Id conversationId);
    // Every recommendation set, newest first.
    QList<Recommendations> recommendationHistory(Id conversationId);

    Message addMessage(Id conversationId, bool isUser, const QString& content);
    // Many messages in one transaction, sent as multi-row INSERTs (imports,
    // the benchmark). Timestamps are spaced a millisecond apart so the order
    // given is the order shown. Returns how many were written.
    int addMessages(Id conversationId, const QList<std::pair<bool, QString>>& messages);
    Recommendations addRecommendations(Id conversationId, const QJsonArray& locations);
    // Saves the state if nobody changed it since `state.updatedAt` was read
    // (another window, another app, the web app); otherwise throws Conflict.
    // Returns the state with its new updatedAt.
    ConversationState saveState(const ConversationState& state);
    // A turn's state, its two messages and any new recommendation set:
    // saveState() (which checks the user's ownership and the version), then,
    // with no further check, one INSERT of both messages (the reply a
    // millisecond after the user's, so that timestamps alone order them) and
    // the set's INSERT.
    TurnWrite saveTurn(const ConversationState& state, const QString& userText, const QString& replyText,
                       const std::optional<QJsonArray>& recommendations);

private:
    void requireOwned(Id conversationId);
    // The INSERT of addRecommendations(), for a caller that has checked the ownership.
    Recommendations insertRecommendations(Id conversationId, const QJsonArray& locations);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
