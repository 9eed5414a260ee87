// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripSession.h"

#include "PlanEditCommand.h"
#include "SuggestionRunner.h"
#include "Workspace.h"
#include "repo/ConversationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "suggest/OfflineSuggestions.h"

#include <QSet>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace tp::app {

namespace {
// What opening a trip reads, in one job on the database thread.
struct Opened {
    TripDetails details;
    PlanDocument plan;
    QList<Message> firstMessages;
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
            OpenedTrip read = TripRepository(db, user).openWithConversation(trip, FirstMessagePage);
            Opened o;
            o.plan = PlanRepository::documentFrom(trip, read.planningHistory);
            o.details = std::move(read.details);
            o.firstMessages = std::move(read.firstMessages);
            return o;
        },
        [this](Result<Opened> r) {
            if (!r.ok()) {
                m_firstMessages.reset();
                Q_EMIT failed(r.error().message);
                return;
            }
            m_plan = r.value().plan;
            m_firstMessages.reset();
            if (r.value().details.conversation) {
                m_firstMessages = r.value().firstMessages;
                m_firstMessagesOf = r.value().details.conversation->id;
            }
            adopt(r.value().details);
            Q_EMIT planChanged(*m_plan);
        });
}

std::optional<QList<Message>> TripSession::takeFirstMessages(Id conversationId) {
    if (conversationId == 0 || m_firstMessagesOf != conversationId)
        return std::nullopt;
    return std::exchange(m_firstMessages, std::nullopt);
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
    if (!m_plan)
        return;
    PlanEditCommand* command = nullptr;
    if (m_undo) {
        command = new PlanEditCommand(this, latestPlan(), plan, description);
        m_undo->push(command); // its first redo does nothing: the write is queued below
    }
    m_planWrites.append({plan, command});
    if (m_planWrites.size() == 1) {
        Q_EMIT planSaving(true);
        writeNextPlan();
    }
}

void TripSession::writePlan(const plan::Plan& plan) {
    if (!m_plan)
        return;
    m_planWrites.append({plan, nullptr});
    if (m_planWrites.size() == 1) {
        Q_EMIT planSaving(true);
        writeNextPlan();
    }
}

void TripSession::suggest(suggest::Stage stage, QObject* context,
                          std::function<void(Result<suggest::ProposalSet>)> done) {
    suggest::SuggestContext known;
    if (m_details) {
        known.trip = m_details->trip;
        known.destination = m_details->destination;
    }
    known.plan = latestPlan();
    const Id user = m_workspace->userId();
    const std::optional<llm::ProviderConfig> config = m_workspace->plannerConfig();
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_suggestCancelled = cancelled;
    const auto cancelledResult = [] {
        return Result<suggest::ProposalSet>::failure(JobError{Error::Kind::Cancelled, tr("Cancelled."), {}});
    };
    if (!config || config->provider == llm::Provider::Offline) {
        m_workspace->database()->post<suggest::ProposalSet>(
            context,
            [known, user, stage](Database& db) {
                suggest::SuggestContext c = known;
                c.preferences = PreferencesRepository(db, user).get();
                return suggest::offlineProposals(c, stage);
            },
            [cancelled, cancelledResult, done](Result<suggest::ProposalSet> r) {
                done(cancelled->load() ? cancelledResult() : std::move(r));
            });
        return;
    }
    // The preferences from the database thread, then the model on its own.
    m_workspace->database()->post<suggest::SuggestContext>(
        this,
        [known, user](Database& db) {
            suggest::SuggestContext c = known;
            c.preferences = PreferencesRepository(db, user).get();
            return c;
        },
        [this, context = QPointer<QObject>(context), stage, config, done, cancelled,
         cancelledResult](Result<suggest::SuggestContext> r) {
            if (!context)
                return;
            if (cancelled->load()) { // stopped before the model was asked
                done(cancelledResult());
                return;
            }
            if (!r.ok()) {
                done(Result<suggest::ProposalSet>::failure(r.error()));
                return;
            }
            if (!m_suggestions) {
                m_suggestions = new SuggestionRunner(this);
                connect(m_suggestions, &SuggestionRunner::textDelta, this, &TripSession::suggestionDelta);
                connect(m_suggestions, &SuggestionRunner::retrying, this, &TripSession::suggestionRetrying);
            }
            m_suggestions->start(*config, r.value(), stage, cancelled, context, done);
        });
}

void TripSession::cancelSuggestion() {
    if (m_suggestCancelled)
        m_suggestCancelled->store(true);
    if (m_suggestions)
        m_suggestions->cancel();
}

plan::Plan TripSession::latestPlan() const {
    if (!m_planWrites.isEmpty())
        return m_planWrites.last().plan;
    return m_plan ? m_plan->plan : plan::Plan{};
}

void TripSession::writeNextPlan() {
    const Id user = m_workspace->userId();
    const PlanDocument read = *m_plan;
    const plan::Plan plan = m_planWrites.first().plan;
    m_workspace->database()->post<PlanDocument>(
        this, [=](Database& db) { return PlanRepository(db, user).save(read, plan); },
        [this](Result<PlanDocument> r) {
            if (!r.ok()) {
                planWriteFailed(r.error());
                return;
            }
            m_planWrites.removeFirst();
            const bool sessionStarted = m_plan->sessionId != r.value().sessionId;
            m_plan = r.value();
            if (m_details && m_details->activePlanningSession &&
                m_details->activePlanningSession->id == m_plan->sessionId) {
                m_details->activePlanningSession->sessionData = m_plan->sessionData;
                m_details->activePlanningSession->lastInteractionAt = m_plan->version;
            }
            if (!m_planWrites.isEmpty()) {
                writeNextPlan(); // from the version just stored
                return;
            }
            Q_EMIT planSaving(false);
            Q_EMIT planChanged(*m_plan);
            if (sessionStarted)
                load(); // the first save started a planning session: its row, as stored
        });
}

void TripSession::planWriteFailed(const JobError& error) {
    // Nothing of this write was stored, and the ones queued behind it were made
    // from what it would have stored: none is written. Their undo steps go too,
    // from the top of the stack down (a step that is not at the top stays, and
    // does nothing when reached).
    const QList<PlanWrite> dropped = std::exchange(m_planWrites, {});
    QSet<const QUndoCommand*> notStored;
    for (const PlanWrite& w : dropped)
        if (w.command)
            notStored.insert(w.command);
    if (m_undo) {
        for (int i = 0; i < m_undo->count(); ++i)
            if (notStored.contains(m_undo->command(i)))
                static_cast<PlanEditCommand*>(const_cast<QUndoCommand*>(m_undo->command(i)))->markNotStored();
        while (m_undo->index() > 0 && notStored.contains(m_undo->command(m_undo->index() - 1)))
            m_undo->undo(); // marked: removes the step, writes nothing
    }
    // The failure first: whoever waits for planSaving(false) then knows not to go on.
    const bool conflict = error.kind == Error::Kind::Conflict;
    Q_EMIT planSaveFailed(error.message, conflict);
    Q_EMIT planSaving(false);
    if (conflict)
        load(); // what the other writer saved, so the next change starts from it
    else if (m_plan)
        Q_EMIT planChanged(*m_plan); // the editors show what is stored
}

} // namespace tp::app
