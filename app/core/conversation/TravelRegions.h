// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace tp::conversation {

// The parts of the world people name when they limit a trip ("within Europe",
// "somewhere in Southeast Asia"): continents and a few well-known groupings.
// Region keys are lower-case English names ("europe", "southeast asia").

// Every region key the planner knows, longest names first (so "south america"
// is tried before "america").
const QStringList& regionKeys();
// Every name of a region the planner reads, as (name, key): the keys, and the
// regions' names in German, French and Spanish ("südostasien", "asie du sud-est",
// "sudeste asiático"), without accents and longest first.
const QList<std::pair<QString, QString>>& regionNames();
// "Europe", "Southeast Asia": the key as a person writes it, in the user's language.
QString regionLabel(const QString& key);
// Whether the country (a name, alias or ISO code the bundled world data knows)
// lies in the region. A country can be in several ("Turkey": Europe and Asia).
bool countryInRegion(const QString& country, const QString& key);

} // namespace tp::conversation
