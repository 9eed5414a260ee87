// SPDX-License-Identifier: GPL-3.0-or-later
#include "MapWidget.h"

#include "draw/Contrast.h"
#include "geo/Gazetteer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {

const QColor MarkerColor(0x1f, 0x6f, 0xd6);
const QColor SelectedColor(0xe0, 0x36, 0x2c);
const QColor RecColor(0xf0, 0x8c, 0x00);
const QColor ClusterColor(0x2b, 0x8a, 0x7e);

constexpr double MarkerRadius = 6;
constexpr double SelectedRadius = 10;
constexpr double RecRadius = 9;

// The trip map's zoom on a single place: a country and its neighbours.
constexpr double SinglePlaceZoom = 5;
// ... and at most this close on several: the basemap has no place names, so
// neighbouring countries' outlines are what tells where the places are.
constexpr double TripPlacesMaxZoom = 6;
// With online tiles, a plan's places: a district, a single one a neighbourhood.
constexpr double PlanPlacesMaxZoom = 14;
constexpr double PlanPlaceZoom = 13;

// Natural Earth asks no credit but suggests this short text
// (https://www.naturalearthdata.com/about/terms-of-use/).
QString naturalEarthCredit() {
    return QObject::tr("Made with Natural Earth");
}

// The smallest rectangle holding the points on a world that wraps east to
// west: a trip across the Pacific is framed across the date line (its left
// edge may lie east of its right one, i.e. its right edge beyond 1), not
// across the whole world. Null for no points.
QRectF wrappedBounds(QList<QPointF> points) {
    if (points.isEmpty())
        return {};
    std::sort(points.begin(), points.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    // The widest gap between neighbours (the last to the first round the
    // back of the world included) is what the frame leaves out.
    qsizetype start = 0;
    double widestGap = points.first().x() + 1 - points.last().x();
    for (qsizetype i = 1; i < points.size(); ++i) {
        const double gap = points[i].x() - points[i - 1].x();
        if (gap > widestGap) {
            widestGap = gap;
            start = i;
        }
    }
    const double left = points[start].x();
    const double width = 1 - widestGap;
    double top = points.first().y(), bottom = top;
    for (const QPointF& p : std::as_const(points)) {
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    return QRectF(QPointF(left, top), QSizeF(std::max(width, 1e-9), std::max(bottom - top, 1e-9)));
}

QString clusterLabel(int count) {
    if (count < 1000)
        return QString::number(count);
    if (count < 10000)
        return QString::number(count / 1000.0, 'f', 1) + u'k';
    return QString::number(count / 1000) + u'k';
}

int clusterKey(int count) {
    if (count < 1000)
        return count;
    if (count < 10000)
        return 1000 + count / 100;
    return 2000 + count / 1000;
}

double clusterRadius(int count) {
    return std::min(26.0, 11.0 + 4.0 * std::log10(double(count)));
}

QPixmap makeSprite(double radius, qreal dpr, const std::function<void(QPainter&, QPointF)>& draw) {
    const int side = int(std::ceil(2 * radius + 6));
    QPixmap pm(QSize(side, side) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    draw(p, QPointF(side / 2.0, side / 2.0));
    return pm;
}

void drawCentered(QPainter& p, const QPixmap& pm, QPointF at) {
    const QSizeF s = pm.deviceIndependentSize();
    p.drawPixmap(QPointF(std::round(at.x() - s.width() / 2), std::round(at.y() - s.height() / 2)), pm);
}

std::optional<double> jsonNumber(const QJsonObject& o, std::initializer_list<QStringView> keys) {
    for (QStringView k : keys) {
        const QJsonValue v = o.value(k);
        if (v.isDouble())
            return v.toDouble();
        if (v.isString()) {
            bool ok = false;
            const double d = v.toString().trimmed().toDouble(&ok);
            if (ok)
                return d;
        }
    }
    return std::nullopt;
}

} // namespace

namespace {
// The app-wide online tile choice and the maps it applies to (GUI thread only).
struct OnlineTilesDefault {
    bool enabled = false;
    TileSourceConfig config;
    QList<MapWidget*> maps;
};
OnlineTilesDefault& onlineTilesDefault() {
    static OnlineTilesDefault d;
    return d;
}
} // namespace

MapWidget::MapWidget(QWidget* parent)
    : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    grabGesture(Qt::PinchGesture);

    auto makeButton = [this](const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus);
        b->setFixedSize(30, 30);
        return b;
    };
    m_zoomInButton = makeButton(u"+"_s, tr("Zoom in (+)"));
    m_zoomOutButton = makeButton(u"\u2212"_s, tr("Zoom out (-)"));
    m_fitButton = makeButton(u"\u2922"_s, tr("Show all markers (Home)"));
    m_zoomInButton->setObjectName(u"zoomIn"_s);
    m_zoomOutButton->setObjectName(u"zoomOut"_s);
    m_fitButton->setObjectName(u"fitMarkers"_s);
    connect(m_zoomInButton, &QToolButton::clicked, this, [this] {
        userMovedView();
        zoomIn();
    });
    connect(m_zoomOutButton, &QToolButton::clicked, this, [this] {
        userMovedView();
        zoomOut();
    });
    connect(m_fitButton, &QToolButton::clicked, this, &MapWidget::fitView);
    // The legend's one control: hides the panel, or (hidden) brings it back.
    m_legendButton = new QToolButton(this);
    m_legendButton->setObjectName(u"legendToggle"_s);
    m_legendButton->setFocusPolicy(Qt::NoFocus);
    m_legendButton->setAutoRaise(true);
    connect(m_legendButton, &QToolButton::clicked, this, [this] { setLegendExpanded(!m_legendShown); });
    layoutButtons();
    applyPalette();
    onlineTilesDefault().maps.append(this);
    if (onlineTilesDefault().enabled)
        setOnlineTiles(true, onlineTilesDefault().config);

    const qreal dpr = devicePixelRatioF();
    m_markerSprite = makeSprite(MarkerRadius, dpr, [](QPainter& p, QPointF c) {
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(MarkerColor);
        p.drawEllipse(c, MarkerRadius, MarkerRadius);
    });
    m_selectedSprite = makeSprite(SelectedRadius + 4, dpr, [](QPainter& p, QPointF c) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(224, 54, 44, 70));
        p.drawEllipse(c, SelectedRadius + 4, SelectedRadius + 4);
        p.setPen(QPen(Qt::white, 2.5));
        p.setBrush(SelectedColor);
        p.drawEllipse(c, SelectedRadius, SelectedRadius);
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawEllipse(c, 3, 3);
    });
    m_recSprite = makeSprite(RecRadius, dpr, [](QPainter& p, QPointF c) {
        const QPolygonF diamond{{c.x(), c.y() - RecRadius},
                                {c.x() + RecRadius, c.y()},
                                {c.x(), c.y() + RecRadius},
                                {c.x() - RecRadius, c.y()}};
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(RecColor);
        p.drawPolygon(diamond);
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawEllipse(c, 2.2, 2.2);
    });
}

