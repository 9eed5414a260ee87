// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace tp::ui {

// The final review: the checklist of what is still missing (plan/Review) and
// the way out: export to a calendar or a PDF, import, complete planning.
// Activating a checklist entry asks to show its item in its editor.
class ReviewView : public PlanSection {
    Q_OBJECT
public:
    explicit ReviewView(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool busy) override;
    QListWidget* checklist() const { return m_list; }

Q_SIGNALS:
    void itemActivated(const QString& itemId);
    void exportCalendarRequested();
    void exportPdfRequested();
    void importRequested();
    void completeRequested();

private:
    QLabel* m_summary;
    QListWidget* m_list;
    QPushButton* m_calendar;
    QPushButton* m_pdf;
    QPushButton* m_import;
    QPushButton* m_complete;
};

} // namespace tp::ui
