// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripWindowTitle.h"

#include "TripListModel.h"

#include <QWidget>

namespace tp::ui {

TripWindowTitle::TripWindowTitle(QWidget* window, TripListModel* trips)
    : QObject(window)
    , m_window(window)
    , m_trips(trips) {
    connect(trips, &QAbstractItemModel::dataChanged, this, &TripWindowTitle::refresh);
    connect(trips, &QAbstractItemModel::modelReset, this, &TripWindowTitle::refresh);
    connect(trips, &QAbstractItemModel::rowsRemoved, this, &TripWindowTitle::refresh);
    refresh();
}

void TripWindowTitle::setOpenTrip(Id id) {
    m_open = id;
    refresh();
}

void TripWindowTitle::refresh() {
    const int row = m_open != 0 ? m_trips->rowOf(m_open) : -1;
    m_window->setWindowTitle(row >= 0 ? m_trips->tripAt(row).title : QString());
}

} // namespace tp::ui
