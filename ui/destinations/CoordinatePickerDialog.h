// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "geo/Mercator.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;

namespace tp::ui {

class MapWidget;

// A map to click a destination's position on. Opens on the current
// coordinates, or on the country named, or on the world; the catalogue's
// destinations are shown for orientation. A click sets the pin (a new click
// moves it); the point is checked against the country as it is chosen.
class CoordinatePickerDialog : public QDialog {
    Q_OBJECT
public:
    CoordinatePickerDialog(std::optional<geo::LonLat> start, const QString& country,
                           const QList<Destination>& context, QWidget* parent = nullptr);
    std::optional<geo::LonLat> picked() const { return m_picked; }
    MapWidget* map() const { return m_map; }
    // As a click on the map would (tests; keyboard users type the numbers instead).
    void pick(geo::LonLat where);

private:
    QString m_country;
    MapWidget* m_map;
    QLabel* m_info;
    QDialogButtonBox* m_buttons;
    std::optional<geo::LonLat> m_picked;
};

} // namespace tp::ui
