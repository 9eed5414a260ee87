#include "TripQueries.h"

#include "domain/Validation.h"
#include "repo/RowMapping.h"

using namespace Qt::StringLiterals;

namespace tp::tripqueries {

namespace {

QString whereSql(Database& db, Id userId, const TripFilter& f, SqlParams& params) {
    QString where = u"t.user_id = :user"_s;
    params.append({u"user"_s, userId});
    if (!f.status.isEmpty()) {
        where += u" AND t.status = :status"_s;
        params.append({u"status"_s, f.status});
    }
    if (f.from.isValid()) {
        where += u" AND COALESCE(t.end_date, t.start_date) >= :from"_s;
        params.append({u"from"_s, f.from});
    }
    if (f.to.isValid()) {
        where += u" AND COALESCE(t.start_date, t.end_date) <= :to"_s;
        params.append({u"to"_s, f.to});
    }
    if (!f.text.trimmed().isEmpty()) {
        const QString like = db.isPostgres() ? u"ILIKE"_s : u"LIKE"_s;
        where +=
            u" AND (t.title %1 :text ESCAPE '!' OR COALESCE(t.description, '') %1 :text ESCAPE '!')"_s.arg(
                like);
        params.append({u"text"_s, rows::likePattern(f.text.trimmed())});
    }
    return where;
}

QString orderSql(Database& db, SortKey key, bool descending) {
    const QString dir = descending ? u" DESC"_s : u" ASC"_s;
    // NULLs last in both directions, on both engines.
    auto nullsLast = [&](const QString& expr) {
        return u"(%1 IS NULL), %1"_s.arg(expr) + dir;
    };
    QString primary;
    switch (key) {
    case SortKey::Created:
        return u"t.created_at"_s + dir + u", t.id"_s + dir;
    case SortKey::Title:
        primary = u"lower(t.title)"_s + dir;
        break;
    case SortKey::Destination:
        primary = nullsLast(u"lower(d.name)"_s);
        break;
    case SortKey::Dates:
        primary = nullsLast(u"t.start_date"_s);
        break;
    case SortKey::Duration:
        primary = nullsLast(db.isPostgres() ? u"(t.end_date - t.start_date)"_s
                                            : u"(julianday(t.end_date) - julianday(t.start_date))"_s);
        break;
    case SortKey::Budget:
        primary = nullsLast(db.isPostgres() ? u"t.budget"_s : u"CAST(t.budget AS REAL)"_s);
        break;
    case SortKey::Travellers:
        primary = u"t.travelers_count"_s + dir;
        break;
    case SortKey::Status:
        primary = u"t.status"_s + dir;
        break;
    }
    return primary + u", t.created_at DESC, t.id DESC"_s;
}

} // namespace

TripPage page(Database& db, Id userId, const TripFilter& filter, SortKey key, bool descending, int limit,
              int offset, bool withCount) {
    TripPage out;
    SqlParams params;
    const QString where = whereSql(db, userId, filter, params);
    if (withCount) {
        const SqlRows n = db.query(u"SELECT count(*) AS n FROM api_trip t WHERE "_s + where, params);
        out.total = n.isEmpty() ? 0 : col::integer(n.first(), "n");
    }
    SqlParams pageParams = params;
    pageParams.append({u"limit"_s, limit});
    pageParams.append({u"offset"_s, offset});
    const SqlRows r = db.query(
        u"SELECT "_s + rows::tripColumns +
            u" FROM api_trip t LEFT JOIN api_destination d ON d.id = t.destination_id WHERE "_s + where +
            u" ORDER BY "_s + orderSql(db, key, descending) + u" LIMIT :limit OFFSET :offset"_s,
        pageParams);
    out.trips.reserve(r.size());
    for (const SqlRow& row : r)
        out.trips << rows::trip(row);
    return out;
}

int count(Database& db, Id userId, const TripFilter& filter) {
    SqlParams params;
    const QString where = whereSql(db, userId, filter, params);
    const SqlRows n = db.query(u"SELECT count(*) AS n FROM api_trip t WHERE "_s + where, params);
    return n.isEmpty() ? 0 : col::integer(n.first(), "n");
}

Trip restore(Database& db, Id userId, const Trip& trip) {
    validation::require(validation::checkTrip(trip));
    return db.transaction([&] {
        std::optional<Id> destination = trip.destinationId;
        if (destination &&
            db.query(u"SELECT id FROM api_destination WHERE id = :id"_s, {{u"id"_s, *destination}}).isEmpty())
            destination.reset(); // deleted meanwhile: the trip comes back without it
        const QDateTime created = trip.createdAt.isValid() ? trip.createdAt : QDateTime::currentDateTimeUtc();
        db.execute(
            u"INSERT INTO api_trip (id, title, description, start_date, end_date, budget, status, "
            u"travelers_count, created_at, updated_at, destination_id, user_id) VALUES (:id, :title, "
            u":description, :start, :end, :budget, :status, :travelers, :created, :now, :destination, :user)"_s,
            {{u"id"_s, trip.id},
             {u"title"_s, trip.title.trimmed()},
             {u"description"_s, SqlValue::textOrNull(trip.description)},
             {u"start"_s, trip.startDate},
             {u"end"_s, trip.endDate},
             {u"budget"_s, trip.budget},
             {u"status"_s, trip.status},
             {u"travelers"_s, trip.travelersCount},
             {u"created"_s, created},
             {u"now"_s, QDateTime::currentDateTimeUtc()},
             {u"destination"_s, destination},
             {u"user"_s, userId}});
        return TripRepository(db, userId).get(trip.id);
    });
}

bool matches(const Trip& trip, const TripFilter& f) {
    if (!f.status.isEmpty() && trip.status != f.status)
        return false;
    const QDate end = trip.endDate.isValid() ? trip.endDate : trip.startDate;
    const QDate start = trip.startDate.isValid() ? trip.startDate : trip.endDate;
    if (f.from.isValid() && (!end.isValid() || end < f.from))
        return false;
    if (f.to.isValid() && (!start.isValid() || start > f.to))
        return false;
    const QString text = f.text.trimmed();
    if (!text.isEmpty() && !trip.title.contains(text, Qt::CaseInsensitive) &&
        !trip.description.contains(text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace tp::tripqueries
