// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "destinations/CoordinatePickerDialog.h"
#include "domain/Entities.h"
#include "geo/Gazetteer.h"
#include "geo/GeocodingService.h"
#include "plan/PlanTypes.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tp::ui {

// A plan item's place in a form (a stay's, an activity's): its name and the
// coordinates found for it, as the destination editor finds them. "Find place"
// asks the offline gazetteer first and, when it does not know the name and the
// user allows online search, OpenStreetMap Nominatim (several answers: the
// best is used, the others listed to choose from); "Pick on map…" opens the
// map picker. Typing another name drops the coordinates, which belonged to the
// old one. An answer that arrives after the form moved on (another item
// loaded, the name changed) is dropped.
class PlaceField : public QWidget {
    Q_OBJECT
public:
    // `prefix` names the children for tests: "<prefix>Place" (the line edit),
    // "<prefix>FindPlace", "<prefix>PickPlace", "<prefix>PlaceInfo" and
    // "<prefix>PlaceResults" (the online answers).
    explicit PlaceField(const QString& prefix, QWidget* parent = nullptr);

    // Shows the form's item's place; a look-up or pick still running is forgotten.
    void setPlace(const plan::Place& place);
    // The place as shown: the name typed over the place loaded (its code, zone
    // and raw keys kept) with the coordinates found or picked.
    plan::Place place() const;
    // The trip's destination: where the map opens for a place without
    // coordinates, and the country a picked point is checked against.
    void setDestination(const std::optional<Destination>& destination);
    // Online search; null (the default, or turned off in the settings) disables it.
    void setGeocoder(geo::GeocodingService* geocoder);

    QLineEdit* lineEdit() const { return m_edit; }
    QPushButton* findButton() const { return m_find; }
    QPushButton* pickButton() const { return m_pick; }
    QLabel* infoLabel() const { return m_info; }
    QListWidget* resultList() const { return m_results; }
    // The map picker while it is open, else null.
    CoordinatePickerDialog* picker() const { return m_picker; }

public Q_SLOTS:
    void findPlace();
    // Opens the map picker window-modal; choosing a point sets the coordinates.
    void pickOnMap();

Q_SIGNALS:
    // The user changed the name or the coordinates (not emitted by setPlace).
    void edited();
    // A Find place ended: coordinates set, nothing found, or the answer dropped
    // because the form moved on meanwhile.
    void lookupFinished();

private:
    void forgetLookups();
    void gazetteerAnswered(int ticket, const QString& text, const std::optional<geo::GeoMatch>& match);
    void useGazetteerMatch(const geo::GeoMatch& match);
    void searchOnline(const QString& text);
    void onlineAnswered(const geo::GeocodeAnswer& answer);
    void useOnlinePlace(int index);
    void setCoordinates(const Decimal& lat, const Decimal& lon, const QString& info);
    void finishLookup(const QString& info);
    void showInfo(const QString& text);
    void showFindToolTip();

    plan::Place m_place; // as loaded, with the coordinates found since
    std::optional<Destination> m_destination;
    QPointer<geo::GeocodingService> m_geocoder;
    // Goes up whenever an answer would no longer fit the form: a new place
    // loaded, the name typed, a new look-up, a point picked.
    int m_ticket = 0;
    quint64 m_pendingSearch = 0;
    QList<geo::OnlinePlace> m_online;
    std::optional<geo::GeoMatch> m_centre; // the gazetteer's country centre, used if Nominatim finds nothing
    bool m_loading = false;

    QLineEdit* m_edit;
    QPushButton* m_find;
    QPushButton* m_pick;
    QLabel* m_info;
    QListWidget* m_results;
    QPointer<CoordinatePickerDialog> m_picker;
};

} // namespace tp::ui
