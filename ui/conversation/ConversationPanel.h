// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "suggest/Proposal.h"

#include "conversation/TurnTypes.h"
#include "domain/Entities.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QScrollArea;
class QVBoxLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tp {
class MessageListModel;
}
namespace tp::app {
class TripSession;
class Workspace;
} // namespace tp::app

namespace tp::ui {

class ElidedLabel;

// The selected trip's destination conversation: its messages oldest first,
// the stage and progress, the recommendations as cards (the latest set shown,
// earlier ones chosen in a list) and the input box. Its values come from the
// open trip's session (app::TripSession) and the turns' results; it reads
// nothing itself.
//
// With a planner in the workspace, Send submits, the user's text shows at once as a pending
// message, the reply streams into a pending reply below it, Cancel stops it;
// a completed turn shows the stored rows, a failed one puts the text back in
// the box as not sent, with Retry. The cards offer "Choose this destination".
class ConversationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConversationPanel(app::Workspace* workspace, QWidget* parent = nullptr);

    // The open trip: its conversation is shown once the session has its values
    // (at once when it has them already), and follows the session from then on.
    void setSession(app::TripSession* session);
    // Shows these values of a trip (read elsewhere), as its session's own.
    void showTrip(const TripDetails& details);
    void clear();
    Id tripId() const { return m_tripId; }
    // How many trips have a message typed to the planner that was not sent
    // (being written, kept for another trip, or failed): asked about at quit.
    int unsentCount() const;
    MessageListModel* messages() const { return m_messages; }
    // Shown once the destination is chosen: the planner's help with the plan's stages.
    QWidget* nextStepsRow() const { return m_nextSteps; }

Q_SIGNALS:
    // Ask the planner for proposals for a stage of the plan (the Planning tab shows them).
    void suggestRequested(tp::suggest::Stage stage);

protected:
    void resizeEvent(QResizeEvent* event) override;

public Q_SLOTS:
    void appendMessage(const tp::Message& message);
    void setState(const tp::ConversationState& state);

private:
    void render(const TripDetails& details);
    void showHistory(const QList<tp::Recommendations>& history);
    void fillSetChooser();
    void onPlannerChanged();
    void showRecommendations(const Recommendations& set, bool latest = true);
    void fitCardsArea();
    void keepDraft(); // the box's text is kept for the shown trip (m_drafts)
    void choose(int index, const QString& name);
    void retry();
    void onBusyChanged(bool busy);
    void onTurnStarted(Id tripId, const QString& text);
    void onTextDelta(Id tripId, const QString& text);
    void onRetrying(int attempt, int delayMs, const QString& reason);
    void onTurnCompleted(const tp::conversation::TurnResult& result);
    void onTurnFailed(const tp::conversation::TurnError& error);
    void showPending(Id tripId, const QString& userText);
    void hidePending();
    void updateInputEnabled();
    void submit();
    void openLink(const QUrl& url);

    app::Workspace* m_workspace;
    QPointer<app::TripSession> m_session;
    Id m_tripId = 0;
    MessageListModel* m_messages;
    QListView* m_view;
    ElidedLabel* m_title;
    QLabel* m_stage;
    QWidget* m_nextSteps;
    QProgressBar* m_progress;
    QLabel* m_empty;
    QComboBox* m_sets;
    QVBoxLayout* m_cards;
    QWidget* m_cardsHost;
    QWidget* m_recRow;         // "Recommendations:" and the set chooser
    QScrollArea* m_cardsArea;  // the cards, as tall as they need while there is room
    QString m_destinationName; // the trip's chosen destination, to mark its card
    bool m_refocusInput = false;
    bool m_stickToBottom = true; // the message list follows its newest row    // the box had the focus when a
                                 // turn started: give it back
    QList<Recommendations> m_history;
    QPlainTextEdit* m_input;
    QPushButton* m_send;
    QLabel* m_inputNote;

    // The turn the planner is running.
    QWidget* m_pending; // the turn in progress: the user's text and the streaming reply
    QLabel* m_pendingUser;
    QPlainTextEdit* m_pendingReply;
    QLabel* m_plannerStatus; // "The planner is replying…", "Trying again…"
    QPushButton* m_cancel;
    QPushButton* m_retry;
    bool m_busy = false;
    Id m_turnTrip = 0;           // the trip of the pending turn
    QHash<Id, QString> m_unsent; // per trip: text that was not sent (kept for Retry)
    QHash<Id, QString> m_drafts; // per trip: text typed and not sent yet, while another trip is shown
    Id m_failedChoiceTrip = 0;   // a card choice that failed, for Retry
    int m_failedChoice = -1;
    QString m_failedChoiceName;
    Recommendations m_shownSet;
    bool m_shownLatest = true;
};

} // namespace tp::ui
