// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripArchive.h"

#include "RowMapping.h"
#include "TripRepository.h"

using namespace Qt::StringLiterals;

namespace tp {

TripArchive TripArchiveRepository::read(Id tripId) {
    TripArchive a;
    a.trip = TripRepository(m_db, m_userId).get(tripId); // the user's own trip, or NotFound
    const SqlParams trip{{u"trip"_s, tripId}};
    const SqlRows conv = m_db.query(
        u"SELECT id, trip_id, created_at FROM destination_search_tripconversation WHERE trip_id = :trip"_s,
        trip);
    if (!conv.isEmpty()) {
        Conversation c;
        c.id = col::id(conv.first(), "id");
        c.tripId = tripId;
        c.createdAt = col::timestamp(conv.first(), "created_at");
        a.conversation = c;
        const SqlParams of{{u"c"_s, c.id}};
        for (const SqlRow& r : m_db.query(u"SELECT id, conversation_id, is_user, content, timestamp "
                                          u"FROM destination_search_message WHERE conversation_id = :c "
                                          u"ORDER BY id"_s,
                                          of))
            a.messages.append(rows::message(r));
        for (const SqlRow& r :
             m_db.query(u"SELECT id, conversation_id, locations, created_at "
                        u"FROM destination_search_recommendations WHERE conversation_id = :c "
                        u"ORDER BY id"_s,
                        of))
            a.recommendations.append(rows::recommendations(r));
        const SqlRows state = m_db.query(u"SELECT "_s + rows::stateColumns +
                                             u" FROM destination_search_conversationstate s "
                                             u"WHERE s.conversation_id = :c"_s,
                                         of);
        if (!state.isEmpty())
            a.state = rows::state(state.first(), "s_");
    }
    for (const SqlRow& r :
         m_db.query(u"SELECT "_s + rows::planningColumns +
                        u" FROM api_planningsession p WHERE p.trip_id = :trip ORDER BY p.id"_s,
                    trip))
        a.planningSessions.append(rows::planning(r));
    return a;
}

TripArchive TripArchiveRepository::removeKeepingArchive(Id tripId) {
    return m_db.transaction([&] {
        TripArchive a = read(tripId);
        TripRepository(m_db, m_userId).remove(tripId);
        return a;
    });
}

Trip TripArchiveRepository::restore(const TripArchive& a) {
    return m_db.transaction([&] {
        const Trip trip = TripRepository(m_db, m_userId).restore(a.trip);
        if (a.conversation) {
            m_db.execute(u"INSERT INTO destination_search_tripconversation (id, created_at, trip_id) "
                         u"VALUES (:id, :created, :trip)"_s,
                         {{u"id"_s, a.conversation->id},
                          {u"created"_s, a.conversation->createdAt},
                          {u"trip"_s, trip.id}});
            for (const Message& m : a.messages)
                m_db.execute(u"INSERT INTO destination_search_message (id, is_user, content, timestamp, "
                             u"conversation_id) VALUES (:id, :user, :content, :at, :c)"_s,
                             {{u"id"_s, m.id},
                              {u"user"_s, m.isUser},
                              {u"content"_s, m.content},
                              {u"at"_s, m.timestamp},
                              {u"c"_s, a.conversation->id}});
            for (const Recommendations& r : a.recommendations)
                m_db.execute(u"INSERT INTO destination_search_recommendations (id, locations, created_at, "
                             u"conversation_id) VALUES (:id, :locations, :at, :c)"_s,
                             {{u"id"_s, r.id},
                              {u"locations"_s, r.locations},
                              {u"at"_s, r.createdAt},
                              {u"c"_s, a.conversation->id}});
            if (const auto& s = a.state)
                m_db.execute(
                    u"INSERT INTO destination_search_conversationstate (id, current_stage, user_info, "
                    u"question_queue, current_question_index, destinations_text, questions_asked, "
                    u"total_questions, created_at, updated_at, conversation_id) VALUES (:id, :stage, "
                    u":info, :queue, :index, :text, :asked, :total, :created, :updated, :c)"_s,
                    {{u"id"_s, s->id},
                     {u"stage"_s, s->currentStage},
                     {u"info"_s, s->userInfo},
                     {u"queue"_s, s->questionQueue},
                     {u"index"_s, s->currentQuestionIndex},
                     {u"text"_s, s->destinationsText},
                     {u"asked"_s, s->questionsAsked},
                     {u"total"_s, s->totalQuestions},
                     {u"created"_s, s->createdAt},
                     {u"updated"_s, s->updatedAt},
                     {u"c"_s, a.conversation->id}});
        }
        for (const PlanningSession& p : a.planningSessions)
            m_db.execute(u"INSERT INTO api_planningsession (id, current_stage, is_active, session_data, "
                         u"stages_completed, started_at, last_interaction_at, completed_at, trip_id) VALUES "
                         u"(:id, :stage, :active, :data, :done, :started, :last, :completed, :trip)"_s,
                         {{u"id"_s, p.id},
                          {u"stage"_s, p.currentStage},
                          {u"active"_s, p.isActive},
                          {u"data"_s, p.sessionData},
                          {u"done"_s, QJsonArray::fromStringList(p.stagesCompleted)},
                          {u"started"_s, p.startedAt},
                          {u"last"_s, p.lastInteractionAt},
                          {u"completed"_s, p.completedAt},
                          {u"trip"_s, trip.id}});
        return trip;
    });
}

} // namespace tp
