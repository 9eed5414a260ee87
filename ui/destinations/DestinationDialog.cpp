// SPDX-License-Identifier: GPL-3.0-or-later
#include "DestinationDialog.h"

#include "CoordinatePickerDialog.h"
#include "domain/Validation.h"
#include "geo/CoordinateCheck.h"
#include "geo/Gazetteer.h"
#include "geo/WorldData.h"
#include "style/ErrorText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
std::optional<Decimal> coordinateOf(double value) {
    return Decimal::parse(QString::number(value, 'f', decimal_shape::CoordinateScale),
                          decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
}
} // namespace

DestinationDialog::DestinationDialog(const Destination& d, QWidget* parent)
    : QDialog(parent)
    , m_original(d) {
    setObjectName(u"destinationDialog"_s);
    setWindowTitle(d.id ? tr("Edit destination") : tr("Add destination"));
    auto* form = new QFormLayout;
    auto line = [&](const QString& name, const QString& label, const QString& value) {
        auto* e = new QLineEdit(value, this);
        e->setObjectName(name);
        e->setAccessibleName(label);
        form->addRow(label, e);
        connect(e, &QLineEdit::textChanged, this, &DestinationDialog::revalidate);
        return e;
    };
    m_name = line(u"name"_s, tr("Name"), d.name);
    m_city = line(u"city"_s, tr("City"), d.city);
    m_country = line(u"country"_s, tr("Country"), d.country);
    m_bestTime = line(u"bestTime"_s, tr("Best time to visit"), d.bestTimeToVisit);
    m_cost = line(u"cost"_s, tr("Average cost per day"),
                  d.averageCostPerDay ? d.averageCostPerDay->toString() : QString());
    m_latitude = line(u"latitude"_s, tr("Latitude"), d.latitude ? d.latitude->toString() : QString());
    m_longitude = line(u"longitude"_s, tr("Longitude"), d.longitude ? d.longitude->toString() : QString());

    auto* buttons = new QHBoxLayout;
    m_find = new QPushButton(tr("&Find coordinates"), this);
    m_find->setObjectName(u"findCoordinates"_s);
    m_find->setToolTip(tr("Look the city (or name) and country up in the offline gazetteer"));
    m_online = new QPushButton(tr("Search &online"), this);
    m_online->setObjectName(u"searchOnline"_s);
    m_pick = new QPushButton(tr("Pick on &map…"), this);
    m_pick->setObjectName(u"pickOnMap"_s);
    m_pick->setToolTip(tr("Click the place on a map"));
    buttons->addWidget(m_find);
    buttons->addWidget(m_online);
    buttons->addWidget(m_pick);
    buttons->addStretch(1);
    form->addRow(QString(), buttons);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(u"coordinateSource"_s);
    m_sourceLabel->setWordWrap(true);
    form->addRow(QString(), m_sourceLabel);
    m_placeList = new QListWidget(this);
    m_placeList->setObjectName(u"onlineResults"_s);
    m_placeList->setAccessibleName(tr("Places found online"));
    m_placeList->setMaximumHeight(110);
    m_placeList->hide();
    form->addRow(QString(), m_placeList);
    m_check = new QLabel(this);
    m_check->setObjectName(u"coordinateWarning"_s);
    m_check->setStyleSheet(u"color: #b9770e;"_s);
    m_check->setWordWrap(true);
    form->addRow(QString(), m_check);
    // Only the user's own edits make the coordinates "typed" (not a fill from a look-up).
    for (QLineEdit* e : {m_latitude, m_longitude})
        connect(e, &QLineEdit::textEdited, this, [this] {
            m_origin = CoordinateOrigin::Typed;
            m_originDetail.clear();
            m_changed = true;
            ++m_revision;
            showSource();
        });
    connect(m_find, &QPushButton::clicked, this, &DestinationDialog::findCoordinates);
    connect(m_online, &QPushButton::clicked, this, &DestinationDialog::searchOnline);
    connect(m_pick, &QPushButton::clicked, this, &DestinationDialog::pickOnMap);
    connect(m_placeList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            applyPlace(row);
    });
    m_description = new QPlainTextEdit(d.description, this);
    m_description->setAccessibleName(tr("Description"));
    form->addRow(tr("Description"), m_description);
    m_errors = new QLabel(this);
    m_errors->setObjectName(u"errors"_s);
    setErrorText(m_errors);
    m_errors->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(form);
    outer->addWidget(m_errors);
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setGeocoder(nullptr);
    showSource();
    revalidate();
}

