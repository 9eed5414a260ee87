// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanLayer.h"
#include "TileFetcher.h"
#include "domain/Entities.h"
#include "draw/Basemap.h"
#include "geo/MarkerClusterer.h"
#include "geo/Mercator.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QPixmap>
#include <QPointer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

class QToolButton;

namespace tp::ui {

// The map: a Web Mercator view painted with QPainter.
//
// - Basemap: Natural Earth land and borders, offline, at every zoom (Basemap).
// - Optional online raster tiles (TileFetcher), drawn over the basemap where they
//   have arrived, with their attribution drawn on the map; offline, the basemap
//   shows silently.
// - Destinations with coordinates as clustered markers (MarkerClusterer); the
//   selected one highlighted above everything; recommendation locations with their
//   own marker style (placed from their coordinates, or the offline gazetteer).
// - Pan by dragging or the arrow keys, zoom with the wheel (around the cursor),
//   pinch, double click, +/- keys and buttons; a fit-to-markers button (Home key).
// - Clicking a marker emits destinationActivated(id); clicking a cluster zooms
//   into it; tooltips show name, country, best time to visit and daily cost.
// - A legend (top right) says what each marker's colour means, for the kinds
//   of marker the map holds; a button hides and shows it.
// - The attribution (bottom right) names what the frame drew: the tile
//   server's credit when its tiles were drawn, Natural Earth's when the
//   built-in basemap was.
// - The basemap and the legend follow the palette (a dark palette: a dark map).
// - The trip map (showTrip) fits the trip's places whenever they change.
// - The trip's plan (setPlan, PlanLayer): stays, activities, ideas and legs'
//   ends as markers of their own, legs as arcs; clicking one emits
//   planItemActivated(id).
class MapWidget : public QWidget {
    Q_OBJECT
public:
    explicit MapWidget(QWidget* parent = nullptr);
    ~MapWidget() override;

    // --- data ---------------------------------------------------------------
    // Destinations without coordinates are not shown. Keeps the selection when
    // the selected id is still there. Fast for 50,000 destinations (~0.1 s).
    void setDestinations(const QList<tp::Destination>& destinations);
    // Recommendations.locations: [{name, country, description, latitude?, longitude?}].
    // Locations without coordinates are placed by the offline gazetteer
    // (tooltip says "approximate"); those it cannot place are skipped.
    void setRecommendations(const QJsonArray& locations);
    int destinationMarkerCount() const { return int(m_markers.size()); }
    int recommendationMarkerCount() const { return int(m_recs.size()); }

    // Highlights a destination and centres the map on it (when `centre`); 0
    // clears the selection. Selecting the destination already selected moves
    // nothing (so echoing a marker click back does not jump the map).
    void setSelectedDestination(qint64 id, bool centre = true);
    qint64 selectedDestination() const { return m_selectedId; }

    // --- the trip -------------------------------------------------------------
    // The trip map: the trip's destination (0: none yet) highlighted as the
    // chosen one and its recommendations. The view fits them (one place at a
    // country's scale, none: the world) and keeps fitting them when the map is
    // resized or the catalogue arrives, until the user pans or zooms; Home and
    // the fit button fit them again.
    void showTrip(qint64 destinationId, const QJsonArray& recommendations);
    bool isTripMap() const { return m_tripMap; }
    // The plan's places and routes (plan::planMap for the trip, plan::dayMap
    // for one day); an empty map clears them. A trip map fits them with its
    // other places.
    void setPlan(const plan::PlanMap& map);
    const PlanLayer& planLayer() const { return m_plan; }
    bool followsTrip() const { return m_followTrip; }
    // The view on the trip's places (see showTrip).
    void fitToTrip();

    // --- view ---------------------------------------------------------------
    geo::LonLat center() const;
    void setCenter(geo::LonLat center);
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    double minimumZoom() const;
    void zoomIn();
    void zoomOut();
    // Zooms by `levels` keeping the map point under `anchor` (widget pixels) still.
    void zoomAround(double levels, QPointF anchor);
    void panBy(QPointF pixels);
    // Shows every marker (the world when there is none).
    void fitToMarkers();
    // Home key and fit button: the trip's places on a trip map, else every marker.
    void fitView();
    // Fits `unitRect` into `viewport` (widget pixels; by default the part the
    // legend leaves free).
    void fitToUnitRect(const QRectF& unitRect, double maxZoom = 12, QRectF viewport = {});
    // Where markers can be seen whole: the widget without the legend's corner.
    QRectF unobstructedRect() const;
    // Widget pixel of a point (the copy of the world nearest the centre).
    QPointF toScreen(geo::LonLat p) const;
    geo::LonLat toLonLat(QPointF widgetPos) const;

    // --- picking --------------------------------------------------------------
    // In pick mode every click is a mapClicked(), markers or not (the coordinate picker).
    void setPickMode(bool on) { m_pickMode = on; }

    // --- a pin ---------------------------------------------------------------
    // One point drawn above everything (the coordinate picker's choice); nullopt hides it.
    void setPin(std::optional<geo::LonLat> pin);
    std::optional<geo::LonLat> pin() const { return m_pin; }

    // --- online tiles -------------------------------------------------------
    // Off by default. When on, visible tiles are fetched from config.urlTemplate.
    void setOnlineTiles(bool enabled, const TileSourceConfig& config = {});
    // The app's choice (Settings, map page) for every map, those that exist and
    // those made later: the GUI thread only.
    static void setOnlineTilesForAll(bool enabled, const TileSourceConfig& config = {});
    bool onlineTilesEnabled() const { return m_fetcher != nullptr; }
    TileFetcher* tileFetcher() const { return m_fetcher; }
    // What the last frame credited and where (widget pixels): the tile
    // server's attribution when its tiles were drawn, "Made with Natural Earth"
    // when the basemap was, both when both were; empty before the first frame.
    QString attributionText() const { return m_attributionText; }
    QRect attributionRect() const { return m_attributionRect; }

