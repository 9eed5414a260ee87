// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plan/PlanTypes.h"

#include <QPointer>
#include <QUndoCommand>

namespace tp::app {

class TripSession;

// One accepted change of a trip's plan, as an undo step. It is pushed once the
// change is saved, so its first redo does nothing; undo and redo write the
// whole plan as it was before or after, through the session's guarded save
// (a plan changed elsewhere meanwhile is a conflict, not overwritten).
class PlanEditCommand : public QUndoCommand {
public:
    PlanEditCommand(TripSession* session, plan::Plan before, plan::Plan after, const QString& text);

    void undo() override;
    void redo() override;

private:
    QPointer<TripSession> m_session;
    plan::Plan m_before;
    plan::Plan m_after;
    bool m_applied = true; // already saved when pushed
};

} // namespace tp::app
