// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanSection.h"

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

class DayDropList;
class FieldErrorLabel;
class ItemDragList;
class PlaceField;

// Activities: the unscheduled ideas, the trip's days and the scheduled
// activities, with a form for the selected or new one. An idea is scheduled by
// dragging it onto a day, or from the keyboard: select it, select the day,
// "Schedule on day" (Alt+H).
class ActivitiesEditor : public PlanSection {
    Q_OBJECT
public:
    explicit ActivitiesEditor(QWidget* parent = nullptr);

    void setPlan(const plan::Plan& plan, const PlanContext& context) override;
    void setBusy(bool busy) override;
    bool selectItem(const QString& id) override;
    bool hasUnsavedForm() const override { return m_dirty; }
    QString unsavedFormName() const override;
    bool applyForm() override;
    void discardForm() override;

    plan::Activity formActivity(QList<FieldError>* errors = nullptr) const;
    // Asks for the activity `id` to be scheduled on `day` (what a drop and the button do).
    void schedule(const QString& id, const QDate& day);
    // A new activity filled in but not saved (a planner's proposal to edit
    // before it enters the plan): Save adds it, as if typed.
    // False when the form holds changes the user chose to keep (Cancel).
    bool editDraft(const plan::Activity& draft);
    // Online place search for Find place; null turns it off.
    void setGeocoder(geo::GeocodingService* geocoder);
    PlaceField* placeField() const { return m_place; }

private:
    void fillLists();
    void loadForm(const plan::Activity& a);
    void newActivity();
    void edited();
    void validate();
    void save();
    void remove();
    void unschedule();
    void scheduleSelected();
    void emitWith(const plan::Activity& a, const QString& description);

    plan::Plan m_plan;
    PlanContext m_context;
    plan::Activity m_base;
    bool m_isNew = true;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_loading = false;

    ItemDragList* m_ideas;
    DayDropList* m_days;
    QPushButton* m_schedule;
    QTableWidget* m_table;
    QLineEdit* m_title;
    QLineEdit* m_category;
    QLineEdit* m_date;
    QLineEdit* m_start;
    QLineEdit* m_end;
    PlaceField* m_place;
    QLineEdit* m_cost;
    QLineEdit* m_currency;
    QLineEdit* m_bookingRef;
    QComboBox* m_status;
    QPlainTextEdit* m_notes;
    FieldErrorLabel* m_errors;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
    QPushButton* m_unschedule;
};

} // namespace tp::ui
