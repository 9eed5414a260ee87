// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "draw/PlanContext.h"
#include "plan/PlanTypes.h"

#include <QString>
#include <optional>

class QWidget;

// The Planning tab's files: the plan exported as an iCalendar file or a
// printable PDF, and a calendar (.ics) or places file (.gpx, .kml, .geojson)
// imported after the person has seen what was recognised. Each asks for the
// file itself and says how it went; none touches the database.
namespace tp::ui::plan_files {

// A sentence for the status line: what was written, or why not (`problem`,
// shown in the error colour). Empty text: cancelled.
struct FileNote {
    QString text;
    bool problem = false;
};
FileNote exportCalendar(QWidget* parent, const plan::Plan& plan, const PlanContext& context);
// The printable itinerary in two halves: the file, asked for on the GUI thread
// (empty: cancelled), then the pages written, on any thread (200 ms at 500
// items, so the window does it on a thread of its own), and the sentence.
QString choosePdfPath(QWidget* parent, const PlanContext& context);
FileNote writePdf(const QString& path, const plan::Plan& plan, const PlanContext& context);

struct Imported {
    plan::Plan plan;     // the plan with the confirmed items added
    QString description; // the undo step's name
};
// The plan with the file's items, once confirmed; nullopt when cancelled or
// unreadable (the reason shown to the person).
std::optional<Imported> importFile(QWidget* parent, const plan::Plan& plan);

} // namespace tp::ui::plan_files
