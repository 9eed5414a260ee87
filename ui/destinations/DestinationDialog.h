// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/CoordinateSource.h"
#include "domain/Entities.h"
#include "geo/GeocodingService.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace tp::geo {
struct GeoMatch;
}

namespace tp::ui {

// Add or edit one catalogue entry, checked as the user types. Coordinates can
// be typed, found in the offline gazetteer, searched online (Nominatim, only
// when the user presses the button) or picked on a map; the editor says where
// the ones shown came from, and that is saved with them.
class DestinationDialog : public QDialog {
    Q_OBJECT
public:
    explicit DestinationDialog(const Destination& destination, QWidget* parent = nullptr);
    Destination destination() const;
    void showError(const QString& message);

    // Where the saved coordinates came from, as recorded (call before showing).
    void setSavedSource(const std::optional<CoordinateSource>& source);
    // Online search; null (the default, or turned off in the settings) disables it.
    void setGeocoder(geo::GeocodingService* geocoder);
    // The catalogue, shown on the picker's map for orientation.
    void setMapContext(const QList<Destination>& all) { m_context = all; }

    // Where the coordinates shown came from; nullopt when there are none, or
    // when they are the saved ones and their source was never recorded.
    std::optional<CoordinateOrigin> coordinateOrigin() const { return m_origin; }
    QString coordinateDetail() const { return m_originDetail; }
    // True when the coordinates were set in this dialog (their source is then
    // saved with them). Typing back the saved numbers is no change.
    bool coordinatesChanged() const;

public Q_SLOTS:
    // Fills latitude and longitude from the offline gazetteer (looked up off the GUI thread).
    void findCoordinates();
    // Asks the online geocoder (its own thread); the best answer is applied and
    // the others listed to choose from.
    void searchOnline();
    // Opens the map picker (window-modal); choosing a point fills the coordinates.
    void pickOnMap();

Q_SIGNALS:
    // A "Find coordinates" look-up finished (found or not).
    void lookupFinished();
    // A "Search online" answer arrived and was shown.
    void onlineSearchFinished();

private:
    void revalidate();
    void applyMatch(const std::optional<geo::GeoMatch>& match, const QString& asked);
    void applyAnswer(const geo::GeocodeAnswer& answer);
    void applyPlace(int index);
    void setCoordinates(const Decimal& lat, const Decimal& lon, CoordinateOrigin origin,
                        const QString& detail);
    void showSource();

    Destination m_original;
    std::optional<CoordinateSource> m_saved;
    std::optional<CoordinateOrigin> m_origin;
    QString m_originDetail;
    bool m_changed = false;
    // Goes up with every change of the coordinates: a look-up that answers after
    // the user changed them meanwhile offers its answer instead of applying it.
    int m_revision = 0;
    int m_lookupRevision = -1;
    int m_searchRevision = -1;
    QPointer<geo::GeocodingService> m_geocoder;
    quint64 m_pendingSearch = 0;
    QList<geo::OnlinePlace> m_places;
    QList<Destination> m_context;
    QLineEdit* m_name;
    QLineEdit* m_city;
    QLineEdit* m_country;
    QLineEdit* m_bestTime;
    QLineEdit* m_cost;
    QLineEdit* m_latitude;
    QLineEdit* m_longitude;
    QPlainTextEdit* m_description;
    QPushButton* m_find;
    QPushButton* m_online;
    QPushButton* m_pick;
    QListWidget* m_placeList;
    QLabel* m_sourceLabel;
    QLabel* m_check;
    QLabel* m_errors;
    QDialogButtonBox* m_buttons;
};

} // namespace tp::ui
