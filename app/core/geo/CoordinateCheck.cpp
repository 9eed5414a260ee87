// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoordinateCheck.h"

#include "WorldData.h"

#include <QCoreApplication>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {
QString nameOf(const QString& iso2) {
    const Country* c = WorldData::instance().country(iso2);
    return c ? c->name : iso2;
}
} // namespace

QString CoordinateCheck::message() const {
    const QString km = QString::number(std::lround(distanceKm));
    switch (status) {
    case Status::Ok:
        return QCoreApplication::translate("tp::geo::CoordinateCheck", "The point lies in %1.")
            .arg(nameOf(expectedCountry));
    case Status::UnknownCountry:
        return QCoreApplication::translate("tp::geo::CoordinateCheck",
                                           "The country is unknown; the point is on land.");
    case Status::InvalidCoordinate:
        return QCoreApplication::translate("tp::geo::CoordinateCheck",
                                           "The latitude or longitude is out of range.");
    case Status::InSea:
        return expectedCountry.isEmpty()
                   ? QCoreApplication::translate("tp::geo::CoordinateCheck", "The point lies in the sea.")
                   : QCoreApplication::translate("tp::geo::CoordinateCheck",
                                                 "The point lies in the sea, %1 km from %2.")
                         .arg(km, nameOf(expectedCountry));
    case Status::InOtherCountry:
        return QCoreApplication::translate("tp::geo::CoordinateCheck", "The point lies in %1, %2 km from %3.")
            .arg(nameOf(foundCountry), km, nameOf(expectedCountry));
    case Status::OutsideCountry:
        return QCoreApplication::translate("tp::geo::CoordinateCheck", "The point lies %1 km outside %2.")
            .arg(km, nameOf(expectedCountry));
    }
    return {};
}

CoordinateCheck checkCoordinate(double lat, double lon, const QString& country, double toleranceKm) {
    CoordinateCheck r;
    if (!std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90 || std::abs(lon) > 180) {
        r.status = CoordinateCheck::Status::InvalidCoordinate;
        return r;
    }
    const WorldData& world = WorldData::instance();
    const LonLat p{lon, lat};
    const Country* expected = world.country(country);
    const Country* found = world.countryAt(p);
    if (found)
        r.foundCountry = found->iso2;
    if (!expected) {
        const bool sea = !found && world.distanceToLandKm(p, toleranceKm + 1) > toleranceKm;
        r.status = sea ? CoordinateCheck::Status::InSea : CoordinateCheck::Status::UnknownCountry;
        return r;
    }
    r.expectedCountry = expected->iso2;
    if (found == expected) {
        r.status = CoordinateCheck::Status::Ok;
        return r;
    }
    r.distanceKm = world.distanceToCountryKm(*expected, p);
    if (r.distanceKm <= toleranceKm) {
        r.status = CoordinateCheck::Status::Ok;
        return r;
    }
    if (found)
        r.status = CoordinateCheck::Status::InOtherCountry;
    else if (world.distanceToLandKm(p, toleranceKm + 1) > toleranceKm)
        r.status = CoordinateCheck::Status::InSea;
    else
        r.status = CoordinateCheck::Status::OutsideCountry;
    return r;
}

CoordinateCheck checkCoordinate(const Decimal& lat, const Decimal& lon, const QString& country,
                                double toleranceKm) {
    return checkCoordinate(lat.toDouble(), lon.toDouble(), country, toleranceKm);
}

} // namespace tp::geo
