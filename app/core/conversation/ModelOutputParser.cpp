// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelOutputParser.h"

#include "Catalogue.h"
#include "OfflinePlanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::conversation::parser {

namespace {

constexpr qsizetype MaxInput = 1 << 20; // a megabyte of model text is already absurd

// `message`: the whole sentence ("The planner's answer could not be used: ...").
[[noreturn]] void unusable(const QString& message) {
    throw PlannerError(PlannerError::Kind::Unusable, message);
}

// Where the comment starting at `i` ends (one past it), or `i` when none starts
// there: `// …` to the end of the line, `/* … */` (unclosed: to the end).
// Valid JSON has no "//" or "/*" outside strings, so skipping them never
// changes a text that was valid.
qsizetype commentEnd(const QString& s, qsizetype i) {
    if (s.at(i) != u'/' || i + 1 >= s.size())
        return i;
    if (s.at(i + 1) == u'/') {
        const qsizetype eol = s.indexOf(u'\n', i);
        return eol < 0 ? s.size() : eol;
    }
    if (s.at(i + 1) == u'*') {
        const qsizetype close = s.indexOf(u"*/"_s, i + 2);
        return close < 0 ? s.size() : close + 2;
    }
    return i;
}

// Index one past the bracket closing the one at `start`, or -1; string- and comment-aware.
qsizetype matchingEnd(const QString& s, qsizetype start) {
    QList<QChar> stack;
    bool inString = false;
    for (qsizetype i = start; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (const qsizetype end = commentEnd(s, i); end != i) {
            i = end - 1;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'{' || c == u'[')
            stack.append(c);
        else if (c == u'}' || c == u']') {
            if (stack.isEmpty() || (c == u'}') != (stack.last() == u'{'))
                return -1;
            stack.removeLast();
            if (stack.isEmpty())
                return i + 1;
        }
    }
    return -1;
}

// Removes comments and the commas that directly precede a closing bracket
// (after spaces or a comment), outside strings.
QString withoutTrailingCommas(const QString& s) {
    QString out;
    out.reserve(s.size());
    bool inString = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            out.append(c);
            if (c == u'\\' && i + 1 < s.size())
                out.append(s.at(++i));
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (const qsizetype end = commentEnd(s, i); end != i) {
            out.append(u' ');
            i = end - 1;
            continue;
        }
        if (c == u'"')
            inString = true;
        if (c == u',') {
            qsizetype j = i + 1;
            while (j < s.size()) {
                if (s.at(j).isSpace())
                    ++j;
                else if (const qsizetype end = commentEnd(s, j); end != j)
                    j = end;
                else
                    break;
            }
            if (j < s.size() && (s.at(j) == u'}' || s.at(j) == u']'))
                continue;
        }
        out.append(c);
    }
    return out;
}

std::optional<QJsonValue> parseCandidate(const QString& candidate) {
    for (const QString& attempt : {candidate, withoutTrailingCommas(candidate)}) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(attempt.toUtf8(), &err);
        if (err.error == QJsonParseError::NoError) {
            if (doc.isObject())
                return QJsonValue(doc.object());
            if (doc.isArray())
                return QJsonValue(doc.array());
        }
    }
    return std::nullopt;
}

} // namespace

QString firstString(const QJsonObject& o, std::initializer_list<const char16_t*> keys) {
    for (const char16_t* k : keys) {
        const QJsonValue v = o.value(QString::fromUtf16(k));
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return v.toString().trimmed();
    }
    return {};
}

// A coordinate as models write it: 38.7, "38.7", "38,7", "38.7° N", "8.6291° W",
// "S 22.9", "38°42'N", "9° 8' 21\" W". S and W make it negative; a letter of
// the other axis (a latitude "E") makes it unusable rather than guessed.
std::optional<double> coordinate(const QJsonObject& o, std::initializer_list<const char16_t*> keys,
                                 bool latitude) {
    static const QRegularExpression numberRe(uR"(\d+(?:[.,]\d+)?)"_s);
    static const QRegularExpression letterRe(
        uR"((?:^|[\s\d°'"′″])([NSEWnsew])(?=$|[\s\d.,°])|^([NSEWnsew])$)"_s);
    for (const char16_t* k : keys) {
        const QJsonValue v = o.value(QString::fromUtf16(k));
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return v.toDouble();
        if (!v.isString())
            continue;
        const QString text = v.toString().trimmed();
        QList<double> parts;
        for (auto it = numberRe.globalMatch(text); it.hasNext() && parts.size() < 3;) {
            bool ok = false;
            const double d = it.next().captured(0).replace(u',', u'.').toDouble(&ok);
            if (ok && std::isfinite(d))
                parts << d;
        }
        if (parts.isEmpty())
            continue;
        // Degrees, minutes, seconds only when written with their marks.
        const bool dms = parts.size() > 1 && (text.contains(u'°') || text.contains(u'\''));
        double value = parts[0];
        if (dms) {
            if (parts[1] >= 60 || (parts.size() > 2 && parts[2] >= 60))
                continue;
            value += parts[1] / 60.0 + (parts.size() > 2 ? parts[2] / 3600.0 : 0.0);
        }
        bool negative = text.startsWith(u'-') || text.startsWith(u'−');
        if (const auto m = letterRe.match(text); m.hasMatch()) {
            const QChar letter = (m.captured(1).isEmpty() ? m.captured(2) : m.captured(1)).at(0).toUpper();
            const bool ofLatitude = letter == u'N' || letter == u'S';
            if (ofLatitude != latitude)
                return std::nullopt;
            // The letter decides ("-8.6 W" is not a double negative).
            negative = letter == u'S' || letter == u'W';
        }
        return negative ? -value : value;
    }
    return std::nullopt;
}

