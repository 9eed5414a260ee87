// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace tp::ui {

// The settings dialog's Map page: online tiles and online place search, each
// with its server. Both are optional; the offline basemap and gazetteer remain.
class MapSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit MapSettingsPage(QWidget* parent = nullptr);
    void load(const MapSettings& settings);
    MapSettings value() const;

private:
    void updateEnabledState();

    QCheckBox* m_tiles;
    QLineEdit* m_tileUrl;
    QLineEdit* m_tileAttribution;
    QCheckBox* m_geocoding;
    QLineEdit* m_geocoderUrl;
};

} // namespace tp::ui
