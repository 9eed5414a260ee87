// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExactMath.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <limits>

using namespace Qt::StringLiterals;

namespace tp::plan::exact {

namespace {
__extension__ typedef __int128 Wide; // GCC and Clang; __extension__ keeps -Wpedantic quiet

Wide pow10(int n) {
    Wide v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

Decimal make(Wide units, int scale) {
    if (units > std::numeric_limits<qint64>::max() || units < std::numeric_limits<qint64>::min())
        throw Error::validation(
            u"amount"_s, QCoreApplication::translate("tp::PlanValidation", "is too large to compute with"));
    return Decimal::fromUnits(qint64(units), scale);
}

Wide unitsAt(const Decimal& a, int scale) {
    return Wide(a.units()) * pow10(scale - a.scale());
}
} // namespace

Decimal zero(int scale) {
    return Decimal::fromUnits(0, scale);
}

Decimal rescale(const Decimal& a, int scale) {
    if (scale <= a.scale())
        return round(a, scale);
    return make(unitsAt(a, scale), scale);
}

Decimal add(const Decimal& a, const Decimal& b) {
    const int s = std::max(a.scale(), b.scale());
    return make(unitsAt(a, s) + unitsAt(b, s), s);
}

Decimal subtract(const Decimal& a, const Decimal& b) {
    const int s = std::max(a.scale(), b.scale());
    return make(unitsAt(a, s) - unitsAt(b, s), s);
}

Decimal multiply(const Decimal& a, const Decimal& b) {
    return make(Wide(a.units()) * Wide(b.units()), a.scale() + b.scale());
}

Decimal multiply(const Decimal& a, qint64 n) {
    return make(Wide(a.units()) * Wide(n), a.scale());
}

Decimal round(const Decimal& a, int scale) {
    if (scale >= a.scale())
        return make(unitsAt(a, scale), scale);
    const Wide divisor = pow10(a.scale() - scale);
    const Wide u = a.units();
    Wide q = u / divisor;
    const Wide r = u % divisor;
    if (r * 2 >= divisor)
        ++q;
    else if (r * 2 <= -divisor)
        --q;
    return make(q, scale);
}

} // namespace tp::plan::exact
