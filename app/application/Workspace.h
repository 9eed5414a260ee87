// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TripSession.h"
#include "conversation/ConversationService.h"
#include "conversation/TurnTypes.h"
#include "domain/Entities.h"
#include "llm/LlmTypes.h"
#include "repo/WindowStart.h"
#include "worker/DatabaseWorker.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace tp::app {

class DestinationCatalogue;
class PreferencesStore;

// What one window works with, on the GUI thread: the local user, the AI
// planner (its thread and connection), the open trip's session and the
// gateways to the catalogue and the preferences. The widgets talk to this and
// to the objects it hands out; nothing in ui/ constructs a repository.
//
// Planner turns are forwarded for every trip (a reply for a trip that is not
// shown any more still has to reach its row in the list and its unsent text),
// and a completed turn is applied to the open session directly: nothing is
// read again after a turn.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(DatabaseService* database, QString osUserName, QObject* parent = nullptr);
    ~Workspace() override;

    DatabaseService* database() const { return m_database; }
    QString osUserName() const { return m_osUserName; }
    Id userId() const { return m_user.id; }
    const User& user() const { return m_user; }
    DestinationCatalogue* catalogue() const { return m_catalogue; }
    PreferencesStore* preferences() const { return m_preferences; }

    // Finds or creates the local user (once the database is ready) and reads
    // the first page of its trips in the same exchange (the window's start):
    // `started` gets them, then userReady follows (userFailed instead).
    void connectUser(const TripFilter& filter, const TripOrder& order, int pageSize,
                     std::function<void(const WindowStart&)> started);
    // A user found elsewhere (tests, the command line's own): used as is; userReady follows.
    void adoptUser(const User& user);

    // The planner. With a configuration, the workspace creates and owns the
    // ConversationService once the user is known (and applies a later change to
    // it); usePlanner instead hands it one made elsewhere (tests, benchmarks).
    void setPlannerConfig(const llm::ProviderConfig& config);
    // The planner's configuration as last set (nullopt: none set, the built-in planner).
    const std::optional<llm::ProviderConfig>& plannerConfig() const { return m_config; }
    void usePlanner(conversation::ConversationService* planner);
    conversation::ConversationService* planner() const { return m_planner; }
    bool hasPlanner() const { return m_planner != nullptr; }
    bool plannerBusy() const;
    void submit(Id tripId, const QString& text);
    void choose(Id tripId, int index);
    void cancelTurn();

    // The session of the trip shown (created on demand; the previous trip's
    // session is let go). open() also reads its values.
    TripSession* sessionFor(Id tripId);
    TripSession* openTrip(Id tripId);
    TripSession* currentSession() const { return m_session; }
    void closeTrip();

Q_SIGNALS:
    void userReady(const tp::User& user);
    void userFailed(const QString& message);
    void plannerChanged();
    // The planner, for every trip.
    void turnStarted(qint64 tripId, const QString& text);
    void textDelta(qint64 tripId, const QString& text);
    void retrying(int attempt, int delayMs, const QString& reason);
    void turnCompleted(const tp::conversation::TurnResult& result);
    void turnFailed(const tp::conversation::TurnError& error);
    void busyChanged(bool busy);
    // A trip's row changed through this workspace (a turn, a stage moved): the
    // list and the editor take the new row as it is, without reading it.
    void tripUpdated(const tp::Trip& trip);
    // A turn put a destination into the catalogue (new or existing).
    void destinationCommitted(const tp::Destination& destination);

private:
    void attachPlanner(conversation::ConversationService* planner);
    void onTurnCompleted(const conversation::TurnResult& result);

    DatabaseService* m_database;
    QString m_osUserName;
    User m_user;
    DestinationCatalogue* m_catalogue;
    PreferencesStore* m_preferences;
    std::optional<llm::ProviderConfig> m_config;
    std::unique_ptr<conversation::ConversationService> m_ownedPlanner;
    QPointer<conversation::ConversationService> m_planner;
    QPointer<TripSession> m_session;
};

} // namespace tp::app
