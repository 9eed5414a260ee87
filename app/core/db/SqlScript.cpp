// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlScript.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
bool isTrigger(const QString& statement) {
    static const QRegularExpression re(u"^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

bool endsWithEnd(const QString& text) {
    static const QRegularExpression re(u"\\bEND\\s*$"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QString stripComments(const QString& statement) {
    // Only whole-line "--" comments are removed; they carry no SQL.
    QStringList kept;
    for (const QString& line : statement.split(u'\n')) {
        if (!line.trimmed().startsWith(u"--"_s))
            kept << line;
    }
    return kept.join(u'\n').trimmed();
}
} // namespace

qsizetype skipNonCode(const QString& sql, qsizetype i) {
    const qsizetype n = sql.size();
    const QChar c = sql[i];
    auto isWord = [](QChar x) {
        return x.isLetterOrNumber() || x == u'_';
    };
    if (c == u'\'' || c == u'"') {
        // E'…' escape strings: a backslash escapes the next character.
        const bool escapes = c == u'\'' && i > 0 && (sql[i - 1] == u'E' || sql[i - 1] == u'e') &&
                             (i < 2 || !isWord(sql[i - 2]));
        qsizetype j = i + 1;
        while (j < n) {
            if (escapes && sql[j] == u'\\') {
                j += 2;
                continue;
            }
            if (sql[j] == c) {
                if (j + 1 < n && sql[j + 1] == c) { // doubled quote inside
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            ++j;
        }
        return n;
    }
    if (c == u'-' && i + 1 < n && sql[i + 1] == u'-') {
        const qsizetype j = sql.indexOf(u'\n', i);
        return j < 0 ? n : j;
    }
    if (c == u'/' && i + 1 < n && sql[i + 1] == u'*') {
        int depth = 0;
        qsizetype j = i;
        while (j + 1 < n) {
            if (sql[j] == u'/' && sql[j + 1] == u'*') {
                ++depth;
                j += 2;
            } else if (sql[j] == u'*' && sql[j + 1] == u'/') {
                j += 2;
                if (--depth == 0)
                    return j;
            } else {
                ++j;
            }
        }
        return n;
    }
    if (c == u'$' && (i == 0 || !isWord(sql[i - 1]))) {
        // $$ or $tag$ (a tag is an identifier; $1-style parameters are not quotes).
        qsizetype j = i + 1;
        while (j < n && isWord(sql[j]) && !(j == i + 1 && sql[j].isDigit()))
            ++j;
        if (j < n && sql[j] == u'$') {
            const QStringView tag = QStringView(sql).mid(i, j - i + 1);
            const qsizetype close = sql.indexOf(tag, j + 1);
            return close < 0 ? n : close + tag.size();
        }
    }
    return -1;
}

QStringList splitSqlScript(const QString& script) {
    QStringList out;
    QString current;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        if (const qsizetype end = skipNonCode(script, i); end >= 0) {
            current += QStringView(script).mid(i, end - i);
            i = end - 1;
        } else if (c == u';') {
            if (isTrigger(stripComments(current)) && !endsWithEnd(current)) {
                current += c;
                continue;
            }
            const QString statement = stripComments(current);
            if (!statement.isEmpty())
                out << statement;
            current.clear();
        } else {
            current += c;
        }
    }
    const QString rest = stripComments(current);
    if (!rest.isEmpty())
        out << rest;
    return out;
}

} // namespace tp
