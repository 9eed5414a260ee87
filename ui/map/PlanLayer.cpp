// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanLayer.h"

#include "geo/Mercator.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {

// Offsets of a name's halo: a ring 1.5 px out, in eight directions.
const std::array<QPointF, 8>& haloSteps() {
    static const std::array<QPointF, 8> steps{QPointF(-1.5, 0), QPointF(1.5, 0), QPointF(0, -1.5),
                                              QPointF(0, 1.5),  QPointF(-1, -1), QPointF(1, -1),
                                              QPointF(-1, 1),   QPointF(1, 1)};
    return steps;
}

using Kind = plan::MapPlace::Kind;

// Colours that read on the light and the dark basemap alike (every marker has
// a white rim), and apart from the catalogue's blue and the planner's orange.
const QColor StayColor(0x8e, 0x44, 0xad);
const QColor ActivityColor(0x1e, 0x8f, 0x4e);
const QColor StopColor(0x3d, 0x4f, 0x61);
const QColor LegColor(0x1f, 0x5f, 0xa8);
const QColor WayColor(0x6b, 0x6b, 0x6b);

constexpr double NumberedRadius = 10; // a day's markers carry their number

// lupdate's context for tr() in namespace tp::ui (PlanLayer's own member
// functions have theirs: see tooltip()).
QString tr(const char* text) {
    return QCoreApplication::translate("tp::ui", text);
}

QString kindName(Kind kind) {
    switch (kind) {
    case Kind::Stay:
        return tr("Stay");
    case Kind::Activity:
        return tr("Activity");
    case Kind::Idea:
        return tr("Idea, not scheduled yet");
    case Kind::Stop:
        return tr("Start or end of a leg");
    }
    return {};
}

// The point `to` seen from `from`: on the copy of the world that makes the
// way between them shortest.
QPointF nearestCopy(QPointF from, QPointF to) {
    double dx = to.x() - from.x();
    dx -= std::round(dx);
    return QPointF(from.x() + dx, to.y());
}

} // namespace

void PlanLayer::setMap(const plan::PlanMap& map) {
    m_map = map;
    m_units.clear();
    m_bounds = {};
    for (const plan::MapPlace& place : m_map.places) {
        const QPointF u = geo::toUnit(place.longitude, place.latitude);
        m_units << u;
        const QRectF pt(u, QSizeF(1e-9, 1e-9));
        m_bounds = m_bounds.isNull() ? pt : m_bounds.united(pt);
    }
}

bool PlanLayer::has(Kind kind) const {
    return std::any_of(m_map.places.cbegin(), m_map.places.cend(),
                       [kind](const plan::MapPlace& p) { return p.kind == kind; });
}

bool PlanLayer::hasLegs() const {
    return std::any_of(m_map.routes.cbegin(), m_map.routes.cend(),
                       [](const plan::MapRoute& r) { return r.kind == plan::MapRoute::Kind::Leg; });
}

double PlanLayer::markerRadius(const plan::MapPlace& place) {
    if (place.order > 0)
        return NumberedRadius;
    switch (place.kind) {
    case Kind::Stay:
        return 8;
    case Kind::Activity:
    case Kind::Idea:
        return 7;
    case Kind::Stop:
        return 5;
    }
    return 6;
}

void PlanLayer::drawPlaceIcon(QPainter& p, Kind kind, QPointF c, int order) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    plan::MapPlace probe;
    probe.kind = kind;
    probe.order = order;
    const double r = markerRadius(probe);
    p.setPen(QPen(Qt::white, 2));
    switch (kind) {
    case Kind::Stay:
        p.setBrush(StayColor);
        p.drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 2.5, 2.5);
        break;
    case Kind::Activity:
        p.setBrush(ActivityColor);
        p.drawEllipse(c, r, r);
        break;
    case Kind::Idea:
        // A ring: not on any day yet.
        p.setBrush(Qt::white);
        p.drawEllipse(c, r, r);
        p.setPen(QPen(ActivityColor, 3));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r - 2, r - 2);
        break;
    case Kind::Stop:
        p.setBrush(StopColor);
        p.drawEllipse(c, r, r);
        break;
    }
    if (order > 0) {
        QFont f = p.font();
        f.setBold(true);
        f.setPointSizeF(std::max(6.5, f.pointSizeF() * 0.8));
        p.setFont(f);
        p.setPen(kind == Kind::Idea ? ActivityColor : QColor(Qt::white));
        p.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(order));
    }
    p.restore();
}

void PlanLayer::drawLegIcon(QPainter& p, QPointF c) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(LegColor, 2.5, Qt::DashLine, Qt::RoundCap));
    QPainterPath arc(c + QPointF(-9, 5));
    arc.quadTo(c + QPointF(0, -9), c + QPointF(9, 5));
    p.setBrush(Qt::NoBrush);
    p.drawPath(arc);
    p.restore();
}

