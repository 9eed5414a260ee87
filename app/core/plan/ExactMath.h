// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"

// Exact arithmetic on tp::Decimal for the plan's money: sums, products with a
// rate or a count, and one rounding step. Intermediate values are 128-bit; a
// result that does not fit the 64-bit Decimal throws Error::Validation.
namespace tp::plan::exact {

Decimal add(const Decimal& a, const Decimal& b);      // scale: the larger of the two
Decimal subtract(const Decimal& a, const Decimal& b); // scale: the larger of the two
Decimal multiply(const Decimal& a, const Decimal& b); // scale: a.scale + b.scale
Decimal multiply(const Decimal& a, qint64 n);         // scale: a.scale
// Rounds to `scale` decimals, halves away from zero (as people round money).
Decimal round(const Decimal& a, int scale);
Decimal rescale(const Decimal& a, int scale); // to a larger scale, exact
Decimal zero(int scale);

} // namespace tp::plan::exact
