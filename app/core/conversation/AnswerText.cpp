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
    u"biking"_s,    u"hiring"_s,   u"liking"_s,   u"hiding"_s,   u"mature"_s,  u"vulture"_s,
    u"cites"_s,     u"crowns"_s,   u"crowed"_s,   u"reaches"_s,  u"teaches"_s, u"leaches"_s,
    u"breaches"_s,  u"bleaches"_s, u"quite"_s,    u"history"_s,  u"museum"_s,  u"mountain"_s,
    u"luxury"_s,    u"nature"_s,   u"natural"_s,  u"cultures"_s, u"crowded"_s, u"crowds"_s,
    u"shipping"_s,  u"chopping"_s, u"stopping"_s, u"topical"_s,  u"peaches"_s, u"benches"_s,
    u"fountains"_s, u"crowned"_s,  u"crows"_s,    u"island"_s,   u"islande"_s}; // Iceland, in French
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

// Two to twelve in German, French and Spanish, without accents (as normalise()
// leaves them); "|" separates spellings of the same number.
const QList<QStringList>& otherLanguageNumberWords() {
    static const QList<QStringList> words = {
        {u"zwei"_s, u"drei"_s, u"vier"_s, u"funf|fuenf"_s, u"sechs"_s, u"sieben"_s, u"acht"_s, u"neun"_s,
         u"zehn"_s, u"elf"_s, u"zwolf|zwoelf"_s},
        {u"deux"_s, u"trois"_s, u"quatre"_s, u"cinq"_s, u"six"_s, u"sept"_s, u"huit"_s, u"neuf"_s, u"dix"_s,
         u"onze"_s, u"douze"_s},
        {u"dos"_s, u"tres"_s, u"cuatro"_s, u"cinco"_s, u"seis"_s, u"siete"_s, u"ocho"_s, u"nueve"_s,
         u"diez"_s, u"once"_s, u"doce"_s},
    };
    return words;
}

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

QString withoutAccents(QStringView text) {
    QString out = text.toString();
    for (QChar& c : out) {
        // A letter with marks ("é", "ü", "ñ", "ç") becomes its base letter;
        // "ß", "œ" and everything else stay.
        while (c.unicode() >= 0x80 && c.decompositionTag() == QChar::Canonical) {
            const QString d = c.decomposition();
            if (d.isEmpty() || !d.at(0).isLetter())
                break;
            c = d.at(0);
        }
    }
    return out;
}

