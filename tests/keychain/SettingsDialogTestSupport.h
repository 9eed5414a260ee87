// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/SettingsDialog.h"

#include <QSignalSpy>
#include <QTest>

// The settings dialog reads and writes the keychain asynchronously: a test
// waits for its answers (the event loop running) instead of a blocking call.
namespace tp::test {

// True once the dialog's secret fields are filled (at once if they already are).
inline bool secretsLoaded(ui::SettingsDialog& d, int timeoutMs = 70000) {
    return QTest::qWaitFor([&d] { return d.secretsReady(); }, timeoutMs);
}

// Saves and waits for saveFinished; its verdict (false when it never came).
inline bool saved(ui::SettingsDialog& d, int timeoutMs = 70000) {
    QSignalSpy finished(&d, &ui::SettingsDialog::saveFinished);
    d.save();
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, timeoutMs))
        return false;
    return finished.first().first().toBool();
}

} // namespace tp::test
