// SPDX-License-Identifier: GPL-3.0-or-later
#include "LlmPlanner.h"

#include "ModelOutputParser.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::conversation {

namespace {

const QString systemPrompt =
    u"You are the trip planner of a desktop travel app. You help one traveller choose a destination. "
    u"Answer in the language the traveller writes in. Reply with JSON only, exactly as the schema asks, "
    u"with no Markdown and no text around it. Never include links."_s;

QJsonObject stringSchema() {
    return {{u"type"_s, u"string"_s}};
}
QJsonObject nullableNumber() {
    return {{u"type"_s, QJsonArray{u"number"_s, u"null"_s}}};
}

QJsonObject objectSchema(const QJsonObject& properties) {
    return llm::strictObjectSchema(properties);
}

QString contextText(const PlannerContext& ctx) {
    QStringList lines;
    lines << u"What the traveller said so far: "_s +
                 (ctx.userInfo.isEmpty() ? u"(nothing yet)"_s : ctx.userInfo);
    if (!ctx.preferencesText.trimmed().isEmpty())
        lines << u"Their saved preferences: "_s + ctx.preferencesText.trimmed().left(2000);
    QStringList trip;
    if (!ctx.trip.title.isEmpty())
        trip << u"title \"%1\""_s.arg(ctx.trip.title);
    if (ctx.trip.startDate.isValid())
        trip << u"from %1"_s.arg(ctx.trip.startDate.toString(Qt::ISODate));
    if (ctx.trip.endDate.isValid())
        trip << u"to %1"_s.arg(ctx.trip.endDate.toString(Qt::ISODate));
    if (ctx.trip.budget)
        trip << u"budget %1"_s.arg(ctx.trip.budget->toString());
    if (ctx.trip.travelersCount > 1)
        trip << u"%1 travellers"_s.arg(ctx.trip.travelersCount);
    if (!trip.isEmpty())
        lines << u"The trip: "_s + trip.join(u", "_s);
    return lines.join(u'\n');
}

QList<llm::ChatMessage> history(const PlannerContext& ctx) {
    QList<llm::ChatMessage> out;
    for (const Message& m : ctx.recentMessages)
        out << llm::ChatMessage{m.isUser ? llm::ChatMessage::Role::User : llm::ChatMessage::Role::Assistant,
                                m.content.left(4000)};
    // Chat APIs want the first turn to be the user's.
    while (!out.isEmpty() && out.first().role != llm::ChatMessage::Role::User)
        out.removeFirst();
    return out;
}

} // namespace

LlmPlanner::LlmPlanner(llm::LlmClient* client)
    : m_client(client) {}

llm::LlmRequest LlmPlanner::questionsRequest(const PlannerContext& ctx) {
    llm::LlmRequest r;
    r.system = systemPrompt;
    r.schemaName = u"clarifying_questions"_s;
    r.schema =
        objectSchema({{u"questions"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, stringSchema()}}}});
    r.messages << llm::ChatMessage{llm::ChatMessage::Role::User,
                                   contextText(ctx) + u"\n\nWrite 3 to 5 short clarifying questions about "
                                                      u"what is still unknown among: budget, travel dates "
                                                      u"or season, trip length, number of travellers, "
                                                      u"interests. Do not ask about anything already known. "
                                                      u"Answer as {\"questions\": [\"...\"]}."_s};
    return r;
}

llm::LlmRequest LlmPlanner::destinationsRequest(const PlannerContext& ctx) {
    llm::LlmRequest r;
    r.system = systemPrompt;
    r.schemaName = u"destinations"_s;
    const QJsonObject place = objectSchema({{u"name"_s, stringSchema()},
                                            {u"country"_s, stringSchema()},
                                            {u"description"_s, stringSchema()},
                                            {u"latitude"_s, nullableNumber()},
                                            {u"longitude"_s, nullableNumber()},
                                            {u"best_time_to_visit"_s, stringSchema()},
                                            {u"average_cost_per_day"_s, nullableNumber()}});
    r.schema = objectSchema({{u"intro"_s, stringSchema()},
                             {u"destinations"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, place}}}});
    QString ask =
        contextText(ctx) +
        u"\n\nRecommend exactly 3 destinations that fit. For each give name, country, a description of "
        u"why it fits this traveller (2 or 3 sentences), latitude and longitude in decimal degrees, the "
        u"best time to visit, and the typical daily cost per person in US dollars (null when unsure). "
        u"Start with a one-sentence intro."_s;
    if (!ctx.excluded.isEmpty())
        ask += u" Do not suggest any of these again: "_s + ctx.excluded.join(u", "_s) + u'.';
    r.messages << llm::ChatMessage{llm::ChatMessage::Role::User, ask};
    return r;
}

