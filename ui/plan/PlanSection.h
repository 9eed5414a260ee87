// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Error.h"
#include "draw/PlanContext.h"
#include "plan/PlanTypes.h"

#include <QWidget>

namespace tp::ui {

// One stage's editor inside the PlanEditor. A section shows the plan it was
// given and asks for changes as whole new plans; it never saves anything.
class PlanSection : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The saved plan and the trip; a section keeps its selection and any form
    // the user has not applied yet.
    virtual void setPlan(const plan::Plan& plan, const PlanContext& context) = 0;
    // While a save is in flight: the buttons that would ask for another change are disabled.
    virtual void setBusy(bool busy) = 0;
    // Selects the item with this id when the section shows it; false otherwise.
    virtual bool selectItem(const QString& id) {
        Q_UNUSED(id);
        return false;
    }

    // A form with changes that are not saved into the plan yet. The window asks
    // about it before another trip opens or the window closes, and the section
    // itself before another item replaces the form.
    virtual bool hasUnsavedForm() const { return false; }
    // What the form edits, for that question ("The stay “Hotel Roma”").
    virtual QString unsavedFormName() const { return {}; }
    // Saves the form into the plan (changeRequested); false, with the form's
    // problems shown, when it cannot be saved as it is (or a save is in flight).
    virtual bool applyForm() { return true; }
    // Drops the form's changes: it shows its item as saved, or a new empty form.
    virtual void discardForm() {}
    // Asks Save, Discard or Cancel about an unsaved form; true when the form may
    // be replaced (nothing unsaved, saved, or discarded).
    bool settleForm();

Q_SIGNALS:
    void changeRequested(const tp::plan::Plan& newPlan, const QString& description);
};

} // namespace tp::ui
