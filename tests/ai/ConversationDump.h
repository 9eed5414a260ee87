// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"

// Every row a turn may touch, as text: two dumps are equal when a failed turn
// wrote nothing.
namespace tp::test {
QString dumpConversationTables(Database& db);
}
