// SPDX-License-Identifier: GPL-3.0-or-later
#include "TurnTypes.h"

using namespace Qt::StringLiterals;

namespace tp::conversation {

TurnError::Kind turnErrorKind(PlannerError::Kind k) {
    switch (k) {
    case PlannerError::Kind::NoKey:
        return TurnError::Kind::NoKey;
    case PlannerError::Kind::KeyRejected:
        return TurnError::Kind::KeyRejected;
    case PlannerError::Kind::QuotaExhausted:
        return TurnError::Kind::QuotaExhausted;
    case PlannerError::Kind::Offline:
        return TurnError::Kind::Offline;
    case PlannerError::Kind::Timeout:
        return TurnError::Kind::Timeout;
    case PlannerError::Kind::Server:
        return TurnError::Kind::Server;
    case PlannerError::Kind::BadRequest:
        return TurnError::Kind::BadRequest;
    case PlannerError::Kind::Unusable:
        return TurnError::Kind::Unusable;
    case PlannerError::Kind::Cancelled:
        return TurnError::Kind::Cancelled;
    }
    return TurnError::Kind::Server;
}

TurnError::Kind turnErrorKind(Error::Kind k) {
    switch (k) {
    case Error::Kind::Conflict:
        return TurnError::Kind::Conflict;
    case Error::Kind::NotFound:
        return TurnError::Kind::NotFound;
    case Error::Kind::Validation:
        return TurnError::Kind::Validation;
    default:
        return TurnError::Kind::Database;
    }
}

QString turnErrorKindName(TurnError::Kind k) {
    static const char16_t* names[] = {u"no-key",    u"key-rejected", u"quota-exhausted", u"offline",
                                      u"timeout",   u"server-error", u"bad-request",     u"unusable-answer",
                                      u"cancelled", u"conflict",     u"not-found",       u"validation",
                                      u"database",  u"busy"};
    return QString::fromUtf16(names[int(k)]);
}

} // namespace tp::conversation
