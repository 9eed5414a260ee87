// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"

#include <QByteArray>

// Booking confirmations (airlines, hotels, venues) read from an .ics file into
// plan items. Nothing is applied here: the caller shows what was recognised
// and the user confirms before the items are added to the plan.
namespace tp::plan {

struct ImportedItem {
    enum class Kind { Stay, Leg, Activity };
    Kind kind = Kind::Activity;
    Stay stay;
    Leg leg;
    Activity activity;
    QString summary;   // the event's SUMMARY
    QString reason;    // why it was read as this kind ("flight number LH 1234", "all-day, 3 nights")
    QStringList notes; // what was assumed or could not be read
};

struct IcsImportResult {
    QList<ImportedItem> items;
    QStringList skipped; // events that could not become items, in sentences
};

// Throws Error::validation (field "file") when the data is not iCalendar.
IcsImportResult importIcs(const QByteArray& data);
QString importedKindName(ImportedItem::Kind kind); // "stay", "leg", "activity"
// Adds the items to `plan` (fresh ids where the file's would clash).
void applyImport(Plan& plan, const QList<ImportedItem>& items);

} // namespace tp::plan
