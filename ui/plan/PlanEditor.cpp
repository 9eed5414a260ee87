// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanEditor.h"

#include "ActivitiesEditor.h"
#include "BudgetEditor.h"
#include "ItineraryView.h"
#include "LegsEditor.h"
#include "ReviewView.h"
#include "StaysEditor.h"
#include "domain/Stages.h"
#include "style/ErrorText.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::ui {

PlanEditor::PlanEditor(QWidget* parent)
    : QWidget(parent) {
    m_error = new QLabel(this);
    m_error->setObjectName(u"planError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    setErrorText(m_error);
    m_error->hide();
    m_busyLabel = new QLabel(tr("Saving…"), this);
    m_busyLabel->setObjectName(u"planBusy"_s);
    m_busyLabel->hide();
    // The label above the tabs moves them down when it shows and back when it
    // hides: the whole editor laid out and painted again, twice a save (about
    // twice the GUI thread's time of a save in tests/bench/bench_plan_gui). A
    // save is usually back before anyone could read it: only a slow one shows it.
    m_busyNotice = new QTimer(this);
    m_busyNotice->setSingleShot(true);
    m_busyNotice->setInterval(BusyNoticeMs);
    connect(m_busyNotice, &QTimer::timeout, m_busyLabel, &QLabel::show);

    m_stays = new StaysEditor(this);
    m_legs = new LegsEditor(this);
    m_activities = new ActivitiesEditor(this);
    m_itinerary = new ItineraryView(this);
    m_budget = new BudgetEditor(this);
    m_review = new ReviewView(this);
    m_sections = {m_stays, m_legs, m_activities, m_itinerary, m_budget, m_review};

    // Tabs without mnemonics: the forms use the letters; Ctrl+Tab and
    // Ctrl+PgUp/PgDn move between the tabs.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"planTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stays, tr("Stays"));
    m_tabs->addTab(m_legs, tr("Transport"));
    m_tabs->addTab(m_activities, tr("Activities"));
    m_tabs->addTab(m_itinerary, tr("Itinerary"));
    m_tabs->addTab(m_budget, tr("Budget"));
    m_tabs->addTab(m_review, tr("Review"));
    m_suggest = new QPushButton(m_tabs);
    m_suggest->setObjectName(u"suggest"_s);
    // No Alt+letter: the forms of the stages use up the letters of these
    // texts; Ctrl+Shift+P ("planner") asks from anywhere in the plan. A
    // shortcut of its own, as the button's text sets the button's shortcut.
    auto* ask = new QShortcut(QKeySequence(u"Ctrl+Shift+P"_s), this);
    connect(ask, &QShortcut::activated, this, [this] {
        if (m_suggest->isVisible())
            m_suggest->click();
    });
    m_suggest->setToolTip(tr("Ask the planner for proposals for this stage (%1); nothing enters the plan "
                             "until you accept it")
                              .arg(ask->key().toString(QKeySequence::NativeText)));
    m_tabs->setCornerWidget(m_suggest, Qt::TopRightCorner);
    connect(m_suggest, &QPushButton::clicked, this, [this] {
        if (m_suggesting)
            Q_EMIT suggestCancelRequested();
        else if (const auto stage = suggestStageOfTab(m_tabs->currentIndex()))
            Q_EMIT suggestRequested(*stage);
    });

    auto* top = new QHBoxLayout;
    top->addWidget(m_error, 1);
    top->addWidget(m_busyLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    for (PlanSection* s : std::as_const(m_sections))
        connect(s, &PlanSection::changeRequested, this,
                [this](const plan::Plan& p, const QString& description) {
                    showError({});
                    Q_EMIT changeRequested(p, description);
                });
    connect(m_tabs, &QTabWidget::currentChanged, this, &PlanEditor::tabShown);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PlanEditor::updateSuggestButton);
    updateSuggestButton();
    connect(m_itinerary, &ItineraryView::itemActivated, this, &PlanEditor::showItem);
    connect(m_review, &ReviewView::itemActivated, this, &PlanEditor::showItem);
    connect(m_review, &ReviewView::exportCalendarRequested, this, &PlanEditor::exportCalendarRequested);
    connect(m_review, &ReviewView::exportPdfRequested, this, &PlanEditor::exportPdfRequested);
    connect(m_review, &ReviewView::importRequested, this, &PlanEditor::importRequested);
    connect(m_review, &ReviewView::completeRequested, this, &PlanEditor::completeRequested);
    refresh();
}

void PlanEditor::setGeocoder(geo::GeocodingService* geocoder) {
    m_stays->setGeocoder(geocoder);
    m_activities->setGeocoder(geocoder);
}

void PlanEditor::setContext(const PlanContext& context) {
    m_context = context;
    refresh();
}

void PlanEditor::setPlan(const plan::Plan& plan) {
    m_plan = plan;
    refresh();
}

void PlanEditor::refresh() {
    // Only the tab in view is rebuilt now; the others when they are shown
    // (a plan of hundreds of items takes a while to lay out in every tab).
    m_stale.clear();
    for (PlanSection* s : std::as_const(m_sections))
        if (s == m_tabs->currentWidget())
            s->setPlan(m_plan, m_context);
        else
            m_stale.insert(s);
}

void PlanEditor::tabShown(int index) {
    auto* section = qobject_cast<PlanSection*>(m_tabs->widget(index));
    if (section && m_stale.remove(section))
        section->setPlan(m_plan, m_context);
}

std::optional<suggest::Stage> PlanEditor::suggestStageOfTab(int index) {
    switch (index) {
    case 0:
        return suggest::Stage::Accommodation;
    case 2:
        return suggest::Stage::Activities;
    case 3:
        return suggest::Stage::Itinerary;
    case 4:
        return suggest::Stage::Budget;
    default:
        return std::nullopt; // transport and the review: nothing the built-in planner can honestly propose
    }
}

bool PlanEditor::editProposal(const suggest::Proposal& proposal) {
    if (proposal.kind == suggest::Proposal::Kind::Stay) {
        m_tabs->setCurrentWidget(m_stays);
        return m_stays->editDraft(proposal.stay);
    }
    if (proposal.kind == suggest::Proposal::Kind::Activity) {
        m_tabs->setCurrentWidget(m_activities);
        return m_activities->editDraft(proposal.activity);
    }
    return false;
}

void PlanEditor::setSuggesting(bool suggesting) {
    m_suggesting = suggesting;
    updateSuggestButton();
}

void PlanEditor::updateSuggestButton() {
    const auto stage = suggestStageOfTab(m_tabs->currentIndex());
    // While the planner is asked the button stops it, whichever tab is shown.
    m_suggest->setVisible(stage.has_value() || m_suggesting);
    if (m_suggesting) {
        m_suggest->setText(tr("Stop asking the planner"));
        return;
    }
    if (!stage)
        return;
    switch (*stage) {
    case suggest::Stage::Accommodation:
        m_suggest->setText(tr("Suggest stays…"));
        break;
    case suggest::Stage::Activities:
        m_suggest->setText(tr("Suggest activities…"));
        break;
    case suggest::Stage::Itinerary:
        m_suggest->setText(tr("Draft the itinerary…"));
        break;
    case suggest::Stage::Budget:
        m_suggest->setText(tr("Estimate the budget…"));
        break;
    }
}

// The tab (stays, legs, activities, itinerary, budget, review) that shows a stage's work.
static int tabOf(PlanningStage stage) {
    switch (stage) {
    case PlanningStage::Destination:
    case PlanningStage::Accommodation:
        return 0;
    case PlanningStage::Flights:
        return 1;
    case PlanningStage::Activities:
        return 2;
    case PlanningStage::Itinerary:
        return 3;
    case PlanningStage::Finalization:
    case PlanningStage::Completed:
        return 5;
    }
    return 0;
}

void PlanEditor::showStage(const QString& stage) {
    if (const std::optional<PlanningStage> known = planningStageFrom(stage)) {
        m_tabs->setCurrentIndex(tabOf(*known));
        return;
    }
    // Not the seed's stages: other names for the same tabs (and "budget", which has no stage).
    static const QHash<QString, int> otherNames{
        {u"stays"_s, 0}, {u"transport"_s, 1}, {u"budget"_s, 4}, {u"final_review"_s, 5}, {u"review"_s, 5}};
    const auto it = otherNames.constFind(stage);
    if (it != otherNames.constEnd())
        m_tabs->setCurrentIndex(*it);
}

bool PlanEditor::showItem(const QString& itemId) {
    PlanSection* owner = nullptr;
    if (m_plan.stay(itemId))
        owner = m_stays;
    else if (m_plan.leg(itemId))
        owner = m_legs;
    else if (m_plan.activity(itemId))
        owner = m_activities;
    else if (std::any_of(m_plan.budget.other.cbegin(), m_plan.budget.other.cend(),
                         [&](const plan::OtherCost& c) { return c.id == itemId; }))
        owner = m_budget;
    if (!owner)
        return false;
    m_tabs->setCurrentWidget(owner);
    owner->selectItem(itemId);
    owner->setFocus();
    return true;
}

PlanSection* PlanEditor::unsavedSection() const {
    for (PlanSection* s : m_sections)
        if (s->hasUnsavedForm())
            return s;
    return nullptr;
}

bool PlanEditor::settleForms() {
    while (PlanSection* section = unsavedSection()) {
        m_tabs->setCurrentWidget(section);
        if (!section->settleForm())
            return false;
    }
    return true;
}

void PlanEditor::setBusy(bool saving) {
    m_busy = saving;
    if (saving) {
        if (m_busyLabel->isHidden() && !m_busyNotice->isActive())
            m_busyNotice->start();
    } else {
        m_busyNotice->stop();
        m_busyLabel->hide();
    }
    for (PlanSection* s : std::as_const(m_sections))
        s->setBusy(saving);
}

void PlanEditor::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace tp::ui