// The lower-case text with curly apostrophes straightened, accents dropped and
// misspelt keywords corrected ("moutains" -> "mountains").
QString normalise(const QString& input) {
    QString text = withoutAccents(input.toLower());
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
QList<qsizetype> occurrences(const QString& text, QStringView stemAsWritten) {
    // Keywords are written with their accents; the text has none.
    const QString folded = withoutAccents(stemAsWritten);
    const QStringView stem(folded);
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

const QString& otherLanguageNumbers() {
    static const QString pattern = [] {
        QStringList all;
        for (const QStringList& language : otherLanguageNumberWords())
            all << language;
        return all.join(u'|');
    }();
    return pattern;
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
    static const QHash<QString, int> others = [] {
        QHash<QString, int> h = {{u"a"_s, 1},     {u"an"_s, 1},   {u"un"_s, 1},  {u"une"_s, 1},
                                 {u"una"_s, 1},   {u"uno"_s, 1},  {u"ein"_s, 1}, {u"eine"_s, 1},
                                 {u"einen"_s, 1}, {u"einem"_s, 1}};
        for (const QStringList& language : otherLanguageNumberWords())
            for (qsizetype i = 0; i < language.size(); ++i)
                for (const QString& w : language[i].split(u'|'))
                    h.insert(w, int(i + 2));
        return h;
    }();
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
        uR"(,|\s(?:but|though|although|however|whereas|yet|while)\s|\s(?:and|&)\s+(?=(?:we|i|i'd|we'd|i'm|we're|want|love|like|prefer|would|enjoy|looking|are|am|it|the\s+kids)\b))"
        // German, French, Spanish (without accents, as normalise() leaves them).
        uR"(|\s(?:aber|sondern|jedoch|obwohl|wahrend|mais|cependant|pourtant|tandis que|alors que|bien que|pero|sino|aunque|mientras)\s)"
        uR"(|\s(?:und|et|y)\s+(?=(?:wir|ich|mochten|mogen|lieben|wollen|die\s+kinder|nous|je|j'|aimons|adorons|voulons|preferons|aimerions|les\s+enfants|nosotros|yo|queremos|quiero|nos|me|preferimos|prefiero|los\s+ninos)\b))"_s);
    static const QRegularExpression negator(
        uR"(\b(?:no|not|don't|dont|do not|doesn't|does not|didn't|never|without|avoid(?:ing)?|hate[sd]?|dislike[sd]?|neither|nor|rather not|isn't|aren't|won't|wouldn't|can't stand|cannot stand|skip|except|instead of|less|fewer|away from|nothing|none|too|sin|sans|pas|ni|kein(?:e|en)?|nicht|ohne|nada de|trop)"
        uR"(|keine[mrs]|keinerlei|nie|niemals|weder|vermeiden|vermeide[nt]?|meiden|hasse[nt]?|ausser|außer|statt|anstatt|weniger|weg von|fernab|nichts)"
        uR"(|zu(?=\s+(?:heiss|heiß|kalt|teuer|voll|touristisch\w*|uberlaufen|ueberlaufen|weit|lange?|viele?|warm|laut|hektisch)(?![a-z])))"
        uR"(|jamais|aucune?s?|evite[rsz]?|evitons|deteste[rsz]?|detestons|sauf|plutot que|au lieu de|(?<!au )moins|loin d(?:e|es|u)|rien)"
        uR"(|nunca|jamas|evitar|evitamos|evito|odio|odiamos|excepto|salvo|(?<!al |o )menos|en vez de|en lugar de|lejos de|nada|demasiad[oa]s?|tampoco|ningun[oa]?)\b)"_s);
    static const QRegularExpression notANegation(
        uR"(^(?:no preference|not sure|no problem|don't mind|dont mind|do not mind|doesn't matter|does not matter|no matter|no idea|not bothered|don't care|dont care|do not care|not fussy|no more than|not more than|no longer than|not longer than|less than|no less than|not only|nothing special|nothing in particular|nothing else|no strong|don't know|dont know|no particular|not really sure|none yet|never been|no,)"
        uR"(|keine (?:praferenz|vorliebe|ahnung|besonder)|kein problem|nicht sicher|nicht mehr als|nicht langer als|nicht nur|nichts besonderes|nichts bestimmtes|nicht (?:so )?wichtig|noch nie)"
        uR"(|pas de preference|pas sur|pas de probleme|pas d'idee|pas plus (?:de|d'|long)|pas seulement|pas mal|pas cher|pas encore|rien de (?:special|particulier)|rien d'autre|jamais (?:ete|alle))"
        uR"(|no tengo preferencia|sin preferencia|no me importa|no importa|no hay problema|no mas (?:de|que|largo)|no solo|nada (?:en particular|especial)|ni idea|no estoy segur|nunca (?:hemos|he) estado)"
        uR"(|(?:moins d(?:e|')|menos de|weniger als)\s*(?:\d|une?\b|una?\b|eine?\b|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn)\b)))"_s);
    static const QRegularExpression afterwards(
        uR"((?:(?:is|are|'s|'re)\s+not|isn't|aren't)\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|not\s+(?:really\s+)?(?:my|our)\s+(?:thing|style|cup of tea|scene)|(?:isn't|aren't|is not|are not|not)\s+for\s+(?:me|us)|\bbores?\s+(?:me|us)|\b(?:is|are)\s+(?:boring|overrated)|\bputs?\s+(?:me|us)\s+off)"
        // "Museen sind nicht unser Ding", "les musées ne sont pas notre truc", "los museos no son lo
        // nuestro".
        uR"(|\b(?:(?:ist|sind)\s+)?nicht\s+(?:so\s+|wirklich\s+)?(?:mein|unser)\s+ding|\b(?:(?:ist|sind)\s+)?nichts\s+fur\s+(?:mich|uns)|\blangweil(?:t|en)\s+(?:mich|uns))"
        uR"(|\b(?:mogen|moegen|mag|brauchen|brauche|wollen|will)\s+(?:wir|ich)\s+(?:gar\s+|eher\s+)?nicht\b|\binteressier(?:t|en)\s+(?:mich|uns)\s+(?:gar\s+)?nicht\b|\b(?:ver)?meiden\b|\bmuss\s+nicht\s+sein|\bnicht\s+gerne?\b|\bungern\b|(?<=fliegen |fliege )(?:wir\s+|ich\s+)?nicht\b)"
        uR"(|\b(?:n'est|ne sont|c'est)\s+pas\s+(?:vraiment\s+)?(?:mon|notre)\s+truc|\b(?:n'est|ne sont)\s+pas\s+pour\s+(?:moi|nous)|\bne\s+(?:m'|nous\s+)interess(?:e|ent)\s+pas|\b(?:m'|nous\s+)ennuie|\ba\s+eviter\b)"
        uR"(|\bno\s+(?:es|son)\s+lo\s+(?:mio|nuestro)|\bno\s+(?:es|son)\s+para\s+(?:mi|nosotros|nosotras)|\bno\s+(?:me|nos)\s+(?:gusta|gustan|interesa|interesan|va|van|llama|llaman)\b|\b(?:me|nos)\s+aburre)"_s);
    static const QRegularExpression pronoun(
        uR"(\b(?:we|i|i'm|we're|us|my|our|want|like|love|prefer|wir|ich|uns|unser|mochten|mogen|nous|je|notre|voulons|aimons|nosotros|yo|nuestro|queremos|quiero|nos)\b)"_s);
    static const QRegularExpression listWord(uR"(\b(?:or|nor|oder|ou|ni|o|u)\b)"_s);

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
