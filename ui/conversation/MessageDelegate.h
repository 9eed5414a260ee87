// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QStyledItemDelegate>

namespace tp::ui {

class SafeMarkdownDocument;

// Draws a message as a bubble of safe Markdown: the user's on the right in the
// highlight colour, the planner's on the left in the alternate base colour.
// A click on a link emits linkClicked; nothing is opened here.
class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

Q_SIGNALS:
    void linkClicked(const QUrl& url);

private:
    struct Layout {
        QRect bubble;
        QPoint textOrigin;
    };
    SafeMarkdownDocument* document(const QModelIndex& index, int width) const;
    Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index,
                  SafeMarkdownDocument* doc) const;
    QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos) const;
    int textWidth(const QStyleOptionViewItem& option) const;

    mutable QCache<QString, SafeMarkdownDocument> m_documents{400};
};

} // namespace tp::ui