MapWidget::~MapWidget() {
    onlineTilesDefault().maps.removeOne(this);
}

void MapWidget::setOnlineTilesForAll(bool enabled, const TileSourceConfig& config) {
    OnlineTilesDefault& d = onlineTilesDefault();
    d.enabled = enabled;
    d.config = config;
    for (MapWidget* map : std::as_const(d.maps))
        map->setOnlineTiles(enabled, config);
}

void MapWidget::setPin(std::optional<geo::LonLat> pin) {
    m_pin = pin;
    layoutLegend();
    update();
}

// --- data -------------------------------------------------------------------

void MapWidget::setDestinations(const QList<tp::Destination>& destinations) {
    m_markers.clear();
    m_markerById.clear();
    m_markers.reserve(size_t(destinations.size()));
    QList<QPointF> points;
    points.reserve(destinations.size());
    for (const Destination& d : destinations) {
        if (!d.hasCoordinates())
            continue;
        const double lat = d.latitude->toDouble();
        const double lon = d.longitude->toDouble();
        if (!std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90 || std::abs(lon) > 180)
            continue;
        Marker m;
        m.id = d.id;
        m.unit = geo::toUnit(lon, lat);
        m.name = d.name;
        m.city = d.city;
        m.country = d.country;
        m.bestTime = d.bestTimeToVisit;
        if (d.averageCostPerDay)
            m.dailyCost = d.averageCostPerDay->toString();
        m_markerById.insert(d.id, int(m_markers.size()));
        points.append(m.unit);
        m_markers.push_back(std::move(m));
    }
    m_clusterer.build(points);
    if (!m_markerById.contains(m_selectedId))
        m_selectedId = 0;
    // The catalogue may arrive after the trip (or change): the trip's
    // destination is highlighted, and the view fits it, as soon as it is known.
    if (m_tripMap)
        m_selectedId = m_markerById.contains(m_tripDestinationId) ? m_tripDestinationId : 0;
    layoutLegend();
    if (m_tripMap && m_followTrip)
        fitToTrip();
    update();
}

void MapWidget::setRecommendations(const QJsonArray& locations) {
    m_recs.clear();
    for (int i = 0; i < locations.size(); ++i) {
        const QJsonObject o = locations.at(i).toObject();
        RecMarker r;
        r.index = i;
        r.name = o.value(u"name").toString();
        r.country = o.value(u"country").toString();
        r.description = o.value(u"description").toString();
        const auto lat = jsonNumber(o, {u"latitude", u"lat"});
        const auto lon = jsonNumber(o, {u"longitude", u"lon", u"lng"});
        if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180) {
            r.unit = geo::toUnit(*lon, *lat);
        } else if (const auto m = geo::Gazetteer::instance().resolve(r.name, r.country)) {
            r.unit = geo::toUnit(m->lon, m->lat);
            r.approximate = true;
        } else {
            continue;
        }
        m_recs.push_back(std::move(r));
    }
    layoutLegend();
    update();
}

void MapWidget::setSelectedDestination(qint64 id, bool centre) {
    if (id == m_selectedId)
        return;
    m_selectedId = m_markerById.contains(id) ? id : 0;
    if (m_selectedId != 0 && centre) {
        m_center = m_markers[size_t(m_markerById.value(id))].unit;
        clampView();
        Q_EMIT viewChanged();
    }
    layoutLegend();
    update();
}

void MapWidget::showTrip(qint64 destinationId, const QJsonArray& recommendations) {
    m_tripMap = true;
    m_fitButton->setToolTip(tr("Show the trip's places (Home)"));
    m_tripDestinationId = destinationId;
    m_selectedId = m_markerById.contains(destinationId) ? destinationId : 0;
    setRecommendations(recommendations);
    m_followTrip = true;
    fitToTrip();
}

void MapWidget::setPlan(const plan::PlanMap& map) {
    if (map == m_plan.map())
        return;
    m_plan.setMap(map);
    layoutLegend();
    if (m_tripMap && m_followTrip)
        fitToTrip();
    update();
}