void DestinationDialog::setSavedSource(const std::optional<CoordinateSource>& source) {
    m_saved = source && source->describes(m_original) ? source : std::nullopt;
    if (!m_changed) {
        m_origin = m_saved ? std::optional(m_saved->origin) : std::nullopt;
        m_originDetail = m_saved ? m_saved->detail : QString();
    }
    showSource();
}

void DestinationDialog::setGeocoder(geo::GeocodingService* geocoder) {
    if (m_geocoder)
        disconnect(m_geocoder, nullptr, this, nullptr);
    m_geocoder = geocoder;
    m_online->setEnabled(geocoder != nullptr);
    m_online->setToolTip(geocoder ? tr("Search OpenStreetMap's Nominatim for the city (or name) and country. "
                                       "Sends the name to nominatim.openstreetmap.org or the server set in "
                                       "Settings → Map.")
                                  : tr("Online search is turned off (Settings → Map)."));
    if (geocoder)
        connect(geocoder, &geo::GeocodingService::answered, this, &DestinationDialog::applyAnswer);
}

void DestinationDialog::showSource() {
    const bool any = !m_latitude->text().trimmed().isEmpty() || !m_longitude->text().trimmed().isEmpty();
    QString text;
    if (!any) {
        text = tr("Coordinates: none yet. Type them, find them by name or pick them on the map.");
    } else if (!m_origin) {
        text = tr("Coordinates: as saved (where they came from was not recorded).");
    } else {
        switch (*m_origin) {
        case CoordinateOrigin::Typed:
            text = tr("Coordinates: typed.");
            break;
        case CoordinateOrigin::Map:
            text = tr("Coordinates: picked on the map.");
            break;
        case CoordinateOrigin::Gazetteer:
            text = tr("Coordinates: from the offline gazetteer (GeoNames): %1.").arg(m_originDetail);
            break;
        case CoordinateOrigin::CountryCentre:
            text = tr("Coordinates: country centre (approximate): %1.").arg(m_originDetail);
            break;
        case CoordinateOrigin::Nominatim:
            text = tr("Coordinates: from OpenStreetMap Nominatim: %1. Search data © OpenStreetMap "
                      "contributors (ODbL).")
                       .arg(m_originDetail);
            break;
        case CoordinateOrigin::Model:
            text = tr("Coordinates: from the AI planner (checked against the country).");
            break;
        case CoordinateOrigin::Catalogue:
            text = tr("Coordinates: from the bundled catalogue.");
            break;
        }
        if (!m_changed && m_saved)
            text += u' ' + tr("Recorded %1.")
                               .arg(QLocale().toString(m_saved->recordedAt.toLocalTime().date(),
                                                       QLocale::ShortFormat));
    }
    m_sourceLabel->setText(text);
}

bool DestinationDialog::coordinatesChanged() const {
    if (!m_changed)
        return false;
    const Destination d = destination();
    const bool sameNumbers = d.latitude == m_original.latitude && d.longitude == m_original.longitude;
    return !(sameNumbers && m_origin == CoordinateOrigin::Typed);
}

void DestinationDialog::setCoordinates(const Decimal& lat, const Decimal& lon, CoordinateOrigin origin,
                                       const QString& detail) {
    m_origin = origin;
    m_originDetail = detail;
    m_changed = true;
    ++m_revision;
    m_latitude->setText(lat.toString());
    m_longitude->setText(lon.toString());
    showSource();
}

