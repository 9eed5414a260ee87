// SPDX-License-Identifier: GPL-3.0-or-later
#include "FillCoordinates.h"

#include "Gazetteer.h"
#include "NameFolding.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {
// A gazetteer answer good enough to store without asking: a city, or the
// country's centre for a destination that is the country itself.
bool placeable(const Destination& d, const GeoMatch& m) {
    if (m.kind == GeoMatch::Kind::City)
        return true;
    const QString country = foldName(m.countryName);
    return foldName(d.name) == country || (!d.city.isEmpty() && foldName(d.city) == country);
}
} // namespace

FillReport fillMissingCoordinates(Database& db) {
    return db.transaction([&] {
        DestinationRepository repo(db);
        CoordinateSourceRepository sources(db);
        const Gazetteer& gazetteer = Gazetteer::instance();
        FillReport report;
        for (Destination d : repo.list()) {
            ++report.destinations;
            if (d.hasCoordinates())
                continue;
            ++report.missing;
            const auto match = gazetteer.resolve(d);
            if (!match || !placeable(d, *match))
                continue;
            d.latitude = match->latitude();
            d.longitude = match->longitude();
            const bool city = match->kind == GeoMatch::Kind::City;
            sources.record(repo.update(d),
                           city ? CoordinateOrigin::Gazetteer : CoordinateOrigin::CountryCentre,
                           city ? u"%1, %2"_s.arg(match->name, match->countryName) : match->countryName);
            ++report.placed;
        }
        return report;
    });
}

} // namespace tp::geo
