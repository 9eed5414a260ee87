// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/CoordinateSource.h"

#include <QHash>

namespace tp {

// tripplanner_coordinate_source: where each destination's coordinates came from.
class CoordinateSourceRepository {
public:
    explicit CoordinateSourceRepository(Database& db)
        : m_db(db) {}

    // Records (or replaces) the source of the destination's current coordinates.
    // A destination without coordinates has its row removed instead.
    void record(const Destination& destination, CoordinateOrigin origin, const QString& detail = {});
    void forget(Id destinationId);
    // The source when it still describes the destination's coordinates.
    std::optional<CoordinateSource> of(const Destination& destination);
    // Every row (stale ones too), by destination id.
    QHash<Id, CoordinateSource> all();

private:
    Database& m_db;
};

} // namespace tp
