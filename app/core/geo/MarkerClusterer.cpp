// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkerClusterer.h"

#include "Mercator.h"

#include <algorithm>
#include <cmath>

namespace tp::geo {

namespace {

bool byX(const MarkerClusterer::Cluster& a, const MarkerClusterer::Cluster& b) {
    return a.x < b.x;
}

// Groups `in` by cells of `cell` unit size; returns the merged clusters.
std::vector<MarkerClusterer::Cluster> groupByCell(const std::vector<MarkerClusterer::Cluster>& in,
                                                  double cell) {
    struct Keyed {
        quint64 key;
        int i;
    };
    std::vector<Keyed> keys;
    keys.reserve(in.size());
    for (int i = 0; i < int(in.size()); ++i) {
        const auto cx = quint64(std::max(0.0, std::floor(in[i].x / cell)));
        const auto cy = quint64(std::max(0.0, std::floor(in[i].y / cell)));
        keys.push_back({(cy << 32) | (cx & 0xffffffffu), i});
    }
    std::sort(keys.begin(), keys.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });

    std::vector<MarkerClusterer::Cluster> out;
    out.reserve(in.size() / 2 + 1);
    for (size_t k = 0; k < keys.size();) {
        size_t end = k;
        double sx = 0, sy = 0;
        int count = 0;
        MarkerClusterer::Cluster c = in[keys[k].i];
        while (end < keys.size() && keys[end].key == keys[k].key) {
            const auto& m = in[keys[end].i];
            sx += m.x * m.count;
            sy += m.y * m.count;
            count += m.count;
            c.minX = std::min(c.minX, m.minX);
            c.minY = std::min(c.minY, m.minY);
            c.maxX = std::max(c.maxX, m.maxX);
            c.maxY = std::max(c.maxY, m.maxY);
            ++end;
        }
        if (count > c.count) {
            c.x = sx / count;
            c.y = sy / count;
            c.count = count;
            c.index = -1;
        }
        out.push_back(c);
        k = end;
    }
    std::sort(out.begin(), out.end(), byX);
    return out;
}

} // namespace

void MarkerClusterer::clear() {
    m_points.clear();
    m_levels.clear();
    m_firstPointLevel = 0;
}

void MarkerClusterer::build(const QList<QPointF>& unitPoints, int maxZoom, double radiusPx) {
    clear();
    m_maxZoom = std::clamp(maxZoom, 0, 24);
    m_radiusPx = radiusPx;
    m_points.reserve(unitPoints.size());
    for (int i = 0; i < unitPoints.size(); ++i) {
        const QPointF p = unitPoints[i];
        Cluster c;
        c.x = std::clamp(p.x(), 0.0, 1.0);
        c.y = std::clamp(p.y(), 0.0, 1.0);
        c.count = 1;
        c.index = i;
        c.minX = c.maxX = float(c.x);
        c.minY = c.maxY = float(c.y);
        m_points.push_back(c);
    }
    std::sort(m_points.begin(), m_points.end(), byX);

    // From the highest level down: as long as nothing merges, a level is the
    // points themselves; once merging starts every lower level is stored.
    std::vector<std::vector<Cluster>> reversed; // m_maxZoom, m_maxZoom - 1, ...
    const std::vector<Cluster>* previous = &m_points;
    m_firstPointLevel = m_maxZoom + 1;
    for (int z = m_maxZoom; z >= 0; --z) {
        std::vector<Cluster> level = groupByCell(*previous, m_radiusPx / worldSize(z));
        if (reversed.empty() && level.size() == m_points.size()) {
            m_firstPointLevel = z;
            continue;
        }
        reversed.push_back(std::move(level));
        previous = &reversed.back();
    }
    m_levels.assign(std::make_move_iterator(reversed.rbegin()), std::make_move_iterator(reversed.rend()));
}

int MarkerClusterer::levelFor(double zoom) const {
    return std::clamp(int(std::lround(zoom)), 0, m_maxZoom + 1);
}

const std::vector<MarkerClusterer::Cluster>& MarkerClusterer::levelData(int level) const {
    if (level >= m_firstPointLevel || level >= int(m_levels.size()))
        return m_points;
    return m_levels[size_t(std::max(0, level))];
}

int MarkerClusterer::clusterCount(int level) const {
    return int(levelData(level).size());
}

void MarkerClusterer::query(const QRectF& unitRect, double zoom, std::vector<Cluster>& out) const {
    const auto& data = levelData(levelFor(zoom));
    Cluster probe;
    probe.x = unitRect.left();
    auto it = std::lower_bound(data.begin(), data.end(), probe, byX);
    const double right = unitRect.right();
    const double top = unitRect.top();
    const double bottom = unitRect.bottom();
    for (; it != data.end() && it->x <= right; ++it) {
        if (it->y >= top && it->y <= bottom)
            out.push_back(*it);
    }
}

QList<MarkerClusterer::Cluster> MarkerClusterer::query(const QRectF& unitRect, double zoom) const {
    std::vector<Cluster> v;
    query(unitRect, zoom, v);
    return QList<Cluster>(v.begin(), v.end());
}

size_t MarkerClusterer::memoryBytes() const {
    size_t bytes = m_points.capacity() * sizeof(Cluster);
    for (const auto& l : m_levels)
        bytes += l.capacity() * sizeof(Cluster);
    return bytes;
}

} // namespace tp::geo
