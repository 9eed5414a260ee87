// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>

namespace tp::ui {

// A document for text that came from outside (the user, the planner, the
// database): Markdown without raw HTML, and no resource of any kind is loaded
// (a remote image stays a placeholder; nothing is fetched).
class SafeMarkdownDocument : public QTextDocument {
    Q_OBJECT
public:
    explicit SafeMarkdownDocument(QObject* parent = nullptr);
    void setSafeMarkdown(const QString& markdown);

    // Links a click may open: http, https, mailto. Anything else is shown, not opened.
    static bool isOpenableLink(const QUrl& url);

protected:
    QVariant loadResource(int type, const QUrl& name) override;
};

} // namespace tp::ui
