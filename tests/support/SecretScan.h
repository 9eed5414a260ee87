// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Whether `text` holds any piece of `secret` long enough to matter: every run of
// `minimum` characters of the secret is looked for, so a message that prints
// half a password ("13x@127.0.0.1…") is caught as well as one that prints it whole.
namespace tp::test {

inline QString secretPartIn(const QString& text, const QString& secret, qsizetype minimum = 5) {
    if (secret.size() < minimum)
        return text.contains(secret) ? secret : QString();
    for (qsizetype i = 0; i + minimum <= secret.size(); ++i) {
        const QString piece = secret.mid(i, minimum);
        if (text.contains(piece))
            return piece;
    }
    return {};
}

} // namespace tp::test
