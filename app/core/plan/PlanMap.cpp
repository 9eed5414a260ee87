// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanMap.h"

#include <QHash>

namespace tp::plan {

namespace {

QString endLabel(const Place& p) {
    return p.code.isEmpty() ? p.name : p.code;
}

// Collects places, one per coordinate pair, and the routes between them.
class MapBuilder {
public:
    // The place's index, or -1 when it has no coordinates.
    int add(const Place& p, MapPlace::Kind kind, const QString& label, const QString& itemId) {
        if (!p.hasCoordinates())
            return -1;
        // Equal text is an equal point: the plan stores 6 decimals.
        const QString key = p.latitude->toString() + u',' + p.longitude->toString();
        auto it = m_byPoint.constFind(key);
        if (it == m_byPoint.cend()) {
            MapPlace place;
            place.kind = kind;
            place.latitude = p.latitude->toDouble();
            place.longitude = p.longitude->toDouble();
            it = m_byPoint.insert(key, int(m_map.places.size()));
            m_map.places << place;
        }
        MapPlace& place = m_map.places[*it];
        place.kind = std::min(place.kind, kind);
        if (!place.itemIds.contains(itemId)) {
            place.itemIds << itemId;
            place.labels << label;
        }
        return *it;
    }

    void route(MapRoute::Kind kind, int from, int to, const QString& itemId = {}, const QString& mode = {}) {
        if (from < 0 || to < 0 || from == to)
            return;
        const MapRoute r{kind, from, to, itemId, mode};
        if (!m_map.routes.contains(r))
            m_map.routes << r;
    }

    PlanMap& map() { return m_map; }

private:
    PlanMap m_map;
    QHash<QString, int> m_byPoint;
};

} // namespace

PlanMap planMap(const Plan& plan) {
    MapBuilder b;
    for (const Stay& s : plan.stays)
        b.add(s.place, MapPlace::Kind::Stay, s.name, s.id);
    for (const Activity& a : plan.activities)
        b.add(a.place, a.isScheduled() ? MapPlace::Kind::Activity : MapPlace::Kind::Idea, a.title, a.id);
    for (const Leg& l : plan.legs) {
        const int from = b.add(l.from.place, MapPlace::Kind::Stop, endLabel(l.from.place), l.id);
        const int to = b.add(l.to.place, MapPlace::Kind::Stop, endLabel(l.to.place), l.id);
        b.route(MapRoute::Kind::Leg, from, to, l.id, l.mode);
    }
    return std::move(b.map());
}

PlanMap dayMap(const ItineraryDay& day, const Plan& plan) {
    MapBuilder b;
    int previous = -1;
    // The way goes on from the last place reached (a place without
    // coordinates leaves it where it was).
    auto reach = [&](int place) {
        if (place < 0)
            return;
        b.route(MapRoute::Kind::Sequence, previous, place);
        previous = place;
    };
    for (const ItineraryEntry& e : day.entries) {
        if (const Leg* l = plan.leg(e.itemId)) {
            const int from = b.add(l->from.place, MapPlace::Kind::Stop, endLabel(l->from.place), l->id);
            const int to = b.add(l->to.place, MapPlace::Kind::Stop, endLabel(l->to.place), l->id);
            reach(from);
            b.route(MapRoute::Kind::Leg, from, to, l->id, l->mode);
            if (to >= 0)
                previous = to;
        } else if (const Stay* s = plan.stay(e.itemId)) {
            reach(b.add(s->place, MapPlace::Kind::Stay, s->name, s->id));
        } else if (const Activity* a = plan.activity(e.itemId)) {
            reach(b.add(a->place, MapPlace::Kind::Activity, a->title, a->id));
        }
    }
    if (const Stay* night = plan.stay(day.nightStayId))
        reach(b.add(night->place, MapPlace::Kind::Stay, night->name, night->id));
    PlanMap& map = b.map();
    for (int i = 0; i < map.places.size(); ++i)
        map.places[i].order = i + 1;
    return std::move(map);
}

} // namespace tp::plan
