// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnswerText.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace tp::conversation::answer {

namespace {

const QStringList monthWordList = {u"january"_s,   u"february"_s, u"march"_s,    u"april"_s,
                                   u"may"_s,       u"june"_s,     u"july"_s,     u"august"_s,
                                   u"september"_s, u"october"_s,  u"november"_s, u"december"_s};

// Correctly spelled words that a single slip away from a keyword would turn
// into one ("biking" is not a misspelt "hiking").
const QSet<QString> notTypos = {
    u"biking"_s,   u"hiring"_s,  u"liking"_s,    u"hiding"_s,   u"mature"_s,   u"vulture"_s,  u"cites"_s,
    u"crowns"_s,   u"crowed"_s,  u"reaches"_s,   u"teaches"_s,  u"leaches"_s,  u"breaches"_s, u"bleaches"_s,
    u"quite"_s,    u"history"_s, u"museum"_s,    u"mountain"_s, u"luxury"_s,   u"nature"_s,   u"natural"_s,
    u"cultures"_s, u"crowded"_s, u"crowds"_s,    u"shipping"_s, u"chopping"_s, u"stopping"_s, u"topical"_s,
    u"peaches"_s,  u"benches"_s, u"fountains"_s, u"crowned"_s,  u"crows"_s,    u"island"_s};
// Keywords long enough to recognise with one typo (a letter missing, added,
// changed, or two swapped): the words people misspell in a hurry.
const QStringList typoTargets = {
    u"beaches"_s,     u"mountains"_s,    u"mountain"_s,    u"hiking"_s,    u"trekking"_s, u"snorkeling"_s,
    u"snorkelling"_s, u"museums"_s,      u"museum"_s,      u"culture"_s,   u"cultural"_s, u"history"_s,
    u"historical"_s,  u"architecture"_s, u"restaurants"_s, u"nightlife"_s, u"luxury"_s,   u"luxurious"_s,
    u"wildlife"_s,    u"landscapes"_s,   u"countryside"_s, u"crowds"_s,    u"crowded"_s,  u"touristy"_s,
    u"tropical"_s,    u"february"_s,     u"september"_s,   u"october"_s,   u"november"_s, u"december"_s,
    u"affordable"_s,  u"backpacking"_s,  u"comfortable"_s, u"peaceful"_s,  u"nature"_s,   u"islands"_s,
    u"shopping"_s,    u"seaside"_s,
};

// Optimal string alignment distance, stopping early past `limit`.
int editDistance(QStringView a, QStringView b, int limit) {
    if (std::abs(int(a.size()) - int(b.size())) > limit)
        return limit + 1;
    const int n = int(a.size()), m = int(b.size());
    QList<QList<int>> d(n + 1, QList<int>(m + 1, 0));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

const QStringList& monthNames() {
    return monthWordList;
}

// The lower-case text with curly apostrophes straightened and misspelt
// keywords corrected ("moutains" -> "mountains").
QString normalise(const QString& input) {
    QString text = input.toLower();
    text.replace(u'\u2019', u'\'').replace(u'\u2018', u'\'');
    static const QRegularExpression southEast(uR"(\bsouth[\s-]+east(?:ern)?\s+asia)"_s);
    text.replace(southEast, u"southeast asia"_s);
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetter()) {
            out.append(text.at(i++));
            continue;
        }
        qsizetype j = i;
        while (j < text.size() && text.at(j).isLetter())
            ++j;
        const QString word = text.mid(i, j - i);
        QString replacement = word;
        if (word.size() >= 5 && !notTypos.contains(word) && !typoTargets.contains(word)) {
            for (const QString& target : typoTargets)
                if (target.size() >= 6 && editDistance(word, target, 1) <= 1) {
                    replacement = target;
                    break;
                }
        }
        out.append(replacement);
        i = j;
    }
    return out;
}

// Where `stem` starts a word in `text`. Short stems must be whole words (or
// plurals): "sea" is not "season".
QList<qsizetype> occurrences(const QString& text, QStringView stem) {
    QList<qsizetype> out;
    qsizetype from = 0;
    while (true) {
        const qsizetype i = text.indexOf(stem, from);
        if (i < 0)
            return out;
        const bool startsWord = i == 0 || !text.at(i - 1).isLetter();
        const qsizetype end = i + stem.size();
        const bool endsWord =
            stem.size() > 4 || end >= text.size() || !text.at(end).isLetter() ||
            (text.at(end) == u's' && (end + 1 >= text.size() || !text.at(end + 1).isLetter()));
        if (startsWord && endsWord)
            out << i;
        from = i + 1;
    }
}

bool hasWord(const QString& text, QStringView stem) {
    return !occurrences(text, stem).isEmpty();
}

// The parts of the text that a negation covers ("not luxury", "no beaches or

