// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Entities.h"
#include "Error.h"

// The seed's rules as field-level checks. Every write path of the core calls
// these before touching the database, and the editors call them as the user
// types, so the user sees the same message in both places.
namespace tp::validation {

inline constexpr int TitleMaxLength = 200;
inline constexpr int NameMaxLength = 200;
inline constexpr int CountryMaxLength = 100;
inline constexpr int CityMaxLength = 100;
inline constexpr int BestTimeMaxLength = 200;
inline constexpr int UsernameMaxLength = 150;
inline constexpr int EmailMaxLength = 254;
// The seed's TextFields have no limit; this one keeps a pasted file from
// becoming a trip description or a chat message by accident.
inline constexpr int LongTextMaxLength = 1'000'000;

QList<FieldError> checkTrip(const Trip& trip);
QList<FieldError> checkDestination(const Destination& destination);
QList<FieldError> checkPreferences(const UserPreferences& preferences);
QList<FieldError> checkUsername(const QString& username);
QList<FieldError> checkMessageText(const QString& text);

// Throws Error::validation when the list is not empty.
void require(const QList<FieldError>& errors);

// Parses user-typed numbers for a named field; throws Error::validation.
Decimal parseMoney(const QString& field, const QString& text, int precision = decimal_shape::MoneyPrecision);
Decimal parseLatitude(const QString& text);
Decimal parseLongitude(const QString& text);
QDate parseDate(const QString& field, const QString& text);

} // namespace tp::validation
