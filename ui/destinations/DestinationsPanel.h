#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QDialog>
#include <QHash>
#include <QWidget>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QSplitter;

namespace tp {
class DestinationTableModel;
}
namespace tp::geo {
struct GeoMatch;
}

namespace tp::ui {

class MapWidget;

// Add or edit one catalogue entry, checked as the user types.
class DestinationDialog : public QDialog {
    Q_OBJECT
public:
    explicit DestinationDialog(const Destination& destination, QWidget* parent = nullptr);
    Destination destination() const;
    void showError(const QString& message);

    // Where the coordinates shown came from.
    enum class CoordinateSource { None, Saved, Typed, Gazetteer, CountryCentre };
    CoordinateSource coordinateSource() const { return m_source; }

public Q_SLOTS:
    // Fills latitude and longitude from the offline gazetteer (looked up off the GUI thread).
    void findCoordinates();

Q_SIGNALS:
    // A "Find coordinates" look-up finished (found or not).
    void lookupFinished();

private:
    void revalidate();
    void applyMatch(const std::optional<geo::GeoMatch>& match, const QString& asked);
    void showSource();
    Destination m_original;
    CoordinateSource m_source = CoordinateSource::None;
    QString m_sourcePlace;
    QLineEdit* m_name;
    QLineEdit* m_city;
    QLineEdit* m_country;
    QLineEdit* m_bestTime;
    QLineEdit* m_cost;
    QLineEdit* m_latitude;
    QLineEdit* m_longitude;
    QPlainTextEdit* m_description;
    QPushButton* m_find;
    QLabel* m_sourceLabel;
    QLabel* m_check;
    QLabel* m_errors;
    QDialogButtonBox* m_buttons;
};

// The destination catalogue: search, add, edit, delete.
class DestinationsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DestinationsPanel(DatabaseService* service, QWidget* parent = nullptr);
    DestinationTableModel* model() const { return m_model; }
    MapWidget* map() const { return m_map; }
    // Every destination, as last read for the map (for exports).
    const QList<Destination>& allDestinations() const { return m_all; }
    void load();
    void focusSearch();
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

    DatabaseService* m_service;
    DestinationTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_status;
    QPushButton* m_fill;
    MapWidget* m_map;
    QList<Destination> m_all;
    Id m_pendingSelection = 0;
};

} // namespace tp::ui
