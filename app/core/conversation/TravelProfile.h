// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace tp::conversation {

// What can be read from the user's own words with simple rules: the offline
// planner's understanding, and the summary that goes to preferences_text.
// Negation is understood ("comfort, but not luxury", "no beaches", "we don't
// want cities", "not too hot"): what is negated goes to `avoid`, never to `tags`.
struct TravelProfile {
    std::optional<double> budgetTotalUsd;  // whole trip
    std::optional<double> budgetPerDayUsd; // per day (all travellers, unless budgetPerPerson)
    bool budgetPerPerson = false;          // the amounts above are each traveller's
    std::optional<int> days;
    std::optional<int> travellers;
    QSet<int> months;   // 1..12
    QSet<QString> tags; // beach, mountains, city, culture, nature, food, nightlife
    // What the user does not want: catalogue tags (beach, city, nightlife,
    // luxury, budget, ...) and conditions: "crowds", "heat", "cold".
    QSet<QString> avoid;
    QString style; // "budget", "comfort", "luxury" or empty
    bool family = false;

    // Where the trip starts ("we start from Berlin"), as the offline gazetteer
    // names it, with its position; empty when not said or not a known place.
    QString origin;
    std::optional<double> originLat;
    std::optional<double> originLon;
    // The farthest a destination may be from the origin, in straight-line km,
    // and the words it was worked out from ("no long flights").
    std::optional<double> maxTravelKm;
    QString maxTravelBasis;
    // Parts of the world the trip must stay in ("within Europe"): keys of
    // TravelRegions ("europe"); any of them will do.
    QSet<QString> regions;

    bool knowsBudget() const { return budgetTotalUsd || budgetPerDayUsd || !style.isEmpty(); }
    bool knowsDates() const { return !months.isEmpty(); }
    bool knowsLength() const { return days.has_value(); }
    bool knowsTravellers() const { return travellers.has_value(); }
    bool knowsInterests() const { return !tags.isEmpty(); }
    bool knowsOrigin() const { return originLat.has_value() && originLon.has_value(); }
    // Whether anything at all was understood.
    bool isEmpty() const;

    // Daily budget per person, when it can be worked out.
    std::optional<double> perPersonPerDay() const;

    // Reads text in English (and a few words of Spanish, French, German).
    static TravelProfile fromText(const QString& text);
    // Fills in what this profile does not know from `other` (an older or more
    // general source: the trip's fields, saved preferences). Never overrides:
    // interests are taken only when this profile has none, and nothing this
    // profile avoids comes back through `other`.
    void merge(const TravelProfile& other);
    // One line per fact, for preferences_text; fromText(summary()) reads it back.
    QString summary() const;
};

} // namespace tp::conversation
