// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"

class QLabel;
class QTreeWidget;

namespace tp::ui {

// The itinerary (read-only): the trip from its first to its last day, each
// day's legs, check-outs, check-ins and activities in time order
// (plan/Itinerary), and the day's problems flagged under it. Activating an
// entry asks to show its item in its editor.
class ItineraryView : public PlanSection {
    Q_OBJECT
public:
    explicit ItineraryView(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool) override {}
    QTreeWidget* tree() const { return m_tree; }

Q_SIGNALS:
    void itemActivated(const QString& itemId);

private:
    QLabel* m_summary;
    QTreeWidget* m_tree;
};

} // namespace tp::ui
