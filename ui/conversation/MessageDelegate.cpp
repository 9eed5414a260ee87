// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageDelegate.h"

#include "MessageListModel.h"
#include "SafeMarkdown.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
constexpr int Margin = 6;
constexpr int Padding = 8;
} // namespace

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent) {}

// The width a row may use: the view's viewport, not option.rect (which in
// sizeHint can still be the width from before a vertical scroll bar appeared,
// and then every row is too wide for the view).
static int rowWidth(const QStyleOptionViewItem& option) {
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

int MessageDelegate::textWidth(const QStyleOptionViewItem& option) const {
    return qMax(120, int(rowWidth(option) * 0.78) - 2 * Padding);
}

SafeMarkdownDocument* MessageDelegate::document(const QModelIndex& index, int width) const {
    const QString key = u"%1/%2"_s.arg(index.data(MessageListModel::IdRole).toLongLong()).arg(width);
    if (SafeMarkdownDocument* doc = m_documents.object(key))
        return doc;
    auto* doc = new SafeMarkdownDocument;
    doc->setDocumentMargin(0);
    doc->setSafeMarkdown(index.data(MessageListModel::ContentRole).toString());
    doc->setTextWidth(width);
    m_documents.insert(key, doc);
    return doc;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem& option, const QModelIndex& index,
                                                SafeMarkdownDocument* doc) const {
    const bool isUser = index.data(MessageListModel::IsUserRole).toBool();
    const int header = option.fontMetrics.height();
    const QSizeF size = doc->size();
    const int w = qMin(int(size.width()) + 2 * Padding, int(rowWidth(option) * 0.78));
    const int bubbleW = qMax(w, 160);
    const int h = int(size.height()) + header + 2 * Padding;
    const int x =
        isUser ? option.rect.left() + rowWidth(option) - 1 - Margin - bubbleW : option.rect.left() + Margin;
    Layout l;
    l.bubble = QRect(x, option.rect.top() + Margin, bubbleW, h);
    l.textOrigin = QPoint(x + Padding, option.rect.top() + Margin + Padding + header);
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    SafeMarkdownDocument* doc = document(index, textWidth(option));
    const int header = option.fontMetrics.height();
    return QSize(rowWidth(option), int(doc->size().height()) + header + 2 * Padding + 2 * Margin);
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    SafeMarkdownDocument* doc = document(index, textWidth(option));
    const Layout l = layout(option, index, doc);
    const bool isUser = index.data(MessageListModel::IsUserRole).toBool();
    const QPalette& pal = option.palette;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(l.bubble, 8, 8);
    QColor fill = isUser ? pal.color(QPalette::Highlight) : pal.color(QPalette::AlternateBase);
    if (isUser)
        fill.setAlpha(60);
    painter->fillPath(path, fill);
    painter->setPen(pal.color(QPalette::Mid));
    painter->drawPath(path);

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    const QString who = isUser ? tr("You") : tr("Planner");
    const QDateTime ts = index.data(MessageListModel::TimestampRole).toDateTime().toLocalTime();
    painter->drawText(QRect(l.bubble.left() + Padding, l.bubble.top() + Padding / 2,
                            l.bubble.width() - 2 * Padding, option.fontMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      tr("%1 · %2").arg(who, QLocale().toString(ts, QLocale::ShortFormat)));

    painter->translate(l.textOrigin);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = pal;
    ctx.palette.setColor(QPalette::Text, pal.color(QPalette::Text));
    doc->documentLayout()->draw(painter, ctx);
    painter->restore();
}

QString MessageDelegate::anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                  const QPoint& pos) const {
    SafeMarkdownDocument* doc = document(index, textWidth(option));
    const Layout l = layout(option, index, doc);
    return doc->documentLayout()->anchorAt(QPointF(pos - l.textOrigin));
}

bool MessageDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::MouseButtonRelease) {
        auto* me = static_cast<QMouseEvent*>(event);
        if (me->button() == Qt::LeftButton) {
            const QString anchor = anchorAt(option, index, me->position().toPoint());
            if (!anchor.isEmpty()) {
                Q_EMIT linkClicked(QUrl(anchor));
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::ToolTip) {
        const QString anchor = anchorAt(option, index, event->pos());
        if (!anchor.isEmpty()) {
            QToolTip::showText(event->globalPos(), anchor, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace tp::ui
