#include "SqlScript.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
bool isTrigger(const QString& statement)
{
    static const QRegularExpression re(u"^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

bool endsWithEnd(const QString& text)
{
    static const QRegularExpression re(u"\\bEND\\s*$"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

QString stripComments(const QString& statement)
{
    // Only whole-line "--" comments are removed; they carry no SQL.
    QStringList kept;
    for (const QString& line : statement.split(u'\n')) {
        if (!line.trimmed().startsWith(u"--"_s))
            kept << line;
    }
    return kept.join(u'\n').trimmed();
}
} // namespace

QStringList splitSqlScript(const QString& script)
{
    QStringList out;
    QString current;
    const qsizetype n = script.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = script[i];
        if (c == u'\'' || c == u'"') {
            qsizetype j = i + 1;
            while (j < n && script[j] != c)
                ++j;
            current += QStringView(script).mid(i, std::min(j + 1, n) - i);
            i = j;
        } else if (c == u'-' && i + 1 < n && script[i + 1] == u'-') {
            qsizetype j = script.indexOf(u'\n', i);
            if (j < 0)
                j = n;
            current += QStringView(script).mid(i, j - i);
            i = j - 1;
        } else if (c == u'$' && i + 1 < n && script[i + 1] == u'$') {
            qsizetype j = script.indexOf(u"$$"_s, i + 2);
            j = j < 0 ? n : j + 2;
            current += QStringView(script).mid(i, j - i);
            i = j - 1;
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
