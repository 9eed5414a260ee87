// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// A trip's destination conversation: destination_search_tripconversation and
// its messages, recommendations and state. Scoped to the user: every
// statement joins through api_trip.user_id.
class ConversationRepository {
public:
    ConversationRepository(Database& db, Id userId)
        : m_db(db)
        , m_userId(userId) {}

    std::optional<Conversation> findForTrip(Id tripId);
    // The seed's get_or_create of the conversation and its state, in one transaction.
    std::pair<Conversation, ConversationState> ensureForTrip(Id tripId);

    // Oldest first, as the seed orders messages. `limit` < 0: all.
    QList<Message> messages(Id conversationId, int limit = -1, int offset = 0);
    int messageCount(Id conversationId);
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

private:
    void requireOwned(Id conversationId);

    Database& m_db;
    Id m_userId;
};

} // namespace tp
