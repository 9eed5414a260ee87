// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceField.h"

#include "FormInput.h"
#include "PlaceLookup.h"
#include "geo/WorldData.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
QString coordinatesText(const Decimal& lat, const Decimal& lon) {
    return lat.toString() + u", "_s + lon.toString();
}
} // namespace

PlaceField::PlaceField(const QString& prefix, QWidget* parent)
    : QWidget(parent) {
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(prefix + u"Place"_s);
    m_edit->setPlaceholderText(tr("City, country"));
    // Mnemonics free in both plan forms that use the field.
    m_find = new QPushButton(tr("Find pla&ce"), this);
    m_find->setObjectName(prefix + u"FindPlace"_s);
    m_pick = new QPushButton(tr("Pick on &map…"), this);
    m_pick->setObjectName(prefix + u"PickPlace"_s);
    m_pick->setToolTip(tr("Click the place on a map"));
    m_info = new QLabel(this);
    m_info->setObjectName(prefix + u"PlaceInfo"_s);
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::PlainText);
    m_info->hide();
    m_results = new QListWidget(this);
    m_results->setObjectName(prefix + u"PlaceResults"_s);
    m_results->setAccessibleName(tr("Places found online"));
    m_results->setMaximumHeight(90);
    m_results->hide();

    // The name gets the form's whole width, the two ways to place it go below:
    // beside it they left a narrow form a name field a few letters wide.
    auto* row = new QHBoxLayout;
    row->addWidget(m_find);
    row->addWidget(m_pick);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addLayout(row);
    layout->addWidget(m_info);
    layout->addWidget(m_results);
    setFocusProxy(m_edit);
    // As tall as its lines: spare height in the form is not the place's to take.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        // The coordinates were found for the old name.
        forgetLookups();
        m_place.latitude.reset();
        m_place.longitude.reset();
        showInfo(tr("No coordinates: Find place or Pick on map to add them."));
    });
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    connect(m_edit, &QLineEdit::returnPressed, this, &PlaceField::findPlace);
    connect(m_find, &QPushButton::clicked, this, &PlaceField::findPlace);
    connect(m_pick, &QPushButton::clicked, this, &PlaceField::pickOnMap);
    connect(m_results, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            useOnlinePlace(row);
    });
    showFindToolTip();
}

void PlaceField::showInfo(const QString& text) {
    m_info->setText(text);
    m_info->setVisible(!text.isEmpty()); // an empty line would only push the form down
}

void PlaceField::setPlace(const plan::Place& place) {
    forgetLookups();
    if (m_picker)
        m_picker->reject(); // it was opened for the place shown before
    m_place = place;
    m_loading = true;
    m_edit->setText(place.name);
    m_loading = false;
    showInfo(place.hasCoordinates() ? planform::placeSummary(place) : QString());
}

plan::Place PlaceField::place() const {
    plan::Place p = m_place;
    p.name = m_edit->text().trimmed();
    return p;
}

void PlaceField::setDestination(const std::optional<Destination>& destination) {
    m_destination = destination;
}

void PlaceField::setGeocoder(geo::GeocodingService* geocoder) {
    if (geocoder && geocoder == m_geocoder)
        return; // the settings applied again: a search on its way stays wanted
    if (m_geocoder)
        disconnect(m_geocoder, nullptr, this, nullptr);
    m_geocoder = geocoder;
    if (geocoder) {
        connect(geocoder, &geo::GeocodingService::answered, this, &PlaceField::onlineAnswered);
        connect(geocoder, &QObject::destroyed, this, [this] { setGeocoder(nullptr); });
    }
    if (m_pendingSearch) { // its answer will not come: the button is free again
        m_pendingSearch = 0;
        if (m_centre)
            useGazetteerMatch(*std::exchange(m_centre, std::nullopt));
        else
            finishLookup(geocoder ? tr("The online search changed: press Find place again.")
                                  : tr("The online search was turned off."));
    }
    showFindToolTip();
}

void PlaceField::showFindToolTip() {
    m_find->setToolTip(m_geocoder ? tr("Looks the place up in the offline gazetteer, then on OpenStreetMap "
                                       "Nominatim (sends the name to nominatim.openstreetmap.org or the "
                                       "server set in Settings → Map).")
                                  : tr("Looks the place up in the offline gazetteer. Online search is turned "
                                       "off (Settings → Map)."));
}

void PlaceField::forgetLookups() {
    ++m_ticket;
    m_pendingSearch = 0;
    m_centre.reset();
    m_find->setEnabled(true);
    m_online.clear();
    const QSignalBlocker quiet(m_results);
    m_results->clear();
    m_results->hide();
}

void PlaceField::findPlace() {
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        showInfo(tr("Type the place's name first."));
        return;
    }
    forgetLookups();
    const int ticket = m_ticket;
    m_find->setEnabled(false);
    showInfo(tr("Looking up %1 in the offline gazetteer…").arg(text));
    lookUpPlace(this, text, [this, ticket, text](const std::optional<geo::GeoMatch>& match) {
        gazetteerAnswered(ticket, text, match);
    });
}

