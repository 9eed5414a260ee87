// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TripListModel.h"

#include <QPointer>
#include <QUndoCommand>
#include <memory>

#include <memory>

// Undo commands for trips. A command is pushed after its first run succeeded
// (the database thread answered), so its first redo() does nothing; later
// undo()/redo() run through the model and the database thread again.
namespace tp::ui {

// Where a command says what happened (errors, "Restored …"): the status bar.
using ErrorSink = std::function<void(const QString&)>;

class TripCommand : public QUndoCommand {
public:
    TripCommand(TripListModel* model, ErrorSink errors, const QString& text);

protected:
    bool firstRedo();
    QPointer<TripListModel> m_model;
    ErrorSink m_errors;

private:
    bool m_pushed = false;
};

class CreateTripCommand : public TripCommand {
public:
    CreateTripCommand(TripListModel* model, const Trip& created, ErrorSink errors);
    void undo() override;
    void redo() override;

private:
    // What undoing the creation removed (a conversation may have begun since),
    // brought back whole by redo. Shared with the callbacks, which may outlive the command.
    std::shared_ptr<TripArchive> m_archive;
};

class EditTripCommand : public TripCommand {
public:
    EditTripCommand(TripListModel* model, const Trip& before, const Trip& after, ErrorSink errors);
    void undo() override;
    void redo() override;

private:
    void write(const Trip& values);

    Trip m_before;
    Trip m_after;
    // The row's version (updated_at) as this command last left it: undo and
    // redo are written only over that version, never over someone else's
    // change (which is then reported and kept). Shared with the callbacks.
    std::shared_ptr<QDateTime> m_version;
};

class DeleteTripCommand : public TripCommand {
public:
    // `deleted`: everything the delete removed, which undo puts back.
    DeleteTripCommand(TripListModel* model, const TripArchive& deleted, ErrorSink errors);
    void undo() override;
    void redo() override;

private:
    std::shared_ptr<TripArchive> m_archive;
};

} // namespace tp::ui
