// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanningPanel.h"

#include "PlanningStagesModel.h"
#include "TripSession.h"
#include "domain/Stages.h"
#include "plan/PlanCodec.h"
#include "plan/PlanEditor.h"
#include "plan/PlanFiles.h"
#include "plan/ProposalsDialog.h"
#include "style/ErrorText.h"

#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

PlanningPanel::PlanningPanel(QWidget* parent)
    : QWidget(parent)
    , m_stages(new PlanningStagesModel(this)) {
    setObjectName(u"planningPanel"_s);
    auto* outer = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"planningSummary"_s);
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);
    // The stages as a strip across the top that wraps when narrow, and the
    // plan's editors below with the whole width of the tab: they need it more
    // than the stages do.
    m_view = new QListView(this);
    m_view->setObjectName(u"planningStages"_s);
    m_view->setAccessibleName(tr("Planning stages"));
    m_view->setModel(m_stages);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSpacing(2);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->viewport()->setAutoFillBackground(false);
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    outer->addWidget(m_view);
    connect(m_stages, &QAbstractItemModel::modelReset, this, &PlanningPanel::fitStages);
    connect(m_stages, &QAbstractItemModel::dataChanged, this, &PlanningPanel::fitStages);

    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start planning"), this);
    m_start->setObjectName(u"startPlanning"_s);
    m_back = new QPushButton(tr("◀ Back"), this);
    m_back->setObjectName(u"backStage"_s);
    m_back->setAccessibleName(tr("Back one stage"));
    m_advance = new QPushButton(tr("Advance ▶"), this);
    m_advance->setObjectName(u"advanceStage"_s);
    m_advance->setAccessibleName(tr("Advance to the next stage"));
    // The plan's editors claim the letters for their fields: the stages move
    // with Alt+Left and Alt+Right anywhere in the tab instead of mnemonics.
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_advance->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_back->setToolTip(tr("Back one stage (Alt+Left)"));
    m_advance->setToolTip(tr("Advance to the next stage (Alt+Right)"));
    buttons->addWidget(m_start);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_advance);
    outer->addLayout(buttons);
    m_error = new QLabel(this);
    m_error->setObjectName(u"planningError"_s);
    m_error->setTextFormat(Qt::PlainText);
    setErrorText(m_error);
    m_error->setWordWrap(true);
    outer->addWidget(m_error);

    // The plan itself: stays, transport, activities, the days, the budget and
    // the review, saved through the trip's session (one undo step per change).
    m_editor = new PlanEditor(this);
    m_editor->setObjectName(u"planEditor"_s);
    // The planner's help for the stage in view sits with the stages' buttons,
    // where it is seen at any width (at the tab bar's end it was cut off in a
    // narrow window).
    m_editor->tabs()->setCornerWidget(nullptr, Qt::TopRightCorner);
    buttons->insertWidget(1, m_editor->suggestButton());
    m_editor->updateSuggestButton();
    // The editors' forms never widen the window: below their width they scroll.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(u"planEditorScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_editor);
    outer->addWidget(scroll, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { run(&app::TripSession::startPlanning); });
    connect(m_advance, &QPushButton::clicked, this, [this] { run(&app::TripSession::advanceStage); });
    connect(m_back, &QPushButton::clicked, this, [this] { run(&app::TripSession::backStage); });
    connect(m_editor, &PlanEditor::changeRequested, this,
            [this](const plan::Plan& plan, const QString& what) {
                if (m_session)
                    m_session->savePlan(plan, what);
            });
    connect(m_editor, &PlanEditor::exportCalendarRequested, this, [this] {
        const plan_files::FileNote note =
            plan_files::exportCalendar(this, m_editor->plan(), m_editor->context());
        showNote(note.text, note.problem);
    });
    connect(m_editor, &PlanEditor::exportPdfRequested, this, [this] {
        const QString path = plan_files::choosePdfPath(this, m_editor->context());
        if (!path.isEmpty())
            exportPdfTo(path);
    });
    connect(m_editor, &PlanEditor::importRequested, this, [this] {
        if (!m_session || !m_session->plan())
            return;
        if (auto imported = plan_files::importFile(this, m_session->plan()->plan))
            m_session->savePlan(imported->plan, imported->description);
    });
    connect(m_editor, &PlanEditor::suggestRequested, this, &PlanningPanel::askPlanner);
    connect(m_editor, &PlanEditor::suggestCancelRequested, this, [this] {
        if (m_session)
            m_session->cancelSuggestion();
    });
    connect(m_editor, &PlanEditor::completeRequested, this, [this] {
        // Complete planning: the final review is the last working stage.
        const auto& s = m_stages->session();
        if (s && isStage(s->currentStage, PlanningStage::Finalization))
            run(&app::TripSession::advanceStage);
        else
            showNote(tr("Planning is completed from the final review: advance to it first."), true);
    });
    clear();
}

void PlanningPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitStages();
}

void PlanningPanel::fitStages() {
    // A wrapping list view has no height for its width: lay the stages out as
    // it will (left to right, wrapping at its width) and take that height.
    const int width = std::max(1, m_view->viewport()->width());
    const int gap = 2 * m_view->spacing();
    int rows = 0, x = 0, rowHeight = 0, height = 0;
    for (int i = 0; i < m_stages->rowCount(); ++i) {
        const QSize item = m_view->sizeHintForIndex(m_stages->index(i, 0)) + QSize(gap, gap);
        if (rows == 0 || (x > 0 && x + item.width() > width)) {
            height += rowHeight;
            ++rows;
            x = 0;
            rowHeight = 0;
        }
        x += item.width();
        rowHeight = std::max(rowHeight, item.height());
    }
    height += rowHeight;
    m_view->setFixedHeight(height + 2 * m_view->frameWidth() + 2);
}

void PlanningPanel::setGeocoder(geo::GeocodingService* geocoder) {
    m_editor->setGeocoder(geocoder);
}

void PlanningPanel::run(void (app::TripSession::*intent)()) {
    if (!m_session)
        return;
    m_error->clear();
    for (QPushButton* b : {m_start, m_advance, m_back})
        b->setEnabled(false); // until the session answers (planningChanged)
    (m_session->*intent)();
}

void PlanningPanel::setSession(app::TripSession* session) {
    if (m_session == session)
        return;
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session, nullptr, m_editor, nullptr);
    }
    m_session = session;
    m_editor->setSuggesting(false); // the previous trip's request is not this one's
    m_error->clear();
    if (!session) {
        clear();
        return;
    }
    m_tripId = session->tripId();
    connect(session, &app::TripSession::loaded, this, [this](const TripDetails& d) {
        m_editor->setContext({d.trip, d.destination});
        showSession(d.activePlanningSession);
    });
    connect(session, &app::TripSession::tripChanged, this, [this](const Trip& trip) {
        PlanContext context = m_editor->context();
        context.trip = trip;
        m_editor->setContext(context);
    });
    connect(session, &app::TripSession::turnApplied, this, [this] {
        if (m_session && m_session->isLoaded())
            m_editor->setContext({m_session->details().trip, m_session->details().destination});
    });
    connect(session, &app::TripSession::planChanged, this,
            [this](const PlanDocument& doc) { m_editor->setPlan(doc.plan); });
    connect(session, &app::TripSession::planSaving, m_editor, &PlanEditor::setBusy);
    connect(session, &app::TripSession::planSaveFailed, this,
            [this](const QString& message, bool) { m_editor->showError(message); });
    connect(session, &app::TripSession::planningChanged, this, &PlanningPanel::showSession);
    connect(session, &app::TripSession::planningFailed, this,
            [this](const QString& message) { showNote(message, true); });
    if (session->isLoaded())
        m_editor->setContext({session->details().trip, session->details().destination});
    m_editor->setPlan(session->plan() ? session->plan()->plan : plan::Plan{});
    showSession(session->isLoaded() ? session->details().activePlanningSession : std::nullopt);
}

