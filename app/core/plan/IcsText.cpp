// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcsText.h"

using namespace Qt::StringLiterals;

namespace tp::plan::ics {

QString escapeText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\' || c == u';' || c == u',') {
            out += u'\\';
            out += c;
        } else if (c == u'\r') {
            if (i + 1 < text.size() && text[i + 1] == u'\n')
                continue; // CRLF: one line break
            out += u"\\n"_s;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c.unicode() < 0x20 && c != u'\t') {
            continue; // other controls are not allowed in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

QString unescapeText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != u'\\' || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const QChar n = text[++i];
        out += (n == u'n' || n == u'N') ? QChar(u'\n') : n;
    }
    return out;
}

QByteArray foldLine(const QString& line) {
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    qsizetype start = 0;
    int limit = 75; // the first line has 75 octets, the next 74 after their space
    while (utf8.size() - start > limit) {
        qsizetype cut = start + limit;
        // Never split a UTF-8 sequence: back up over continuation bytes.
        while (cut > start && (quint8(utf8[cut]) & 0xC0) == 0x80)
            --cut;
        out += utf8.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74;
    }
    out += utf8.mid(start);
    out += "\r\n";
    return out;
}

QString unfold(const QByteArray& data) {
    QByteArray d = data;
    d.replace("\r\n", "\n");
    d.replace("\r", "\n");
    QByteArray out;
    out.reserve(d.size());
    for (qsizetype i = 0; i < d.size(); ++i) {
        if (d[i] == '\n' && i + 1 < d.size() && (d[i + 1] == ' ' || d[i + 1] == '\t')) {
            ++i; // drop the line break and the one white-space character
            continue;
        }
        out += d[i];
    }
    return QString::fromUtf8(out);
}

} // namespace tp::plan::ics