void MapWidget::fitToTrip() {
    QList<QPointF> points;
    if (m_tripMap && m_markerById.contains(m_tripDestinationId))
        points << m_markers[size_t(m_markerById.value(m_tripDestinationId))].unit;
    for (const RecMarker& r : m_recs)
        points << r.unit;
    for (int i = 0; i < m_plan.map().places.size(); ++i)
        points << m_plan.unitOf(i);
    const int places = int(points.size());
    const QRectF bounds = wrappedBounds(points);
    if (places == 0) {
        m_zoom = minimumZoom();
        m_center = geo::toUnit(10, 25);
        clampView();
        changed();
        return;
    }
    // A plan's places are often streets apart: with online tiles (which have
    // streets and names) the view may come close; the basemap alone has none.
    const bool close = !m_plan.isEmpty() && onlineTilesEnabled();
    const double maxZoom = places == 1 ? (close ? PlanPlaceZoom : SinglePlaceZoom)
                                       : (close ? PlanPlacesMaxZoom : TripPlacesMaxZoom);
    fitToUnitRect(bounds, maxZoom, unobstructedRect());
}

void MapWidget::fitView() {
    if (m_tripMap) {
        m_followTrip = true;
        fitToTrip();
    } else {
        fitToMarkers();
    }
}

QRectF MapWidget::unobstructedRect() const {
    const QRectF all(rect());
    const QRect legend = legendRect();
    if (legend.isEmpty())
        return all;
    // Below the legend, or left of it: whichever leaves more of the map.
    const QRectF below(QPointF(0, legend.bottom() + 1), all.bottomRight());
    const QRectF left(all.topLeft(), QPointF(legend.left(), all.bottom()));
    return below.width() * below.height() >= left.width() * left.height() ? below : left;
}

// --- view -------------------------------------------------------------------

geo::LonLat MapWidget::center() const {
    return geo::fromUnit(m_center);
}

void MapWidget::setCenter(geo::LonLat c) {
    userMovedView();
    m_center = geo::toUnit(geo::wrapLongitude(c.lon), c.lat);
    clampView();
    changed();
}

void MapWidget::setZoom(double zoom) {
    userMovedView();
    m_zoom = zoom;
    clampView();
    changed();
}

double MapWidget::minimumZoom() const {
    const int side = std::max(width(), height());
    return side > 0 ? std::max(0.0, std::log2(side / double(geo::TileSize))) : 0.0;
}

void MapWidget::zoomIn() {
    zoomAround(1, QPointF(width() / 2.0, height() / 2.0));
}
void MapWidget::zoomOut() {
    zoomAround(-1, QPointF(width() / 2.0, height() / 2.0));
}

void MapWidget::zoomAround(double levels, QPointF anchor) {
    if (!std::isfinite(levels) || levels == 0)
        return;
    const QPointF anchorUnit = (topLeftWorldPx() + anchor) / worldPx();
    m_zoom = std::clamp(m_zoom + levels, minimumZoom(), double(geo::MaxZoom));
    m_center = anchorUnit - (anchor - QPointF(width() / 2.0, height() / 2.0)) / worldPx();
    clampView();
    changed();
}

void MapWidget::panBy(QPointF pixels) {
    m_center += pixels / worldPx();
    clampView();
    changed();
}

void MapWidget::fitToUnitRect(const QRectF& r, double maxZoom, QRectF viewport) {
    if (viewport.isEmpty())
        viewport = unobstructedRect();
    const double w = std::max(viewport.width(), 150.0), h = std::max(viewport.height(), 100.0);
    const double pad = 40;
    const double bw = std::max(r.width(), 1e-9) * geo::TileSize;
    const double bh = std::max(r.height(), 1e-9) * geo::TileSize;
    const double zx = std::log2(std::max(1.0, w - 2 * pad) / bw);
    const double zy = std::log2(std::max(1.0, h - 2 * pad) / bh);
    m_zoom = std::clamp(std::min({zx, zy, maxZoom}), minimumZoom(), double(geo::MaxZoom));
    // The rectangle's centre at the viewport's centre.
    m_center = r.center() + (QRectF(rect()).center() - viewport.center()) / worldPx();
    clampView();
    changed();
}

void MapWidget::fitToMarkers() {
    QRectF bounds;
    auto add = [&bounds](QPointF u) {
        const QRectF pt(u, QSizeF(1e-9, 1e-9));
        bounds = bounds.isNull() ? pt : bounds.united(pt);
    };
    for (const Marker& m : m_markers)
        add(m.unit);
    for (const RecMarker& r : m_recs)
        add(r.unit);
    for (int i = 0; i < m_plan.map().places.size(); ++i)
        add(m_plan.unitOf(i));
    if (bounds.isNull()) {
        m_zoom = minimumZoom();
        m_center = geo::toUnit(10, 25);
        clampView();
        changed();
        return;
    }
    fitToUnitRect(bounds);
}

QPointF MapWidget::topLeftWorldPx() const {
    return m_center * worldPx() - QPointF(width() / 2.0, height() / 2.0);
}

QPointF MapWidget::unitToScreen(QPointF unit) const {
    double dx = unit.x() - m_center.x();
    dx -= std::round(dx); // the copy of the world nearest the centre
    const QPointF u(m_center.x() + dx, unit.y());
    return u * worldPx() - topLeftWorldPx();
}

QPointF MapWidget::toScreen(geo::LonLat p) const {
    return unitToScreen(geo::toUnit(p));
}

geo::LonLat MapWidget::toLonLat(QPointF widgetPos) const {
    QPointF u = (topLeftWorldPx() + widgetPos) / worldPx();
    u.setX(u.x() - std::floor(u.x()));
    return geo::fromUnit(u);
}

void MapWidget::clampView() {
    m_zoom = std::clamp(std::isfinite(m_zoom) ? m_zoom : 2.0, minimumZoom(), double(geo::MaxZoom));
    double x = m_center.x();
    if (!std::isfinite(x))
        x = 0.5;
    x -= std::floor(x);
    const double halfH = height() / 2.0 / worldPx();
    double y = std::isfinite(m_center.y()) ? m_center.y() : 0.5;
    y = halfH >= 0.5 ? 0.5 : std::clamp(y, halfH, 1 - halfH);
    m_center = QPointF(x, y);
}

void MapWidget::changed() {
    update();
    Q_EMIT viewChanged();
}

