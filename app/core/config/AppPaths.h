// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tp {

// Identity used for QSettings, QStandardPaths and the keychain service name.
inline constexpr char OrganizationName[] = "TripPlanner";
inline constexpr char ApplicationName[] = "TripPlanner";

// Sets the organisation and application names on the running QCoreApplication
// so that settings and data land in the same places for the GUI and the CLI.
void setApplicationIdentity();

// The embedded database file in the platform's app-data folder
// (~/.local/share/TripPlanner/tripplanner.sqlite3 on Linux,
// %LOCALAPPDATA%\TripPlanner\tripplanner.sqlite3 on Windows,
// ~/Library/Application Support/TripPlanner/... on macOS).
QString defaultDatabaseFile();

// The OS account name, for the local user created on first run.
QString osUserName();

} // namespace tp
