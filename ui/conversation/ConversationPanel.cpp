#include "ConversationPanel.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "SafeMarkdown.h"
#include "conversation/ConversationService.h"
#include "domain/Stages.h"
#include "main/Confirm.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMetaMethod>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

ConversationPanel::ConversationPanel(DatabaseService* service, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_messages(new MessageListModel(service, this)) {
    setObjectName(u"conversationPanel"_s);
    auto* outer = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    outer->addWidget(m_title);

    auto* stageRow = new QHBoxLayout;
    m_stage = new QLabel(this);
    m_stage->setObjectName(u"conversationStage"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"conversationProgress"_s);
    m_progress->setAccessibleName(tr("Questions answered"));
    m_progress->setMaximumWidth(220);
    stageRow->addWidget(m_stage, 1);
    stageRow->addWidget(m_progress);
    outer->addLayout(stageRow);

    m_view = new QListView(this);
    m_view->setObjectName(u"messages"_s);
    m_view->setAccessibleName(tr("Messages"));
    m_view->setModel(m_messages);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // bubbles wrap to the width
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Each message is a laid-out Markdown document: lay a page of them out a
    // few at a time between events, not all in one go (that held the event
    // loop for about 20 ms per page of 200).
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(16);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setMouseTracking(true);
    auto* delegate = new MessageDelegate(m_view);
    m_view->setItemDelegate(delegate);
    connect(delegate, &MessageDelegate::linkClicked, this, &ConversationPanel::openLink);
    outer->addWidget(m_view, 3);
    m_empty = new QLabel(tr("No messages yet. Tell the planner what kind of trip you have in mind."), this);
    m_empty->setObjectName(u"conversationEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    outer->addWidget(m_empty);

    // The turn in progress (with a planner): what the user sent, and the
    // reply as it streams in, plain text until the stored rows replace them.
    m_pending = new QFrame(this);
    m_pending->setObjectName(u"pendingTurn"_s);
    static_cast<QFrame*>(m_pending)->setFrameShape(QFrame::StyledPanel);
    auto* pendingLayout = new QVBoxLayout(m_pending);
    m_pendingUser = new QLabel(m_pending);
    m_pendingUser->setObjectName(u"pendingUserMessage"_s);
    m_pendingUser->setAccessibleName(tr("Your message, being sent"));
    m_pendingUser->setTextFormat(Qt::PlainText);
    m_pendingUser->setWordWrap(true);
    m_pendingUser->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_pendingUser->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pendingReply = new QPlainTextEdit(m_pending);
    m_pendingReply->setObjectName(u"pendingReply"_s);
    m_pendingReply->setAccessibleName(tr("The planner's reply, arriving"));
    m_pendingReply->setReadOnly(true);
    m_pendingReply->setFrameShape(QFrame::NoFrame);
    m_pendingReply->setMaximumHeight(140);
    pendingLayout->addWidget(m_pendingUser);
    pendingLayout->addWidget(m_pendingReply);
    outer->addWidget(m_pending);
    m_pending->hide();

    auto* recRow = new QHBoxLayout;
    auto* recLabel = new QLabel(tr("Recommendations:"), this);
    m_sets = new QComboBox(this);
    m_sets->setObjectName(u"recommendationSets"_s);
    m_sets->setAccessibleName(tr("Recommendation sets"));
    recLabel->setBuddy(m_sets);
    recRow->addWidget(recLabel);
    recRow->addWidget(m_sets, 1);
    outer->addLayout(recRow);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMaximumHeight(170);
    m_cardsHost = new QWidget(scroll);
    m_cardsHost->setObjectName(u"recommendationCards"_s);
    m_cards = new QHBoxLayout(m_cardsHost);
    m_cards->addStretch();
    scroll->setWidget(m_cardsHost);
    outer->addWidget(scroll, 1);
    connect(m_sets, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0 && i < m_history.size())
            showRecommendations(m_history.at(i), i == 0);
    });

    auto* inputRow = new QHBoxLayout;
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(u"messageInput"_s);
    m_input->setAccessibleName(tr("Message to the planner"));
    m_input->setPlaceholderText(tr("Write to the planner… (Ctrl+Enter sends)"));
    m_input->setMaximumHeight(90);
    m_send = new QPushButton(tr("Se&nd"), this);
    m_send->setObjectName(u"send"_s);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send);
    m_cancel = new QPushButton(tr("&Cancel reply"), this);
    m_cancel->setObjectName(u"cancelReply"_s);
    m_cancel->hide();
    inputRow->addWidget(m_cancel);
    outer->addLayout(inputRow);
    auto* noteRow = new QHBoxLayout;
    m_inputNote = new QLabel(this);
    m_inputNote->setObjectName(u"inputNote"_s);
    m_inputNote->setWordWrap(true);
    m_inputNote->setTextFormat(Qt::PlainText);
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(u"retrySend"_s);
    m_retry->hide();
    noteRow->addWidget(m_inputNote, 1);
    noteRow->addWidget(m_retry);
    outer->addLayout(noteRow);
    m_plannerStatus = new QLabel(this);
    m_plannerStatus->setObjectName(u"plannerStatus"_s);
    m_plannerStatus->setTextFormat(Qt::PlainText);
    m_plannerStatus->setWordWrap(true);
    QFont small = m_plannerStatus->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_plannerStatus->setFont(small);
    outer->addWidget(m_plannerStatus);
    m_plannerStatus->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_planner)
            m_planner->cancel();
    });
    connect(m_retry, &QPushButton::clicked, this, &ConversationPanel::retry);
    connect(m_send, &QPushButton::clicked, this, &ConversationPanel::submit);
    auto* sendShortcut = new QShortcut(QKeySequence(u"Ctrl+Return"_s), m_input);
    sendShortcut->setContext(Qt::WidgetShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &ConversationPanel::submit);
    connect(m_messages, &MessageListModel::totalCountChanged, this,
            [this](int n) { m_empty->setVisible(m_tripId != 0 && n == 0 && !m_messages->isLoading()); });
    connect(m_messages, &MessageListModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_empty->setText(tr("Loading the conversation…"));
        else
            m_empty->setText(tr("No messages yet. Tell the planner what kind of trip you have in mind."));
        m_empty->setVisible(m_tripId != 0 && (loading || m_messages->totalCount() == 0));
    });
    clear();
}