void MapWidget::layoutButtons() {
    m_zoomInButton->move(10, 10);
    m_zoomOutButton->move(10, 44);
    m_fitButton->move(10, 84);
    layoutLegend();
}

void MapWidget::applyPalette() {
    m_basemap.setStyle(Basemap::Style::forPalette(palette()));
    update();
}

void MapWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange)
        layoutLegend();
    QWidget::changeEvent(event);
}

// --- online tiles -----------------------------------------------------------

void MapWidget::setOnlineTiles(bool enabled, const TileSourceConfig& config) {
    delete m_fetcher;
    m_fetcher = nullptr;
    if (enabled) {
        m_fetcher = new TileFetcher(config, this);
        connect(m_fetcher, &TileFetcher::tileReady, this, [this] { update(); });
    }
    update();
}

// --- export -----------------------------------------------------------------

QImage MapWidget::renderImage() {
    // An image is one frame: it is drawn whole, whatever the frame budgets say.
    m_wholeFrame = true;
    const QImage image = grab().toImage();
    m_wholeFrame = false;
    return image;
}

QImage MapWidget::exportImage() {
    // Painted directly rather than grabbed: the child widgets (the buttons)
    // are not part of the picture.
    const qreal dpr = devicePixelRatioF();
    QImage image(size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(m_basemap.style().sea);
    layoutLegend(); // for the current size, even before the widget was ever shown
    m_wholeFrame = true;
    {
        QPainter p(&image);
        paintMap(p);
    }
    m_wholeFrame = false;
    return image;
}

bool MapWidget::exportPng(const QString& path) {
    return exportImage().save(path, "PNG");
}

// --- painting ---------------------------------------------------------------

void MapWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintMap(p);
}

void MapWidget::paintMap(QPainter& p) {
    p.fillRect(rect(), m_basemap.style().sea);
    drawTiles(p);
    drawMarkers(p);
    drawPin(p);
    drawLegend(p);
    drawAttribution(p);
}

void MapWidget::drawPin(QPainter& p) {
    if (!m_pin)
        return;
    // A crosshair with a ring: the exact point stays visible under the cross.
    const QPointF at = toScreen(*m_pin);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255, 230), 5));
    p.drawEllipse(at, 9, 9);
    p.setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2.5));
    p.drawEllipse(at, 9, 9);
    p.drawLine(at - QPointF(16, 0), at - QPointF(4, 0));
    p.drawLine(at + QPointF(4, 0), at + QPointF(16, 0));
    p.drawLine(at - QPointF(0, 16), at - QPointF(0, 4));
    p.drawLine(at + QPointF(0, 4), at + QPointF(0, 16));
}

void MapWidget::drawTiles(QPainter& p) {
    const int level = std::clamp(int(std::lround(m_zoom)), 0, geo::MaxZoom);
    const double tileSide = geo::TileSize * std::exp2(m_zoom - level);
    const double ws = worldPx();
    const QPointF tl = topLeftWorldPx();
    const geo::TileRange range =
        geo::tilesCovering(QRectF(tl / ws, QSizeF(width() / ws, height() / ws)), level);
    const QPointF mid(width() / 2.0, height() / 2.0);

    struct Wanted {
        double distance;
        geo::TileId id;
    };
    std::vector<Wanted> wanted;
    // Rendering basemap tiles costs 0.2-2 ms each: a frame renders at least one
    // and then what fits in its budget, and shows the others from a cached
    // ancestor (or descendants) until the next frame, so zooming across levels
    // never stalls a frame and every frame makes progress.
    constexpr qint64 RenderBudgetNs = 4'000'000;
    qint64 renderedNs = 0;
    bool renderedOne = false;
    bool deferred = false;
    m_frameDrewTiles = false;
    m_frameDrewBasemap = false;
    auto render = [&](const geo::TileId& id) {
        QElapsedTimer t;
        t.start();
        QImage img = m_basemap.tile(id);
        renderedNs += t.nsecsElapsed();
        renderedOne = true;
        return img;
    };
    for (int y = range.yMin; y <= range.yMax; ++y) {
        for (int x = range.xMin; x <= range.xMax; ++x) {
            const geo::TileId id{level, geo::wrapTileX(x, level), y};
            const int left = int(std::floor(x * tileSide - tl.x()));
            const int top = int(std::floor(y * tileSide - tl.y()));
            const int right = int(std::floor((x + 1) * tileSide - tl.x()));
            const int bottom = int(std::floor((y + 1) * tileSide - tl.y()));
            const QRect target(QPoint(left, top), QPoint(right - 1, bottom - 1));
            QImage img;
            if (m_fetcher) {
                img = m_fetcher->tile(id);
                if (img.isNull())
                    wanted.push_back({QLineF(target.center(), mid).length(), id});
                else
                    m_frameDrewTiles = true;
            }
            if (img.isNull()) {
                img = m_basemap.cachedTile(id);
                m_frameDrewBasemap = true; // that, or a stand-in from it below
            }
            if (img.isNull()) {
                if (m_wholeFrame || !renderedOne || renderedNs < RenderBudgetNs || id.z == 0) {
                    img = render(id);
                } else {
                    if (!drawFallback(p, id, target)) {
                        // Nothing cached stands in (the first frame, a jump far
                        // away): one ancestor up to six levels up, rendered once,
                        // stands in for up to 4,096 tiles.
                        const int up = std::min(id.z, 6);
                        render({id.z - up, id.x >> up, id.y >> up});
                        drawFallback(p, id, target);
                    }
                    deferred = true;
                    continue;
                }
            }
            p.drawImage(target, img);
        }
    }
    m_frameComplete = !deferred;
    if (deferred)
        queueRepaint();
    if (m_fetcher) {
        std::sort(wanted.begin(), wanted.end(),
                  [](const Wanted& a, const Wanted& b) { return a.distance < b.distance; });
        QList<geo::TileId> ids;
        for (const Wanted& w : wanted)
            ids.append(w.id);
        m_fetcher->want(ids);
    }
}

