// SPDX-License-Identifier: GPL-3.0-or-later
// Include guard rather than #pragma once: moc output reaches these headers by
// more than one path, which defeats #pragma once under clang.
#ifndef TP_TESTS_AI_CONVERSATIONDUMP_H
#define TP_TESTS_AI_CONVERSATIONDUMP_H

#include "db/Database.h"

// Every row a turn may touch, as text: two dumps are equal when a failed turn
// wrote nothing.
namespace tp::test {
QString dumpConversationTables(Database& db);
}

#endif // TP_TESTS_AI_CONVERSATIONDUMP_H
