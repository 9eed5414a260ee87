// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"

#include <QString>

namespace tp::geo {

// Whether a coordinate plausibly lies in the country it is said to be in, using
// the bundled Natural Earth 1:110m countries and land. Meant for coordinates a
// model returned: a flagged result is shown to the user, not silently stored.
struct CoordinateCheck {
    enum class Status {
        Ok,                // inside the country, or within the tolerance of it
        UnknownCountry,    // the country is not known: only the sea test was made, and passed
        InvalidCoordinate, // latitude outside [-90, 90] or longitude outside [-180, 180]
        InSea,             // farther than the tolerance from any land
        InOtherCountry,    // inside another country, farther than the tolerance from this one
        OutsideCountry,    // on land in no known country, far from this one
    };
    Status status = Status::Ok;
    QString expectedCountry; // ISO alpha-2 of the named country (empty when unknown)
    QString foundCountry;    // ISO alpha-2 of the country holding the point (empty: none)
    double distanceKm = 0;   // from the named country (0 inside); capped at 500

    bool flagged() const { return status != Status::Ok && status != Status::UnknownCountry; }
    // One sentence for the user ("The point lies in Germany, 480 km from France.").
    QString message() const;
};

inline constexpr double DefaultToleranceKm = 40; // 1:110m outlines are about 10 km coarse

CoordinateCheck checkCoordinate(double lat, double lon, const QString& country,
                                double toleranceKm = DefaultToleranceKm);
CoordinateCheck checkCoordinate(const Decimal& lat, const Decimal& lon, const QString& country,
                                double toleranceKm = DefaultToleranceKm);

} // namespace tp::geo