void ConversationPanel::setUserId(Id userId) {
    const bool changed = m_userId != userId;
    m_userId = userId;
    m_messages->setUserId(userId);
    if (changed)
        Q_EMIT userIdChanged(userId);
}

void ConversationPanel::setConversationService(conversation::ConversationService* service) {
    if (m_planner == service)
        return;
    if (m_planner)
        disconnect(m_planner, nullptr, this, nullptr);
    hidePending();
    m_planner = service;
    m_busy = service && service->isBusy();
    if (service) {
        using conversation::ConversationService;
        connect(service, &ConversationService::turnStarted, this, &ConversationPanel::onTurnStarted);
        connect(service, &ConversationService::textDelta, this, &ConversationPanel::onTextDelta);
        connect(service, &ConversationService::retrying, this, &ConversationPanel::onRetrying);
        connect(service, &ConversationService::turnCompleted, this, &ConversationPanel::onTurnCompleted);
        connect(service, &ConversationService::turnFailed, this, &ConversationPanel::onTurnFailed);
        connect(service, &ConversationService::busyChanged, this, &ConversationPanel::onBusyChanged);
    }
    updateInputEnabled();
    showRecommendations(m_shownSet, m_shownLatest); // with or without the choose buttons
}

void ConversationPanel::clear() {
    m_tripId = 0;
    m_title->setText(tr("Select a trip to see its conversation."));
    m_stage->clear();
    m_progress->hide();
    m_messages->setConversation(0);
    m_history.clear();
    m_sets->clear();
    showRecommendations({});
    m_empty->hide();
    m_pending->hide();
    m_inputNote->clear();
    m_retry->hide();
    updateInputEnabled();
}

