// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanEditCommand.h"

#include "TripSession.h"

namespace tp::app {

PlanEditCommand::PlanEditCommand(TripSession* session, plan::Plan before, plan::Plan after,
                                 const QString& text)
    : m_session(session)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    setText(text);
}

void PlanEditCommand::undo() {
    m_applied = false;
    if (m_notStored)
        setObsolete(true); // the stack deletes it: there is nothing to take back
    else if (m_session)
        m_session->writePlan(m_before);
    else
        setObsolete(true); // its trip is closed: the step has nothing left to act on
}

void PlanEditCommand::redo() {
    if (m_applied)
        return; // the push: its write is queued already
    m_applied = true;
    if (m_notStored)
        setObsolete(true);
    else if (m_session)
        m_session->writePlan(m_after);
    else
        setObsolete(true);
}

} // namespace tp::app