std::optional<int> smallNumber(const QString& word) {
    static const QStringList words = {u"one"_s,  u"two"_s, u"three"_s,  u"four"_s,
                                      u"five"_s, u"six"_s, u"seven"_s,  u"eight"_s,
                                      u"nine"_s, u"ten"_s, u"eleven"_s, u"twelve"_s};
    bool ok = false;
    const int n = word.toInt(&ok);
    if (ok)
        return n;
    static const QHash<QString, int> others = {
        {u"a"_s, 1},    {u"an"_s, 1},   {u"un"_s, 1},    {u"une"_s, 1}, {u"una"_s, 1},
        {u"uno"_s, 1},  {u"ein"_s, 1},  {u"eine"_s, 1},  {u"dos"_s, 2}, {u"deux"_s, 2},
        {u"zwei"_s, 2}, {u"tres"_s, 3}, {u"trois"_s, 3}, {u"drei"_s, 3}};
    if (others.contains(word))
        return others.value(word);
    const qsizetype i = words.indexOf(word);
    if (i >= 0)
        return int(i + 1);
    return std::nullopt;
}

Negations::Negations(const QString& text) {
    // Clauses: a negation never reaches past one. Hard ends of sentences,
    // and soft ones (commas, "but", "and we ...") a list may run across.
    static const QRegularExpression hard(uR"([.!?;\n()]+)"_s);
    static const QRegularExpression soft(
        uR"(,|\s(?:but|though|although|however|whereas|yet|while)\s|\s(?:and|&)\s+(?=(?:we|i|i'd|we'd|i'm|we're|want|love|like|prefer|would|enjoy|looking|are|am|it|the\s+kids)\b))"_s);
    static const QRegularExpression negator(
        uR"(\b(?:no|not|don't|dont|do not|doesn't|does not|didn't|never|without|avoid(?:ing)?|hate[sd]?|dislike[sd]?|neither|nor|rather not|isn't|aren't|won't|wouldn't|can't stand|cannot stand|skip|except|instead of|less|fewer|away from|nothing|none|too|sin|sans|pas|ni|kein(?:e|en)?|nicht|ohne|nada de|trop)\b)"_s);
    static const QRegularExpression notANegation(
        uR"(^(?:no preference|not sure|no problem|don't mind|dont mind|do not mind|doesn't matter|does not matter|no matter|no idea|not bothered|don't care|dont care|do not care|not fussy|no more than|not more than|no longer than|not longer than|less than|no less than|not only|nothing special|nothing in particular|nothing else|no strong|don't know|dont know|no particular|not really sure|none yet|never been|no,))"_s);
    static const QRegularExpression afterwards(
        uR"((?:(?:is|are|'s|'re)\s+not|isn't|aren't)\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|not\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|(?:isn't|aren't|is not|are not|not)\s+for\s+(?:me|us)|\bbores?\s+(?:me|us)|\b(?:is|are)\s+(?:boring|overrated)|\bputs?\s+(?:me|us)\s+off)"_s);
    static const QRegularExpression pronoun(uR"(\b(?:we|i|i'm|we're|us|my|our|want|like|love|prefer)\b)"_s);
    static const QRegularExpression listWord(uR"(\b(?:or|nor)\b)"_s);

    struct Clause {
        qsizetype begin, end;
        bool softEnd;
    };
    QList<Clause> clauses;
    qsizetype start = 0;
    auto addClauses = [&](qsizetype from, qsizetype to) {
        qsizetype b = from;
        for (auto it = soft.globalMatch(text.mid(from, to - from)); it.hasNext();) {
            const auto m = it.next();
            clauses.append({b, from + m.capturedStart(), true});
            b = from + m.capturedEnd();
        }
        clauses.append({b, to, false});
    };
    for (auto it = hard.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        addClauses(start, m.capturedStart());
        start = m.capturedEnd();
    }
    addClauses(start, text.size());

    bool carry = false; // the previous clause's negation runs on through a list
    for (const Clause& c : clauses) {
        const QString part = text.mid(c.begin, c.end - c.begin);
        bool negated = false;
        if (carry && listWord.match(part).hasMatch() && !pronoun.match(part).hasMatch()) {
            m_ranges.append({c.begin, c.end});
            negated = true;
        } else {
            for (auto it = negator.globalMatch(part); it.hasNext();) {
                const auto m = it.next();
                if (notANegation.match(part.mid(m.capturedStart())).hasMatch())
                    continue;
                m_ranges.append({c.begin + m.capturedStart(), c.end});
                negated = true;
                break;
            }
        }
        if (auto m = afterwards.match(part); m.hasMatch()) {
            m_ranges.append({c.begin, c.begin + m.capturedStart()});
            negated = true;
        }
        carry = negated && c.softEnd;
    }
}

bool Negations::covers(qsizetype pos) const {
    for (const auto& [b, e] : m_ranges)
        if (pos >= b && pos < e)
            return true;
    return false;
}

} // namespace tp::conversation::answer