llm::LlmRequest LlmPlanner::followUpRequest(const PlannerContext& ctx, const QString& userText) {
    llm::LlmRequest r;
    r.system = systemPrompt;
    r.schemaName = u"follow_up"_s;
    r.schema = objectSchema(
        {{u"intent"_s, QJsonObject{{u"type"_s, u"string"_s},
                                   {u"enum"_s, QJsonArray{u"commit"_s, u"more_options"_s, u"question"_s}}}},
         {u"choice"_s, stringSchema()},
         {u"reply"_s, stringSchema()}});
    QStringList recs;
    for (int i = 0; i < ctx.current.size(); ++i)
        recs << u"%1. %2: %3"_s.arg(i + 1).arg(ctx.current[i].label(), ctx.current[i].description.left(400));
    r.messages = history(ctx);
    r.messages << llm::ChatMessage{
        llm::ChatMessage::Role::User,
        contextText(ctx) + u"\n\nThe destinations recommended:\n"_s + recs.join(u'\n') +
            u"\n\nThe traveller now writes: \"%1\"\n\nDecide the intent: \"commit\" if they chose one of "
            u"these "
            u"destinations (put its exact name in choice), \"more_options\" if they want different "
            u"destinations, "
            u"otherwise \"question\" and answer them in reply. Always write a short friendly reply."_s.arg(
                userText)};
    return r;
}

namespace {

// The client's reason in the planner's terms (llm/ does not know the planner).
PlannerError::Kind plannerErrorKind(llm::ErrorKind kind) {
    switch (kind) {
    case llm::ErrorKind::NoKey:
        return PlannerError::Kind::NoKey;
    case llm::ErrorKind::KeyRejected:
        return PlannerError::Kind::KeyRejected;
    case llm::ErrorKind::QuotaExhausted:
        return PlannerError::Kind::QuotaExhausted;
    case llm::ErrorKind::Offline:
        return PlannerError::Kind::Offline;
    case llm::ErrorKind::Timeout:
        return PlannerError::Kind::Timeout;
    case llm::ErrorKind::Server:
        return PlannerError::Kind::Server;
    case llm::ErrorKind::BadRequest:
        return PlannerError::Kind::BadRequest;
    case llm::ErrorKind::Unusable:
        return PlannerError::Kind::Unusable;
    case llm::ErrorKind::Cancelled:
        break;
    }
    return PlannerError::Kind::Cancelled;
}

} // namespace

QString LlmPlanner::call(const llm::LlmRequest& request, const QString& streamedField) {
    QEventLoop loop;
    QString accumulated;
    QString shown;
    std::optional<QString> result;
    std::optional<llm::LlmError> error;
    QObject::connect(m_client, &llm::LlmClient::delta, &loop, [&](const QString& d) {
        accumulated += d;
        if (streamedField.isEmpty())
            return;
        const QString visible = parser::partialStringField(accumulated, streamedField);
        if (visible.size() > shown.size() && visible.startsWith(shown)) {
            emitDelta(visible.mid(shown.size()));
            shown = visible;
        }
    });
    // A retry (a larger token limit) starts the answer over: parse it afresh;
    // what was already shown stays, and grows again once the new text passes it.
    QObject::connect(m_client, &llm::LlmClient::restarted, &loop, [&] { accumulated.clear(); });
    QObject::connect(m_client, &llm::LlmClient::finished, &loop, [&](const QString& text) {
        result = text;
        loop.quit();
    });
    QObject::connect(m_client, &llm::LlmClient::failed, &loop, [&](const llm::LlmError& e) {
        error = e;
        loop.quit();
    });
    m_client->start(request);
    if (!result && !error)
        loop.exec();
    if (error)
        throw PlannerError(plannerErrorKind(error->kind), error->message);
    if (!result) { // the thread is quitting
        m_client->cancel();
        throw PlannerError(PlannerError::Kind::Cancelled,
                           QCoreApplication::translate("tp::Conversation", "Cancelled."));
    }
    return *result;
}

void LlmPlanner::cancel() {
    m_client->cancel();
}

QStringList LlmPlanner::clarifyingQuestions(const PlannerContext& ctx) {
    return parser::parseQuestions(call(questionsRequest(ctx), {}));
}

DestinationSet LlmPlanner::destinations(const PlannerContext& ctx) {
    return parser::parseDestinations(call(destinationsRequest(ctx), u"intro"_s));
}

FollowUp LlmPlanner::followUp(const PlannerContext& ctx, const QString& userText) {
    return parser::parseFollowUp(call(followUpRequest(ctx, userText), u"reply"_s), ctx.current);
}

} // namespace tp::conversation
