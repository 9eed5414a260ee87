// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace tp {
class DestinationTableModel;
}
namespace tp::app {
class DestinationCatalogue;
}
namespace tp::geo {
class GeocodingService;
}

namespace tp::ui {

class MapWidget;

// The destination catalogue: search, add, edit, delete.
class DestinationsPanel : public QWidget {
    Q_OBJECT
public:
    // The table pages through `service` (its model); everything else goes through the catalogue.
    DestinationsPanel(DatabaseService* service, app::DestinationCatalogue* catalogue,
                      QWidget* parent = nullptr);
    DestinationTableModel* model() const { return m_model; }
    MapWidget* map() const { return m_map; }
    // Every destination, as last read for the map (for exports).
    const QList<Destination>& allDestinations() const { return m_all; }
    void load();
    // A destination that joined the catalogue elsewhere (a planner turn): the
    // map and the table show it without reading the whole catalogue again.
    void noteNewDestination(const Destination& d);
    void focusSearch();
    // Online search for the destination editor; null turns it off (Settings → Map).
    void setGeocoder(geo::GeocodingService* geocoder);
    // Selects the destination in the table (clearing a search that hides it) and on the map.
    void selectDestination(Id id);

public Q_SLOTS:
    void addDestination();
    void editSelected();
    void deleteSelected();
    // Resolves every destination without coordinates with the offline gazetteer
    // (on the database thread), saves those found and says how many.
    void fillMissingCoordinates();

Q_SIGNALS:
    // The catalogue changed (the trip editor's destination list reloads).
    void catalogueChanged();
    // Every destination was read again (the trip map shows them too).
    void destinationsLoaded(const QList<tp::Destination>& all);

private:
    void openDialog(const Destination& d);
    void reloadMap();
    void onTableSelection();
    // The row Edit… and Delete act on: the current row when it is selected, else -1.
    int selectedRow() const;
    // Edit… and Delete enabled only with a destination selected; the table, or
    // (no rows) a hint that says how to add destinations or that a search found none.
    void updateActions();

    app::DestinationCatalogue* m_catalogue;
    DestinationTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QStackedWidget* m_tableStack;
    QLabel* m_emptyHint;
    QLabel* m_status;
    QPushButton* m_fill;
    MapWidget* m_map;
    QList<Destination> m_all;
    Id m_pendingSelection = 0;
    QPointer<geo::GeocodingService> m_geocoder;
};

} // namespace tp::ui
