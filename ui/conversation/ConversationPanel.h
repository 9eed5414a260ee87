#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tp {
class MessageListModel;
}

namespace tp::ui {

// The selected trip's destination conversation: its messages oldest first,
// the stage and progress, the recommendations as cards (the latest set shown,
// earlier ones chosen in a list) and the input box. The engine connects to
// messageSubmitted and calls appendMessage / refresh; until something is
// connected the typed text stays in the box.
class ConversationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConversationPanel(DatabaseService* service, QWidget* parent = nullptr);

    void setUserId(Id userId);
    // Shows the conversation of the trip (details as TripRepository::open read them).
    void showTrip(const TripDetails& details);
    void clear();
    Id tripId() const { return m_tripId; }
    MessageListModel* messages() const { return m_messages; }

public Q_SLOTS:
    void appendMessage(const tp::Message& message);
    void setState(const tp::ConversationState& state);
    void refresh(); // reads the trip's conversation again

Q_SIGNALS:
    void messageSubmitted(tp::Id tripId, const QString& text);

private:
    void showRecommendations(const Recommendations& set);
    void loadHistory(Id conversationId);
    void submit();
    void openLink(const QUrl& url);

    DatabaseService* m_service;
    Id m_userId = 0;
    Id m_tripId = 0;
    MessageListModel* m_messages;
    QListView* m_view;
    QLabel* m_title;
    QLabel* m_stage;
    QProgressBar* m_progress;
    QLabel* m_empty;
    QComboBox* m_sets;
    QHBoxLayout* m_cards;
    QWidget* m_cardsHost;
    QList<Recommendations> m_history;
    QPlainTextEdit* m_input;
    QPushButton* m_send;
    QLabel* m_inputNote;
};

} // namespace tp::ui