bool MapWidget::drawFallback(QPainter& p, const geo::TileId& id, const QRect& target) const {
    // An ancestor's quarter, sixteenth, ... scaled up.
    for (int up = 1; up <= std::min(id.z, 6); ++up) {
        const geo::TileId parent{id.z - up, id.x >> up, id.y >> up};
        const QImage img = m_basemap.cachedTile(parent);
        if (img.isNull())
            continue;
        const double side = double(geo::TileSize) / (1 << up);
        const QRectF source((id.x & ((1 << up) - 1)) * side, (id.y & ((1 << up) - 1)) * side, side, side);
        p.drawImage(QRectF(target), img, source);
        return true;
    }
    // The four children, scaled down.
    if (id.z < geo::MaxZoom) {
        QImage children[4];
        for (int i = 0; i < 4; ++i) {
            children[i] = m_basemap.cachedTile({id.z + 1, 2 * id.x + (i & 1), 2 * id.y + (i >> 1)});
            if (children[i].isNull())
                return false;
        }
        const QSizeF half = QSizeF(target.size()) / 2;
        for (int i = 0; i < 4; ++i) {
            const QPointF at =
                QPointF(target.topLeft()) + QPointF((i & 1) * half.width(), (i >> 1) * half.height());
            p.drawImage(QRectF(at, half), children[i]);
        }
        return true;
    }
    return false;
}

void MapWidget::queueRepaint() {
    if (m_repaintQueued)
        return;
    m_repaintQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_repaintQueued = false;
        update();
    });
}

const QPixmap& MapWidget::plainClusterSprite(int count) {
    // Six sizes stand in for all (radii run from 11 to 26 px): few to make.
    const int bucket = std::clamp(int((clusterRadius(count) - 11) / 3), 0, 5);
    auto it = m_plainClusterSprites.find(bucket);
    if (it == m_plainClusterSprites.end()) {
        const double r = 12.5 + 3 * bucket;
        it = m_plainClusterSprites.insert(bucket,
                                          makeSprite(r, devicePixelRatioF(), [&](QPainter& p, QPointF c) {
                                              p.setPen(QPen(Qt::white, 1.5));
                                              p.setBrush(ClusterColor);
                                              p.drawEllipse(c, r - 1, r - 1);
                                          }));
    }
    return *it;
}

const QPixmap& MapWidget::clusterSprite(int count) {
    const int key = clusterKey(count);
    auto it = m_clusterSprites.find(key);
    if (it == m_clusterSprites.end()) {
        const double r = clusterRadius(count);
        const QString label = clusterLabel(count);
        QFont f = font();
        f.setBold(true);
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * (count >= 1000 ? 0.85 : 0.95)));
        it = m_clusterSprites.insert(key, makeSprite(r + 3, devicePixelRatioF(), [&](QPainter& p, QPointF c) {
                                         p.setPen(Qt::NoPen);
                                         p.setBrush(QColor(43, 138, 126, 80));
                                         p.drawEllipse(c, r + 3, r + 3);
                                         p.setPen(QPen(Qt::white, 1.5));
                                         p.setBrush(ClusterColor);
                                         p.drawEllipse(c, r, r);
                                         p.setFont(f);
                                         p.setPen(Qt::white);
                                         p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r),
                                                    Qt::AlignCenter, label);
                                     }));
    }
    return *it;
}

void MapWidget::drawMarkers(QPainter& p) {
    m_hits.clear();
    // A labelled cluster sprite costs about 0.5 ms to make, and a first frame
    // over a dense catalogue may need dozens: past the budget a cluster is drawn
    // without its number for one frame, and the next frame makes more.
    constexpr qint64 SpriteBudgetNs = 4'000'000;
    qint64 spritesNs = 0;
    bool madeOne = false;
    bool deferred = false;
    const double ws = worldPx();
    const QPointF tl = topLeftWorldPx();
    const double margin = 30 / ws;
    const double ux0 = tl.x() / ws - margin, ux1 = (tl.x() + width()) / ws + margin;
    const double uy0 = tl.y() / ws - margin, uy1 = (tl.y() + height()) / ws + margin;

    for (int k = int(std::floor(ux0)); k <= int(std::floor(ux1)); ++k) {
        const QRectF q(QPointF(std::max(ux0 - k, 0.0), uy0), QPointF(std::min(ux1 - k, 1.0), uy1));
        if (q.width() <= 0)
            continue;
        m_scratch.clear();
        m_clusterer.query(q, m_zoom, m_scratch);
        for (const auto& c : m_scratch) {
            const QPointF at((c.x + k) * ws - tl.x(), c.y * ws - tl.y());
            if (c.isSingle()) {
                if (m_markers[size_t(c.index)].id == m_selectedId)
                    continue; // drawn last
                drawCentered(p, m_markerSprite, at);
                m_hits.push_back({at, MarkerRadius, HitKind::Destination, c.index, {}, 1});
            } else {
                const bool made = m_clusterSprites.contains(clusterKey(c.count));
                if (made) {
                    drawCentered(p, clusterSprite(c.count), at);
                } else if (m_wholeFrame || !madeOne || spritesNs < SpriteBudgetNs) {
                    QElapsedTimer t;
                    t.start();
                    drawCentered(p, clusterSprite(c.count), at);
                    spritesNs += t.nsecsElapsed();
                    madeOne = true;
                } else {
                    drawCentered(p, plainClusterSprite(c.count), at);
                    deferred = true;
                }
                m_hits.push_back({at, clusterRadius(c.count), HitKind::Cluster, -1, c.bounds(), c.count});
            }
        }
    }
    const QRectF visible = QRectF(rect()).adjusted(-30, -30, 30, 30);
    for (size_t i = 0; i < m_recs.size(); ++i) {
        const QPointF at = unitToScreen(m_recs[i].unit);
        if (!visible.contains(at))
            continue;
        drawCentered(p, m_recSprite, at);
        m_hits.push_back({at, RecRadius, HitKind::Recommendation, int(i), {}, 1});
    }
    if (m_selectedId != 0) {
        const int idx = m_markerById.value(m_selectedId, -1);
        if (idx >= 0) {
            const QPointF at = unitToScreen(m_markers[size_t(idx)].unit);
            if (visible.contains(at)) {
                drawCentered(p, m_selectedSprite, at);
                m_hits.push_back({at, SelectedRadius, HitKind::Destination, idx, {}, 1});
            }
        }
    }
    // The plan above the destination: its places are the trip's detail.
    p.setFont(font());
    const auto planDrawn = m_plan.draw(
        p, [this](QPointF unit) { return unitToScreen(unit); }, ws, visible, palette());
    for (const PlanLayer::Drawn& d : planDrawn)
        m_hits.push_back({d.pos, d.radius, HitKind::PlanPlace, d.place, {}, 1});
    if (deferred) {
        m_frameComplete = false;
        queueRepaint();
    }
}

