// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanTypes.h"

#include <QPointer>
#include <QUndoCommand>

namespace tp::app {

class TripSession;

// One accepted change of a trip's plan, as an undo step. It is pushed when the
// change is asked for, with its write queued in the session, so the stack's
// order is the order of the writes: an undo pressed while the change is still
// being saved undoes that change, after it. Its first redo does nothing (the
// write is queued already); undo and redo queue the whole plan as it was before
// or after, through the session's guarded save (a plan changed elsewhere
// meanwhile is a conflict, not overwritten). When the change's own write
// fails, the step is dropped: undoing or redoing it does nothing, and the
// stack removes it.
class PlanEditCommand : public QUndoCommand {
public:
    PlanEditCommand(TripSession* session, plan::Plan before, plan::Plan after, const QString& text);

    void undo() override;
    void redo() override;
    // The change's first write failed: nothing of it was stored.
    void markNotStored() { m_notStored = true; }

private:
    QPointer<TripSession> m_session;
    plan::Plan m_before;
    plan::Plan m_after;
    bool m_applied = true; // queued when pushed
    bool m_notStored = false;
};

} // namespace tp::app
