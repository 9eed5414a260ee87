// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationPanel.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "SafeMarkdown.h"
#include "TripSession.h"
#include "Workspace.h"
#include "domain/Stages.h"
#include "main/Confirm.h"
#include "main/ElidedLabel.h"
#include "main/FlowLayout.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

ConversationPanel::ConversationPanel(app::Workspace* workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_messages(new MessageListModel(workspace->database(), this)) {
    setObjectName(u"conversationPanel"_s);
    auto* outer = new QVBoxLayout(this);
    m_title = new ElidedLabel(this); // a trip's title may be long: it never widens the window
    m_title->setObjectName(u"conversationTitle"_s);
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

    // Once the destination is chosen the conversation's part is done: the
    // planner helps on with the plan's stages, from here as from the Planning tab.
    m_nextSteps = new QWidget(this);
    m_nextSteps->setObjectName(u"nextSteps"_s);
    // Wraps rather than widening the window when a language's words are long.
    auto* next = new FlowLayout(m_nextSteps, 6);
    next->setContentsMargins(0, 0, 0, 0);
    next->addWidget(new QLabel(tr("Next, with the planner:"), m_nextSteps));
    const std::pair<suggest::Stage, QString> steps[] = {
        {suggest::Stage::Accommodation, tr("Suggest stays")},
        {suggest::Stage::Activities, tr("Suggest activities")},
        {suggest::Stage::Itinerary, tr("Draft the itinerary")},
        {suggest::Stage::Budget, tr("Estimate the budget")},
    };
    for (const auto& [stage, text] : steps) {
        auto* b = new QPushButton(text, m_nextSteps);
        b->setObjectName(u"next_"_s + suggest::stageName(stage));
        connect(b, &QPushButton::clicked, this, [this, stage = stage] { Q_EMIT suggestRequested(stage); });
        next->addWidget(b);
    }
    m_nextSteps->hide();
    outer->addWidget(m_nextSteps);

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
    // Follow the newest message (a reply, the confirmation of a choice) while the
    // reader is at the end; a reader who scrolled up is left where they are.
    QScrollBar* bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (m_stickToBottom)
            m_view->verticalScrollBar()->setValue(max);
    });
    connect(bar, &QScrollBar::actionTriggered, this, [this](int) {
        QScrollBar* b = m_view->verticalScrollBar();
        // actionTriggered comes before the move: read the position once it is made.
        QMetaObject::invokeMethod(
            b, [this, b] { m_stickToBottom = b->value() >= b->maximum(); }, Qt::QueuedConnection);
    });
    auto* delegate = new MessageDelegate(m_view);
    m_view->setItemDelegate(delegate);
    connect(delegate, &MessageDelegate::linkClicked, this, &ConversationPanel::openLink);
    outer->addWidget(m_view, 1);
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

    m_recRow = new QWidget(this);
    auto* recRow = new QHBoxLayout(m_recRow);
    recRow->setContentsMargins(0, 0, 0, 0);
    auto* recLabel = new QLabel(tr("Recommendations:"), m_recRow);
    m_sets = new QComboBox(m_recRow);
    m_sets->setObjectName(u"recommendationSets"_s);
    m_sets->setAccessibleName(tr("Recommendation sets"));
    recLabel->setBuddy(m_sets);
    recRow->addWidget(recLabel);
    recRow->addWidget(m_sets, 1);
    outer->addWidget(m_recRow);
    // One card a row, each with its whole description and its button beside it:
    // the area is as tall as the cards while the panel has room, and scrolls
    // (never clips) when it has not.
    m_cardsArea = new QScrollArea(this);
    m_cardsArea->setObjectName(u"recommendationArea"_s);
    m_cardsArea->setWidgetResizable(true);
    m_cardsArea->setFrameShape(QFrame::NoFrame);
    m_cardsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cardsHost = new QWidget(m_cardsArea);
    m_cardsHost->setObjectName(u"recommendationCards"_s);
    m_cards = new QVBoxLayout(m_cardsHost);
    m_cards->setContentsMargins(0, 0, 0, 0);
    m_cards->addStretch();
    m_cardsArea->setWidget(m_cardsHost);
    outer->addWidget(m_cardsArea, 0);
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
    m_input->setTabChangesFocus(true); // Tab moves on, as in every other field
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
    connect(m_cancel, &QPushButton::clicked, m_workspace, &app::Workspace::cancelTurn);
    // The planner's turns, for every trip: a reply for a trip shown earlier
    // still settles its unsent text here.
    using app::Workspace;
    connect(workspace, &Workspace::turnStarted, this, &ConversationPanel::onTurnStarted);
    connect(workspace, &Workspace::textDelta, this, &ConversationPanel::onTextDelta);
    connect(workspace, &Workspace::retrying, this, &ConversationPanel::onRetrying);
    connect(workspace, &Workspace::turnCompleted, this, &ConversationPanel::onTurnCompleted);
    connect(workspace, &Workspace::turnFailed, this, &ConversationPanel::onTurnFailed);
    connect(workspace, &Workspace::busyChanged, this, &ConversationPanel::onBusyChanged);
    connect(workspace, &Workspace::plannerChanged, this, &ConversationPanel::onPlannerChanged);
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

