// Include guard rather than #pragma once: moc output reaches these headers by
// more than one path, which defeats #pragma once under clang.
#ifndef TP_CONVERSATION_TRAVELPROFILE_H
#define TP_CONVERSATION_TRAVELPROFILE_H

#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace tp::conversation {

// What can be read from the user's own words with simple rules: the offline
// planner's understanding, and the summary that goes to preferences_text.
struct TravelProfile {
    std::optional<double> budgetTotalUsd;  // whole trip
    std::optional<double> budgetPerDayUsd; // per day (all travellers)
    std::optional<int> days;
    std::optional<int> travellers;
    QSet<int> months;   // 1..12
    QSet<QString> tags; // beach, mountains, city, culture, nature, food, nightlife
    QString style;      // "budget", "luxury" or empty
    bool family = false;

    bool knowsBudget() const { return budgetTotalUsd || budgetPerDayUsd || !style.isEmpty(); }
    bool knowsDates() const { return !months.isEmpty(); }
    bool knowsLength() const { return days.has_value(); }
    bool knowsTravellers() const { return travellers.has_value(); }
    bool knowsInterests() const { return !tags.isEmpty(); }

    // Daily budget per person, when it can be worked out.
    std::optional<double> perPersonPerDay() const;

    // Reads text in English (and a few words of Spanish, French, German).
    static TravelProfile fromText(const QString& text);
    // Adds what `other` knows and this does not.
    void merge(const TravelProfile& other);
    // One line per fact, for preferences_text.
    QString summary() const;
};

} // namespace tp::conversation

#endif // TP_CONVERSATION_TRAVELPROFILE_H
