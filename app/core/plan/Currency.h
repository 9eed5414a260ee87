// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tp::plan {

// True for an ISO 4217 alphabetic code (upper case, as listed by Debian's
// iso-codes 4.15, /usr/share/iso-codes/json/iso_4217.json).
bool isIsoCurrency(const QString& code);

} // namespace tp::plan
