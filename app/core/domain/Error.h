// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <exception>

namespace tp {

// One validation problem, tied to the field the user has to fix.
struct FieldError {
    QString field;
    QString message;
    bool operator==(const FieldError&) const = default;
};

// The core's exception for everything but the planner. The planners throw
// conversation::PlannerError (a model's failure: no key, quota, timeout, an
// unusable answer), and the standard library may throw its own (bad_alloc,
// ...). A slot run on a worker thread catches all three (std::exception and
// `...` last) and hands a kind and a message across threads as values.
class Error : public std::exception {
public:
    enum class Kind {
        Validation, // bad input; fieldErrors() says which field and why
        NotFound,   // no such row for this user
        Conflict,   // duplicate key or a stale state (someone else changed it)
        Connection, // the database cannot be reached or the connection dropped
        Database,   // the server rejected a statement
        Schema,     // schema missing, unknown, or newer than this app
        Config,     // a malformed URL or setting
        Cancelled,  // stopped on request (quitting, a Cancel button) or by a time limit
        // The connection was lost while COMMIT was on its way: the change may or
        // may not have been saved; the caller reads again to find out.
        OutcomeUnknown,
    };

    Error(Kind kind, QString message, QList<FieldError> fieldErrors = {});

    static Error validation(QList<FieldError> errors);
    static Error validation(const QString& field, const QString& message);

    Kind kind() const { return m_kind; }
    const QString& message() const { return m_message; }
    const QList<FieldError>& fieldErrors() const { return m_fieldErrors; }
    // Native SQLSTATE or driver code, when the error came from the database.
    const QString& nativeCode() const { return m_nativeCode; }
    void setNativeCode(const QString& code) { m_nativeCode = code; }

    const char* what() const noexcept override { return m_utf8.constData(); }

private:
    Kind m_kind;
    QString m_message;
    QList<FieldError> m_fieldErrors;
    QString m_nativeCode;
    QByteArray m_utf8;
};

QString kindName(Error::Kind kind);

} // namespace tp
