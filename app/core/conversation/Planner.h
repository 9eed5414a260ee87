// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <exception>
#include <functional>
#include <optional>

namespace tp::conversation {

// One recommended place, as the planner describes it. Stored in
// destination_search_recommendations.locations with the seed's keys
// (name, country, description) plus the optional facts.
struct Recommendation {
    QString name;
    QString country; // may be empty (the seed's own Maldives example)
    QString description;
    QString bestTimeToVisit;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::optional<double> dailyCostUsd;

    QJsonObject toJson() const;
    static Recommendation fromJson(const QJsonObject& o);
    QString label() const; // "Bali, Indonesia"
};

// Exactly three places (the seed's rule), the planner's introduction, and the
// raw model output (kept in destinations_text).
struct DestinationSet {
    QList<Recommendation> places;
    QString intro;
    QString raw;
};

// What the user meant after the recommendations were shown.
struct FollowUp {
    enum class Kind { Answer, MoreOptions, Commit };
    Kind kind = Kind::Answer;
    int choice = -1; // index into the current recommendations for Commit
    QString reply;   // the planner's words (an answer, or a remark with the choice)
};

// Everything a planner may use to answer; built by the engine from the
// database before the call, so a planner never touches the database.
struct PlannerContext {
    QString userInfo;        // the accumulated answers (state.user_info)
    QString preferencesText; // the user's saved preferences
    std::optional<Decimal> budgetMin;
    std::optional<Decimal> budgetMax;
    int preferredGroupSize = 2;
    Trip trip;
    QList<Message> recentMessages; // oldest first, the last few
    QList<Recommendation> current; // the latest recommendations
    QStringList excluded;          // names already recommended (for "different options")
    QStringList answeredQuestions; // questions already asked in this conversation
};

// A failed planner call: nothing of the turn is written.
class PlannerError : public std::exception {
public:
    enum class Kind {
        NoKey,          // no API key configured
        KeyRejected,    // 401/403 or "API key not valid"
        QuotaExhausted, // 429 after the retries (or a daily quota)
        Offline,        // no connection to the provider
        Timeout,        // no answer in time, or a stream that went silent
        Server,         // 5xx after the retries, or a stream cut off
        BadRequest,     // the provider refused the request (model name, base URL)
        Unusable,       // an answer that cannot be used
        Cancelled,      // the user cancelled
    };
    PlannerError(Kind kind, QString message);
    Kind kind() const { return m_kind; }
    const QString& message() const { return m_message; }
    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QByteArray m_utf8;
};

QString plannerErrorKindName(PlannerError::Kind kind);

// The operations the stages need. Implementations may block the calling
// thread (a network planner runs a local event loop on the worker thread);
// they throw PlannerError and return parsed values.
class Planner {
public:
    virtual ~Planner() = default;
    // 3 to 5 questions about what is still unknown.
    virtual QStringList clarifyingQuestions(const PlannerContext& ctx) = 0;
    // Exactly three places matched to ctx.userInfo, none of ctx.excluded.
    virtual DestinationSet destinations(const PlannerContext& ctx) = 0;
    // Commitment, a request for other options, or a follow-up question.
    virtual FollowUp followUp(const PlannerContext& ctx, const QString& userText) = 0;

    // Receives the user-visible text of a reply as it streams (optional).
    using DeltaHandler = std::function<void(const QString& delta)>;
    void setDeltaHandler(DeltaHandler handler) { m_onDelta = std::move(handler); }

protected:
    void emitDelta(const QString& delta) const {
        if (m_onDelta && !delta.isEmpty())
            m_onDelta(delta);
    }

private:
    DeltaHandler m_onDelta;
};

} // namespace tp::conversation
