// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConversationEngine.h"

#include <QMetaType>

namespace tp::conversation {

// Why a turn did not happen, as a value for the GUI. The user's text is
// given back so the panel can keep it as unsent, with Retry.
struct TurnError {
    enum class Kind {
        NoKey,
        KeyRejected,
        QuotaExhausted,
        Offline,
        Timeout,
        Server,
        BadRequest,
        Unusable,
        Cancelled,
        Conflict, // the conversation changed elsewhere: reload, then retry
        NotFound,
        Validation,
        Database,
        Busy, // a turn is already running
    };
    Kind kind = Kind::Server;
    QString message;
    Id tripId = 0;
    QString userText;
    bool retryable() const { return kind != Kind::NotFound && kind != Kind::Validation; }
};

TurnError::Kind turnErrorKind(PlannerError::Kind k);
TurnError::Kind turnErrorKind(Error::Kind k);
QString turnErrorKindName(TurnError::Kind k);

} // namespace tp::conversation

Q_DECLARE_METATYPE(tp::conversation::TurnResult)
Q_DECLARE_METATYPE(tp::conversation::TurnError)
Q_DECLARE_METATYPE(tp::conversation::ConversationView)