std::optional<double> firstNumber(const QJsonObject& o, std::initializer_list<const char16_t*> keys) {
    static const QRegularExpression numberRe(uR"(-?\d+(?:[.,]\d+)?)"_s);
    for (const char16_t* k : keys) {
        const QJsonValue v = o.value(QString::fromUtf16(k));
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return v.toDouble();
        if (v.isString()) {
            const auto m = numberRe.match(v.toString().remove(u' '));
            if (m.hasMatch()) {
                bool ok = false;
                const double d = m.captured(0).replace(u',', u'.').toDouble(&ok);
                if (ok && std::isfinite(d))
                    return d;
            }
        }
    }
    return std::nullopt;
}

namespace {

QJsonArray firstArray(const QJsonObject& o, std::initializer_list<const char16_t*> keys) {
    for (const char16_t* k : keys) {
        const QJsonValue v = o.value(QString::fromUtf16(k));
        if (v.isArray())
            return v.toArray();
    }
    // Any array of objects will do (a model that named the key its own way).
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it->isArray() && !it->toArray().isEmpty() && it->toArray().first().isObject())
            return it->toArray();
    return {};
}

} // namespace

std::optional<QJsonValue> extractJson(const QString& input) {
    const QString text = input.left(MaxInput);
    // Code fences first: ```json ... ``` (the content is the candidate).
    static const QRegularExpression fence(uR"(```[A-Za-z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```)"_s);
    for (auto it = fence.globalMatch(text); it.hasNext();) {
        const QString inner = it.next().captured(1);
        if (auto v = extractJson(inner.contains(u"```"_s) ? QString() : inner); v)
            return v;
    }
    // Then every '{' or '[' from the left, with its balanced end.
    qsizetype tries = 0;
    for (qsizetype i = 0; i < text.size() && tries < 64; ++i) {
        const QChar c = text.at(i);
        if (c != u'{' && c != u'[')
            continue;
        ++tries;
        const qsizetype end = matchingEnd(text, i);
        if (end < 0)
            continue;
        if (auto v = parseCandidate(text.mid(i, end - i)); v) {
            // A lone "[1]" inside prose is not an answer; prefer objects and non-empty arrays.
            if (v->isObject() || !v->toArray().isEmpty())
                return v;
        }
    }
    return std::nullopt;
}

QStringList parseQuestions(const QString& text) {
    QStringList out;
    auto take = [&out](const QJsonArray& a) {
        for (const QJsonValue& v : a) {
            QString q = v.isString() ? v.toString()
                                     : firstString(v.toObject(), {u"question", u"text", u"q", u"pregunta"});
            q = q.simplified();
            if (!q.isEmpty() && !out.contains(q))
                out << q;
        }
    };
    if (auto json = extractJson(text)) {
        if (json->isArray())
            take(json->toArray());
        else
            take(firstArray(json->toObject(), {u"questions", u"clarifying_questions", u"preguntas"}).isEmpty()
                     ? json->toObject().value(u"questions"_s).toArray()
                     : firstArray(json->toObject(), {u"questions", u"clarifying_questions", u"preguntas"}));
        if (out.isEmpty()) {
            const QJsonObject o = json->toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it->isArray())
                    take(it->toArray());
        }
    } else {
        // Plain text: the lines that end with a question mark.
        static const QRegularExpression bullet(uR"(^\s*(?:\d+[.)]|[-*•])\s*)"_s);
        for (QString line : text.left(MaxInput).split(u'\n')) {
            line = line.remove(bullet).simplified();
            if (line.endsWith(u'?') && !out.contains(line))
                out << line;
        }
    }
    if (out.isEmpty())
        unusable(QCoreApplication::translate(
            "tp::Conversation", "The planner's answer could not be used: it contained no questions."));
    return out.mid(0, 5);
}

