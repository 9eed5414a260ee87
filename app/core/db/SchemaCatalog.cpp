// SPDX-License-Identifier: GPL-3.0-or-later
#include "SchemaCatalog.h"

using namespace Qt::StringLiterals;

namespace tp {

const QList<SeedTable>& seedTables() {
    static const QList<SeedTable> tables = {
        {u"auth_user"_s,
         {u"id"_s, u"password"_s, u"last_login"_s, u"is_superuser"_s, u"username"_s, u"first_name"_s,
          u"last_name"_s, u"email"_s, u"is_staff"_s, u"is_active"_s, u"date_joined"_s}},
        {u"api_userpreferences"_s,
         {u"id"_s, u"preferences_text"_s, u"budget_min"_s, u"budget_max"_s, u"preferred_group_size"_s,
          u"created_at"_s, u"updated_at"_s, u"user_id"_s}},
        {u"api_destination"_s,
         {u"id"_s, u"name"_s, u"city"_s, u"country"_s, u"description"_s, u"best_time_to_visit"_s,
          u"average_cost_per_day"_s, u"latitude"_s, u"longitude"_s, u"created_at"_s, u"updated_at"_s}},
        {u"api_trip"_s,
         {u"id"_s, u"title"_s, u"description"_s, u"start_date"_s, u"end_date"_s, u"budget"_s, u"status"_s,
          u"travelers_count"_s, u"created_at"_s, u"updated_at"_s, u"destination_id"_s, u"user_id"_s}},
        {u"api_planningsession"_s,
         {u"id"_s, u"current_stage"_s, u"is_active"_s, u"session_data"_s, u"stages_completed"_s,
          u"started_at"_s, u"last_interaction_at"_s, u"completed_at"_s, u"trip_id"_s}},
        {u"destination_search_tripconversation"_s, {u"id"_s, u"created_at"_s, u"trip_id"_s}},
        {u"destination_search_message"_s,
         {u"id"_s, u"is_user"_s, u"content"_s, u"timestamp"_s, u"conversation_id"_s}},
        {u"destination_search_recommendations"_s,
         {u"id"_s, u"locations"_s, u"created_at"_s, u"conversation_id"_s}},
        {u"destination_search_conversationstate"_s,
         {u"id"_s, u"current_stage"_s, u"user_info"_s, u"question_queue"_s, u"current_question_index"_s,
          u"destinations_text"_s, u"questions_asked"_s, u"total_questions"_s, u"created_at"_s,
          u"updated_at"_s, u"conversation_id"_s}},
    };
    return tables;
}

} // namespace tp
