// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

// The pieces TravelProfile's reading of an answer is built from: the text
// made comparable, word look-ups, and the reach of negations.
namespace tp::conversation::answer {

// "january" ... "december".
const QStringList& monthNames();

// Lower case, curly apostrophes straightened, accents dropped ("é" -> "e",
// "ü" -> "u", "ñ" -> "n": people type either), "south-east asia" spelled one
// way, and keywords with one typo corrected ("moutains" -> "mountains").
QString normalise(const QString& input);
// The same accents dropped from one word or phrase ("Südostasien" -> "Sudostasien").
QString withoutAccents(QStringView text);

// Where `stem` starts a word in `text`. Stems of up to four letters must be
// whole words (or plurals): "sea" is not "season". The stem may be written
// with accents ("musée"): they are dropped, as in the text.
QList<qsizetype> occurrences(const QString& text, QStringView stem);
bool hasWord(const QString& text, QStringView stem);

// "3", "three", "a", "une", "zwei", "cinco": a small number, in digits or words.
std::optional<int> smallNumber(const QString& word);
// Two to twelve in German, French and Spanish, as smallNumber() reads them,
// for a regular expression: "zwei|drei|...|doce".
const QString& otherLanguageNumbers();

// The parts of a normalised text that a negation covers ("not luxury", "no
// beaches or cities", "museums are not our thing"), as [begin, end) ranges.
class Negations {
public:
    explicit Negations(const QString& text);
    bool covers(qsizetype pos) const;

private:
    QList<std::pair<qsizetype, qsizetype>> m_ranges;
};

} // namespace tp::conversation::answer