void PlanningPanel::exportPdfTo(const QString& path) {
    showNote(tr("Writing the itinerary to %1…").arg(QDir::toNativeSeparators(path)));
    // Values only cross to the thread: the plan and the trip as they are now.
    m_files.start([path, plan = m_editor->plan(),
                   context = m_editor->context()] { return plan_files::writePdf(path, plan, context); },
                  [this](const plan_files::FileNote& note) {
                      showNote(note.text, note.problem);
                      Q_EMIT pdfExportFinished(note.text, note.problem);
                  });
}

void PlanningPanel::showNote(const QString& text, bool problem) {
    if (text.isEmpty())
        return;
    setErrorText(m_error, problem);
    m_error->setText(text);
}

void PlanningPanel::clear() {
    m_editor->setSuggesting(false); // a request of the trip closed is dropped with its session
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session, nullptr, m_editor, nullptr);
    }
    m_session = nullptr;
    m_editor->setContext({});
    m_editor->setPlan({});
    m_tripId = 0;
    showSession(std::nullopt);
    m_summary->setText(tr("Select a trip to see its planning session."));
    m_start->setEnabled(false);
}

void PlanningPanel::showSession(const std::optional<PlanningSession>& session) {
    m_stages->setSession(session);
    if (session)
        m_editor->showStage(session->currentStage);
    const bool finished = session && isStage(session->currentStage, PlanningStage::Completed);
    const bool active = session && !finished;
    // Nothing moves before the session has the trip's values (it knows the stage from them).
    const bool ready = m_session && m_session->isLoaded();
    m_start->setEnabled(ready && !active);
    // After a completed session, starting again is a new session, and says so.
    m_start->setText(finished ? tr("Start a new session") : tr("Start planning"));
    m_advance->setEnabled(ready && active);
    m_back->setEnabled(ready && active && !isStage(session->currentStage, PlanningStage::Destination));
    if (!session) {
        m_summary->setText(m_tripId ? tr("No active planning session. Start one to work through the stages.")
                                    : QString());
        return;
    }
    // A stage this version does not know is shown as the first one, as before.
    const PlanningStage current =
        planningStageFrom(session->currentStage).value_or(PlanningStage::Destination);
    const QString stage = QCoreApplication::translate("Stages", planning_stage::all[int(current)].label);
    // The working stages are those listed before "Planning Completed", which is where they lead.
    const int working = int(std::size(planning_stage::all)) - 1;
    const QString started = QLocale().toString(session->startedAt.toLocalTime(), QLocale::ShortFormat);
    if (finished)
        m_summary->setText(
            tr("Planning completed: all %1 stages done · started %2").arg(working).arg(started));
    else
        m_summary->setText(tr("Stage %1 of %2: %3 · %4 of %2 stages completed · started %5")
                               .arg(int(current) + 1)
                               .arg(working)
                               .arg(stage)
                               .arg(session->stagesCompleted.size())
                               .arg(started));
}

namespace {
// What proposals are made from: the plan and what they are checked against
// in the trip (dates, travellers, destination). Accepting them is refused
// when any of it changed meanwhile (another window, the CLI, the web app).
QByteArray proposalBasis(const app::TripSession& session) {
    const Trip& t = session.details().trip;
    return QJsonDocument(plan::planToJson(session.latestPlan())).toJson(QJsonDocument::Compact) +
           t.startDate.toString(Qt::ISODate).toLatin1() + '/' + t.endDate.toString(Qt::ISODate).toLatin1() +
           '/' + QByteArray::number(t.travelersCount) + '/' + QByteArray::number(t.destinationId.value_or(0));
}
} // namespace

