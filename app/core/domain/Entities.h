// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Decimal.h"
#include "Stages.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Plain values mirroring the seed's tables, one struct per table. They cross
// threads by value; none of them knows about the database.
namespace tp {

using Id = qint64;

struct User { // auth_user
    Id id = 0;
    QString username;
    QString email;
    QString firstName;
    QString lastName;
    bool isActive = true;
    QDateTime dateJoined; // UTC
};

struct UserPreferences { // api_userpreferences
    Id id = 0;
    Id userId = 0;
    QString preferencesText;
    std::optional<Decimal> budgetMin;
    std::optional<Decimal> budgetMax;
    int preferredGroupSize = 2;
    QDateTime createdAt;
    QDateTime updatedAt;
};

struct Destination { // api_destination
    Id id = 0;
    QString name;
    QString city;    // empty = NULL
    QString country; // required
    QString description;
    QString bestTimeToVisit;
    std::optional<Decimal> averageCostPerDay;
    std::optional<Decimal> latitude;
    std::optional<Decimal> longitude;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool hasCoordinates() const { return latitude.has_value() && longitude.has_value(); }
};

struct Trip { // api_trip
    Id id = 0;
    Id userId = 0;
    QString title;
    QString description;
    std::optional<Id> destinationId;
    QString destinationName; // joined for display; empty when no destination
    QString destinationCountry;
    QDate startDate; // null QDate = not set
    QDate endDate;
    std::optional<Decimal> budget;
    QString status = storedValue(TripStatus::Planning);
    int travelersCount = 1;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The seed's computed properties.
    std::optional<int> durationDays() const;
    bool isFutureTrip(const QDate& today = QDate::currentDate()) const;
};

struct Message { // destination_search_message
    Id id = 0;
    Id conversationId = 0;
    bool isUser = false;
    QString content;
    QDateTime timestamp;
};

struct Recommendations { // destination_search_recommendations
    Id id = 0;
    Id conversationId = 0;
    QJsonArray locations; // [{name, country, description, ...}]
    QDateTime createdAt;
};

struct ConversationState { // destination_search_conversationstate
    Id id = 0;
    Id conversationId = 0;
    QString currentStage = QStringLiteral("initial");
    QString userInfo;
    QJsonArray questionQueue;
    int currentQuestionIndex = 0;
    QString destinationsText;
    int questionsAsked = 0;
    int totalQuestions = 0;
    QDateTime createdAt;
    QDateTime updatedAt; // also the optimistic-concurrency token of a turn

    bool isComplete() const;
    int progressPercentage() const;
};

struct Conversation { // destination_search_tripconversation
    Id id = 0;
    Id tripId = 0;
    QDateTime createdAt;
};

struct PlanningSession { // api_planningsession
    Id id = 0;
    Id tripId = 0;
    QString currentStage = storedValue(PlanningStage::Destination);
    bool isActive = true;
    QJsonObject sessionData;
    QStringList stagesCompleted;
    QDateTime startedAt;
    QDateTime lastInteractionAt;
    QDateTime completedAt; // invalid = NULL
};

// A trip opened for the detail view: everything a screen shows about it, read
// in a fixed number of queries whatever it holds.
struct TripDetails {
    Trip trip;
    std::optional<Destination> destination;
    std::optional<Conversation> conversation;
    std::optional<ConversationState> state;
    std::optional<Recommendations> latestRecommendations;
    std::optional<PlanningSession> activePlanningSession;
    int messageCount = 0;
};

} // namespace tp

// Lists of them grow by moving memory, not by moving each element (a read of
// 100,000 messages appends to one list): every member is relocatable.
Q_DECLARE_TYPEINFO(tp::Message, Q_RELOCATABLE_TYPE);
