// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Planner.h"
#include "db/Database.h"

namespace tp::conversation {

// A conversation as a screen shows it.
struct ConversationView {
    Trip trip;
    std::optional<Conversation> conversation; // none before the first message
    ConversationState state;                  // "initial" before the first message
    QList<Message> messages;                  // oldest first
    std::optional<Recommendations> latestRecommendations;
};

// What one turn wrote: everything crosses threads by value.
struct TurnResult {
    Id tripId = 0;
    Id conversationId = 0;
    ConversationState state;                        // with its new updated_at
    QList<Message> messages;                        // the user's and the planner's, as stored
    std::optional<Recommendations> recommendations; // when this turn made a new set
    std::optional<Destination> destination;         // when this turn committed to one
    QString tripStatus;                             // the trip's status after the turn
    Trip trip;                                      // the trip's row after the turn (its new version)
    std::optional<PlanningSession> planningSession; // when this turn started or moved it (a commitment)
};

// The conversation engine: the seed's stages over the repositories, with no
// GUI and no threads of its own. A turn reads the state, calls the planner
// (no transaction is open during the call) and then writes everything of the
// turn in one transaction: the user's message, the planner's message, the
// state (saveState: a stale state throws Conflict and nothing is written),
// any recommendations, and the trip, destination, planning session and
// preferences changes. A planner failure (PlannerError) writes nothing.
// The read is one exchange (ConversationRepository::readForTurn); the write
// checks the user's ownership once (in the state's UPDATE), writes the trip
// from the row read before the call with its version guard (an edit made
// elsewhere meanwhile makes a turn that changes the trip a Conflict), and
// reads nothing again: tests/ai/tst_turn_statement_count holds the budget.
//
// Stages as stored (destination_search_conversationstate):
//   initial -> [generating_questions] -> asking_clarifications
//           -> [generating_destinations] -> destinations_complete -> commitment_detected
// The bracketed stages are what the planner is doing during a call; this
// engine never stores them (storing them would be a write before the call),
// but continues a conversation the web app left in either of them.
// question_queue holds the questions not answered yet, the one being asked
// first; questions_asked and current_question_index count the answers.
class ConversationEngine {
public:
    ConversationEngine(Database& db, Id userId, Planner& planner);

    // The trip's conversation (reads only; creates nothing).
    ConversationView load(Id tripId);
    // One turn with the user's text. Throws tp::Error (validation, NotFound,
    // Conflict, database) or PlannerError; nothing is written when it throws.
    TurnResult submit(Id tripId, const QString& text);
    // The user chose recommendation `index` of the latest set (a card): a
    // commitment turn with no planner call.
    TurnResult choose(Id tripId, int index);

private:
    struct Snapshot;
    Snapshot read(Id tripId);
    PlannerContext contextOf(const Snapshot& s) const;
    TurnResult write(Snapshot& s, const QString& userText, const QString& reply, ConversationState next,
                     const std::optional<DestinationSet>& recommendations, int commitIndex,
                     const QList<Recommendation>& commitFrom);
    // write(), and after a lost COMMIT (Error::Kind::OutcomeUnknown) a second
    // read to learn whether the turn was saved (confirmSaved): the turn if it
    // was, otherwise what the user should be told.
    TurnResult writeTurn(Snapshot& s, const QString& userText, const QString& reply, ConversationState next,
                         const std::optional<DestinationSet>& recommendations, int commitIndex,
                         const QList<Recommendation>& commitFrom);
    TurnResult confirmSaved(const TurnResult& attempted);
    QString formatRecommendations(const DestinationSet& set) const;

    Database& m_db;
    Id m_userId;
    Planner& m_planner;
    // What the last write() put in its transaction, for confirmSaved().
    std::optional<TurnResult> m_attempted;
};

// Fills an empty country, missing coordinates, best time and daily cost from
// the bundled catalogue, matching by name (and country when given).
void enrichFromCatalogue(QList<Recommendation>& places);
// user_info after an answer: the seed's "I want a beach vacation. Budget is $3000".
QString appendAnswer(const QString& userInfo, const QString& answer);

} // namespace tp::conversation
