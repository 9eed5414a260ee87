// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "domain/Error.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace tp::ui {

class StatusStepper;

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
    // Puts an amount in the budget field, as if typed (the form is then modified).
    void setBudget(const Decimal& budget);
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

public Q_SLOTS:
    // Saves when something changed; with a mistake, shows every message and
    // puts the focus in the first field that has one (Enter, Ctrl+S, Save).
    void save();
    // Puts back the trip as loaded (or an empty new trip): the edits are dropped.
    void revert() { setTrip(m_trip); }

Q_SIGNALS:
    void saveRequested(const tp::Trip& trip);

private:
    void revalidate();
    void setStatus(const QString& status);
    QString status() const;
    QLabel* errorLabel(const QString& field);
    void touch(const QString& field);
    void focusField(const QString& field);

    Trip m_trip; // as loaded
    QList<FieldError> m_errors;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QComboBox* m_destination;
    QLineEdit* m_start;
    QLineEdit* m_end;
    QLineEdit* m_budget;
    QSpinBox* m_travellers;
    StatusStepper* m_stepper;
    QComboBox* m_statusChoice;
    QSet<QString> m_touched;      // fields the person has left (their messages show)
    QSet<QString> m_shownErrors;  // fields whose message is on screen now
    bool m_showAllErrors = false; // after Save: every message shows
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
