// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"
#include "plan/Itinerary.h"

class QLabel;
class QSplitter;
class QTreeWidget;

namespace tp::ui {

class MapWidget;

// The itinerary (read-only): the trip from its first to its last day, each
// day's legs, check-outs, check-ins and activities in time order
// (plan/Itinerary), and the day's problems flagged under it; beside it (below
// it when the tab is narrow), the day the list is on, on a map: its places
// numbered in the day's order, its legs and the way between them
// (plan::dayMap). Activating an entry, or a place on the map, asks to show
// its item in its editor.
class ItineraryView : public PlanSection {
    Q_OBJECT
public:
    explicit ItineraryView(QWidget* parent = nullptr);
    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool) override {}
    QTreeWidget* tree() const { return m_tree; }
    MapWidget* dayMap() const { return m_map; }
    // The day the map shows; null when there is none.
    QDate shownDay() const { return m_shownDay; }
    // Shows this day in the list and on the map; false when the itinerary has no such day.
    bool showDay(const QDate& day);

Q_SIGNALS:
    void itemActivated(const QString& itemId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showCurrentDay();

    plan::Plan m_plan;
    QList<plan::ItineraryDay> m_days;
    QDate m_shownDay;
    QLabel* m_summary;
    QSplitter* m_splitter;
    QTreeWidget* m_tree;
    QLabel* m_mapCaption;
    MapWidget* m_map;
};

} // namespace tp::ui