QList<PlanLayer::Drawn> PlanLayer::draw(QPainter& p, const std::function<QPointF(QPointF)>& toScreen,
                                        double worldPx, const QRectF& visible,
                                        const QPalette& palette) const {
    QList<Drawn> drawn;
    if (m_map.isEmpty())
        return drawn;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    for (const plan::MapRoute& r : m_map.routes) {
        if (r.from < 0 || r.to < 0 || r.from >= m_units.size() || r.to >= m_units.size())
            continue;
        const QPointF a = toScreen(m_units[r.from]);
        const QPointF b = a + (nearestCopy(m_units[r.from], m_units[r.to]) - m_units[r.from]) * worldPx;
        if (!visible.intersects(QRectF(a, b).normalized().adjusted(-1, -1, 1, 1)))
            continue;
        if (r.kind == plan::MapRoute::Kind::Sequence) {
            p.setPen(QPen(WayColor, 1.5, Qt::DotLine, Qt::RoundCap));
            p.drawLine(a, b);
            continue;
        }
        // An arc bowed to the left of its direction: two legs between the same
        // places, there and back, stay apart. Flights bow more than the ground.
        const QPointF d = b - a;
        const double bow = r.mode == u"flight" ? 0.22 : 0.1;
        const QPointF control = (a + b) / 2 + QPointF(d.y(), -d.x()) * bow;
        QPainterPath arc(a);
        arc.quadTo(control, b);
        // A pale casing under the line: visible over land, sea and a dark map.
        p.setPen(QPen(QColor(255, 255, 255, 170), 5, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(arc);
        p.setPen(QPen(LegColor, 2.5, r.mode == u"flight" ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
        p.drawPath(arc);
    }
    // Stays above activities above the ends of legs: what matters most on top.
    QList<int> order;
    for (int i = 0; i < m_map.places.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return int(m_map.places[a].kind) > int(m_map.places[b].kind); });
    const bool labelled = std::any_of(m_map.places.cbegin(), m_map.places.cend(),
                                      [](const plan::MapPlace& place) { return place.order > 0; });
    for (int i : order) {
        const plan::MapPlace& place = m_map.places[i];
        const QPointF at = toScreen(m_units[i]);
        if (!visible.contains(at))
            continue;
        drawPlaceIcon(p, place.kind, at, place.order);
        drawn << Drawn{at, markerRadius(place), i};
    }
    if (labelled) {
        // A day's few places carry their names, on a halo of the window's
        // colour; a name that would cover another name or marker is left to
        // the tooltip (places a street apart at a country's scale).
        QList<QRectF> taken;
        for (const Drawn& d : std::as_const(drawn))
            taken << QRectF(d.pos - QPointF(d.radius, d.radius), QSizeF(2 * d.radius, 2 * d.radius));
        const QFontMetricsF fm(p.font());
        // Topmost first: the name beside a marker is the marker's own.
        for (auto it = drawn.crbegin(); it != drawn.crend(); ++it) {
            const Drawn& d = *it;
            const QString name = m_map.places[d.place].labels.join(u", ");
            const QPointF baseline = d.pos + QPointF(d.radius + 4, fm.ascent() / 2.5);
            const QRectF box = fm.boundingRect(name).translated(baseline).adjusted(-2, -2, 2, 2);
            const QRectF own(d.pos - QPointF(d.radius, d.radius), QSizeF(2 * d.radius, 2 * d.radius));
            const bool covers = std::any_of(taken.cbegin(), taken.cend(),
                                            [&](const QRectF& t) { return t != own && t.intersects(box); });
            if (covers)
                continue;
            taken << box;
            // The halo is the name drawn eight times around itself in the
            // window's colour: glyphs from the cache, where stroking the
            // name's outline as a path cost most of the day map's first frame.
            p.setPen(palette.color(QPalette::Window));
            for (const QPointF& step : haloSteps())
                p.drawText(baseline + step, name);
            p.setPen(palette.color(QPalette::WindowText));
            p.drawText(baseline, name);
        }
    }
    p.restore();
    return drawn;
}

QString PlanLayer::tooltip(int index) const {
    if (index < 0 || index >= m_map.places.size())
        return {};
    const plan::MapPlace& place = m_map.places[index];
    QStringList lines;
    for (const QString& label : place.labels)
        lines << u"<b>%1</b>"_s.arg(label.toHtmlEscaped());
    QString html = lines.join(u"<br>"_s) + u"<br><i>%1</i>"_s.arg(kindName(place.kind));
    if (place.order > 0)
        html += u" · "_s +
                QCoreApplication::translate("tp::ui::PlanLayer", "number %1 of the day").arg(place.order);
    return html;
}

} // namespace tp::ui