void PlaceField::gazetteerAnswered(int ticket, const QString& text,
                                   const std::optional<geo::GeoMatch>& match) {
    if (ticket != m_ticket || m_edit->text().trimmed() != text) {
        Q_EMIT lookupFinished(); // another place, or the name changed meanwhile
        return;
    }
    // A country's centre is a poor place for a stay: online search may know the place itself.
    const bool centre = match && match->kind == geo::GeoMatch::Kind::CountryCentroid;
    if (match && !(centre && m_geocoder)) {
        useGazetteerMatch(*match);
        return;
    }
    if (m_geocoder) {
        m_centre = match;
        searchOnline(text);
        return;
    }
    finishLookup(
        tr("%1 was not found in the offline gazetteer (online search is turned off: Settings → Map).")
            .arg(text));
}

void PlaceField::useGazetteerMatch(const geo::GeoMatch& match) {
    const QString where = coordinatesText(match.latitude(), match.longitude());
    const QString info = match.kind == geo::GeoMatch::Kind::City
                             ? tr("%1, %2: %3").arg(match.name, match.countryName, where)
                             : tr("%1 (the country's centre, approximate): %2").arg(match.countryName, where);
    setCoordinates(match.latitude(), match.longitude(), info);
    finishLookup(info);
}

void PlaceField::searchOnline(const QString& text) {
    // "Valencia, Spain": a country the bundled data knows narrows the search by
    // its code; other text is left in the question for the service to read.
    QString query = text;
    QString code;
    if (const qsizetype comma = text.lastIndexOf(u','); comma > 0) {
        if (const geo::Country* c = geo::WorldData::instance().country(text.mid(comma + 1).trimmed())) {
            query = text.left(comma).trimmed();
            code = c->iso2;
        }
    }
    showInfo(tr("%1 is not in the offline gazetteer; searching OpenStreetMap Nominatim…").arg(text));
    m_pendingSearch = m_geocoder->search(query, code);
}

void PlaceField::onlineAnswered(const geo::GeocodeAnswer& answer) {
    if (m_pendingSearch == 0 || answer.requestId != m_pendingSearch)
        return; // another form's question, or one this field no longer waits for
    m_pendingSearch = 0;
    m_online = answer.places;
    if (m_online.isEmpty() && m_centre) {
        // Nothing better online: the country's centre the gazetteer gave.
        const geo::GeoMatch centre = *std::exchange(m_centre, std::nullopt);
        useGazetteerMatch(centre);
        return;
    }
    if (!answer.error.isEmpty()) {
        finishLookup(answer.error);
        return;
    }
    if (m_online.isEmpty()) {
        finishLookup(tr("Neither the offline gazetteer nor OpenStreetMap Nominatim found %1.")
                         .arg(m_edit->text().trimmed()));
        return;
    }
    {
        const QSignalBlocker quiet(m_results);
        for (const geo::OnlinePlace& p : std::as_const(m_online))
            m_results->addItem(p.displayName.isEmpty() ? p.name : p.displayName);
        m_results->setCurrentRow(0);
    }
    m_results->setVisible(m_online.size() > 1);
    useOnlinePlace(0);
    finishLookup(m_info->text());
}

void PlaceField::useOnlinePlace(int index) {
    if (index < 0 || index >= m_online.size())
        return;
    const geo::OnlinePlace& p = m_online[index];
    setCoordinates(
        p.latitude, p.longitude,
        tr("%1: %2. Search data © OpenStreetMap contributors (ODbL).")
            .arg(p.displayName.isEmpty() ? p.name : p.displayName, coordinatesText(p.latitude, p.longitude)));
}

void PlaceField::setCoordinates(const Decimal& lat, const Decimal& lon, const QString& info) {
    m_place.latitude = lat;
    m_place.longitude = lon;
    showInfo(info);
    Q_EMIT edited();
}

void PlaceField::finishLookup(const QString& info) {
    m_find->setEnabled(true);
    showInfo(info);
    Q_EMIT lookupFinished();
}

void PlaceField::pickOnMap() {
    std::optional<geo::LonLat> start;
    const plan::Place current = place();
    if (current.hasCoordinates())
        start = geo::LonLat{current.longitude->toDouble(), current.latitude->toDouble()};
    else if (m_destination && m_destination->hasCoordinates())
        start = geo::LonLat{m_destination->longitude->toDouble(), m_destination->latitude->toDouble()};
    QList<Destination> shown;
    if (m_destination && m_destination->hasCoordinates())
        shown << *m_destination; // for orientation
    auto* picker =
        new CoordinatePickerDialog(start, m_destination ? m_destination->country : QString(), shown, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    m_picker = picker;
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const auto p = picker->picked();
        if (!p)
            return;
        forgetLookups(); // the user's point wins over an answer still on its way
        const Decimal lat = planform::coordinate(p->lat);
        const Decimal lon = planform::coordinate(p->lon);
        setCoordinates(lat, lon, tr("Picked on the map: %1").arg(coordinatesText(lat, lon)));
    });
    picker->open();
}

} // namespace tp::ui
