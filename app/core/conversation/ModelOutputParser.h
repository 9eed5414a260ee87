// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Planner.h"

#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace tp::conversation {

// Turns what a language model wrote into values, accepting what real models
// write: JSON in a Markdown code fence, prose before or after it, trailing
// commas, other key spellings, numbers as strings, text in another language.
// Rules decided here (and tested in tests/ai/tst_model_output_parser.cpp):
//   - destinations: 3 usable places are required; more than 3: the first 3
//     are kept; fewer than 3: an "unusable answer" error (the seed shows
//     exactly 3, and the state must not move on with less);
//   - an empty or missing country is kept empty (the engine fills it from the
//     catalogue when it can);
//   - coordinates outside [-90, 90] / [-180, 180] are dropped, not guessed;
//   - questions: 1 to 5 are kept (more: the first 5); none: unusable.
// Every parse function throws PlannerError(Kind::Unusable) with a message for
// the user, never anything else.
namespace parser {

// The first JSON object or array in `text` (after repairs), if any.
std::optional<QJsonValue> extractJson(const QString& text);

// Fields as models write them, the first of `keys` that can be read:
// a trimmed non-empty string; a finite number, or one written in a string
// ("540", "540,00", "€ 540"); a coordinate (38.7, "38.7° N", "9° 8' 21\" W";
// S and W negative, a letter of the other axis unusable).
QString firstString(const QJsonObject& o, std::initializer_list<const char16_t*> keys);
std::optional<double> firstNumber(const QJsonObject& o, std::initializer_list<const char16_t*> keys);
std::optional<double> coordinate(const QJsonObject& o, std::initializer_list<const char16_t*> keys,
                                 bool latitude);

QStringList parseQuestions(const QString& text);
DestinationSet parseDestinations(const QString& text);
// `current`: the recommendations the user is answering (to resolve a choice by name).
FollowUp parseFollowUp(const QString& text, const QList<Recommendation>& current);

// The decoded value of string field `key` in a JSON text that may still be
// incomplete (a stream in progress): what the user can already be shown.
QString partialStringField(const QString& text, const QString& key);

} // namespace parser
} // namespace tp::conversation
