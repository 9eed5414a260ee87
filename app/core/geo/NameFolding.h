// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tp::geo {

// The key under which place and country names are compared: case-folded, accents
// and other marks removed ("Zürich" = "zurich", "Kraków" = "krakow", "São Paulo" =
// "sao paulo"), letters without a decomposition spelled out (ß → ss, ø → o, ł → l,
// æ → ae, ...), punctuation and dashes as spaces, "St."/"Ste." as "saint"/"sainte",
// runs of spaces collapsed.
QString foldName(QStringView name);

} // namespace tp::geo