DestinationSet parseDestinations(const QString& text) {
    const auto json = extractJson(text);
    if (!json)
        unusable(QCoreApplication::translate(
            "tp::Conversation",
            "The planner's answer could not be used: no JSON with destinations was found in it."));
    QJsonArray items;
    QString intro;
    if (json->isArray()) {
        items = json->toArray();
    } else {
        const QJsonObject o = json->toObject();
        items = firstArray(o, {u"destinations", u"recommendations", u"locations", u"places", u"destinos",
                               u"destinations_recommandees", u"reiseziele"});
        intro = firstString(o, {u"intro", u"message", u"reply", u"summary", u"introduction"});
    }
    DestinationSet set;
    set.intro = intro;
    set.raw = text.left(MaxInput);
    QStringList seen;
    for (const QJsonValue& v : items) {
        if (!v.isObject())
            continue;
        const QJsonObject o = v.toObject();
        Recommendation r;
        r.name =
            firstString(o, {u"name", u"destination", u"city", u"place", u"title", u"nombre", u"nom", u"ort"})
                .left(200);
        if (r.name.isEmpty() || seen.contains(foldName(r.name)))
            continue;
        // "PT", "PRT" or "Portuguese Republic" are all stored as the catalogue's "Portugal",
        // so that the shared catalogue gets no second "Lisbon".
        r.country = Catalogue::builtin()
                        .canonicalCountry(firstString(o, {u"country", u"pais", u"país", u"pays", u"land"}))
                        .left(100);
        r.description = firstString(o, {u"description", u"why", u"reason", u"summary", u"descripcion",
                                        u"descripción", u"beschreibung"})
                            .left(4000);
        r.bestTimeToVisit =
            firstString(o, {u"best_time_to_visit", u"best_time", u"bestTimeToVisit", u"when", u"mejor_epoca"})
                .left(200);
        const auto lat = coordinate(o, {u"latitude", u"lat"}, true);
        const auto lon = coordinate(o, {u"longitude", u"lon", u"lng", u"long"}, false);
        if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
            r.latitude = lat;
            r.longitude = lon;
        }
        if (auto c = firstNumber(o, {u"average_cost_per_day", u"typical_daily_cost_usd", u"daily_cost_usd",
                                     u"daily_cost", u"cost_per_day", u"cost"});
            c && *c >= 0 && *c < 1e6)
            r.dailyCostUsd = c;
        seen << foldName(r.name);
        set.places << r;
    }
    if (set.places.size() < 3)
        unusable(
            set.places.isEmpty()
                ? QCoreApplication::translate(
                      "tp::Conversation", "The planner's answer could not be used: it named no destinations.")
                : QCoreApplication::translate("tp::Conversation",
                                              "The planner's answer could not be used: it named only %1 "
                                              "destination(s) instead of 3.")
                      .arg(set.places.size()));
    set.places = set.places.mid(0, 3);
    return set;
}

FollowUp parseFollowUp(const QString& text, const QList<Recommendation>& current) {
    const auto json = extractJson(text);
    if (!json || !json->isObject())
        unusable(QCoreApplication::translate(
            "tp::Conversation", "The planner's answer could not be used: no JSON object was found in it."));
    const QJsonObject o = json->toObject();
    FollowUp f;
    f.reply = firstString(o, {u"reply", u"message", u"answer", u"text", u"respuesta"}).left(20000);
    const QString intent = firstString(o, {u"intent", u"action", u"type"}).toLower();
    const QString choice = firstString(o, {u"choice", u"destination", u"chosen", u"name"});
    if (intent.startsWith(u"commit"_s) || intent == u"choose"_s || intent == u"select"_s) {
        int index = -1;
        if (!choice.isEmpty())
            index = detectChoice(choice, current);
        if (index < 0)
            if (auto n = firstNumber(o, {u"choice_index", u"index"}); n && *n >= 0 && *n < current.size())
                index = int(*n);
        if (index >= 0) {
            f.kind = FollowUp::Kind::Commit;
            f.choice = index;
            return f;
        }
        // A commitment to something that was not recommended: answer instead.
    } else if (intent.contains(u"more"_s) || intent.contains(u"other"_s) || intent.contains(u"different"_s)) {
        f.kind = FollowUp::Kind::MoreOptions;
        return f;
    }
    if (f.reply.isEmpty())
        unusable(QCoreApplication::translate(
            "tp::Conversation", "The planner's answer could not be used: it had no reply text."));
    f.kind = FollowUp::Kind::Answer;
    return f;
}

QString partialStringField(const QString& text, const QString& key) {
    const QString needle = u"\""_s + key + u"\""_s;
    qsizetype i = text.indexOf(needle);
    if (i < 0)
        return {};
    i += needle.size();
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    if (i >= text.size() || text.at(i) != u':')
        return {};
    ++i;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    if (i >= text.size() || text.at(i) != u'"')
        return {};
    ++i;
    QString out;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"')
            break;
        if (c != u'\\') {
            out.append(c);
            ++i;
            continue;
        }
        if (i + 1 >= text.size())
            break; // an escape still arriving
        const QChar e = text.at(i + 1);
        switch (e.unicode()) {
        case 'n':
            out.append(u'\n');
            break;
        case 't':
            out.append(u'\t');
            break;
        case 'r':
            break;
        case 'b':
        case 'f':
            break;
        case 'u': {
            if (i + 6 > text.size())
                return out; // incomplete escape
            bool ok = false;
            const ushort code = text.mid(i + 2, 4).toUShort(&ok, 16);
            if (ok)
                out.append(QChar(code));
            i += 4;
            break;
        }
        default:
            out.append(e);
        }
        i += 2;
    }
    return out;
}

} // namespace tp::conversation::parser
