// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace tp::plan {

struct Airport {
    QString iata;
    QString name;
    QString city;
    QString country; // ISO 3166-1 alpha-2
    double latitude = 0;
    double longitude = 0;
    QString zone; // IANA time zone id
};

// The bundled airport list (resources/airports/SOURCES.md): OurAirports'
// medium and large airports with their IANA zones. Loaded once, on first use,
// from the compiled-in resource; safe to call from any thread.
std::optional<Airport> findAirport(const QString& iataCode);
int airportCount();

} // namespace tp::plan
