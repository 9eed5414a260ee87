// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// RFC 5545's text rules, shared by the writer and the reader: TEXT escaping
// (3.3.11) and content-line folding at 75 octets (3.1).
namespace tp::plan::ics {

QString escapeText(const QString& text);
QString unescapeText(const QString& text);
// One content line, folded (CRLF + space) so that no line exceeds 75 octets of
// UTF-8 and no character is split; ends with CRLF.
QByteArray foldLine(const QString& line);
// Joins folded lines back (CRLF or LF followed by a space or tab).
QString unfold(const QByteArray& data);

} // namespace tp::plan::ics
