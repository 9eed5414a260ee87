// SPDX-License-Identifier: GPL-3.0-or-later
#include "NameFolding.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace tp::geo {

namespace {

QString spellOut(char32_t c) {
    switch (c) {
    case U'ß':
        return u"ss"_s;
    case U'ø':
        return u"o"_s;
    case U'đ':
    case U'ð':
        return u"d"_s;
    case U'ł':
        return u"l"_s;
    case U'æ':
        return u"ae"_s;
    case U'œ':
        return u"oe"_s;
    case U'ı':
        return u"i"_s;
    case U'þ':
        return u"th"_s;
    case U'ħ':
        return u"h"_s;
    default:
        return {};
    }
}

} // namespace

QString foldName(QStringView name) {
    const QString decomposed = name.toString().toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const char32_t c : decomposed.toUcs4()) {
        const auto cat = QChar::category(c);
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining ||
            cat == QChar::Mark_Enclosing)
            continue;
        if (const QString s = spellOut(c); !s.isEmpty()) {
            out += s;
        } else if (c == U'\'' || c == U'’' || c == U'`') {
            continue; // "Côte d'Ivoire" = "cote divoire", "N'Djamena" = "ndjamena"
        } else if (QChar::isLetterOrNumber(c)) {
            out += QString::fromUcs4(&c, 1);
        } else {
            out += u' ';
        }
    }
    QStringList words = out.split(u' ', Qt::SkipEmptyParts);
    for (QString& w : words) {
        if (w == u"st"_s)
            w = u"saint"_s;
        else if (w == u"ste"_s)
            w = u"sainte"_s;
        else if (w == u"mt"_s)
            w = u"mount"_s;
    }
    return words.join(u' ');
}

} // namespace tp::geo