void ConversationPanel::showTrip(const TripDetails& details) {
    const bool sameTrip = m_tripId == details.trip.id;
    if (!sameTrip && m_tripId != 0 && m_unsent.contains(m_tripId)) {
        // The other trip's unsent text stays kept for it (m_unsent), not in this box.
        m_input->clear();
        m_inputNote->clear();
        m_retry->hide();
    }
    m_tripId = details.trip.id;
    m_title->setText(tr("Conversation about “%1”").arg(details.trip.title));
    if (!sameTrip) {
        m_pending->setVisible(m_busy && m_turnTrip == m_tripId);
        if (m_unsent.contains(m_tripId)) {
            m_input->setPlainText(m_unsent.value(m_tripId));
            m_inputNote->setText(tr("Not sent earlier — Retry to send it again."));
            m_retry->setVisible(m_planner != nullptr);
        }
    }
    updateInputEnabled();
    if (details.state)
        setState(*details.state);
    else {
        m_stage->setText(tr("Stage: not started"));
        m_progress->hide();
    }
    const Id conversation = details.conversation ? details.conversation->id : 0;
    if (!sameTrip || conversation != m_messages->conversationId())
        m_messages->setConversation(conversation);
    m_empty->setVisible(conversation == 0);
    m_history.clear();
    m_sets->clear();
    if (details.latestRecommendations) {
        m_history << *details.latestRecommendations;
        m_sets->addItem(tr("Latest (%1)")
                            .arg(QLocale().toString(details.latestRecommendations->createdAt.toLocalTime(),
                                                    QLocale::ShortFormat)));
        showRecommendations(*details.latestRecommendations);
        loadHistory(conversation);
    } else {
        m_sets->addItem(tr("None yet"));
        showRecommendations({});
    }
}

void ConversationPanel::loadHistory(Id conversationId) {
    const Id user = m_userId;
    const Id trip = m_tripId;
    m_service->post<QList<Recommendations>>(
        this,
        [=](Database& db) { return ConversationRepository(db, user).recommendationHistory(conversationId); },
        [this, trip](Result<QList<Recommendations>> r) {
            if (!r.ok() || trip != m_tripId || r.value().size() <= 1)
                return;
            const QSignalBlocker block(m_sets);
            m_history = r.value();
            m_sets->clear();
            for (int i = 0; i < m_history.size(); ++i) {
                const QString when =
                    QLocale().toString(m_history.at(i).createdAt.toLocalTime(), QLocale::ShortFormat);
                m_sets->addItem(i == 0 ? tr("Latest (%1)").arg(when) : tr("Earlier set (%1)").arg(when));
            }
            m_sets->setCurrentIndex(0);
        });
}

void ConversationPanel::setState(const ConversationState& state) {
    const QString label = QCoreApplication::translate(
        "Stages",
        conversation_stage::all[qMax(0, choiceIndex(conversation_stage::all, state.currentStage))].label);
    m_stage->setText(
        tr("Stage: %1 · questions %2 of %3").arg(label).arg(state.questionsAsked).arg(state.totalQuestions));
    m_progress->setVisible(state.totalQuestions > 0);
    m_progress->setRange(0, 100);
    m_progress->setValue(state.progressPercentage());
}

void ConversationPanel::showRecommendations(const Recommendations& set, bool latest) {
    m_shownSet = set;
    m_shownLatest = latest;
    while (m_cards->count() > 1) {
        QLayoutItem* item = m_cards->takeAt(0);
        delete item->widget();
        delete item;
    }
    int i = 0;
    for (const QJsonValue& v : set.locations) {
        const QJsonObject o = v.toObject();
        auto* card = new QFrame(m_cardsHost);
        card->setObjectName(u"recommendationCard"_s);
        card->setFrameShape(QFrame::StyledPanel);
        card->setMinimumWidth(200);
        card->setMaximumWidth(280);
        auto* l = new QVBoxLayout(card);
        auto* name = new QLabel(card);
        name->setTextFormat(Qt::PlainText);
        QFont f = name->font();
        f.setBold(true);
        name->setFont(f);
        const QString country = o.value(u"country"_s).toString();
        name->setText(country.isEmpty() ? o.value(u"name"_s).toString()
                                        : tr("%1, %2").arg(o.value(u"name"_s).toString(), country));
        auto* desc = new QLabel(card);
        desc->setTextFormat(Qt::PlainText);
        desc->setWordWrap(true);
        desc->setText(o.value(u"description"_s).toString());
        desc->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->addWidget(name);
        l->addWidget(desc, 1);
        card->setAccessibleName(name->text());
        // Choosing works on the latest set (the one the engine knows as current).
        if (m_planner && latest) {
            auto* button = new QPushButton(tr("Choose this destination"), card);
            button->setObjectName(u"chooseDestination"_s);
            button->setAccessibleName(tr("Choose %1").arg(name->text()));
            button->setEnabled(!m_busy);
            const int index = i;
            const QString title = name->text();
            connect(button, &QPushButton::clicked, this, [this, index, title] { choose(index, title); });
            l->addWidget(button);
        }
        m_cards->insertWidget(i++, card);
    }
}