    // --- legend ---------------------------------------------------------------
    enum class LegendKind {
        Selected,
        Destination,
        Cluster,
        Recommendation,
        Pin,
        PlanStay,
        PlanActivity,
        PlanIdea,
        PlanStop,
        PlanLeg
    };
    struct LegendEntry {
        LegendKind kind;
        QString text;
    };
    // What the legend lists: one line for each kind of marker the map holds.
    QList<LegendEntry> legendEntries() const;
    // Where the legend panel is drawn (widget pixels); empty when it is hidden,
    // there is nothing to explain, or the map is too small for it.
    QRect legendRect() const { return m_legendShown ? m_legendRect : QRect(); }
    void setLegendExpanded(bool expanded);
    bool legendExpanded() const { return m_legendExpanded; }

    // --- export -------------------------------------------------------------
    QImage renderImage(); // the widget as shown (QWidget::grab), buttons and all
    // The map as a picture: what the widget shows without its controls (zoom
    // and fit buttons, the legend's hide button); the legend panel and the
    // attribution are part of it. At the screen's device pixel ratio.
    QImage exportImage();
    bool exportPng(const QString& path); // exportImage() as PNG

    // --- statistics (tests, benchmark) --------------------------------------
    int lastFrameItems() const { return int(m_hits.size()); }
    // Whether the last paint drew everything (no tile or label left for a later frame).
    bool lastFrameComplete() const { return m_frameComplete; }
    qint64 basemapCacheBytes() const { return m_basemap.cacheBytes(); }
    size_t clusterMemoryBytes() const { return m_clusterer.memoryBytes(); }

signals:
    // A click (not a drag) on the map where no marker is.
    void mapClicked(tp::geo::LonLat where);
    void destinationActivated(qint64 id);
    void recommendationActivated(int index);
    // A plan marker clicked: the first item at that place (a stay before an
    // activity before a leg).
    void planItemActivated(const QString& itemId);
    void viewChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Marker {
        qint64 id = 0;
        QPointF unit;
        QString name;
        QString city;
        QString country;
        QString bestTime;
        QString dailyCost;
    };
    struct RecMarker {
        int index = 0;
        QPointF unit;
        QString name;
        QString country;
        QString description;
        bool approximate = false;
    };
    enum class HitKind { Destination, Cluster, Recommendation, PlanPlace };
    struct Hit {
        QPointF pos;
        double radius = 0;
        HitKind kind = HitKind::Destination;
        int ref = -1;         // marker / recommendation / plan place index
        QRectF clusterBounds; // unit, for clusters
        int count = 1;
    };

    QPointF topLeftWorldPx() const;
    double worldPx() const { return geo::worldSize(m_zoom); }
    QPointF unitToScreen(QPointF unit) const;
    void clampView();
    void changed();
    void layoutButtons();
    void layoutLegend();
    void applyPalette();
    void userMovedView() { m_followTrip = false; }
    void paintMap(QPainter& p); // everything but the child widgets
    void drawTiles(QPainter& p);
    bool drawFallback(QPainter& p, const geo::TileId& id, const QRect& target) const;
    void drawMarkers(QPainter& p);
    void drawAttribution(QPainter& p);
    void drawLegend(QPainter& p);
    void drawPin(QPainter& p);
    const QPixmap& clusterSprite(int count);
    const QPixmap& plainClusterSprite(int count); // a disc without its number, for one frame
    void queueRepaint();                          // once, after this event
    std::optional<Hit> hitAt(QPointF pos) const;
    QString tooltipFor(const Hit& hit) const;

    Basemap m_basemap;
    TileFetcher* m_fetcher = nullptr;
    std::vector<Marker> m_markers;
    QHash<qint64, int> m_markerById;
    std::vector<RecMarker> m_recs;
    PlanLayer m_plan;
    geo::MarkerClusterer m_clusterer;
    qint64 m_selectedId = 0;
    bool m_tripMap = false;
    qint64 m_tripDestinationId = 0;
    bool m_followTrip = false;
    std::optional<geo::LonLat> m_pin;
    bool m_pickMode = false;

    QPointF m_center{0.5, 0.5}; // unit
    double m_zoom = 2;

    std::vector<Hit> m_hits; // what the last frame drew, topmost last
    std::vector<geo::MarkerClusterer::Cluster> m_scratch;
    QHash<int, QPixmap> m_clusterSprites;
    QHash<int, QPixmap> m_plainClusterSprites;
    QPixmap m_markerSprite, m_selectedSprite, m_recSprite;

    QPoint m_pressPos;
    QPointF m_lastDragPos;
    bool m_dragging = false;
    bool m_repaintQueued = false;
    bool m_wholeFrame = false; // renderImage(): no frame budget
    bool m_frameComplete = true;
    bool m_frameDrewTiles = false;   // online tiles
    bool m_frameDrewBasemap = false; // the built-in basemap
    QString m_attributionText;
    QRect m_attributionRect;
    bool m_legendExpanded = true;
    bool m_legendChosen = false; // the user (or a caller) opened or folded it
    bool m_legendShown = false;  // expanded, something to explain, and room for it
    QRect m_legendRect;
    bool m_pressOnLegend = false;
    QToolButton* m_legendButton = nullptr;
    QToolButton* m_zoomInButton = nullptr;
    QToolButton* m_zoomOutButton = nullptr;
    QToolButton* m_fitButton = nullptr;
};

} // namespace tp::ui
