// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/Database.h"
#include "domain/Entities.h"

namespace tp {

// The destination catalogue (api_destination). It is shared by all users, as
// in the seed; (name, country) is unique.
class DestinationRepository {
public:
    // Whether two spellings name one country ("PT", "PRT", "Portugal"). The
    // world's names live in geo/, above this layer: callers pass geo::sameCountry.
    using SameCountry = bool (*)(const QString& a, const QString& b);

    explicit DestinationRepository(Database& db)
        : m_db(db) {}

    // Ordered by name, then country. `limit` < 0: all.
    // By name, country and id. A next page continues after the previous page's
    // last row (`after`) by those keys, not by an OFFSET the database counts through.
    QList<Destination> list(int limit = -1, const std::optional<Destination>& after = std::nullopt);
    int count();
    // The same meaning on SQLite and PostgreSQL: every word of `text` (a run of
    // letters and digits) begins a word of the name, city, country or
    // description; case and accents are ignored ("sao paulo" finds São Paulo,
    // "lis port" finds Lisbon, Portugal); quotes, dashes and words like OR are
    // plain text, never query syntax. (SQLite: FTS5 prefix terms with the
    // unicode61 remove_diacritics tokenizer; PostgreSQL: the same folding with
    // lower() and translate(), a word-start regular expression per word.)
    // The first 32 words are used (a longer query narrows nothing further in practice).
    QList<Destination> search(const QString& text, int limit = 200);
    std::optional<Destination> find(Id id);
    std::optional<Destination> findByNameCountry(const QString& name, const QString& country);

    // Throws Conflict "… already exists" for a duplicate (name, country).
    Destination create(const Destination& draft);
    Destination update(const Destination& destination);
    // The destination for a place however its country is spelt: the exact
    // (name, country), else the same name (any case) in a country that
    // `sameCountry` says is the same (with geo::sameCountry, "Lisbon, PT" is "Lisbon, Portugal").
    std::optional<Destination> findSamePlace(const QString& name, const QString& country,
                                             SameCountry sameCountry);
    // Finds the destination by findSamePlace() or creates it; fills fields it
    // lacks from `known` (the seed's stub enrichment).
    Destination findOrCreate(const Destination& known, SameCountry sameCountry);
    // How many trips (of all users) point at it: what a delete would clear.
    int tripsUsing(Id id);
    // Deletes it; the trips that used it keep existing with no destination.
    void remove(Id id);

private:
    void throwIfDuplicate(const Destination& d);

    Database& m_db;
};

} // namespace tp
