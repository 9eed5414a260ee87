// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/CoordinateSource.h"
#include "domain/Entities.h"
#include "geo/FillCoordinates.h"
#include "worker/DatabaseWorker.h"

#include <QObject>
#include <functional>

namespace tp::app {

// The shared destination catalogue for the widgets: every read and write of it
// runs on the database thread and answers on the GUI thread, to a callback that
// is dropped when its context object is gone.
class DestinationCatalogue : public QObject {
    Q_OBJECT
public:
    explicit DestinationCatalogue(DatabaseService* database, QObject* parent = nullptr);

    template <class T> using Done = std::function<void(Result<T>)>;
    // Every destination (the maps), or the first `limit` by name (the trip editor's choices).
    void list(QObject* context, Done<QList<Destination>> done, int limit = -1);
    void coordinateSourceOf(QObject* context, const Destination& d,
                            Done<std::optional<CoordinateSource>> done);
    // The offline gazetteer for every destination without coordinates.
    void fillMissingCoordinates(QObject* context, Done<geo::FillReport> done);
    // How many trips use the destination (asked before deleting it).
    void tripsUsing(QObject* context, Id destinationId, Done<int> done);

    // What a destination's save also writes in its transaction: where its
    // coordinates came from (or, with no origin, that nothing is recorded).
    static std::function<void(Database&, const Destination&)>
    coordinateSourceWriter(std::optional<CoordinateOrigin> origin, const QString& detail);

private:
    DatabaseService* m_database;
};

} // namespace tp::app
