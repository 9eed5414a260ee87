// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanContext.h"
#include "plan/PlanTypes.h"

class QIODevice;

namespace tp::ui {

struct PlanPdfResult {
    bool ok = false;
    int pages = 0;
    QString error; // why not, when !ok
};

// The printable itinerary: A4, a page per day of plan/Itinerary (a day with
// more entries than a page holds continues on the next), each with the day's
// places on the offline basemap, its entries in time order, its problems and
// the night's stay. Needs QtGui (QPdfWriter), not a window; safe off the GUI
// thread as long as the caller's thread owns `out`.
PlanPdfResult writePlanPdf(QIODevice& out, const plan::Plan& plan, const PlanContext& context);
PlanPdfResult writePlanPdf(const QString& path, const plan::Plan& plan, const PlanContext& context);

} // namespace tp::ui
