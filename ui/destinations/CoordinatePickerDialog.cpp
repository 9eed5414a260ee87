// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoordinatePickerDialog.h"

#include "geo/CoordinateCheck.h"
#include "geo/WorldData.h"
#include "map/MapWidget.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// The map repeats sideways: a click on a neighbouring copy of the world names a
// longitude beyond ±180, which is the same place as its wrapped value.
double wrappedLongitude(double lon) {
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0)
        wrapped += 360.0;
    return wrapped - 180.0;
}
} // namespace

CoordinatePickerDialog::CoordinatePickerDialog(std::optional<geo::LonLat> start, const QString& country,
                                               const QList<Destination>& context, QWidget* parent)
    : QDialog(parent)
    , m_country(country) {
    setObjectName(u"coordinatePicker"_s);
    setWindowTitle(tr("Pick the position on the map"));
    setWindowModality(Qt::WindowModal);
    resize(760, 560);
    auto* hint =
        new QLabel(tr("Click the destination's position. Drag to pan, scroll or pinch to zoom."), this);
    hint->setWordWrap(true);
    m_map = new MapWidget(this);
    m_map->setObjectName(u"pickerMap"_s);
    m_map->setAccessibleName(tr("Map to pick the position on"));
    m_map->setDestinations(context);
    m_map->setPickMode(true); // a click on a marker picks that point too
    m_info = new QLabel(tr("No position chosen yet."), this);
    m_info->setObjectName(u"pickedCoordinates"_s);
    m_info->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this position"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_map, 1);
    layout->addWidget(m_info);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_map, &MapWidget::mapClicked, this, &CoordinatePickerDialog::pick);

    // Where to look first: the current point, else the country, else the world.
    if (start) {
        m_map->setCenter(*start);
        // The built-in outlines are coarse (about 10 km): deeper only over online tiles.
        m_map->setZoom(m_map->onlineTilesEnabled() ? 12 : 6);
        // Shown, not picked: accepting needs a click, so the saved numbers and
        // where they came from stay as they are unless the user moves them.
        m_map->setPin(*start);
        m_info->setText(tr("Current position: %1, %2. Click the map to choose another.")
                            .arg(QString::number(start->lat, 'f', 6), QString::number(start->lon, 'f', 6)));
    } else if (const geo::Country* c =
                   country.isEmpty() ? nullptr : geo::WorldData::instance().country(country)) {
        // The country's largest polygon: France's box would otherwise reach French Guiana.
        QRectF box = c->bbox; // x = longitude, y = latitude
        double largest = 0;
        for (const geo::GeoPolygon& poly : c->polygons)
            if (poly.bbox.width() * poly.bbox.height() > largest) {
                largest = poly.bbox.width() * poly.bbox.height();
                box = poly.bbox;
            }
        const QPointF a = geo::toUnit(box.left(), box.bottom());
        const QPointF b = geo::toUnit(box.right(), box.top());
        m_map->fitToUnitRect(QRectF(a, b).normalized(), m_map->onlineTilesEnabled() ? 10 : 6);
    } else {
        m_map->setZoom(m_map->minimumZoom());
    }
}

void CoordinatePickerDialog::pick(geo::LonLat where) {
    where.lon = wrappedLongitude(where.lon);
    where.lat = std::clamp(where.lat, -85.0511, 85.0511); // as far as Web Mercator reaches
    m_picked = where;
    m_map->setPin(where);
    QString text = tr("%1, %2").arg(QString::number(where.lat, 'f', 6), QString::number(where.lon, 'f', 6));
    if (!m_country.isEmpty()) {
        const geo::CoordinateCheck check = geo::checkCoordinate(where.lat, where.lon, m_country);
        if (check.flagged())
            text += u"  "_s + tr("Warning: %1").arg(check.message());
    }
    m_info->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

} // namespace tp::ui
