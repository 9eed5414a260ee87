// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace tp::ui {

class FieldErrorLabel;
class LegEndFields;

// Transport (the flights stage, and trains, buses, ferries, cars): a table of
// the legs and a form. Departure and arrival are local times in each end's
// zone; the duration is computed across zones by plan/LegTiming.
class LegsEditor : public PlanSection {
    Q_OBJECT
public:
    explicit LegsEditor(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool busy) override;
    bool selectItem(const QString& id) override;
    bool hasUnsavedForm() const override { return m_dirty; }
    QString unsavedFormName() const override;
    bool applyForm() override;
    void discardForm() override;

    plan::Leg formLeg(QList<FieldError>* errors = nullptr) const;
    bool isDirty() const { return m_dirty; }

private:
    void fillTable();
    void loadForm(const plan::Leg& leg);
    void newLeg();
    void edited();
    void validate();
    void save();
    void remove();
    void rowChanged();

    plan::Plan m_plan;
    PlanContext m_context;
    plan::Leg m_base;
    bool m_isNew = true;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_loading = false;

    QTableWidget* m_table;
    QComboBox* m_mode;
    LegEndFields* m_from;
    LegEndFields* m_to;
    QLabel* m_duration;
    QLineEdit* m_carrier;
    QLineEdit* m_number;
    QLineEdit* m_bookingRef;
    QLineEdit* m_cost;
    QLineEdit* m_currency;
    QComboBox* m_status;
    QPlainTextEdit* m_notes;
    FieldErrorLabel* m_errors;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
};

} // namespace tp::ui
