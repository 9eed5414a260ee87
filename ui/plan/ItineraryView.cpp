// SPDX-License-Identifier: GPL-3.0-or-later
#include "ItineraryView.h"

#include "draw/ItineraryText.h"
#include "map/MapWidget.h"
#include "plan/PlanMap.h"
#include "style/ErrorText.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
constexpr int DayRole = Qt::UserRole + 1;
// Narrower than this, the map goes below the list (each keeps a usable width).
constexpr int SideBySideWidth = 760;
} // namespace

ItineraryView::ItineraryView(QWidget* parent)
    : PlanSection(parent) {
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"itinerarySummary"_s);
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"itineraryTree"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setAccessibleName(tr("Itinerary"));
    m_tree->setUniformRowHeights(true);
    // A 30-day trip always scrolls: a bar that appears after the first paint
    // narrows the view and paints it all a second time (bench_plan_gui, step 1b).
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);

    auto* mapPane = new QWidget(this);
    m_mapCaption = new QLabel(mapPane);
    m_mapCaption->setObjectName(u"itineraryMapCaption"_s);
    m_mapCaption->setWordWrap(true);
    m_map = new MapWidget(mapPane);
    m_map->setObjectName(u"itineraryMap"_s);
    m_map->setAccessibleName(tr("Map of the day"));
    m_map->showTrip(0, {}); // fits the day's places as they change
    auto* mapLayout = new QVBoxLayout(mapPane);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addWidget(m_mapCaption);
    mapLayout->addWidget(m_map, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"itinerarySplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(mapPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_splitter, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT itemActivated(id);
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ItineraryView::showCurrentDay);
    connect(m_map, &MapWidget::planItemActivated, this, &ItineraryView::itemActivated);
}

void ItineraryView::resizeEvent(QResizeEvent* event) {
    // Side by side where both fit; stacked in a narrow window (1024 px wide
    // with the trips list beside the tab leaves about 600).
    const Qt::Orientation wanted = event->size().width() >= SideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != wanted)
        m_splitter->setOrientation(wanted);
    PlanSection::resizeEvent(event);
}

void ItineraryView::setPlan(const plan::Plan& plan, const PlanContext& context) {
    m_plan = plan;
    m_days = plan::buildItinerary(plan, context.trip.startDate, context.trip.endDate);
    // Keep the day the user was on.
    const QDate current = m_shownDay;
    const QSignalBlocker quiet(m_tree);
    m_tree->clear();
    const QColor problemColour = errorTextColour(palette().color(QPalette::Base));
    int problems = 0;
    QTreeWidgetItem* keep = nullptr;
    for (const plan::ItineraryDay& day : std::as_const(m_days)) {
        auto* top = new QTreeWidgetItem(m_tree, {itinerarytext::dayHeading(day, plan)});
        top->setData(0, DayRole, day.date);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const plan::ItineraryEntry& e : day.entries) {
            auto* child = new QTreeWidgetItem(top, {itinerarytext::entryLine(e)});
            child->setData(0, Qt::UserRole, e.itemId);
            child->setData(0, DayRole, day.date);
        }
        for (const plan::DayProblem& p : day.problems) {
            auto* child = new QTreeWidgetItem(top, {tr("Problem: %1").arg(p.message)});
            child->setForeground(0, problemColour);
            child->setData(0, Qt::UserRole, p.itemIds.value(0));
            child->setData(0, Qt::UserRole + 2, plan::problemKindName(p.kind));
            child->setData(0, DayRole, day.date);
            ++problems;
        }
        if (day.date == current)
            keep = top;
    }
    m_tree->expandAll();
    // The day the user was on, else the first: the map always shows a day.
    if (!keep)
        keep = m_tree->topLevelItem(0);
    if (keep)
        m_tree->setCurrentItem(keep);
    showCurrentDay();
    if (m_days.isEmpty())
        m_summary->setText(tr("The trip has no dates and the plan has no dated items yet."));
    else
        m_summary->setText(tr("%n days", nullptr, int(m_days.size())) + u" · "_s +
                           tr("%n problems", nullptr, problems));
    setErrorText(m_summary, problems > 0);
}

bool ItineraryView::showDay(const QDate& day) {
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_tree->topLevelItem(i);
        if (top->data(0, DayRole).toDate() == day) {
            m_tree->setCurrentItem(top);
            m_tree->scrollToItem(top, QAbstractItemView::PositionAtTop);
            return true;
        }
    }
    return false;
}

void ItineraryView::showCurrentDay() {
    const QTreeWidgetItem* item = m_tree->currentItem();
    const QDate date = item ? item->data(0, DayRole).toDate() : QDate();
    const auto day = std::find_if(m_days.cbegin(), m_days.cend(),
                                  [&date](const plan::ItineraryDay& d) { return d.date == date; });
    if (day == m_days.cend()) {
        m_shownDay = {};
        m_map->setPlan({});
        m_mapCaption->setText(tr("The map shows the day chosen in the list."));
        return;
    }
    const bool anotherDay = date != m_shownDay;
    m_shownDay = date;
    const plan::PlanMap places = plan::dayMap(*day, m_plan);
    m_map->setPlan(places);
    if (anotherDay)
        m_map->fitView(); // its places, wherever the user had panned the day before
    const QString when = QLocale().toString(date, QLocale::LongFormat);
    if (places.isEmpty())
        m_mapCaption->setText(
            tr("%1: no place of this day has coordinates yet (Find place in its editor).").arg(when));
    else
        m_mapCaption->setText(
            tr("%1: %n places, numbered in the day's order.", nullptr, int(places.places.size())).arg(when));
}

} // namespace tp::ui
