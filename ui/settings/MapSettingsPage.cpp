#include "MapSettingsPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

MapSettingsPage::MapSettingsPage(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("The map's land and borders and the offline gazetteer are built in and always "
                               "work. These online services add detail when the computer is online."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* tiles = new QGroupBox(tr("Map tiles"), this);
    auto* tilesForm = new QFormLayout(tiles);
    m_tiles = new QCheckBox(tr("Show online map tiles when the computer is online"), tiles);
    m_tiles->setObjectName(u"onlineTiles"_s);
    m_tileUrl = new QLineEdit(tiles);
    m_tileUrl->setObjectName(u"tileUrl"_s);
    m_tileUrl->setPlaceholderText(defaultTileUrl());
    m_tileUrl->setAccessibleName(tr("Tile server URL"));
    auto* tilesNote = new QLabel(tr("An XYZ template with {z}, {x} and {y}. The OpenStreetMap tile server is "
                                    "used within its usage policy: tiles are cached for at least 7 days and "
                                    "only the tiles on screen are fetched."),
                                 tiles);
    tilesNote->setWordWrap(true);
    tilesForm->addRow(m_tiles);
    tilesForm->addRow(tr("Tile server"), m_tileUrl);
    tilesForm->addRow(tilesNote);
    layout->addWidget(tiles);

    auto* search = new QGroupBox(tr("Online place search"), this);
    auto* searchForm = new QFormLayout(search);
    m_geocoding = new QCheckBox(tr("Offer \"Search online\" in the destination editor"), search);
    m_geocoding->setObjectName(u"onlineGeocoding"_s);
    m_geocoderUrl = new QLineEdit(search);
    m_geocoderUrl->setObjectName(u"geocoderUrl"_s);
    m_geocoderUrl->setPlaceholderText(defaultGeocoderUrl());
    m_geocoderUrl->setAccessibleName(tr("Nominatim server URL"));
    auto* searchNote = new QLabel(tr("A Nominatim server. A place name is sent only when you press \"Search "
                                     "online\", at most one request a second; answers are kept in the "
                                     "database so that a question is asked once."),
                                  search);
    searchNote->setWordWrap(true);
    searchForm->addRow(m_geocoding);
    searchForm->addRow(tr("Server"), m_geocoderUrl);
    searchForm->addRow(searchNote);
    layout->addWidget(search);
    layout->addStretch(1);

    connect(m_tiles, &QCheckBox::toggled, this, &MapSettingsPage::updateEnabledState);
    connect(m_geocoding, &QCheckBox::toggled, this, &MapSettingsPage::updateEnabledState);
    load({});
}

void MapSettingsPage::load(const MapSettings& s) {
    m_tiles->setChecked(s.onlineTiles);
    m_tileUrl->setText(s.tileUrl);
    m_geocoding->setChecked(s.onlineGeocoding);
    m_geocoderUrl->setText(s.geocoderUrl);
    updateEnabledState();
}

MapSettings MapSettingsPage::value() const {
    MapSettings s;
    s.onlineTiles = m_tiles->isChecked();
    s.tileUrl = m_tileUrl->text().trimmed();
    s.onlineGeocoding = m_geocoding->isChecked();
    s.geocoderUrl = m_geocoderUrl->text().trimmed();
    return s;
}

void MapSettingsPage::updateEnabledState() {
    m_tileUrl->setEnabled(m_tiles->isChecked());
    m_geocoderUrl->setEnabled(m_geocoding->isChecked());
}

} // namespace tp::ui
