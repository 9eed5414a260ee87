// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListWidget>

namespace tp::ui {

// A list whose items carry a plan item's id (Qt::UserRole) and can be dragged
// as that id, for a DayDropList to receive.
class ItemDragList : public QListWidget {
    Q_OBJECT
public:
    explicit ItemDragList(QWidget* parent = nullptr);
    static QString mimeType();

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

} // namespace tp::ui
