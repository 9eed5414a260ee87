// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanPdf.h"

#include "Basemap.h"
#include "DayMapPainter.h"
#include "ItineraryText.h"
#include "plan/Itinerary.h"
#include "plan/PlanMap.h"

#include <QCoreApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// The context is the one lupdate gives tr() in namespace tp::ui, so the
// translation files find these texts.
QString tr(const char* text) {
    return QCoreApplication::translate("tp::ui", text);
}

// Counts the pages as they are started.
class Pages {
public:
    explicit Pages(QPdfWriter& writer)
        : m_writer(writer) {}
    void next() {
        if (m_count > 0)
            m_writer.newPage();
        ++m_count;
    }
    int count() const { return m_count; }

private:
    QPdfWriter& m_writer;
    int m_count = 0;
};
} // namespace

PlanPdfResult writePlanPdf(QIODevice& out, const plan::Plan& plan, const PlanContext& context) {
    const QList<plan::ItineraryDay> days =
        plan::buildItinerary(plan, context.trip.startDate, context.trip.endDate);
    if (days.isEmpty())
        return {false, 0, tr("The plan has no days to print: give the trip dates or schedule something.")};
    QPdfWriter writer(&out);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(150);
    writer.setTitle(context.trip.title.isEmpty() ? tr("Itinerary") : context.trip.title);
    writer.setCreator(u"Trip Planner"_s);
    QPainter painter;
    if (!painter.begin(&writer))
        return {false, 0, tr("The PDF could not be started.")};
    Basemap basemap;
    Pages pages(writer);
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    const double dpi = writer.resolution();
    const double line = dpi * 0.22; // about 16 pt of leading at 11 pt
    QFont body(u"Sans"_s);
    body.setPointSizeF(10.5);
    QFont heading = body;
    heading.setPointSizeF(16);
    heading.setBold(true);
    QFont small = body;
    small.setPointSizeF(8.5);
    const QColor problem(0xc0, 0x39, 0x2b);

    for (int i = 0; i < days.size(); ++i) {
        const plan::ItineraryDay& day = days[i];
        pages.next();
        double y = 0;
        painter.setFont(small);
        painter.setPen(Qt::darkGray);
        painter.drawText(QRectF(0, y, page.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         context.trip.title + (context.trip.destinationName.isEmpty()
                                                   ? QString()
                                                   : u" · "_s + context.trip.destinationName));
        painter.drawText(QRectF(0, y, page.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                         tr("Day %1 of %2").arg(i + 1).arg(days.size()));
        y += line * 1.3;
        painter.setFont(heading);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, y, page.width(), line * 1.8), Qt::AlignLeft | Qt::AlignVCenter,
                         itinerarytext::dayHeading(day, plan));
        y += line * 2.2;

        const QRectF mapRect(0, y, page.width(), page.height() * 0.38);
        if (paintDayMap(painter, mapRect, plan::dayMap(day, plan), basemap)) {
            y = mapRect.bottom() + line * 0.3;
            painter.setFont(small);
            painter.setPen(Qt::darkGray);
            painter.drawText(QRectF(0, y, page.width(), line), Qt::AlignRight | Qt::AlignVCenter,
                             tr("Map: Natural Earth (public domain)"));
            y += line * 1.2;
        }

        painter.setFont(body);
        QStringList rows;
        for (const plan::ItineraryEntry& e : day.entries)
            rows << itinerarytext::entryLine(e);
        if (rows.isEmpty())
            rows << tr("Nothing planned.");
        for (const QString& r : rows) {
            if (y + line > page.height()) {
                pages.next();
                y = 0;
                painter.setFont(small);
                painter.drawText(QRectF(0, y, page.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                                 tr("%1 (continued)").arg(itinerarytext::dayHeading(day, plan)));
                y += line * 1.5;
                painter.setFont(body);
            }
            painter.setPen(Qt::black);
            const QRectF box(0, y, page.width(), page.height() - y);
            const QRectF used = painter.boundingRect(box, Qt::TextWordWrap, r);
            painter.drawText(box, Qt::TextWordWrap, r);
            y += std::max(used.height(), line) + line * 0.2;
        }
        if (!day.problems.isEmpty()) {
            y += line * 0.5;
            painter.setPen(problem);
            for (const plan::DayProblem& p : day.problems) {
                if (y + line > page.height())
                    break;
                painter.drawText(QRectF(0, y, page.width(), line * 2), Qt::TextWordWrap,
                                 tr("Problem: %1").arg(p.message));
                y += line * 1.2;
            }
        }
        if (const plan::Stay* s = plan.stay(day.nightStayId); s && y + line * 3 < page.height()) {
            y += line * 0.5;
            painter.setPen(Qt::black);
            painter.setFont(small);
            QStringList about{tr("Night: %1").arg(s->name)};
            if (!s->place.name.isEmpty())
                about << s->place.name;
            if (!s->bookingRef.isEmpty())
                about << tr("booking %1").arg(s->bookingRef);
            if (!s->link.isEmpty())
                about << s->link;
            painter.drawText(QRectF(0, y, page.width(), line * 3), Qt::TextWordWrap, about.join(u" · "_s));
        }
    }
    painter.end();
    return {true, pages.count(), {}};
}

PlanPdfResult writePlanPdf(const QString& path, const plan::Plan& plan, const PlanContext& context) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {false, 0, tr("%1 could not be written: %2").arg(path, file.errorString())};
    PlanPdfResult r = writePlanPdf(file, plan, context);
    if (!r.ok) {
        file.cancelWriting();
        return r;
    }
    if (!file.commit())
        return {false, 0, tr("%1 could not be written: %2").arg(path, file.errorString())};
    return r;
}

} // namespace tp::ui
