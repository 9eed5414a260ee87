#include "PlanningPanel.h"

#include "PlanningStagesModel.h"
#include "TripSession.h"
#include "domain/Stages.h"
#include "style/ErrorText.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
void addJson(QTreeWidgetItem* parent, QTreeWidget* tree, const QString& key, const QJsonValue& v) {
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, key);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, tree, it.key(), it.value());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i)
            addJson(item, tree, QString::number(i + 1), a.at(i));
    } else if (v.isString()) {
        item->setText(1, v.toString());
    } else {
        item->setText(
            1,
            QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }
}
} // namespace

PlanningPanel::PlanningPanel(QWidget* parent)
    : QWidget(parent)
    , m_stages(new PlanningStagesModel(this)) {
    setObjectName(u"planningPanel"_s);
    auto* outer = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"planningSummary"_s);
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);
    auto* row = new QHBoxLayout;
    m_view = new QListView(this);
    m_view->setObjectName(u"planningStages"_s);
    m_view->setAccessibleName(tr("Planning stages"));
    m_view->setModel(m_stages);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setMinimumWidth(300);
    m_view->setMaximumWidth(380);
    row->addWidget(m_view);
    m_data = new QTreeWidget(this);
    m_data->setObjectName(u"sessionData"_s);
    m_data->setAccessibleName(tr("Session data"));
    m_data->setHeaderLabels({tr("Item"), tr("Value")});
    m_data->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    row->addWidget(m_data, 1);
    outer->addLayout(row, 1);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("S&tart planning"), this);
    m_start->setObjectName(u"startPlanning"_s);
    m_back = new QPushButton(tr("◀ &Back"), this);
    m_back->setObjectName(u"backStage"_s);
    m_back->setAccessibleName(tr("Back one stage"));
    m_advance = new QPushButton(tr("&Advance ▶"), this);
    m_advance->setObjectName(u"advanceStage"_s);
    m_advance->setAccessibleName(tr("Advance to the next stage"));
    buttons->addWidget(m_start);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_advance);
    outer->addLayout(buttons);
    m_error = new QLabel(this);
    m_error->setObjectName(u"planningError"_s);
    m_error->setTextFormat(Qt::PlainText);
    setErrorText(m_error);
    m_error->setWordWrap(true);
    outer->addWidget(m_error);

    connect(m_start, &QPushButton::clicked, this, [this] { run(&app::TripSession::startPlanning); });
    connect(m_advance, &QPushButton::clicked, this, [this] { run(&app::TripSession::advanceStage); });
    connect(m_back, &QPushButton::clicked, this, [this] { run(&app::TripSession::backStage); });
    clear();
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
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_error->clear();
    if (!session) {
        clear();
        return;
    }
    m_tripId = session->tripId();
    connect(session, &app::TripSession::loaded, this,
            [this](const TripDetails& d) { showSession(d.activePlanningSession); });
    connect(session, &app::TripSession::planningChanged, this, &PlanningPanel::showSession);
    connect(session, &app::TripSession::planningFailed, this,
            [this](const QString& message) { m_error->setText(message); });
    showSession(session->isLoaded() ? session->details().activePlanningSession : std::nullopt);
}

void PlanningPanel::clear() {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = nullptr;
    m_tripId = 0;
    showSession(std::nullopt);
    m_summary->setText(tr("Select a trip to see its planning session."));
    m_start->setEnabled(false);
}

void PlanningPanel::showSession(const std::optional<PlanningSession>& session) {
    m_stages->setSession(session);
    m_data->clear();
    const bool active = session && session->currentStage != u"completed";
    const bool finished = session && session->currentStage == u"completed";
    m_start->setEnabled(m_tripId != 0 && !active);
    // After a completed session, starting again is a new session, and says so.
    m_start->setText(finished ? tr("S&tart a new session") : tr("S&tart planning"));
    m_advance->setEnabled(active);
    m_back->setEnabled(active && session->currentStage != u"destination");
    if (!session) {
        m_summary->setText(m_tripId ? tr("No active planning session. Start one to work through the stages.")
                                    : QString());
        return;
    }
    const QString stage = QCoreApplication::translate(
        "Stages",
        planning_stage::all[qMax(0, choiceIndex(planning_stage::all, session->currentStage))].label);
    // The working stages are those listed before "Planning Completed", which is where they lead.
    const int working = int(std::size(planning_stage::all)) - 1;
    const QString started = QLocale().toString(session->startedAt.toLocalTime(), QLocale::ShortFormat);
    if (finished)
        m_summary->setText(
            tr("Planning completed: all %1 stages done · started %2").arg(working).arg(started));
    else
        m_summary->setText(tr("Stage %1 of %2: %3 · %4 of %2 stages completed · started %5")
                               .arg(choiceIndex(planning_stage::all, session->currentStage) + 1)
                               .arg(working)
                               .arg(stage)
                               .arg(session->stagesCompleted.size())
                               .arg(started));
    for (auto it = session->sessionData.begin(); it != session->sessionData.end(); ++it)
        addJson(nullptr, m_data, it.key(), it.value());
    m_data->expandAll();
    if (session->sessionData.isEmpty())
        new QTreeWidgetItem(m_data, {tr("(no session data yet)")});
}

} // namespace tp::ui
