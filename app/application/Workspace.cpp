// SPDX-License-Identifier: GPL-3.0-or-later
#include "Workspace.h"

#include "DestinationCatalogue.h"
#include "PreferencesStore.h"
#include "TripSession.h"
#include "conversation/ConversationService.h"

namespace tp::app {

Workspace::Workspace(DatabaseService* database, QString osUserName, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_osUserName(std::move(osUserName))
    , m_catalogue(new DestinationCatalogue(database, this))
    , m_preferences(new PreferencesStore(
          database, [this] { return m_user.id; }, this)) {}

Workspace::~Workspace() {
    // The planner's thread is joined here, before the database service goes
    // (cancelling a reply in progress: nothing is written).
    attachPlanner(nullptr);
    m_ownedPlanner.reset();
}

void Workspace::connectUser(const TripFilter& filter, const TripOrder& order, int pageSize,
                            std::function<void(const WindowStart&)> started) {
    const QString osUser = m_osUserName;
    m_database->post<WindowStart>(
        this, [=](Database& db) { return readWindowStart(db, osUser, filter, order, pageSize); },
        [this, started = std::move(started)](Result<WindowStart> r) {
            if (!r.ok()) {
                Q_EMIT userFailed(r.error().message);
                return;
            }
            // The user first: whatever the start shows (a trip selected at
            // once) already opens its session for this user.
            if (m_user.id != r.value().user.id)
                adoptUser(r.value().user);
            if (started)
                started(r.value());
        });
}

void Workspace::adoptUser(const User& user) {
    m_user = user;
    if (m_config && !m_planner) {
        m_ownedPlanner =
            std::make_unique<conversation::ConversationService>(m_database->url(), m_user.id, *m_config);
        attachPlanner(m_ownedPlanner.get());
    }
    Q_EMIT userReady(m_user);
}

void Workspace::setPlannerConfig(const llm::ProviderConfig& config) {
    m_config = config;
    if (m_planner) {
        m_planner->setProvider(config);
        return;
    }
    if (m_user.id != 0) {
        m_ownedPlanner =
            std::make_unique<conversation::ConversationService>(m_database->url(), m_user.id, config);
        attachPlanner(m_ownedPlanner.get());
    }
}

void Workspace::usePlanner(conversation::ConversationService* planner) {
    attachPlanner(planner);
    if (planner != m_ownedPlanner.get())
        m_ownedPlanner.reset();
}

void Workspace::attachPlanner(conversation::ConversationService* planner) {
    if (m_planner == planner)
        return;
    if (m_planner)
        disconnect(m_planner, nullptr, this, nullptr);
    m_planner = planner;
    if (planner) {
        using conversation::ConversationService;
        connect(planner, &ConversationService::turnStarted, this, &Workspace::turnStarted);
        connect(planner, &ConversationService::textDelta, this, &Workspace::textDelta);
        connect(planner, &ConversationService::retrying, this, &Workspace::retrying);
        connect(planner, &ConversationService::turnCompleted, this, &Workspace::onTurnCompleted);
        connect(planner, &ConversationService::turnFailed, this, &Workspace::turnFailed);
        connect(planner, &ConversationService::busyChanged, this, &Workspace::busyChanged);
    }
    Q_EMIT plannerChanged();
}

bool Workspace::plannerBusy() const {
    return m_planner && m_planner->isBusy();
}

void Workspace::submit(Id tripId, const QString& text) {
    if (m_planner)
        m_planner->submit(tripId, text);
}

void Workspace::choose(Id tripId, int index) {
    if (m_planner)
        m_planner->choose(tripId, index);
}

void Workspace::cancelTurn() {
    if (m_planner)
        m_planner->cancel();
}

void Workspace::onTurnCompleted(const conversation::TurnResult& result) {
    conversation::TurnResult r = result;
    // The row the engine wrote carries the destination's id; the list shows its name.
    if (r.destination && r.trip.destinationId == r.destination->id) {
        r.trip.destinationName = r.destination->name;
        r.trip.destinationCountry = r.destination->country;
    }
    if (m_session && m_session->tripId() == r.tripId)
        m_session->applyTurn(r);
    if (r.trip.id != 0)
        Q_EMIT tripUpdated(r.trip);
    if (r.destination)
        Q_EMIT destinationCommitted(*r.destination);
    Q_EMIT turnCompleted(r);
}

TripSession* Workspace::sessionFor(Id tripId) {
    if (m_session && m_session->tripId() == tripId)
        return m_session;
    closeTrip();
    m_session = new TripSession(this, tripId, this);
    return m_session;
}

TripSession* Workspace::openTrip(Id tripId) {
    TripSession* session = sessionFor(tripId);
    session->load();
    return session;
}

void Workspace::closeTrip() {
    if (m_session)
        m_session->deleteLater();
    m_session = nullptr;
}

} // namespace tp::app
