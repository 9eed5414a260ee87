// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"

namespace tp::geo {

struct FillReport {
    int destinations = 0; // every destination in the catalogue
    int missing = 0;      // destinations that had no coordinates
    int placed = 0;       // of those, placed now
};

// Places every destination without coordinates with the offline gazetteer, in
// one transaction, recording where each position came from. A country's centre
// is used only for a destination that is the country itself ("Maldives"); a
// name the gazetteer does not know is left alone. Shared by the catalogue's
// "Fill missing coordinates" and `tripplanner-cli destinations locate`.
FillReport fillMissingCoordinates(Database& db);

} // namespace tp::geo
