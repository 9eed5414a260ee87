// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/Gazetteer.h"

#include <QObject>
#include <functional>

namespace tp::ui {

// The offline gazetteer look-up of "Catania" or "Valencia, Spain", as the
// destination editor does it: off the GUI thread, because the gazetteer is
// read on its first use (about 50 ms). `done` runs on `context`'s thread and
// not at all once `context` is gone.
void lookUpPlace(QObject* context, const QString& text,
                 std::function<void(std::optional<geo::GeoMatch>)> done);

} // namespace tp::ui
