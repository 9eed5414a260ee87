// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace tp::conversation {

// One place of the bundled catalogue (resources/catalogue/destinations.csv).
struct CatalogueEntry {
    QString name;
    QString country;
    double latitude = 0;
    double longitude = 0;
    QString bestTimeToVisit;
    int dailyCostUsd = 0; // typical daily cost per person, the project's own estimate
    QStringList tags;     // beach, mountains, city, culture, nature, food, nightlife, budget, luxury

    // Months (1..12) covered by bestTimeToVisit ("May to October", "all year", ...).
    QList<int> bestMonths() const;
    // What the place is, for anyone: "Known for beaches and sea, food." The text
    // the shared catalogue (api_destination.description) may hold; never a
    // remark about one trip.
    // In English: it is stored in the catalogue every user and the web app share.
    QString neutralDescription() const;
    // The same in the user's language, for the planner's replies.
    QString shownDescription() const;
    // A rough climate from the latitude (the catalogue has no temperatures):
    // whether the place is usually hot, or cold, in a month. Mountain places
    // count as cooler.
    bool hotIn(int month) const;
    bool coldIn(int month) const;
};

// "beaches and sea" for "beach": how a tag reads in a sentence (translated).
QString tagPhrase(const QString& tag);

class Catalogue {
public:
    // The catalogue compiled into the app (":/catalogue/destinations.csv").
    static const Catalogue& builtin();
    // Parses the CSV (header line; tags separated by '|'). Malformed lines are skipped.
    static Catalogue parseCsv(const QByteArray& csv);

    const QList<CatalogueEntry>& entries() const { return m_entries; }
    // By name (case- and accent-insensitive), preferring `country` when given.
    std::optional<CatalogueEntry> find(const QString& name, const QString& country = {}) const;
    // The catalogue's spelling of a country given by ISO 3166 code ("PT", "PRT")
    // or another name the world data knows ("Republic of Portugal"): "Portugal".
    // A country the catalogue lacks takes the world data's name when it was
    // given as a code; anything unknown is returned as given (trimmed).
    QString canonicalCountry(const QString& country) const;

private:
    QList<CatalogueEntry> m_entries;
};

// Lower case, accents removed, for loose comparisons of place names.
QString foldName(const QString& s);

} // namespace tp::conversation
