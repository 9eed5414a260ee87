#include "ConversationPanel.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "SafeMarkdown.h"
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
#include <QShortcut>
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
            showRecommendations(m_history.at(i));
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
    outer->addLayout(inputRow);
    m_inputNote = new QLabel(this);
    m_inputNote->setObjectName(u"inputNote"_s);
    m_inputNote->setWordWrap(true);
    outer->addWidget(m_inputNote);
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
    m_userId = userId;
    m_messages->setUserId(userId);
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
    m_input->setEnabled(false);
    m_send->setEnabled(false);
}

void ConversationPanel::showTrip(const TripDetails& details) {
    const bool sameTrip = m_tripId == details.trip.id;
    m_tripId = details.trip.id;
    m_title->setText(tr("Conversation about “%1”").arg(details.trip.title));
    m_input->setEnabled(true);
    m_send->setEnabled(true);
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

void ConversationPanel::showRecommendations(const Recommendations& set) {
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
        m_cards->insertWidget(i++, card);
    }
}

void ConversationPanel::submit() {
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty() || m_tripId == 0)
        return;
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
