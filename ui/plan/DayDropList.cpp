// SPDX-License-Identifier: GPL-3.0-or-later
#include "DayDropList.h"

#include "ItemDragList.h"

#include <QDragEnterEvent>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace tp::ui {

DayDropList::DayDropList(QWidget* parent)
    : QListWidget(parent) {
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    setDropIndicatorShown(true);
}

void DayDropList::setDays(const QDate& first, const QDate& last) {
    const QDate keep = currentDay();
    clear();
    if (!first.isValid() || !last.isValid() || last < first || first.daysTo(last) > 366)
        return;
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        auto* item = new QListWidgetItem(QLocale().toString(d, u"ddd d MMM yyyy"_s), this);
        item->setData(Qt::UserRole, d);
        if (d == keep)
            setCurrentItem(item);
    }
    if (!currentItem() && count() > 0)
        setCurrentRow(0);
}

QDate DayDropList::currentDay() const {
    return currentItem() ? currentItem()->data(Qt::UserRole).toDate() : QDate();
}

void DayDropList::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(ItemDragList::mimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void DayDropList::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(ItemDragList::mimeType()) && itemAt(event->position().toPoint()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void DayDropList::dropEvent(QDropEvent* event) {
    QListWidgetItem* day = itemAt(event->position().toPoint());
    if (!day || !event->mimeData()->hasFormat(ItemDragList::mimeType())) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    Q_EMIT itemDropped(QString::fromUtf8(event->mimeData()->data(ItemDragList::mimeType())),
                       day->data(Qt::UserRole).toDate());
}

} // namespace tp::ui
