// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <vector>

namespace tp::geo {

// Grid clustering per integer zoom level, precomputed once for a set of points
// (unit Web Mercator coordinates, see Mercator.h) so that a frame only has to
// look up the clusters in its viewport.
//
// Level z groups the clusters of level z + 1 by square cells of `radiusPx`
// screen pixels at zoom z (the grid is fixed in world space, so panning never
// reshuffles clusters). A cluster sits at the mean of its points and knows their
// bounding box. Levels where no two points share a cell are not stored: they
// are the points themselves.
class MarkerClusterer {
public:
    struct Cluster {
        double x = 0; // unit coordinates
        double y = 0;
        int count = 0;
        int index = -1;                               // the point's index in build()'s list when count == 1
        float minX = 0, minY = 0, maxX = 0, maxY = 0; // bounding box of the points
        bool isSingle() const { return count == 1; }
        QRectF bounds() const { return QRectF(QPointF(minX, minY), QPointF(maxX, maxY)); }
    };

    void build(const QList<QPointF>& unitPoints, int maxZoom = 18, double radiusPx = 44);
    void clear();

    int pointCount() const { return int(m_points.size()); }
    int maxZoom() const { return m_maxZoom; }
    double radiusPx() const { return m_radiusPx; }
    // The integer level used for a fractional zoom.
    int levelFor(double zoom) const;
    // Number of clusters at a level (all points when the level is not stored).
    int clusterCount(int level) const;

    // Clusters whose position lies in `unitRect` (x and y in [0, 1]; a caller
    // handling the antimeridian splits its rectangle). Appends to `out`.
    void query(const QRectF& unitRect, double zoom, std::vector<Cluster>& out) const;
    QList<Cluster> query(const QRectF& unitRect, double zoom) const;

    // Approximate heap use, for the benchmark.
    size_t memoryBytes() const;

private:
    const std::vector<Cluster>& levelData(int level) const;

    std::vector<Cluster> m_points;              // sorted by x
    std::vector<std::vector<Cluster>> m_levels; // [0, m_firstPointLevel), each sorted by x
    int m_firstPointLevel = 0;                  // levels >= this are the points
    int m_maxZoom = 18;
    double m_radiusPx = 44;
};

} // namespace tp::geo
