// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripCommands.h"

#include <QCoreApplication>

namespace tp::ui {

TripCommand::TripCommand(TripListModel* model, ErrorSink errors, const QString& text)
    : m_model(model)
    , m_errors(std::move(errors)) {
    setText(text);
}

bool TripCommand::firstRedo() {
    if (m_pushed)
        return false;
    m_pushed = true;
    return true;
}

CreateTripCommand::CreateTripCommand(TripListModel* model, const Trip& created, ErrorSink errors)
    : TripCommand(model, std::move(errors),
                  QCoreApplication::translate("TripCommands", "create “%1”").arg(created.title))
    , m_archive(std::make_shared<TripArchive>(TripArchive{created, {}, {}, {}, {}, {}})) {}

void CreateTripCommand::undo() {
    if (m_model)
        m_model->removeTrip(m_archive->trip.id,
                            [errors = m_errors, archive = m_archive](Result<TripArchive> r) {
                                if (r.ok())
                                    *archive = r.value();
                                else if (errors)
                                    errors(r.error().message);
                            });
}

void CreateTripCommand::redo() {
    if (firstRedo() || !m_model)
        return;
    m_model->restoreTrip(*m_archive, [errors = m_errors](Result<Trip> r) {
        if (!r.ok() && errors)
            errors(r.error().message);
    });
}

EditTripCommand::EditTripCommand(TripListModel* model, const Trip& before, const Trip& after,
                                 ErrorSink errors)
    : TripCommand(model, std::move(errors),
                  QCoreApplication::translate("TripCommands", "edit “%1”").arg(after.title))
    , m_before(before)
    , m_after(after)
    , m_version(std::make_shared<QDateTime>(after.updatedAt)) {}

void EditTripCommand::write(const Trip& values) {
    if (!m_model)
        return;
    Trip t = values;
    t.updatedAt = *m_version;
    m_model->updateTrip(t, [errors = m_errors, version = m_version](Result<Trip> r) {
        if (r.ok())
            *version = r.value().updatedAt;
        else if (errors)
            errors(r.error().message);
    });
}

void EditTripCommand::undo() {
    write(m_before);
}

void EditTripCommand::redo() {
    if (firstRedo())
        return;
    write(m_after);
}

DeleteTripCommand::DeleteTripCommand(TripListModel* model, const TripArchive& deleted, ErrorSink errors)
    : TripCommand(model, std::move(errors),
                  QCoreApplication::translate("TripCommands", "delete “%1”").arg(deleted.trip.title))
    , m_archive(std::make_shared<TripArchive>(deleted)) {}

void DeleteTripCommand::undo() {
    if (m_model)
        m_model->restoreTrip(*m_archive, [errors = m_errors](Result<Trip> r) {
            if (!errors)
                return;
            errors(r.ok() ? QCoreApplication::translate("TripCommands", "Restored “%1”.").arg(r.value().title)
                          : r.error().message);
        });
}

void DeleteTripCommand::redo() {
    if (firstRedo() || !m_model)
        return;
    m_model->removeTrip(m_archive->trip.id, [errors = m_errors, archive = m_archive](Result<TripArchive> r) {
        if (r.ok())
            *archive = r.value(); // what it holds now, for the next undo
        else if (errors)
            errors(r.error().message);
    });
}

} // namespace tp::ui