void MapWidget::drawAttribution(QPainter& p) {
    // Only what this frame drew is credited.
    QStringList credits;
    if (m_frameDrewTiles && m_fetcher && !m_fetcher->config().attribution.isEmpty())
        credits << m_fetcher->config().attribution;
    if (m_frameDrewBasemap)
        credits << naturalEarthCredit();
    m_attributionText = credits.join(u" \u00b7 "_s);
    m_attributionRect = {};
    if (m_attributionText.isEmpty())
        return;
    const QFontMetrics fm(font());
    const QSize s(fm.horizontalAdvance(m_attributionText) + 10, fm.height() + 4);
    m_attributionRect = QRect(QPoint(width() - s.width(), height() - s.height()), s);
    // The window's colours, nearly opaque: readable on any map, light or dark.
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(220);
    p.fillRect(m_attributionRect, back);
    p.setPen(palette().color(QPalette::WindowText));
    p.setFont(font());
    p.drawText(m_attributionRect, Qt::AlignCenter, m_attributionText);
}

// --- legend -------------------------------------------------------------------

namespace {

constexpr int LegendMargin = 10; // from the widget's edges
constexpr int LegendPadding = 8; // inside the panel
constexpr int LegendIconSide = 20;
constexpr int LegendButtonSide = 22;

void drawLegendIcon(QPainter& p, MapWidget::LegendKind kind, QPointF c) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    switch (kind) {
    case MapWidget::LegendKind::Selected:
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(SelectedColor);
        p.drawEllipse(c, 7.5, 7.5);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(c, 2.2, 2.2);
        break;
    case MapWidget::LegendKind::Destination:
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(MarkerColor);
        p.drawEllipse(c, MarkerRadius, MarkerRadius);
        break;
    case MapWidget::LegendKind::Cluster:
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(ClusterColor);
        p.drawEllipse(c, 8.5, 8.5);
        break;
    case MapWidget::LegendKind::Recommendation: {
        const double r = 7.5;
        const QPolygonF diamond{
            {c.x(), c.y() - r}, {c.x() + r, c.y()}, {c.x(), c.y() + r}, {c.x() - r, c.y()}};
        p.setPen(QPen(Qt::white, 1.5));
        p.setBrush(RecColor);
        p.drawPolygon(diamond);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(c, 1.8, 1.8);
        break;
    }
    case MapWidget::LegendKind::PlanStay:
        PlanLayer::drawPlaceIcon(p, plan::MapPlace::Kind::Stay, c);
        break;
    case MapWidget::LegendKind::PlanActivity:
        PlanLayer::drawPlaceIcon(p, plan::MapPlace::Kind::Activity, c);
        break;
    case MapWidget::LegendKind::PlanIdea:
        PlanLayer::drawPlaceIcon(p, plan::MapPlace::Kind::Idea, c);
        break;
    case MapWidget::LegendKind::PlanStop:
        PlanLayer::drawPlaceIcon(p, plan::MapPlace::Kind::Stop, c);
        break;
    case MapWidget::LegendKind::PlanLeg:
        PlanLayer::drawLegIcon(p, c);
        break;
    case MapWidget::LegendKind::Pin:
        p.setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, 5, 5);
        p.drawLine(c - QPointF(9, 0), c - QPointF(3, 0));
        p.drawLine(c + QPointF(3, 0), c + QPointF(9, 0));
        p.drawLine(c - QPointF(0, 9), c - QPointF(0, 3));
        p.drawLine(c + QPointF(0, 3), c + QPointF(0, 9));
        break;
    }
    p.restore();
}

} // namespace

QList<MapWidget::LegendEntry> MapWidget::legendEntries() const {
    QList<LegendEntry> entries;
    if (m_selectedId != 0)
        entries.append({LegendKind::Selected,
                        m_tripMap ? tr("Chosen destination of this trip") : tr("Selected destination")});
    if (!m_recs.empty())
        entries.append({LegendKind::Recommendation, tr("Recommended by the planner")});
    if (!m_markers.empty())
        entries.append({LegendKind::Destination, tr("Destination in your catalogue")});
    if (m_markers.size() > 1)
        entries.append({LegendKind::Cluster, tr("Several destinations (click to zoom in)")});
    if (m_plan.has(plan::MapPlace::Kind::Stay))
        entries.append({LegendKind::PlanStay, tr("Stay")});
    if (m_plan.has(plan::MapPlace::Kind::Activity))
        entries.append({LegendKind::PlanActivity, tr("Activity")});
    if (m_plan.has(plan::MapPlace::Kind::Idea))
        entries.append({LegendKind::PlanIdea, tr("Idea, not scheduled yet")});
    if (m_plan.hasLegs())
        entries.append({LegendKind::PlanLeg, tr("Leg (dashed: a flight)")});
    if (m_plan.has(plan::MapPlace::Kind::Stop))
        entries.append({LegendKind::PlanStop, tr("Start or end of a leg")});
    if (m_pin)
        entries.append({LegendKind::Pin, tr("Picked position")});
    return entries;
}

