// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripSession.h"

#include "PlanEditCommand.h"
#include "Workspace.h"
#include "repo/ConversationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"

#include <QUndoStack>

namespace tp::app {

namespace {
// What opening a trip reads, in one job on the database thread.
struct Opened {
    TripDetails details;
    PlanDocument plan;
};
} // namespace

TripSession::TripSession(Workspace* workspace, Id tripId, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_tripId(tripId) {}

void TripSession::load() {
    const Id user = m_workspace->userId(), trip = m_tripId;
    m_workspace->database()->post<Opened>(
        this,
        [=](Database& db) {
            Opened o;
            o.details = TripRepository(db, user).open(trip);
            o.plan = PlanRepository(db, user).load(trip);
            return o;
        },
        [this](Result<Opened> r) {
            if (!r.ok()) {
                Q_EMIT failed(r.error().message);
                return;
            }
            m_plan = r.value().plan;
            adopt(r.value().details);
            Q_EMIT planChanged(*m_plan);
        });
}

void TripSession::adopt(const TripDetails& details) {
    const bool sameConversation = m_details && details.conversation && m_details->conversation &&
                                  m_details->conversation->id == details.conversation->id;
    if (!sameConversation)
        m_history.clear();
    m_details = details;
    Q_EMIT loaded(*m_details);
}

void TripSession::loadRecommendationHistory() {
    if (!m_details || !m_details->conversation)
        return;
    const Id user = m_workspace->userId(), conversation = m_details->conversation->id;
    m_workspace->database()->post<QList<Recommendations>>(
        this,
        [=](Database& db) { return ConversationRepository(db, user).recommendationHistory(conversation); },
        [this, conversation](Result<QList<Recommendations>> r) {
            if (!r.ok() || !m_details || !m_details->conversation ||
                m_details->conversation->id != conversation)
                return;
            m_history = r.value();
            Q_EMIT historyLoaded(m_history);
        });
}

void TripSession::submit(const QString& text) {
    m_workspace->submit(m_tripId, text);
}

void TripSession::choose(int index) {
    m_workspace->choose(m_tripId, index);
}

void TripSession::applyTurn(const conversation::TurnResult& result) {
    if (result.tripId != m_tripId || !m_details)
        return;
    TripDetails& d = *m_details;
    if (!d.conversation || d.conversation->id != result.conversationId) {
        d.conversation = Conversation{result.conversationId, m_tripId, result.state.createdAt};
        m_history.clear();
    }
    d.state = result.state;
    d.messageCount += int(result.messages.size());
    if (result.recommendations) {
        d.latestRecommendations = result.recommendations;
        if (!m_history.isEmpty())
            m_history.prepend(*result.recommendations);
    }
    if (result.destination)
        d.destination = result.destination;
    if (result.planningSession)
        d.activePlanningSession = result.planningSession;
    if (result.trip.id == m_tripId)
        d.trip = result.trip;
    Q_EMIT turnApplied(result);
    if (result.trip.id == m_tripId)
        Q_EMIT tripChanged(d.trip);
    if (result.planningSession)
        Q_EMIT planningChanged(d.activePlanningSession);
}

void TripSession::setTrip(const Trip& trip) {
    if (m_details)
        m_details->trip = trip;
    Q_EMIT tripChanged(trip);
}

void TripSession::startPlanning() {
    const Id trip = m_tripId;
    moveStage([trip](PlanningRepository& planning) { return planning.start(trip); });
}

void TripSession::advanceStage() {
    if (!m_details || !m_details->activePlanningSession)
        return;
    const Id id = m_details->activePlanningSession->id;
    moveStage([id](PlanningRepository& planning) { return planning.advance(id); });
}

void TripSession::backStage() {
    if (!m_details || !m_details->activePlanningSession)
        return;
    const Id id = m_details->activePlanningSession->id;
    moveStage([id](PlanningRepository& planning) { return planning.back(id); });
}

void TripSession::moveStage(std::function<PlanningSession(PlanningRepository&)> move) {
    if (m_movingStage || !m_details)
        return;
    m_movingStage = true;
    const Id user = m_workspace->userId(), trip = m_tripId;
    // The stage and the trip's status move in one transaction (PlanningRepository);
    // the row as it then is comes back with it, for the list and the editor.
    m_workspace->database()->post<StageMove>(
        this,
        [=](Database& db) {
            PlanningRepository planning(db, user);
            StageMove m;
            m.session = move(planning);
            m.trip = TripRepository(db, user).get(trip);
            return m;
        },
        [this](Result<StageMove> r) {
            m_movingStage = false;
            if (!r.ok()) {
                Q_EMIT planningFailed(r.error().message);
                Q_EMIT planningChanged(m_details->activePlanningSession);
                // Another window or the web app may have moved it: show what is stored.
                load();
                return;
            }
            const PlanningSession& s = r.value().session;
            // A completed session is no longer the active one; its plan stays the trip's.
            m_details->activePlanningSession = s;
            if (m_plan && (m_plan->sessionId == 0 || m_plan->sessionId == s.id)) {
                m_plan->sessionId = s.id;
                m_plan->stage = s.currentStage;
                m_plan->version = s.lastInteractionAt;
                m_plan->sessionData = s.sessionData;
            }
            Q_EMIT planningChanged(m_details->activePlanningSession);
            if (r.value().trip.status != m_details->trip.status ||
                r.value().trip.updatedAt != m_details->trip.updatedAt) {
                setTrip(r.value().trip);
                Q_EMIT m_workspace->tripUpdated(r.value().trip);
            }
        });
}

void TripSession::savePlan(const plan::Plan& plan, const QString& description) {
    if (!m_plan || m_savingPlan)
        return;
    if (m_undo)
        m_pendingUndo = PendingUndo{m_plan->plan, plan, description};
    writePlan(plan, description);
}

void TripSession::writePlan(const plan::Plan& plan, const QString& description) {
    if (!m_plan || m_savingPlan)
        return;
    Q_UNUSED(description)
    m_savingPlan = true;
    Q_EMIT planSaving(true);
    const Id user = m_workspace->userId();
    const PlanDocument read = *m_plan;
    m_workspace->database()->post<PlanDocument>(
        this, [=](Database& db) { return PlanRepository(db, user).save(read, plan); },
        [this](Result<PlanDocument> r) {
            m_savingPlan = false;
            Q_EMIT planSaving(false);
            auto pending = std::exchange(m_pendingUndo, std::nullopt);
            if (!r.ok()) {
                const bool conflict = r.error().kind == Error::Kind::Conflict;
                Q_EMIT planSaveFailed(r.error().message, conflict);
                if (conflict)
                    load(); // what the other writer saved, so the next change starts from it
                return;
            }
            const bool sessionStarted = m_plan->sessionId != r.value().sessionId;
            m_plan = r.value();
            if (m_details && m_details->activePlanningSession &&
                m_details->activePlanningSession->id == m_plan->sessionId) {
                m_details->activePlanningSession->sessionData = m_plan->sessionData;
                m_details->activePlanningSession->lastInteractionAt = m_plan->version;
            }
            if (pending && m_undo)
                m_undo->push(
                    new PlanEditCommand(this, pending->before, pending->after, pending->description));
            Q_EMIT planChanged(*m_plan);
            if (sessionStarted)
                load(); // the first save started a planning session: its row, as stored
        });
}

} // namespace tp::app