void ConversationPanel::onPlannerChanged() {
    hidePending();
    m_busy = m_workspace->plannerBusy();
    updateInputEnabled();
    showRecommendations(m_shownSet, m_shownLatest); // with or without the choose buttons
}

void ConversationPanel::setSession(app::TripSession* session) {
    if (session != m_session) {
        if (m_session)
            disconnect(m_session, nullptr, this, nullptr);
        m_session = session;
        if (session) {
            connect(session, &app::TripSession::loaded, this, &ConversationPanel::render);
            connect(session, &app::TripSession::historyLoaded, this, &ConversationPanel::showHistory);
        }
    }
    if (session && session->isLoaded())
        render(session->details());
}

void ConversationPanel::showTrip(const TripDetails& details) {
    app::TripSession* session = m_workspace->sessionFor(details.trip.id);
    setSession(session);
    session->adopt(details); // loaded() renders it
}

void ConversationPanel::keepDraft() {
    if (m_tripId == 0)
        return;
    const QString typed = m_input->toPlainText();
    if (!typed.trimmed().isEmpty() && typed != m_unsent.value(m_tripId))
        m_drafts.insert(m_tripId, typed);
    else
        m_drafts.remove(m_tripId);
    m_input->clear();
}

int ConversationPanel::unsentCount() const {
    QSet<Id> trips;
    for (auto it = m_drafts.cbegin(); it != m_drafts.cend(); ++it)
        trips.insert(it.key());
    for (auto it = m_unsent.cbegin(); it != m_unsent.cend(); ++it)
        trips.insert(it.key());
    if (m_tripId != 0 && !m_input->toPlainText().trimmed().isEmpty())
        trips.insert(m_tripId);
    return int(trips.size());
}

