// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"
#include "plan/Budget.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace tp::ui {

class FieldErrorLabel;

// The budget: what the plan costs by category in the home currency against
// the trip's budget (plan/Budget, exact decimals), the exchange rates the user
// entered (with the date each was read) and the costs outside stays, legs and
// activities. Over budget is shown as soon as the plan changes.
class BudgetEditor : public PlanSection {
    Q_OBJECT
public:
    explicit BudgetEditor(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool busy) override;
    const plan::BudgetReport& report() const { return m_report; }

private:
    void showReport();
    void applyHomeCurrency();
    void validateRate();
    void addRate();
    void removeRate();
    void validateCost();
    void addCost();
    void removeCost();
    std::optional<plan::ExchangeRate> formRate(QList<FieldError>& errors) const;
    std::optional<plan::OtherCost> formCost(QList<FieldError>& errors) const;
    void request(const plan::BudgetSettings& settings, const QString& description);

    plan::Plan m_plan;
    PlanContext m_context;
    plan::BudgetReport m_report;
    bool m_busy = false;

    QLineEdit* m_home;
    FieldErrorLabel* m_homeErrors;
    QTableWidget* m_totals;
    QLabel* m_status;
    QLabel* m_problems;
    QTableWidget* m_lines;
    QTableWidget* m_rates;
    QLineEdit* m_rateCurrency;
    QLineEdit* m_rate;
    QLineEdit* m_rateDate;
    FieldErrorLabel* m_rateErrors;
    QPushButton* m_addRate;
    QPushButton* m_removeRate;
    QTableWidget* m_other;
    QLineEdit* m_costLabel;
    QLineEdit* m_costAmount;
    QLineEdit* m_costCurrency;
    FieldErrorLabel* m_costErrors;
    QPushButton* m_addCost;
    QPushButton* m_removeCost;
};

} // namespace tp::ui
