// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace tp::geo {
class GeocodingService;
}

namespace tp::ui {

class FieldErrorLabel;
class PlaceField;

// Stays (the accommodation stage): a table of the plan's stays and a form for
// the selected or new one. Nights without a stay and overlapping stays
// (plan/Coverage) are listed above the table.
class StaysEditor : public PlanSection {
    Q_OBJECT
public:
    explicit StaysEditor(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool busy) override;
    bool selectItem(const QString& id) override;
    bool hasUnsavedForm() const override { return m_dirty; }
    QString unsavedFormName() const override;
    bool applyForm() override;
    void discardForm() override;

    // The stay as the form holds it, and the problems of the form (empty when it can be saved).
    plan::Stay formStay(QList<FieldError>* errors = nullptr) const;
    bool isDirty() const { return m_dirty; }
    // A new stay filled in but not saved (a planner's proposal to edit before
    // it enters the plan): Save stay adds it, as if typed.
    // False when the form holds changes the user chose to keep (Cancel).
    bool editDraft(const plan::Stay& draft);
    // Online place search for Find place; null turns it off.
    void setGeocoder(geo::GeocodingService* geocoder);
    PlaceField* placeField() const { return m_place; }

private:
    void fillTable();
    void loadForm(const plan::Stay& stay);
    void newStay();
    void edited();
    void validate();
    void save();
    void remove();
    void rowChanged();

    plan::Plan m_plan;
    PlanContext m_context;
    plan::Stay m_base; // the stay being edited, as saved (keeps id and raw)
    bool m_isNew = true;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_loading = false;

    QLabel* m_coverage;
    QTableWidget* m_table;
    QLineEdit* m_name;
    PlaceField* m_place;
    QLineEdit* m_checkIn;
    QLineEdit* m_checkOut;
    QLineEdit* m_price;
    QLineEdit* m_currency;
    QCheckBox* m_perNight;
    QLineEdit* m_bookingRef;
    QLineEdit* m_link;
    QComboBox* m_status;
    QPlainTextEdit* m_notes;
    FieldErrorLabel* m_errors;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
};

} // namespace tp::ui
