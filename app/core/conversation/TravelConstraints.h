// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AnswerText.h"
#include "TravelProfile.h"

// The limits an answer puts on where the trip may go: how far from where, and
// in which part of the world. Part of TravelProfile::fromText.
namespace tp::conversation::answer {

// "no long flights", "at most 3 hours by train", "within 500 km", "not too far".
void readTravelLimit(const QString& text, const Negations& neg, TravelProfile& p);
// "within Europe", "somewhere in Southeast Asia", "a European city break".
void readRegions(const QString& text, const Negations& neg, TravelProfile& p);
// "we start from Berlin", "we live in Hamburg", "desde Madrid": `original` is
// the answer as typed (capitals matter after a plain "from").
void readOrigin(const QString& original, TravelProfile& p);

} // namespace tp::conversation::answer
