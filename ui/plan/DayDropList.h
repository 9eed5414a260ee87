// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QListWidget>

namespace tp::ui {

// The trip's days as a list (each item's Qt::UserRole is its QDate) that
// accepts a plan item dragged from an ItemDragList: dropping it on a day
// asks for the item to be scheduled then.
class DayDropList : public QListWidget {
    Q_OBJECT
public:
    explicit DayDropList(QWidget* parent = nullptr);
    void setDays(const QDate& first, const QDate& last);
    QDate currentDay() const;

Q_SIGNALS:
    void itemDropped(const QString& itemId, const QDate& day);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
};

} // namespace tp::ui
