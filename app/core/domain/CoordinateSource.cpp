// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoordinateSource.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace tp {

namespace {
struct OriginName {
    CoordinateOrigin origin;
    const char16_t* id;
    const char* label; // shown through QCoreApplication::translate("tp::CoordinateSource", label)
};
constexpr std::array<OriginName, 7> Origins{{
    {CoordinateOrigin::Typed, u"typed", QT_TRANSLATE_NOOP("tp::CoordinateSource", "typed in")},
    {CoordinateOrigin::Map, u"map", QT_TRANSLATE_NOOP("tp::CoordinateSource", "picked on the map")},
    {CoordinateOrigin::Gazetteer, u"gazetteer",
     QT_TRANSLATE_NOOP("tp::CoordinateSource", "the offline gazetteer")},
    {CoordinateOrigin::CountryCentre, u"country_centre",
     QT_TRANSLATE_NOOP("tp::CoordinateSource", "the centre of the country")},
    {CoordinateOrigin::Nominatim, u"nominatim",
     QT_TRANSLATE_NOOP("tp::CoordinateSource", "OpenStreetMap Nominatim")},
    {CoordinateOrigin::Model, u"model", QT_TRANSLATE_NOOP("tp::CoordinateSource", "the AI planner")},
    {CoordinateOrigin::Catalogue, u"catalogue",
     QT_TRANSLATE_NOOP("tp::CoordinateSource", "the bundled catalogue")},
}};
} // namespace

QString coordinateOriginId(CoordinateOrigin origin) {
    for (const OriginName& o : Origins)
        if (o.origin == origin)
            return QString::fromUtf16(o.id);
    return u"typed"_s;
}

std::optional<CoordinateOrigin> coordinateOriginFromId(const QString& id) {
    for (const OriginName& o : Origins)
        if (id == QStringView(o.id))
            return o.origin;
    return std::nullopt;
}

QString coordinateOriginLabel(CoordinateOrigin origin) {
    for (const OriginName& o : Origins)
        if (o.origin == origin)
            return QCoreApplication::translate("tp::CoordinateSource", o.label);
    return {};
}

bool CoordinateSource::describes(const Destination& d) const {
    return d.id == destinationId && d.latitude && d.longitude && *d.latitude == latitude &&
           *d.longitude == longitude;
}

QString CoordinateSource::text() const {
    const QString label = coordinateOriginLabel(origin);
    return detail.isEmpty() ? label : u"%1 (%2)"_s.arg(label, detail);
}

} // namespace tp
