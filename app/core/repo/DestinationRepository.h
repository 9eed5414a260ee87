#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// The destination catalogue (api_destination). It is shared by all users, as
// in the seed; (name, country) is unique.
class DestinationRepository {
public:
    explicit DestinationRepository(Database& db)
        : m_db(db) {}

    // Ordered by name, then country. `limit` < 0: all.
    QList<Destination> list(int limit = -1, int offset = 0);
    int count();
    // Matches name, city, country and description (FTS5 on SQLite with prefix
    // matching; trigram-indexed substring search on PostgreSQL).
    QList<Destination> search(const QString& text, int limit = 200);
    std::optional<Destination> find(Id id);
    std::optional<Destination> findByNameCountry(const QString& name, const QString& country);

    // Throws Conflict "… already exists" for a duplicate (name, country).
    Destination create(const Destination& draft);
    Destination update(const Destination& destination);
    // Finds the destination by (name, country) or creates it; fills fields it
    // lacks from `known` (the seed's stub enrichment).
    Destination findOrCreate(const Destination& known);
    // How many trips (of all users) point at it: what a delete would clear.
    int tripsUsing(Id id);
    // Deletes it; the trips that used it keep existing with no destination.
    void remove(Id id);

private:
    void throwIfDuplicate(const Destination& d);

    Database& m_db;
};

} // namespace tp
