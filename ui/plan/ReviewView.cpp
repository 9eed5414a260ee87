// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewView.h"

#include "plan/Budget.h"
#include "plan/Review.h"
#include "style/ErrorText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

ReviewView::ReviewView(QWidget* parent)
    : PlanSection(parent) {
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"reviewSummary"_s);
    m_summary->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"reviewChecklist"_s);
    m_list->setAccessibleName(tr("What is missing"));
    m_list->setWordWrap(true);
    m_calendar = new QPushButton(tr("Export to &calendar…"), this);
    m_calendar->setObjectName(u"reviewExportCalendar"_s);
    m_pdf = new QPushButton(tr("Export P&DF…"), this);
    m_pdf->setObjectName(u"reviewExportPdf"_s);
    m_import = new QPushButton(tr("&Import…"), this);
    m_import->setObjectName(u"reviewImport"_s);
    m_import->setToolTip(
        tr("Reads booking confirmations (.ics) and places (GPX, KML, GeoJSON) into the plan"));
    m_complete = new QPushButton(tr("C&omplete planning"), this);
    m_complete->setObjectName(u"reviewComplete"_s);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_import);
    buttons->addStretch();
    buttons->addWidget(m_calendar);
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_complete);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_calendar, &QPushButton::clicked, this, &ReviewView::exportCalendarRequested);
    connect(m_pdf, &QPushButton::clicked, this, &ReviewView::exportPdfRequested);
    connect(m_import, &QPushButton::clicked, this, &ReviewView::importRequested);
    connect(m_complete, &QPushButton::clicked, this, &ReviewView::completeRequested);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (!id.isEmpty())
            Q_EMIT itemActivated(id);
    });
}

void ReviewView::setPlan(const plan::Plan& plan, const PlanContext& context) {
    const plan::BudgetReport budget = plan::computeBudget(plan, context.trip, context.destination);
    const QList<plan::ReviewItem> items = plan::reviewPlan(plan, context.trip, budget);
    const int row = m_list->currentRow();
    m_list->clear();
    for (const plan::ReviewItem& r : items) {
        auto* item = new QListWidgetItem(r.message, m_list);
        item->setData(Qt::UserRole, r.itemId);
        item->setData(Qt::UserRole + 1, plan::reviewKindName(r.kind));
    }
    if (row >= 0 && m_list->count() > 0)
        m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    if (items.isEmpty())
        m_summary->setText(plan.everythingBooked() ? tr("Nothing is missing: everything is booked.")
                                                   : tr("Nothing is missing."));
    else
        m_summary->setText(
            tr("%n things to look at before the trip (Enter on one shows it):", nullptr, int(items.size())));
    setErrorText(m_summary, !items.isEmpty());
}

void ReviewView::setBusy(bool busy) {
    m_import->setEnabled(!busy);
    m_complete->setEnabled(!busy);
}

} // namespace tp::ui
