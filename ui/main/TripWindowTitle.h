// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"

#include <QObject>

class QWidget;

namespace tp {
class TripListModel;
}

namespace tp::ui {

// Keeps a window's title on the open trip's title. The platform appends the
// application display name, so the title bar reads "Lisbon in May — Trip Planner"
// (QPlatformWindow::formatWindowTitle); with no trip open the title is empty and
// the bar reads "Trip Planner" alone. A renamed trip retitles the window when the
// list model learns the new title.
class TripWindowTitle : public QObject {
    Q_OBJECT
public:
    TripWindowTitle(QWidget* window, TripListModel* trips);

    // The trip now open in the window; 0 when none is.
    void setOpenTrip(Id id);

private:
    void refresh();

    QWidget* m_window;
    TripListModel* m_trips;
    Id m_open = 0;
};

} // namespace tp::ui
