// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppIdentity.h"

#include <QString>
#include <QtGlobal>

namespace tp {

QByteArray appUserAgent() {
    // TP_APP_VERSION: the project's version, set on this file by app/core/CMakeLists.txt.
    return "TripPlanner/" + QByteArray(TP_APP_VERSION) + " (desktop trip planner; Qt " +
           QByteArray(qVersion()) + ")";
}

} // namespace tp