void ConversationPanel::choose(int index, const QString& name) {
    if (!m_planner || m_tripId == 0 || m_planner->isBusy())
        return;
    m_failedChoice = -1;
    m_inputNote->clear();
    m_retry->hide();
    showPending(m_tripId, tr("Choose %1").arg(name));
    m_failedChoiceTrip = m_tripId;
    m_failedChoice = index; // kept until the turn ends: Retry after a failure
    m_failedChoiceName = name;
    m_planner->choose(m_tripId, index);
}

void ConversationPanel::retry() {
    if (!m_planner || m_tripId == 0)
        return;
    if (m_failedChoice >= 0 && m_failedChoiceTrip == m_tripId && m_input->toPlainText().trimmed().isEmpty()) {
        choose(m_failedChoice, m_failedChoiceName);
        return;
    }
    submit();
}

void ConversationPanel::updateInputEnabled() {
    const bool open = m_tripId != 0 && !m_busy;
    m_input->setEnabled(open);
    m_send->setEnabled(open);
    m_cancel->setVisible(m_busy);
    m_retry->setEnabled(!m_busy);
    for (QPushButton* b : m_cardsHost->findChildren<QPushButton*>(u"chooseDestination"_s))
        b->setEnabled(!m_busy);
}

void ConversationPanel::showPending(Id tripId, const QString& userText) {
    m_turnTrip = tripId;
    m_pendingUser->setText(userText);
    m_pendingReply->clear();
    m_pendingReply->hide();
    m_pending->setVisible(tripId == m_tripId);
    m_plannerStatus->setText(tr("The planner is replying…"));
    m_plannerStatus->show();
    m_view->scrollToBottom();
}

void ConversationPanel::hidePending() {
    m_pending->hide();
    m_pendingUser->clear();
    m_pendingReply->clear();
    m_plannerStatus->clear();
    m_plannerStatus->hide();
}

void ConversationPanel::onBusyChanged(bool busy) {
    m_busy = busy;
    updateInputEnabled();
}

void ConversationPanel::onTurnStarted(Id tripId, const QString& text) {
    if (m_turnTrip != tripId || m_pendingUser->text() != text)
        showPending(tripId, text);
}

