#pragma once

#include "TripListModel.h"

#include <QPointer>
#include <QUndoCommand>

#include <memory>

// Undo commands for trips. A command is pushed after its first run succeeded
// (the database thread answered), so its first redo() does nothing; later
// undo()/redo() run through the model and the database thread again.
namespace tp::ui {

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
    Trip m_trip;
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
    DeleteTripCommand(TripListModel* model, const Trip& deleted, ErrorSink errors);
    void undo() override;
    void redo() override;

private:
    Trip m_trip;
};

} // namespace tp::ui
