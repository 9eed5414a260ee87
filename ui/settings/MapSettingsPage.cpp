// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapSettingsPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <tuple>

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

    // One group per service: a switch, its server and what using it means.
    auto addGroup = [&](const QString& title, const QString& switchText, const QString& switchName,
                        const QString& serverLabel, const QString& urlName, const QString& placeholder,
                        const QString& note) {
        auto* group = new QGroupBox(title, this);
        auto* form = new QFormLayout(group);
        auto* enabled = new QCheckBox(switchText, group);
        enabled->setObjectName(switchName);
        auto* url = new QLineEdit(group);
        url->setObjectName(urlName);
        url->setPlaceholderText(placeholder);
        url->setAccessibleName(serverLabel);
        auto* explanation = new QLabel(note, group);
        explanation->setWordWrap(true);
        form->addRow(enabled);
        form->addRow(serverLabel, url);
        form->addRow(explanation);
        layout->addWidget(group);
        return std::tuple{enabled, url, form};
    };
    QFormLayout* tilesForm = nullptr;
    std::tie(m_tiles, m_tileUrl, tilesForm) = addGroup(
        tr("Map tiles"), tr("Show online map tiles when the computer is online"), u"onlineTiles"_s,
        tr("Tile server"), u"tileUrl"_s, defaultTileUrl(),
        tr("An XYZ template with {z}, {x} and {y}. The OpenStreetMap tile server is used within its usage "
           "policy: tiles are cached for at least 7 days and only the tiles on screen are fetched."));
    // Another tile server names its own sources: shown on the map in place of OpenStreetMap's.
    m_tileAttribution = new QLineEdit(this);
    m_tileAttribution->setObjectName(u"tileAttribution"_s);
    m_tileAttribution->setPlaceholderText(defaultTileAttribution());
    m_tileAttribution->setAccessibleName(tr("Attribution shown on the map"));
    tilesForm->insertRow(2, tr("Attribution"), m_tileAttribution);
    QFormLayout* unused = nullptr;
    std::tie(m_geocoding, m_geocoderUrl, unused) = addGroup(
        tr("Online place search"), tr("Offer \"Search online\" in the destination editor"),
        u"onlineGeocoding"_s, tr("Nominatim server"), u"geocoderUrl"_s, defaultGeocoderUrl(),
        tr("A place name is sent only when you press \"Search online\", at most one request a second; "
           "answers are kept in the database so that a question is asked once."));
    layout->addStretch(1);

    connect(m_tiles, &QCheckBox::toggled, this, &MapSettingsPage::updateEnabledState);
    connect(m_geocoding, &QCheckBox::toggled, this, &MapSettingsPage::updateEnabledState);
    load({});
}

void MapSettingsPage::load(const MapSettings& s) {
    m_tiles->setChecked(s.onlineTiles);
    m_tileUrl->setText(s.tileUrl);
    m_tileAttribution->setText(s.tileAttribution);
    m_geocoding->setChecked(s.onlineGeocoding);
    m_geocoderUrl->setText(s.geocoderUrl);
    updateEnabledState();
}

MapSettings MapSettingsPage::value() const {
    MapSettings s;
    s.onlineTiles = m_tiles->isChecked();
    s.tileUrl = m_tileUrl->text().trimmed();
    s.tileAttribution = m_tileAttribution->text().trimmed();
    s.onlineGeocoding = m_geocoding->isChecked();
    s.geocoderUrl = m_geocoderUrl->text().trimmed();
    return s;
}

void MapSettingsPage::updateEnabledState() {
    m_tileUrl->setEnabled(m_tiles->isChecked());
    m_tileAttribution->setEnabled(m_tiles->isChecked());
    m_geocoderUrl->setEnabled(m_geocoding->isChecked());
}

} // namespace tp::ui
