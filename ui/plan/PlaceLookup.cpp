// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlaceLookup.h"

#include <QThread>
#include <memory>

namespace tp::ui {

void lookUpPlace(QObject* context, const QString& text,
                 std::function<void(std::optional<geo::GeoMatch>)> done) {
    auto result = std::make_shared<std::optional<geo::GeoMatch>>();
    QThread* thread =
        QThread::create([text, result] { *result = geo::Gazetteer::instance().resolveText(text); });
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace tp::ui