void PlanningPanel::askPlanner(suggest::Stage stage) {
    if (!m_session || !m_session->isLoaded() || m_editor->isSuggesting())
        return; // one request at a time: the button stops the one on its way
    m_editor->setSuggesting(true);
    const QPointer<app::TripSession> asked = m_session;
    // A model's intro as it streams in, and its retries, in the note line.
    auto streamed = std::make_shared<QString>();
    showNote(tr("Asking the planner…"));
    auto deltas =
        connect(m_session, &app::TripSession::suggestionDelta, this, [this, streamed](const QString& d) {
            *streamed += d;
            showNote(tr("The planner: %1").arg(*streamed));
        });
    auto retries =
        connect(m_session, &app::TripSession::suggestionRetrying, this,
                [this](int attempt, int delayMs, const QString& reason) {
                    showNote(tr("The planner did not answer (%1); trying again in %2 s (attempt %3)…")
                                 .arg(reason)
                                 .arg((delayMs + 999) / 1000)
                                 .arg(attempt));
                });
    // What the proposals are made from: accepting them over a plan that has
    // changed since (a save from another window, the CLI) is refused.
    const QByteArray basis = proposalBasis(*m_session);
    m_session->suggest(stage, this, [this, asked, basis, deltas, retries](Result<suggest::ProposalSet> r) {
        disconnect(deltas);
        disconnect(retries);
        if (!asked || asked != m_session)
            return; // another trip is open now (setSession ended this wait; one of its own may run)
        m_editor->setSuggesting(false);
        if (!r.ok()) {
            if (r.error().kind == Error::Kind::Cancelled)
                showNote(tr("Stopped asking the planner; nothing was changed."));
            else
                showNote(tr("The planner could not make proposals: %1 Nothing was changed.")
                             .arg(r.error().message),
                         true);
            return;
        }
        setErrorText(m_error, false);
        m_error->clear(); // "Asking the planner…" is answered by the dialog
        auto* dialog = new ProposalsDialog(r.value(), m_session->details().trip.title, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, asked, basis] {
            if (asked == m_session)
                acceptProposals(dialog->proposals(), dialog->chosen(), basis);
        });
        connect(dialog, &QDialog::finished, this, [this, dialog, asked](int result) {
            if (result == ProposalsDialog::Edited && asked == m_session && dialog->editedIndex() >= 0)
                m_editor->editProposal(dialog->proposals().proposals.at(dialog->editedIndex()));
        });
        dialog->open();
        Q_EMIT proposalsShown(dialog);
    });
}

void PlanningPanel::acceptProposals(const suggest::ProposalSet& set, const QList<qsizetype>& chosen,
                                    const QByteArray& basis) {
    if (!m_session || chosen.isEmpty())
        return;
    const plan::Plan current = m_session->latestPlan();
    if (proposalBasis(*m_session) != basis) {
        showNote(tr("The plan or the trip changed while the proposals were open: nothing was added. Ask "
                    "again for proposals that fit them as they are now."),
                 true);
        return;
    }
    const QList<suggest::Proposal> accepted = suggest::proposalsAt(set, chosen);
    plan::Plan next;
    try {
        next = suggest::applyProposals(current, accepted);
    } catch (const Error& e) {
        showNote(tr("Nothing was added: %1").arg(e.message()), true);
        return;
    }
    const std::optional<Decimal> budget = suggest::tripBudgetOf(accepted);
    const int planItems = int(accepted.size()) - (budget ? 1 : 0);
    if (planItems > 0)
        m_session->savePlan(next, tr("Accept %n suggestion(s)", nullptr, planItems));
    if (budget)
        Q_EMIT tripBudgetAccepted(m_tripId, *budget);
    if (planItems > 0)
        showNote(tr("Added %n suggestion(s) to the plan; Undo (Ctrl+Z) takes them out again.", nullptr,
                    planItems));
    else
        showNote(tr("The estimate goes to the trip's budget (in its details)."));
}

} // namespace tp::ui
