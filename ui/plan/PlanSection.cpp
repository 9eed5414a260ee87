// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanSection.h"

#include "main/Confirm.h"

namespace tp::ui {

bool PlanSection::settleForm() {
    if (!hasUnsavedForm())
        return true;
    const auto choice =
        Confirm::askToSave(this, tr("Unsaved changes"),
                           tr("%1 has changes that are not saved. Save them?").arg(unsavedFormName()), true,
                           tr("&Discard changes"));
    switch (choice) {
    case Confirm::SaveChoice::Save:
        return applyForm();
    case Confirm::SaveChoice::Discard:
        discardForm();
        return true;
    case Confirm::SaveChoice::Cancel:
        break;
    }
    return false;
}

} // namespace tp::ui
