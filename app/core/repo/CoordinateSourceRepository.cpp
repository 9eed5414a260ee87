// SPDX-License-Identifier: GPL-3.0-or-later
#include "CoordinateSourceRepository.h"

using namespace Qt::StringLiterals;

namespace tp {

namespace {
constexpr int DetailMaxLength = 300; // the column's width

CoordinateSource fromRow(const SqlRow& r) {
    CoordinateSource s;
    s.destinationId = col::id(r, "destination_id");
    s.origin = coordinateOriginFromId(col::text(r, "source")).value_or(CoordinateOrigin::Typed);
    using namespace decimal_shape;
    s.latitude = col::decimal(r, "latitude", CoordinatePrecision, CoordinateScale).value_or(Decimal());
    s.longitude = col::decimal(r, "longitude", CoordinatePrecision, CoordinateScale).value_or(Decimal());
    s.detail = col::text(r, "detail");
    s.recordedAt = col::timestamp(r, "recorded_at");
    return s;
}

const QString Columns = u"destination_id, source, latitude, longitude, detail, recorded_at"_s;
} // namespace

void CoordinateSourceRepository::record(const Destination& d, CoordinateOrigin origin,
                                        const QString& detail) {
    if (!d.hasCoordinates()) {
        forget(d.id);
        return;
    }
    m_db.write(u"INSERT INTO tripplanner_coordinate_source (%1) VALUES (:id, :source, :lat, :lon, :detail, "
               u":now) ON CONFLICT (destination_id) DO UPDATE SET source = excluded.source, "
               u"latitude = excluded.latitude, longitude = excluded.longitude, detail = excluded.detail, "
               u"recorded_at = excluded.recorded_at"_s.arg(Columns),
               {{u"id"_s, d.id},
                {u"source"_s, coordinateOriginId(origin)},
                {u"lat"_s, *d.latitude},
                {u"lon"_s, *d.longitude},
                {u"detail"_s, detail.trimmed().left(DetailMaxLength)},
                {u"now"_s, QDateTime::currentDateTimeUtc()}});
}

void CoordinateSourceRepository::forget(Id destinationId) {
    m_db.execute(u"DELETE FROM tripplanner_coordinate_source WHERE destination_id = :id"_s,
                 {{u"id"_s, destinationId}});
}

std::optional<CoordinateSource> CoordinateSourceRepository::of(const Destination& d) {
    const SqlRows rows =
        m_db.query(u"SELECT %1 FROM tripplanner_coordinate_source WHERE destination_id = :id"_s.arg(Columns),
                   {{u"id"_s, d.id}});
    if (rows.isEmpty())
        return std::nullopt;
    CoordinateSource s = fromRow(rows.first());
    if (!s.describes(d))
        return std::nullopt;
    return s;
}

QHash<Id, CoordinateSource> CoordinateSourceRepository::all() {
    QHash<Id, CoordinateSource> out;
    for (const SqlRow& r : m_db.query(u"SELECT %1 FROM tripplanner_coordinate_source"_s.arg(Columns)))
        out.insert(col::id(r, "destination_id"), fromRow(r));
    return out;
}

} // namespace tp
