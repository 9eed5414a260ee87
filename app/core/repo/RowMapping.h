// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

// Column lists and row readers shared by the repositories, so that each table
// is read the same way everywhere. Prefixed variants read a joined row.
namespace tp::rows {

extern const QString tripColumns;        // t.* plus destination name/country (alias t, d)
extern const QString destinationColumns; // d.* (alias d)
extern const QString stateColumns;       // s.* (alias s)
extern const QString planningColumns;    // p.* (alias p)

Trip trip(const SqlRow& r);
Destination destination(const SqlRow& r, const char* prefix = "");
ConversationState state(const SqlRow& r, const char* prefix = "");
Message message(const SqlRow& r);
Recommendations recommendations(const SqlRow& r);
PlanningSession planning(const SqlRow& r);

// LIKE pattern for a substring search, with %, _ and ! escaped by '!' (use ESCAPE '!'):
// a backslash would mean different things under standard_conforming_strings on and off.
QString likePattern(const QString& text);

} // namespace tp::rows