void MapWidget::setLegendExpanded(bool expanded) {
    if (m_legendExpanded == expanded && m_legendChosen)
        return;
    m_legendChosen = true;
    m_legendExpanded = expanded;
    layoutLegend();
    update();
}

void MapWidget::layoutLegend() {
    if (!m_legendButton)
        return;
    const QList<LegendEntry> entries = legendEntries();
    const QFontMetrics fm(font());
    const int row = std::max(fm.height(), LegendIconSide) + 2;
    const int titleRow = std::max(fm.height(), LegendButtonSide);
    int textWidth = fm.horizontalAdvance(tr("Legend")) + 6 + LegendButtonSide;
    for (const LegendEntry& e : entries)
        textWidth = std::max(textWidth, LegendIconSide + 6 + fm.horizontalAdvance(e.text));
    const QSize panel(2 * LegendPadding + textWidth,
                      2 * LegendPadding + titleRow + 4 + row * int(entries.size()));
    m_legendRect = QRect(QPoint(width() - LegendMargin - panel.width(), LegendMargin), panel);
    // Room for it: right of the zoom buttons, and above the attribution line.
    const bool fits = !entries.isEmpty() && m_legendRect.left() >= 50 &&
                      m_legendRect.bottom() <= height() - LegendMargin - (fm.height() + 4);
    // On a small map (the itinerary's day) the panel would hide half of it:
    // there it starts folded, as the button, until the user opens it.
    const bool roomy = m_legendRect.width() <= width() / 2 && m_legendRect.height() <= height() / 2;
    m_legendShown = fits && m_legendExpanded && (roomy || m_legendChosen);
    m_legendButton->setVisible(fits);
    if (m_legendShown) {
        m_legendButton->setText(u"\u2212"_s);
        m_legendButton->setToolTip(tr("Hide the legend"));
        m_legendButton->setAccessibleName(tr("Hide the legend"));
        m_legendButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_legendButton->setFixedSize(LegendButtonSide, LegendButtonSide);
        m_legendButton->move(m_legendRect.right() - LegendPadding / 2 - LegendButtonSide + 1,
                             m_legendRect.top() + LegendPadding / 2);
    } else {
        m_legendButton->setText(tr("Legend"));
        m_legendButton->setToolTip(tr("Show what the markers' colours mean"));
        m_legendButton->setAccessibleName(tr("Show the legend"));
        m_legendButton->setFixedSize(fm.horizontalAdvance(m_legendButton->text()) + 16, LegendButtonSide + 4);
        m_legendButton->move(width() - LegendMargin - m_legendButton->width(), LegendMargin);
    }
    m_legendButton->setAutoRaise(m_legendShown);
}

void MapWidget::drawLegend(QPainter& p) {
    if (!m_legendShown)
        return;
    const QList<LegendEntry> entries = legendEntries();
    const QFontMetrics fm(font());
    const int row = std::max(fm.height(), LegendIconSide) + 2;
    const int titleRow = std::max(fm.height(), LegendButtonSide);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    // The window's colours, nearly opaque, so that its text keeps the palette's
    // contrast over any map (light or dark).
    QColor back = palette().color(QPalette::Window);
    back.setAlpha(235);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRoundedRect(QRectF(m_legendRect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.setPen(palette().color(QPalette::WindowText));
    QFont title = font();
    title.setBold(true);
    p.setFont(title);
    const int x = m_legendRect.left() + LegendPadding;
    int y = m_legendRect.top() + LegendPadding;
    p.drawText(QRect(x, y, m_legendRect.width() - 2 * LegendPadding, titleRow),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Legend"));
    y += titleRow + 4;
    p.setFont(font());
    for (const LegendEntry& e : entries) {
        drawLegendIcon(p, e.kind, QPointF(x + LegendIconSide / 2.0, y + row / 2.0));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x + LegendIconSide + 6, y, m_legendRect.right() - x - LegendIconSide - 6, row),
                   Qt::AlignLeft | Qt::AlignVCenter, e.text);
        y += row;
    }
    p.restore();
}

// --- interaction ------------------------------------------------------------

std::optional<MapWidget::Hit> MapWidget::hitAt(QPointF pos) const {
    if (legendRect().contains(pos.toPoint()))
        return std::nullopt; // the legend covers what is under it
    std::optional<Hit> best;
    double bestD = 1e9;
    // Topmost first: later items are drawn over earlier ones.
    for (auto it = m_hits.rbegin(); it != m_hits.rend(); ++it) {
        const double d = QLineF(it->pos, pos).length();
        if (d <= it->radius + 3 && d < bestD - 0.5) {
            best = *it;
            bestD = d;
            if (d <= it->radius)
                break;
        }
    }
    return best;
}

QString MapWidget::tooltipFor(const Hit& hit) const {
    switch (hit.kind) {
    case HitKind::Destination: {
        const Marker& m = m_markers[size_t(hit.ref)];
        QString html = u"<b>%1</b><br>%2"_s.arg(
            m.name.toHtmlEscaped(),
            (m.city.isEmpty() ? m.country : m.city + u", "_s + m.country).toHtmlEscaped());
        if (!m.bestTime.isEmpty())
            html += u"<br>"_s + tr("Best time to visit: %1").arg(m.bestTime.toHtmlEscaped());
        if (!m.dailyCost.isEmpty())
            html += u"<br>"_s + tr("Daily cost: %1").arg(m.dailyCost.toHtmlEscaped());
        return html;
    }
    case HitKind::Cluster:
        return tr("%n destinations here; click to zoom in", nullptr, hit.count);
    case HitKind::PlanPlace:
        return m_plan.tooltip(hit.ref);
    case HitKind::Recommendation: {
        const RecMarker& r = m_recs[size_t(hit.ref)];
        QString html = u"<b>%1</b><br>%2<br><i>%3</i>"_s.arg(r.name.toHtmlEscaped(),
                                                             r.country.toHtmlEscaped(), tr("Recommended"));
        if (r.approximate)
            html += u" "_s + tr("(approximate position)");
        if (!r.description.isEmpty())
            html += u"<br>"_s + r.description.left(200).toHtmlEscaped();
        return html;
    }
    }
    return {};
}

void MapWidget::resizeEvent(QResizeEvent* event) {
    // Room for the screen's tiles at their smallest (a tile is drawn 181 px wide
    // half a zoom level out: 256 / sqrt(2)) and half as many again for panning,
    // so that a frame never evicts what it shows (a 4K window: about 450 tiles).
    constexpr int SmallestTileSide = 181;
    const int visible = (width() / SmallestTileSide + 2) * (height() / SmallestTileSide + 2);
    m_basemap.ensureCapacity(visible * 3 / 2);
    QWidget::resizeEvent(event);
    clampView();
    layoutButtons();
    if (m_followTrip)
        fitToTrip();
}

void MapWidget::mousePressEvent(QMouseEvent* event) {
    // The legend is not the map: no drag, no click through it.
    m_pressOnLegend = legendRect().contains(event->position().toPoint());
    if (m_pressOnLegend) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        m_lastDragPos = event->position();
        m_dragging = false;
    }
    QWidget::mousePressEvent(event);
}

