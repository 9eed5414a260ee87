// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>
#include <compare>
#include <optional>

namespace tp {

// An exact fixed-point number, as PostgreSQL's NUMERIC(p, s) and Django's
// DecimalField hold it: `units` counts steps of 10^-scale. Money and coordinates
// go through this type and never through a binary float.
class Decimal {
public:
    Decimal() = default;

    // Parses "1234", "-12.5", "0.123456" (a '.' decimal point, no exponent, no
    // grouping). Fails with a message when the text is not a number, has more
    // than `scale` decimals or more than `precision` digits in all.
    static std::optional<Decimal> parse(QStringView text, int precision, int scale, QString* error = nullptr);
    // For values read from the database: more decimals than `scale` are an error
    // there too, but trailing zeros beyond it ("12.3000") are accepted.
    static std::optional<Decimal> fromVariant(const QVariant& value, int precision, int scale);
    static Decimal fromUnits(qint64 units, int scale);

    qint64 units() const { return m_units; }
    int scale() const { return m_scale; }
    bool isNegative() const { return m_units < 0; }

    // Canonical text with exactly `scale` decimals: "1234.50".
    QString toString() const;
    // Only for drawing (map projection); never stored or summed.
    double toDouble() const;

    // Equal values compare equal whatever their scale (10.5 == 10.50), as <=> says.
    friend bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    qint64 m_units = 0;
    int m_scale = 0;
};

// The seed's DecimalField shapes.
namespace decimal_shape {
inline constexpr int MoneyPrecision = 10; // Trip.budget, UserPreferences.budget_*
inline constexpr int MoneyScale = 2;
inline constexpr int DailyCostPrecision = 8;  // Destination.average_cost_per_day
inline constexpr int CoordinatePrecision = 9; // latitude / longitude
inline constexpr int CoordinateScale = 6;
} // namespace decimal_shape

} // namespace tp

Q_DECLARE_METATYPE(tp::Decimal)
