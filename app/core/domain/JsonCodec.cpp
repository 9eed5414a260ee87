// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonCodec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::json {

namespace {
QJsonValue decimal(const std::optional<Decimal>& d) {
    return d ? QJsonValue(d->toString()) : QJsonValue(QJsonValue::Null);
}
QJsonValue date(const QDate& d) {
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}
QJsonValue orNull(const QString& s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QJsonValue ts(const QDateTime& t) {
    return t.isValid() ? QJsonValue(timestamp(t)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QString timestamp(const QDateTime& utc) {
    return utc.isValid() ? utc.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject from(const User& u) {
    return {{u"id"_s, u.id},
            {u"username"_s, u.username},
            {u"email"_s, u.email},
            {u"first_name"_s, u.firstName},
            {u"last_name"_s, u.lastName},
            {u"is_active"_s, u.isActive},
            {u"date_joined"_s, ts(u.dateJoined)}};
}

QJsonObject from(const UserPreferences& p) {
    return {{u"preferences_text"_s, p.preferencesText}, {u"budget_min"_s, decimal(p.budgetMin)},
            {u"budget_max"_s, decimal(p.budgetMax)},    {u"preferred_group_size"_s, p.preferredGroupSize},
            {u"created_at"_s, ts(p.createdAt)},         {u"updated_at"_s, ts(p.updatedAt)}};
}

QJsonObject from(const Destination& d) {
    return {{u"id"_s, d.id},
            {u"name"_s, d.name},
            {u"city"_s, orNull(d.city)},
            {u"country"_s, d.country},
            {u"description"_s, orNull(d.description)},
            {u"best_time_to_visit"_s, orNull(d.bestTimeToVisit)},
            {u"average_cost_per_day"_s, decimal(d.averageCostPerDay)},
            {u"latitude"_s, decimal(d.latitude)},
            {u"longitude"_s, decimal(d.longitude)},
            {u"created_at"_s, ts(d.createdAt)},
            {u"updated_at"_s, ts(d.updatedAt)}};
}

QJsonObject from(const Trip& t) {
    const auto days = t.durationDays();
    return {
        {u"id"_s, t.id},
        {u"title"_s, t.title},
        {u"description"_s, orNull(t.description)},
        {u"destination_id"_s, t.destinationId ? QJsonValue(*t.destinationId) : QJsonValue(QJsonValue::Null)},
        {u"destination"_s, t.destinationId ? QJsonValue(t.destinationName) : QJsonValue(QJsonValue::Null)},
        {u"start_date"_s, date(t.startDate)},
        {u"end_date"_s, date(t.endDate)},
        {u"duration_days"_s, days ? QJsonValue(*days) : QJsonValue(QJsonValue::Null)},
        {u"is_future_trip"_s, t.isFutureTrip()},
        {u"budget"_s, decimal(t.budget)},
        {u"status"_s, t.status},
        {u"travelers_count"_s, t.travelersCount},
        {u"created_at"_s, ts(t.createdAt)},
        {u"updated_at"_s, ts(t.updatedAt)}};
}

QJsonObject from(const Message& m) {
    return {{u"id"_s, m.id},
            {u"is_user"_s, m.isUser},
            {u"content"_s, m.content},
            {u"timestamp"_s, ts(m.timestamp)}};
}

QJsonObject from(const Recommendations& r) {
    return {{u"id"_s, r.id}, {u"locations"_s, r.locations}, {u"created_at"_s, ts(r.createdAt)}};
}

QJsonObject from(const ConversationState& s) {
    return {
        {u"current_stage"_s, s.currentStage},         {u"user_info"_s, s.userInfo},
        {u"question_queue"_s, s.questionQueue},       {u"current_question_index"_s, s.currentQuestionIndex},
        {u"destinations_text"_s, s.destinationsText}, {u"questions_asked"_s, s.questionsAsked},
        {u"total_questions"_s, s.totalQuestions},     {u"progress_percentage"_s, s.progressPercentage()},
        {u"created_at"_s, ts(s.createdAt)},           {u"updated_at"_s, ts(s.updatedAt)}};
}

QJsonObject from(const PlanningSession& p) {
    return {{u"id"_s, p.id},
            {u"current_stage"_s, p.currentStage},
            {u"is_active"_s, p.isActive},
            {u"session_data"_s, p.sessionData},
            {u"stages_completed"_s, QJsonArray::fromStringList(p.stagesCompleted)},
            {u"started_at"_s, ts(p.startedAt)},
            {u"last_interaction_at"_s, ts(p.lastInteractionAt)},
            {u"completed_at"_s, ts(p.completedAt)}};
}

} // namespace tp::json
