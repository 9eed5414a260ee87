// SPDX-License-Identifier: GPL-3.0-or-later
#include "Error.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace tp {

Error::Error(Kind kind, QString message, QList<FieldError> fieldErrors)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_fieldErrors(std::move(fieldErrors))
    , m_utf8(m_message.toUtf8()) {}

Error Error::validation(QList<FieldError> errors) {
    QStringList parts;
    for (const FieldError& e : errors)
        //: One field error in an error message: %1 is the field's key (an identifier such as
        //: "end_date", not translated), %2 the problem ("must not be before the start date").
        parts << QCoreApplication::translate("tp::Validation", "%1: %2").arg(e.field, e.message);
    return Error(Kind::Validation, parts.join(u"; "_s), std::move(errors));
}

Error Error::validation(const QString& field, const QString& message) {
    return validation(QList<FieldError>{{field, message}});
}

QString kindName(Error::Kind kind) {
    switch (kind) {
    case Error::Kind::Validation:
        return u"validation"_s;
    case Error::Kind::NotFound:
        return u"not found"_s;
    case Error::Kind::Conflict:
        return u"conflict"_s;
    case Error::Kind::Connection:
        return u"connection"_s;
    case Error::Kind::Database:
        return u"database"_s;
    case Error::Kind::Schema:
        return u"schema"_s;
    case Error::Kind::Config:
        return u"configuration"_s;
    case Error::Kind::Cancelled:
        return u"cancelled"_s;
    case Error::Kind::OutcomeUnknown:
        return u"outcome unknown"_s;
    }
    return u"error"_s;
}

} // namespace tp
