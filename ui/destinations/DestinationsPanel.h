#pragma once

#include "domain/Entities.h"
#include "worker/DatabaseWorker.h"

#include <QDialog>
#include <QHash>
#include <QWidget>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace tp {
class DestinationTableModel;
}

namespace tp::ui {

// Add or edit one catalogue entry, checked as the user types.
class DestinationDialog : public QDialog {
    Q_OBJECT
public:
    explicit DestinationDialog(const Destination& destination, QWidget* parent = nullptr);
    Destination destination() const;
    void showError(const QString& message);

private:
    void revalidate();
    Destination m_original;
    QLineEdit* m_name;
    QLineEdit* m_city;
    QLineEdit* m_country;
    QLineEdit* m_bestTime;
    QLineEdit* m_cost;
    QLineEdit* m_latitude;
    QLineEdit* m_longitude;
    QPlainTextEdit* m_description;
    QLabel* m_errors;
    QDialogButtonBox* m_buttons;
};

// The destination catalogue: search, add, edit, delete.
class DestinationsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DestinationsPanel(DatabaseService* service, QWidget* parent = nullptr);
    DestinationTableModel* model() const { return m_model; }
    void load();
    void focusSearch();

public Q_SLOTS:
    void addDestination();
    void editSelected();
    void deleteSelected();

Q_SIGNALS:
    // The catalogue changed (the trip editor's destination list reloads).
    void catalogueChanged();

private:
    void openDialog(const Destination& d);

    DatabaseService* m_service;
    DestinationTableModel* m_model;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_status;
};

} // namespace tp::ui
