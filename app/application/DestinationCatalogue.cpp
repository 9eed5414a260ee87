// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationCatalogue.h"

#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

namespace tp::app {

DestinationCatalogue::DestinationCatalogue(DatabaseService* database, QObject* parent)
    : QObject(parent)
    , m_database(database) {}

void DestinationCatalogue::list(QObject* context, Done<QList<Destination>> done, int limit) {
    m_database->post<QList<Destination>>(
        context,
        [limit](Database& db) {
            DestinationRepository repo(db);
            return limit < 0 ? repo.list() : repo.list(limit);
        },
        std::move(done));
}

void DestinationCatalogue::coordinateSourceOf(QObject* context, const Destination& d,
                                              Done<std::optional<CoordinateSource>> done) {
    m_database->post<std::optional<CoordinateSource>>(
        context, [d](Database& db) { return CoordinateSourceRepository(db).of(d); }, std::move(done));
}

void DestinationCatalogue::fillMissingCoordinates(QObject* context, Done<geo::FillReport> done) {
    m_database->post<geo::FillReport>(
        context, [](Database& db) { return geo::fillMissingCoordinates(db); }, std::move(done));
}

void DestinationCatalogue::tripsUsing(QObject* context, Id destinationId, Done<int> done) {
    m_database->post<int>(
        context,
        [destinationId](Database& db) { return DestinationRepository(db).tripsUsing(destinationId); },
        std::move(done));
}

std::function<void(Database&, const Destination&)>
DestinationCatalogue::coordinateSourceWriter(std::optional<CoordinateOrigin> origin, const QString& detail) {
    return [origin, detail](Database& db, const Destination& written) {
        CoordinateSourceRepository sources(db);
        if (origin && written.hasCoordinates())
            sources.record(written, *origin, detail);
        else
            sources.forget(written.id);
    };
}

} // namespace tp::app
