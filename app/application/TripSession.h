// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversation/TurnTypes.h"
#include "domain/Entities.h"
#include "repo/PlanRepository.h"
#include "suggest/Proposal.h"
#include "worker/DatabaseWorker.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>
#include <atomic>
#include <functional>
#include <memory>

namespace tp {
class PlanningRepository;
struct JobError;
} // namespace tp

namespace tp::app {

class SuggestionRunner;
class Workspace;

// One open trip, on the GUI thread: its row, destination, conversation state,
// latest recommendations, planning session and plan, as last read or written.
// It is the only place the panels get these values from and the only caller of
// the database for them: panels send intents (submit, advance, save the plan)
// and render what the signals carry. Every write's result is applied here
// directly, so a turn or an edit is never followed by a read of what it wrote.
class TripSession : public QObject {
    Q_OBJECT
public:
    TripSession(Workspace* workspace, Id tripId, QObject* parent = nullptr);

    Id tripId() const { return m_tripId; }
    bool isLoaded() const { return m_details.has_value(); }
    // Valid once loaded() (or adopt()).
    const TripDetails& details() const { return *m_details; }
    const std::optional<PlanDocument>& plan() const { return m_plan; }
    const QList<Recommendations>& recommendationHistory() const { return m_history; }
    // True while a plan write is in flight or queued.
    bool isSavingPlan() const { return !m_planWrites.isEmpty(); }

    // Reads the trip's values (row, conversation, planning session, plan and
    // the first page of messages) in one job and one exchange with the
    // database; loaded() follows, or failed().
    void load();
    // How many messages load() reads with the trip (the message list's first page).
    static constexpr int FirstMessagePage = 200;
    // The first page of the conversation's messages read by the last load(),
    // handed out once (a later caller reads the messages itself): none when
    // it was taken, or when `conversationId` is not the conversation loaded.
    std::optional<QList<Message>> takeFirstMessages(Id conversationId);
    // Takes values read elsewhere as the session's own (a caller that already has them).
    void adopt(const TripDetails& details);
    // Every recommendation set of the conversation, newest first; historyLoaded() follows.
    void loadRecommendationHistory();

    // The planner, for this trip.
    void submit(const QString& text);
    void choose(int index);

    // The planning stages. The trip's status follows the stage (plan/StageStatus.h).
    void startPlanning();
    void advanceStage();
    void backStage();

    // Saves the plan (guarded: a plan changed elsewhere since it was read is a
    // conflict, nothing overwritten). With an undo stack, the change becomes one
    // undoable step named `description`, pushed at once. Writes asked for while
    // one is in flight are queued and made in order, each from the version the
    // one before stored; planSaving(false) follows the last. A failed write
    // drops the writes queued behind it (they were made from what it would have
    // stored) and reports once.
    void setUndoStack(QUndoStack* undo) { m_undo = undo; }
    void savePlan(const plan::Plan& plan, const QString& description);
    // The write behind savePlan and its undo/redo; no new undo step.
    void writePlan(const plan::Plan& plan);
    // The plan as it will be once the queued writes are stored (the saved plan when none are).
    plan::Plan latestPlan() const;

    // The planner's proposals for a stage of this trip's plan, from the plan as
    // it will be once the queued writes are stored, with the user's saved
    // preferences. Worked out on the database thread (the preferences are read
    // there, and the gazetteer's check is not free); `done` gets them on
    // `context`'s thread. Nothing is written: accepting them is savePlan.
    // With a model chosen in the settings the model proposes (SuggestionRunner:
    // its own thread, streaming into suggestionDelta, retries into
    // suggestionRetrying); the built-in planner otherwise.
    void suggest(suggest::Stage stage, QObject* context,
                 std::function<void(Result<suggest::ProposalSet>)> done);
    // Stops a model's proposals on their way (the result is then Cancelled).
    void cancelSuggestion();

    // Called by the workspace when the planner finished a turn of this trip.
    void applyTurn(const conversation::TurnResult& result);

Q_SIGNALS:
    void suggestionDelta(const QString& text);
    void suggestionRetrying(int attempt, int delayMs, const QString& reason);
    void loaded(const tp::TripDetails& details);
    void failed(const QString& message);
    void tripChanged(const tp::Trip& trip);
    // A turn's result, applied: details() already holds the new state,
    // recommendations, destination and planning session.
    void turnApplied(const tp::conversation::TurnResult& result);
    void historyLoaded(const QList<tp::Recommendations>& history);
    void planningChanged(const std::optional<tp::PlanningSession>& session);
    void planningFailed(const QString& message);
    void planChanged(const tp::PlanDocument& plan);
    void planSaving(bool saving);
    // A plan write was refused; `conflict`: changed elsewhere, the stored plan is
    // read again. Emitted before the planSaving(false) that ends the writes.
    void planSaveFailed(const QString& message, bool conflict);

private:
    struct StageMove {
        PlanningSession session;
        Trip trip;
    };
    void moveStage(std::function<PlanningSession(PlanningRepository&)> move);
    void setTrip(const Trip& trip);
    void writeNextPlan();
    void planWriteFailed(const JobError& error);

    Workspace* m_workspace;
    SuggestionRunner* m_suggestions = nullptr; // created on the first model request
    // The request on its way, cancelled: checked at each of its steps.
    std::shared_ptr<std::atomic_bool> m_suggestCancelled;
    Id m_tripId;
    std::optional<TripDetails> m_details;
    std::optional<PlanDocument> m_plan;
    QList<Recommendations> m_history;
    std::optional<QList<Message>> m_firstMessages;
    Id m_firstMessagesOf = 0; // the conversation they are of
    QPointer<QUndoStack> m_undo;
    // The plan writes asked for, in order; the first is in flight.
    struct PlanWrite {
        plan::Plan plan;
        // The undo step this write first stores (savePlan), dropped if it fails.
        // Only compared with the stack's own entries, never dereferenced blindly.
        const QUndoCommand* command = nullptr;
    };
    QList<PlanWrite> m_planWrites;
    bool m_movingStage = false;
};

} // namespace tp::app
