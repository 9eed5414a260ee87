// SPDX-License-Identifier: GPL-3.0-or-later
#include "ItemDragList.h"

#include <QMimeData>

using namespace Qt::StringLiterals;

namespace tp::ui {

ItemDragList::ItemDragList(QWidget* parent)
    : QListWidget(parent) {
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::MoveAction);
}

QString ItemDragList::mimeType() {
    return u"application/x-tripplanner-plan-item"_s;
}

QStringList ItemDragList::mimeTypes() const {
    return {mimeType()};
}

QMimeData* ItemDragList::mimeData(const QList<QListWidgetItem*>& items) const {
    if (items.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(mimeType(), items.first()->data(Qt::UserRole).toString().toUtf8());
    data->setText(items.first()->text());
    return data;
}

} // namespace tp::ui