void MapWidget::mouseMoveEvent(QMouseEvent* event) {
    if ((event->buttons() & Qt::LeftButton) && !m_pressOnLegend) {
        if (!m_dragging && (event->position().toPoint() - m_pressPos).manhattanLength() >=
                               QApplication::startDragDistance()) {
            m_dragging = true;
            userMovedView();
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            panBy(m_lastDragPos - event->position());
            m_lastDragPos = event->position();
        }
    }
}

void MapWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return;
    if (m_pressOnLegend) {
        m_pressOnLegend = false;
        return;
    }
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const auto hit = m_pickMode ? std::nullopt : hitAt(event->position());
    if (!hit) {
        Q_EMIT mapClicked(toLonLat(event->position()));
        return;
    }
    switch (hit->kind) {
    case HitKind::Destination: {
        const qint64 id = m_markers[size_t(hit->ref)].id;
        // On the trip map the highlight is the trip's destination, not the last click.
        if (!m_tripMap) {
            m_selectedId = id;
            layoutLegend();
        }
        update();
        Q_EMIT destinationActivated(id);
        break;
    }
    case HitKind::Cluster:
        userMovedView();
        fitToUnitRect(hit->clusterBounds, std::max(m_zoom + 1, std::min(m_zoom + 3, 16.0)));
        if (m_zoom < m_clusterer.levelFor(m_zoom) + 0.5)
            zoomAround(1, hit->pos);
        break;
    case HitKind::Recommendation:
        Q_EMIT recommendationActivated(m_recs[size_t(hit->ref)].index);
        break;
    case HitKind::PlanPlace:
        if (const QStringList ids = m_plan.map().places.value(hit->ref).itemIds; !ids.isEmpty())
            Q_EMIT planItemActivated(ids.first());
        break;
    }
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !hitAt(event->position()) &&
        !legendRect().contains(event->position().toPoint())) {
        userMovedView();
        zoomAround(1, event->position());
    }
}

void MapWidget::wheelEvent(QWheelEvent* event) {
    const QPoint angle = event->angleDelta();
    if (angle.y() != 0) {
        userMovedView();
        zoomAround(angle.y() / 120.0 * 0.5, event->position());
    }
    event->accept();
}

void MapWidget::keyPressEvent(QKeyEvent* event) {
    const double step = std::max(40, std::min(width(), height()) / 5);
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
        userMovedView();
        break;
    default:
        break;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        panBy({-step, 0});
        break;
    case Qt::Key_Right:
        panBy({step, 0});
        break;
    case Qt::Key_Up:
        panBy({0, -step});
        break;
    case Qt::Key_Down:
        panBy({0, step});
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Home:
        fitView();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MapWidget::event(QEvent* event) {
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto* he = static_cast<QHelpEvent*>(event);
        if (const auto hit = hitAt(he->pos())) {
            const QRect area(hit->pos.toPoint() - QPoint(int(hit->radius), int(hit->radius)),
                             QSize(int(2 * hit->radius), int(2 * hit->radius)));
            QToolTip::showText(he->globalPos(), tooltipFor(*hit), this, area);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    case QEvent::Gesture: {
        auto* ge = static_cast<QGestureEvent*>(event);
        if (auto* pinch = static_cast<QPinchGesture*>(ge->gesture(Qt::PinchGesture))) {
            if ((pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) && pinch->scaleFactor() > 0) {
                userMovedView();
                zoomAround(std::log2(pinch->scaleFactor()), mapFromGlobal(pinch->centerPoint()));
            }
            ge->accept(pinch);
            return true;
        }
        break;
    }
    case QEvent::NativeGesture: {
        auto* ng = static_cast<QNativeGestureEvent*>(event);
        if (ng->gestureType() == Qt::ZoomNativeGesture && ng->value() > -1) {
            userMovedView();
            zoomAround(std::log2(1.0 + ng->value()), ng->position());
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

} // namespace tp::ui
