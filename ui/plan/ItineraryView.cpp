// SPDX-License-Identifier: GPL-3.0-or-later
#include "ItineraryView.h"

#include "ItineraryText.h"
#include "style/ErrorText.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

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
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT itemActivated(id);
    });
}

void ItineraryView::setPlan(const plan::Plan& plan, const PlanContext& context) {
    const QList<plan::ItineraryDay> days =
        plan::buildItinerary(plan, context.trip.startDate, context.trip.endDate);
    // Keep the day the user was on.
    QDate current;
    if (QTreeWidgetItem* item = m_tree->currentItem()) {
        QTreeWidgetItem* top = item->parent() ? item->parent() : item;
        current = top->data(0, Qt::UserRole + 1).toDate();
    }
    m_tree->clear();
    const QColor problemColour = errorTextColour(palette().color(QPalette::Base));
    int problems = 0;
    QTreeWidgetItem* keep = nullptr;
    for (const plan::ItineraryDay& day : days) {
        auto* top = new QTreeWidgetItem(m_tree, {itinerarytext::dayHeading(day, plan)});
        top->setData(0, Qt::UserRole + 1, day.date);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const plan::ItineraryEntry& e : day.entries) {
            auto* child = new QTreeWidgetItem(top, {itinerarytext::entryLine(e)});
            child->setData(0, Qt::UserRole, e.itemId);
        }
        for (const plan::DayProblem& p : day.problems) {
            auto* child = new QTreeWidgetItem(top, {tr("Problem: %1").arg(p.message)});
            child->setForeground(0, problemColour);
            child->setData(0, Qt::UserRole, p.itemIds.value(0));
            child->setData(0, Qt::UserRole + 2, plan::problemKindName(p.kind));
            ++problems;
        }
        if (day.date == current)
            keep = top;
    }
    m_tree->expandAll();
    if (keep)
        m_tree->setCurrentItem(keep);
    if (days.isEmpty())
        m_summary->setText(tr("The trip has no dates and the plan has no dated items yet."));
    else
        m_summary->setText(tr("%n day(s)", nullptr, int(days.size())) + u" · "_s +
                           tr("%n problem(s)", nullptr, problems));
    setErrorText(m_summary, problems > 0);
}

} // namespace tp::ui
