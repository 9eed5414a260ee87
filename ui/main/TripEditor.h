#pragma once

#include "domain/Entities.h"
#include "domain/Error.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tp::ui {

// Every field of a trip, checked as the user types with the core's rules; the
// message of a field is shown under it and Save stays disabled (with the
// reason beside it) while anything is wrong.
class TripEditor : public QWidget {
    Q_OBJECT
public:
    explicit TripEditor(QWidget* parent = nullptr);

    // Shows `trip` for editing (id != 0) or a new trip (id == 0).
    void setTrip(const Trip& trip);
    void startNew();
    bool isNew() const { return m_trip.id == 0; }
    Id tripId() const { return m_trip.id; }
    // The catalogue to pick the destination from.
    void setDestinations(const QList<Destination>& destinations);
    // The trip as typed; valid only when errors() is empty.
    Trip currentTrip() const;
    QList<FieldError> errors() const { return m_errors; }
    bool isModified() const;
    void setBusy(bool busy);
    // An error from the database (a conflict, a lost connection) shown by Save.
    void showSaveError(const QString& message);

    static QString fieldLabel(const QString& field);

Q_SIGNALS:
    void saveRequested(const tp::Trip& trip);

private:
    void revalidate();
    void setStatus(const QString& status);
    QString status() const;
    QLabel* errorLabel(const QString& field);

    Trip m_trip; // as loaded
    QList<FieldError> m_errors;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QComboBox* m_destination;
    QLineEdit* m_start;
    QLineEdit* m_end;
    QLineEdit* m_budget;
    QSpinBox* m_travellers;
    QButtonGroup* m_statusGroup;
    QLabel* m_heading;
    QLabel* m_computed;
    QLabel* m_saveReason;
    QPushButton* m_save;
    QPushButton* m_revert;
    QHash<QString, QLabel*> m_errorLabels;
    bool m_busy = false;
    bool m_loading = false;
};

} // namespace tp::ui