void ConversationPanel::clear() {
    keepDraft();
    m_tripId = 0;
    m_title->setFullText(tr("Select a trip to see its conversation."));
    m_destinationName.clear();
    m_stage->clear();
    m_progress->hide();
    m_nextSteps->hide();
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

void ConversationPanel::render(const TripDetails& details) {
    const bool sameTrip = m_tripId == details.trip.id;
    if (!sameTrip)
        keepDraft(); // what was typed for the other trip stays with it
    if (!sameTrip && m_tripId != 0 && m_unsent.contains(m_tripId)) {
        // The other trip's unsent text stays kept for it (m_unsent), not in this box.
        m_input->clear();
        m_inputNote->clear();
        m_retry->hide();
    }
    m_tripId = details.trip.id;
    m_messages->setUserId(m_workspace->userId());
    m_title->setFullText(tr("Conversation about “%1”").arg(details.trip.title));
    m_destinationName = details.trip.destinationId ? details.trip.destinationName : QString();
    if (!sameTrip) {
        m_pending->setVisible(m_busy && m_turnTrip == m_tripId);
        if (m_unsent.contains(m_tripId)) {
            m_input->setPlainText(m_unsent.value(m_tripId));
            m_inputNote->setText(tr("Not sent earlier — Retry to send it again."));
            m_retry->setVisible(m_workspace->hasPlanner());
        } else if (m_drafts.contains(m_tripId)) {
            m_input->setPlainText(m_drafts.take(m_tripId));
            m_input->moveCursor(QTextCursor::End);
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
    if (!sameTrip || conversation != m_messages->conversationId()) {
        m_stickToBottom = true; // a conversation opens at its newest message
        // Opening the trip read the first page with it; read it here only when
        // that page was not for this panel (a trip adopted from elsewhere).
        if (auto page = m_session ? m_session->takeFirstMessages(conversation) : std::nullopt)
            m_messages->setConversationPage(conversation, details.messageCount, *page);
        else
            m_messages->setConversation(conversation);
    }
    m_empty->setVisible(conversation == 0);
    m_history.clear();
    m_sets->clear();
    if (details.latestRecommendations) {
        m_history << *details.latestRecommendations;
        m_sets->addItem(tr("Latest (%1)")
                            .arg(QLocale().toString(details.latestRecommendations->createdAt.toLocalTime(),
                                                    QLocale::ShortFormat)));
        showRecommendations(*details.latestRecommendations);
        if (m_session && !m_session->recommendationHistory().isEmpty())
            showHistory(m_session->recommendationHistory());
        else if (m_session)
            m_session->loadRecommendationHistory();
    } else {
        m_sets->addItem(tr("None yet"));
        showRecommendations({});
    }
}

void ConversationPanel::showHistory(const QList<Recommendations>& history) {
    if (history.size() <= 1)
        return;
    m_history = history;
    fillSetChooser();
}

void ConversationPanel::fillSetChooser() {
    const QSignalBlocker block(m_sets);
    m_sets->clear();
    for (int i = 0; i < m_history.size(); ++i) {
        const QString when =
            QLocale().toString(m_history.at(i).createdAt.toLocalTime(), QLocale::ShortFormat);
        m_sets->addItem(i == 0 ? tr("Latest (%1)").arg(when) : tr("Earlier set (%1)").arg(when));
    }
    m_sets->setCurrentIndex(0);
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
    // The seed's last conversation stage: the user committed to a destination.
    m_nextSteps->setVisible(state.currentStage == u"commitment_detected"_s);
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
        auto* grid = new QGridLayout(card);
        auto* name = new QLabel(card);
        name->setObjectName(u"cardName"_s);
        name->setTextFormat(Qt::PlainText);
        name->setWordWrap(true);
        QFont f = name->font();
        f.setBold(true);
        name->setFont(f);
        const QString placeName = o.value(u"name"_s).toString();
        const QString country = o.value(u"country"_s).toString();
        name->setText(country.isEmpty() ? placeName : tr("%1, %2").arg(placeName, country));
        auto* desc = new QLabel(card);
        desc->setObjectName(u"cardDescription"_s);
        desc->setTextFormat(Qt::PlainText);
        desc->setWordWrap(true);
        desc->setText(o.value(u"description"_s).toString());
        desc->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        desc->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(name, 0, 0);
        grid->addWidget(desc, 1, 0);
        grid->setColumnStretch(0, 1);
        card->setAccessibleName(name->text());
        const bool chosen =
            !m_destinationName.isEmpty() && placeName.compare(m_destinationName, Qt::CaseInsensitive) == 0;
        if (chosen) {
            // The trip's destination: marked, with nothing to press.
            card->setProperty("chosen", true);
            card->setFrameShape(QFrame::Box);
            card->setLineWidth(2);
            QPalette p = card->palette();
            p.setColor(QPalette::WindowText, p.color(QPalette::Highlight));
            card->setPalette(p);
            auto* mark = new QLabel(tr("✓ Your destination"), card);
            mark->setObjectName(u"chosenMark"_s);
            QPalette text = mark->palette();
            text.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
            mark->setPalette(text);
            mark->setFont(f);
            grid->addWidget(mark, 0, 1, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
            name->setPalette(text);
            desc->setPalette(text);
            card->setAccessibleName(tr("%1, your destination").arg(name->text()));
        } else if (m_workspace->hasPlanner() && latest) {
            // Choosing works on the latest set (the one the engine knows as current).
            auto* button = new QPushButton(m_destinationName.isEmpty() ? tr("Choose this destination")
                                                                       : tr("Choose this instead"),
                                           card);
            button->setObjectName(u"chooseDestination"_s);
            button->setAccessibleName(tr("Choose %1").arg(name->text()));
            button->setEnabled(!m_busy);
            const int index = i;
            const QString title = name->text();
            connect(button, &QPushButton::clicked, this, [this, index, title] { choose(index, title); });
            grid->addWidget(button, 0, 1, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
        }
        m_cards->insertWidget(i++, card);
    }
    const bool any = !set.locations.isEmpty();
    m_recRow->setVisible(any || m_history.size() > 1);
    m_cardsArea->setVisible(any);
    fitCardsArea();
    // Once the new cards are laid out at their real width, fit again.
    QMetaObject::invokeMethod(this, &ConversationPanel::fitCardsArea, Qt::QueuedConnection);
}

void ConversationPanel::fitCardsArea() {
    if (!m_cardsArea->isVisible())
        return;
    // As tall as the cards at the area's width, but never more than half the
    // panel: the messages keep room, and the cards scroll rather than clip.
    // The width the cards will have (the area's, as the viewport may not be laid out yet).
    const int width = qMax(100, m_cardsArea->width());
    const int wanted = m_cardsHost->layout()->hasHeightForWidth()
                           ? m_cardsHost->layout()->totalHeightForWidth(width)
                           : m_cardsHost->sizeHint().height();
    const int cap = qMax(120, height() / 2);
    m_cardsArea->setFixedHeight(qMin(wanted, cap));
}

void ConversationPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitCardsArea();
}

void ConversationPanel::choose(int index, const QString& name) {
    if (!m_workspace->hasPlanner() || m_tripId == 0 || m_workspace->plannerBusy())
        return;
    m_failedChoice = -1;
    m_inputNote->clear();
    m_retry->hide();
    m_refocusInput = true; // the pressed card goes away with the new set: the box takes the focus
    m_stickToBottom = true;
    showPending(m_tripId, tr("Choose %1").arg(name));
    m_failedChoiceTrip = m_tripId;
    m_failedChoice = index; // kept until the turn ends: Retry after a failure
    m_failedChoiceName = name;
    m_workspace->choose(m_tripId, index);
}

void ConversationPanel::retry() {
    if (!m_workspace->hasPlanner() || m_tripId == 0)
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
    // The box was disabled while the planner replied, which took the focus
    // from it; the person who sent from it goes on typing there.
    if (!busy && m_refocusInput && m_input->isEnabled() && isVisible()) {
        m_refocusInput = false;
        m_input->setFocus(Qt::OtherFocusReason);
    }
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
    } else if (m_messages->conversationId() == 0 && m_messages->rowCount() == 0) {
        // The first turn created the conversation: its messages are all there is.
        m_messages->startConversation(result.conversationId);
        for (const Message& m : result.messages)
            appendMessage(m);
    } else {
        m_messages->setConversation(result.conversationId);
    }
    // The turn's result is what is stored: the cards and the chosen mark come
    // from it (the session applied it already), without reading anything.
    if (result.destination)
        m_destinationName = result.destination->name;
    if (result.recommendations) {
        m_history.prepend(*result.recommendations);
        fillSetChooser();
        showRecommendations(*result.recommendations);
    } else if (result.destination) {
        showRecommendations(m_shownSet, m_shownLatest); // the chosen card marked
    }
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
    if (error.kind == Kind::Conflict && m_session)
        m_session->load(); // what the other window or app stored
}

void ConversationPanel::submit() {
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty() || m_tripId == 0)
        return;
    if (m_workspace->hasPlanner()) {
        if (m_workspace->plannerBusy()) {
            m_inputNote->setText(
                tr("Wait for the current reply, or cancel it; your text is kept in the box."));
            return;
        }
        const Id trip = m_tripId;
        m_refocusInput = m_input->hasFocus() || m_send->hasFocus();
        m_stickToBottom = true;
        m_inputNote->clear();
        m_retry->hide();
        m_failedChoice = -1;
        m_unsent.remove(trip);
        m_input->clear();
        showPending(trip, text);
        m_workspace->submit(trip, text);
        return;
    }
    m_inputNote->setText(tr("The planner is not available yet; your text is kept in the box."));
}

void ConversationPanel::appendMessage(const Message& message) {
    m_messages->appendMessage(message);
    m_empty->hide();
    m_view->scrollToBottom();
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