void ConversationPanel::onTextDelta(Id tripId, const QString& text) {
    if (tripId != m_turnTrip || text.isEmpty())
        return;
    QScrollBar* bar = m_pendingReply->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(m_pendingReply->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    m_pendingReply->show();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConversationPanel::onRetrying(int attempt, int delayMs, const QString& reason) {
    m_plannerStatus->setText(tr("Trying again in %1 s (attempt %2): %3")
                                 .arg(QLocale().toString((delayMs + 999) / 1000))
                                 .arg(attempt)
                                 .arg(reason));
    m_plannerStatus->show();
}

void ConversationPanel::onTurnCompleted(const conversation::TurnResult& result) {
    hidePending();
    m_turnTrip = 0;
    m_failedChoice = -1;
    m_unsent.remove(result.tripId);
    Q_EMIT tripChanged(result.tripId);
    if (result.tripId != m_tripId)
        return; // that trip reads its rows when it is shown again
    m_inputNote->clear();
    m_retry->hide();
    setState(result.state);
    // The stored rows replace the pending ones: appended when this
    // conversation is loaded to its end, else read again from the database.
    if (m_messages->conversationId() == result.conversationId && !m_messages->isLoading()) {
        for (const Message& m : result.messages)
            appendMessage(m);
    } else {
        m_messages->setConversation(result.conversationId);
    }
    refresh(); // the recommendations and the stage, as stored
}

void ConversationPanel::onTurnFailed(const conversation::TurnError& error) {
    using Kind = conversation::TurnError::Kind;
    if (error.kind == Kind::Busy) {
        // Refused because a turn is running: the running turn goes on.
        if (!error.userText.isEmpty() && error.userText != m_pendingUser->text()) {
            m_unsent.insert(error.tripId, error.userText);
            if (error.tripId == m_tripId && m_input->toPlainText().trimmed().isEmpty())
                m_input->setPlainText(error.userText);
        }
        return;
    }
    hidePending();
    m_turnTrip = 0;
    const bool wasChoice = error.userText.isEmpty() && m_failedChoice >= 0;
    if (!error.userText.isEmpty()) {
        m_failedChoice = -1;
        m_unsent.insert(error.tripId, error.userText);
    }
    if (error.tripId != m_tripId)
        return; // kept in m_unsent, shown when that trip is shown again
    if (!error.userText.isEmpty()) {
        // Whatever was typed meanwhile (the box was disabled) is not lost either.
        const QString typed = m_input->toPlainText().trimmed();
        m_input->setPlainText(typed.isEmpty() || typed == error.userText ? error.userText
                                                                         : error.userText + u"\n"_s + typed);
        m_input->moveCursor(QTextCursor::End);
    }
    QString reason;
    switch (error.kind) {
    case Kind::Cancelled:
        reason = tr("you cancelled the reply.");
        break;
    case Kind::Conflict:
        reason = tr("the conversation changed elsewhere (another window or app); it has been reloaded.");
        break;
    default:
        reason = error.message.isEmpty() ? conversation::turnErrorKindName(error.kind) : error.message;
        break;
    }
    if (wasChoice)
        m_inputNote->setText(
            tr("Not chosen: %1 — Retry to choose %2 again.").arg(reason, m_failedChoiceName));
    else
        m_inputNote->setText(tr("Not sent: %1 — Retry").arg(reason));
    m_retry->setVisible(error.retryable());
    updateInputEnabled();
    if (error.kind == Kind::Conflict)
        refresh();
}

void ConversationPanel::submit() {
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty() || m_tripId == 0)
        return;
    if (m_planner) {
        if (m_planner->isBusy()) {
            m_inputNote->setText(
                tr("Wait for the current reply, or cancel it; your text is kept in the box."));
            return;
        }
        const Id trip = m_tripId;
        m_inputNote->clear();
        m_retry->hide();
        m_failedChoice = -1;
        m_unsent.remove(trip);
        m_input->clear();
        showPending(trip, text);
        m_planner->submit(trip, text);
        Q_EMIT messageSubmitted(trip, text);
        return;
    }
    static const QMetaMethod signal = QMetaMethod::fromSignal(&ConversationPanel::messageSubmitted);
    if (!isSignalConnected(signal)) {
        m_inputNote->setText(tr("The planner is not available yet; your text is kept in the box."));
        return;
    }
    m_inputNote->clear();
    m_input->clear();
    Q_EMIT messageSubmitted(m_tripId, text);
}

void ConversationPanel::appendMessage(const Message& message) {
    m_messages->appendMessage(message);
    m_empty->hide();
    m_view->scrollToBottom();
}

void ConversationPanel::refresh() {
    if (m_tripId == 0)
        return;
    const Id user = m_userId;
    const Id trip = m_tripId;
    m_service->post<TripDetails>(
        this, [=](Database& db) { return TripRepository(db, user).open(trip); },
        [this, trip](Result<TripDetails> r) {
            if (r.ok() && trip == m_tripId)
                showTrip(r.value());
        });
}

void ConversationPanel::openLink(const QUrl& url) {
    if (!SafeMarkdownDocument::isOpenableLink(url)) {
        m_inputNote->setText(tr("This link is not opened: %1").arg(url.toDisplayString()));
        return;
    }
    if (Confirm::ask(this, tr("Open link"),
                     tr("Open this address in your browser?\n\n%1").arg(url.toDisplayString()), tr("Open")))
        QDesktopServices::openUrl(url);
}

} // namespace tp::ui
