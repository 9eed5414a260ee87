// SPDX-License-Identifier: GPL-3.0-or-later
#include "SafeMarkdown.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace tp::ui {

SafeMarkdownDocument::SafeMarkdownDocument(QObject* parent)
    : QTextDocument(parent) {}

void SafeMarkdownDocument::setSafeMarkdown(const QString& markdown) {
    setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                          QTextDocument::MarkdownNoHTML));
}

bool SafeMarkdownDocument::isOpenableLink(const QUrl& url) {
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"https" || scheme == u"http" || scheme == u"mailto");
}

QVariant SafeMarkdownDocument::loadResource(int, const QUrl&) {
    return {};
}

} // namespace tp::ui