void DestinationDialog::findCoordinates() {
    const Destination d = destination();
    const QString asked = d.city.isEmpty() ? d.name : d.city;
    if (asked.isEmpty() && d.country.isEmpty()) {
        m_sourceLabel->setText(tr("Type a name or city and a country first."));
        return;
    }
    m_find->setEnabled(false);
    m_lookupRevision = m_revision;
    m_sourceLabel->setText(tr("Looking up %1 in the offline gazetteer…").arg(asked));
    // The gazetteer is read on its first use (about 50 ms): off the GUI thread.
    auto result = std::make_shared<std::optional<geo::GeoMatch>>();
    QThread* thread = QThread::create([d, result] { *result = geo::Gazetteer::instance().resolve(d); });
    connect(thread, &QThread::finished, this, [this, result, asked] { applyMatch(*result, asked); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void DestinationDialog::applyMatch(const std::optional<geo::GeoMatch>& match, const QString& asked) {
    m_find->setEnabled(true);
    if (!match) {
        showSource();
        m_sourceLabel->setText(m_sourceLabel->text() + u' ' +
                               tr("%1 was not found in the offline gazetteer.").arg(asked));
        Q_EMIT lookupFinished();
        return;
    }
    const bool city = match->kind == geo::GeoMatch::Kind::City;
    const QString place = city ? tr("%1, %2").arg(match->name, match->countryName) : match->countryName;
    if (m_lookupRevision != m_revision) {
        // The user set the coordinates while the look-up ran: theirs stay.
        showSource();
        m_sourceLabel->setText(m_sourceLabel->text() + u' ' +
                               tr("The gazetteer's %1 (%2, %3) was not used: the coordinates were changed "
                                  "meanwhile.")
                                   .arg(place, match->latitude().toString(), match->longitude().toString()));
        Q_EMIT lookupFinished();
        return;
    }
    setCoordinates(match->latitude(), match->longitude(),
                   city ? CoordinateOrigin::Gazetteer : CoordinateOrigin::CountryCentre, place);
    Q_EMIT lookupFinished();
}

void DestinationDialog::searchOnline() {
    if (!m_geocoder)
        return;
    const Destination d = destination();
    QString asked = d.city.isEmpty() ? d.name : d.city;
    if (asked.isEmpty()) {
        m_sourceLabel->setText(tr("Type a name or city first."));
        return;
    }
    // A country the bundled data knows narrows the search by its code;
    // another is left in the question for the service to read.
    QString code;
    if (!d.country.isEmpty()) {
        if (const geo::Country* c = geo::WorldData::instance().country(d.country))
            code = c->iso2;
        else
            asked += u", "_s + d.country;
    }
    m_online->setEnabled(false);
    m_searchRevision = m_revision;
    m_sourceLabel->setText(tr("Searching OpenStreetMap Nominatim for %1…").arg(asked));
    m_pendingSearch = m_geocoder->search(asked, code);
}

void DestinationDialog::applyAnswer(const geo::GeocodeAnswer& answer) {
    if (answer.requestId != m_pendingSearch)
        return; // another dialog's question, or an older one of this dialog
    m_pendingSearch = 0;
    m_online->setEnabled(m_geocoder != nullptr);
    m_places = answer.places;
    {
        const QSignalBlocker quiet(m_placeList);
        m_placeList->clear();
        for (const geo::OnlinePlace& p : std::as_const(m_places))
            m_placeList->addItem(p.displayName.isEmpty() ? p.name : p.displayName);
    }
    m_placeList->setVisible(m_places.size() > 1);
    if (!answer.error.isEmpty()) {
        showSource();
        m_sourceLabel->setText(m_sourceLabel->text() + u' ' + answer.error);
    } else if (m_places.isEmpty()) {
        showSource();
        m_sourceLabel->setText(m_sourceLabel->text() + u' ' +
                               tr("OpenStreetMap Nominatim found no place named %1.").arg(answer.query));
    } else if (m_searchRevision != m_revision) {
        // The user set the coordinates while the search ran: theirs stay, the
        // answers are there to choose from.
        m_placeList->setVisible(true);
        showSource();
        m_sourceLabel->setText(m_sourceLabel->text() + u' ' +
                               tr("The coordinates were changed during the search and were kept; choose a "
                                  "place found online to use it instead."));
    } else {
        const QSignalBlocker quiet(m_placeList);
        m_placeList->setCurrentRow(0);
        applyPlace(0);
    }
    Q_EMIT onlineSearchFinished();
}

void DestinationDialog::applyPlace(int index) {
    if (index < 0 || index >= m_places.size())
        return;
    const geo::OnlinePlace& p = m_places[index];
    setCoordinates(p.latitude, p.longitude, CoordinateOrigin::Nominatim,
                   p.displayName.isEmpty() ? p.name : p.displayName);
}

void DestinationDialog::pickOnMap() {
    const Destination d = destination();
    std::optional<geo::LonLat> start;
    if (d.hasCoordinates())
        start = geo::LonLat{d.longitude->toDouble(), d.latitude->toDouble()};
    auto* picker = new CoordinatePickerDialog(start, d.country, m_context, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const auto p = picker->picked();
        if (!p)
            return;
        const auto lat = coordinateOf(p->lat);
        const auto lon = coordinateOf(p->lon);
        if (lat && lon)
            setCoordinates(*lat, *lon, CoordinateOrigin::Map, {});
    });
    picker->open();
}

Destination DestinationDialog::destination() const {
    Destination d = m_original;
    d.name = m_name->text().trimmed();
    d.city = m_city->text().trimmed();
    d.country = m_country->text().trimmed();
    d.bestTimeToVisit = m_bestTime->text().trimmed();
    d.description = m_description->toPlainText();
    auto opt = [](auto fn) -> std::optional<Decimal> {
        try {
            return fn();
        } catch (const Error&) {
            return std::nullopt;
        }
    };
    d.averageCostPerDay = m_cost->text().trimmed().isEmpty() ? std::nullopt : opt([&] {
        return validation::parseMoney(u"average_cost_per_day"_s, m_cost->text().trimmed(),
                                      decimal_shape::DailyCostPrecision);
    });
    d.latitude = m_latitude->text().trimmed().isEmpty()
                     ? std::nullopt
                     : opt([&] { return validation::parseLatitude(m_latitude->text().trimmed()); });
    d.longitude = m_longitude->text().trimmed().isEmpty()
                      ? std::nullopt
                      : opt([&] { return validation::parseLongitude(m_longitude->text().trimmed()); });
    return d;
}

void DestinationDialog::revalidate() {
    QList<FieldError> errors;
    auto tryParse = [&](QLineEdit* e, auto fn) {
        if (e->text().trimmed().isEmpty())
            return;
        try {
            fn(e->text().trimmed());
        } catch (const Error& err) {
            errors << err.fieldErrors();
        }
    };
    tryParse(m_cost, [](const QString& t) {
        validation::parseMoney(u"average_cost_per_day"_s, t, decimal_shape::DailyCostPrecision);
    });
    tryParse(m_latitude, [](const QString& t) { validation::parseLatitude(t); });
    tryParse(m_longitude, [](const QString& t) { validation::parseLongitude(t); });
    errors << validation::checkDestination(destination());
    QStringList lines;
    for (const FieldError& e : std::as_const(errors))
        lines << tr("%1 %2").arg(e.field, e.message);
    lines.removeDuplicates();
    m_errors->setText(lines.join(u'\n'));
    // Whether the point lies in the country named: a warning only, the user decides.
    const Destination d = destination();
    QString warning;
    if (d.hasCoordinates() && !d.country.isEmpty()) {
        const geo::CoordinateCheck check = geo::checkCoordinate(*d.latitude, *d.longitude, d.country);
        if (check.flagged())
            warning = tr("Warning: %1 Check the coordinates; you can still save them.").arg(check.message());
    }
    m_check->setText(warning);
    m_check->setVisible(!warning.isEmpty());
    showSource();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(errors.isEmpty());
}

void DestinationDialog::showError(const QString& message) {
    m_errors->setText(message);
}

} // namespace tp::ui
