// SPDX-License-Identifier: GPL-3.0-or-later
#include "RowMapping.h"

using namespace Qt::StringLiterals;

namespace tp::rows {

const QString tripColumns = u"t.id, t.user_id, t.title, t.description, t.start_date, t.end_date, t.budget, "
                            u"t.status, t.travelers_count, "
                            u"t.created_at, t.updated_at, t.destination_id, d.name AS destination_name, "
                            u"d.country AS destination_country"_s;

const QString destinationColumns =
    u"d.id AS d_id, d.name AS d_name, d.city AS d_city, d.country AS d_country, d.description AS "
    u"d_description, "
    u"d.best_time_to_visit AS d_best_time_to_visit, d.average_cost_per_day AS d_average_cost_per_day, "
    u"d.latitude AS d_latitude, d.longitude AS d_longitude, d.created_at AS d_created_at, "
    u"d.updated_at AS d_updated_at"_s;

const QString stateColumns =
    u"s.id AS s_id, s.conversation_id AS s_conversation_id, s.current_stage AS s_current_stage, "
    u"s.user_info AS s_user_info, s.question_queue AS s_question_queue, "
    u"s.current_question_index AS s_current_question_index, s.destinations_text AS s_destinations_text, "
    u"s.questions_asked AS s_questions_asked, s.total_questions AS s_total_questions, "
    u"s.created_at AS s_created_at, s.updated_at AS s_updated_at"_s;

const QString planningColumns =
    u"p.id, p.trip_id, p.current_stage, p.is_active, p.session_data, p.stages_completed, p.started_at, "
    u"p.last_interaction_at, p.completed_at"_s;

namespace {
QByteArray key(const char* prefix, const char* name) {
    return QByteArray(prefix) + name;
}
} // namespace

Trip trip(const SqlRow& r) {
    Trip t;
    t.id = col::id(r, "id");
    t.userId = col::id(r, "user_id");
    t.title = col::text(r, "title");
    t.description = col::text(r, "description");
    t.startDate = col::date(r, "start_date");
    t.endDate = col::date(r, "end_date");
    t.budget = col::decimal(r, "budget", decimal_shape::MoneyPrecision, decimal_shape::MoneyScale);
    t.status = col::text(r, "status");
    t.travelersCount = col::integer(r, "travelers_count");
    t.createdAt = col::timestamp(r, "created_at");
    t.updatedAt = col::timestamp(r, "updated_at");
    t.destinationId = col::optionalId(r, "destination_id");
    t.destinationName = col::text(r, "destination_name");
    t.destinationCountry = col::text(r, "destination_country");
    return t;
}

Destination destination(const SqlRow& r, const char* p) {
    Destination d;
    d.id = col::id(r, key(p, "id"));
    d.name = col::text(r, key(p, "name"));
    d.city = col::text(r, key(p, "city"));
    d.country = col::text(r, key(p, "country"));
    d.description = col::text(r, key(p, "description"));
    d.bestTimeToVisit = col::text(r, key(p, "best_time_to_visit"));
    d.averageCostPerDay = col::decimal(r, key(p, "average_cost_per_day"), decimal_shape::DailyCostPrecision,
                                       decimal_shape::MoneyScale);
    d.latitude = col::decimal(r, key(p, "latitude"), decimal_shape::CoordinatePrecision,
                              decimal_shape::CoordinateScale);
    d.longitude = col::decimal(r, key(p, "longitude"), decimal_shape::CoordinatePrecision,
                               decimal_shape::CoordinateScale);
    d.createdAt = col::timestamp(r, key(p, "created_at"));
    d.updatedAt = col::timestamp(r, key(p, "updated_at"));
    return d;
}

ConversationState state(const SqlRow& r, const char* p) {
    ConversationState s;
    s.id = col::id(r, key(p, "id"));
    s.conversationId = col::id(r, key(p, "conversation_id"));
    s.currentStage = col::text(r, key(p, "current_stage"));
    s.userInfo = col::text(r, key(p, "user_info"));
    s.questionQueue = col::jsonArray(r, key(p, "question_queue"));
    s.currentQuestionIndex = col::integer(r, key(p, "current_question_index"));
    s.destinationsText = col::text(r, key(p, "destinations_text"));
    s.questionsAsked = col::integer(r, key(p, "questions_asked"));
    s.totalQuestions = col::integer(r, key(p, "total_questions"));
    s.createdAt = col::timestamp(r, key(p, "created_at"));
    s.updatedAt = col::timestamp(r, key(p, "updated_at"));
    return s;
}

Message message(const SqlRow& r) {
    Message m;
    m.id = col::id(r, "id");
    m.conversationId = col::id(r, "conversation_id");
    m.isUser = col::boolean(r, "is_user");
    m.content = col::text(r, "content");
    m.timestamp = col::timestamp(r, "timestamp");
    return m;
}

Recommendations recommendations(const SqlRow& r) {
    Recommendations x;
    x.id = col::id(r, "id");
    x.conversationId = col::id(r, "conversation_id");
    x.locations = col::jsonArray(r, "locations");
    x.createdAt = col::timestamp(r, "created_at");
    return x;
}

PlanningSession planning(const SqlRow& r) {
    PlanningSession p;
    p.id = col::id(r, "id");
    p.tripId = col::id(r, "trip_id");
    p.currentStage = col::text(r, "current_stage");
    p.isActive = col::boolean(r, "is_active");
    p.sessionData = col::jsonObject(r, "session_data");
    for (const QJsonValue& v : col::jsonArray(r, "stages_completed"))
        p.stagesCompleted << v.toString();
    p.startedAt = col::timestamp(r, "started_at");
    p.lastInteractionAt = col::timestamp(r, "last_interaction_at");
    p.completedAt = col::timestamp(r, "completed_at");
    return p;
}

QString likePattern(const QString& text) {
    QString t = text;
    t.replace(u"!"_s, u"!!"_s);
    t.replace(u"%"_s, u"!%"_s);
    t.replace(u"_"_s, u"!_"_s);
    return u'%' + t + u'%';
}

} // namespace tp::rows
