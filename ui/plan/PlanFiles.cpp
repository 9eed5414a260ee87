// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanFiles.h"

#include "domain/Error.h"
#include "draw/PlanPdf.h"
#include "main/Confirm.h"
#include "plan/IcsImport.h"
#include "plan/IcsWriter.h"
#include "plan/PlacesImport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tp::ui::plan_files {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    // lupdate's context for tr() in this namespace.
    return QCoreApplication::translate("tp::ui::plan_files", text, disambiguation, n);
}

QString safeFileName(const QString& title, const QString& extension) {
    QString name = title.trimmed();
    for (QChar& c : name)
        if (!c.isLetterOrNumber() && c != u' ' && c != u'-')
            c = u'_';
    return QDir::home().filePath((name.isEmpty() ? u"trip"_s : name) + extension);
}
} // namespace

FileNote exportCalendar(QWidget* parent, const plan::Plan& plan, const PlanContext& context) {
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export to calendar"),
                                                      safeFileName(context.trip.title, u".ics"_s),
                                                      tr("iCalendar files (*.ics)"));
    if (path.isEmpty())
        return {};
    const plan::IcsExport ics =
        plan::writeIcs(plan, context.trip.title, u"trip-%1.tripplanner"_s.arg(context.trip.id));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(ics.data) != ics.data.size() || !out.commit())
        return {tr("Not exported: %1 cannot be written (%2).")
                    .arg(QDir::toNativeSeparators(path), out.errorString()),
                true};
    QString text = tr("Exported %n events to %1.", nullptr, ics.events).arg(QDir::toNativeSeparators(path));
    if (!ics.skipped.isEmpty())
        text += u' ' + tr("Not in the calendar: %1").arg(ics.skipped.join(u"; "_s));
    return {text, !ics.skipped.isEmpty()};
}

QString choosePdfPath(QWidget* parent, const PlanContext& context) {
    return QFileDialog::getSaveFileName(parent, tr("Export PDF"), safeFileName(context.trip.title, u".pdf"_s),
                                        tr("PDF files (*.pdf)"));
}

FileNote writePdf(const QString& path, const plan::Plan& plan, const PlanContext& context) {
    const PlanPdfResult r = writePlanPdf(path, plan, context);
    if (!r.ok)
        return {tr("Not exported: %1").arg(r.error), true};
    return {
        tr("Wrote the itinerary (%n pages) to %1.", nullptr, r.pages).arg(QDir::toNativeSeparators(path))};
}

std::optional<Imported> importFile(QWidget* parent, const plan::Plan& plan) {
    const QString path = QFileDialog::getOpenFileName(
        parent, tr("Import into the plan"), QDir::homePath(),
        tr("Calendars and places (*.ics *.gpx *.kml *.geojson *.json);;All files (*)"));
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(parent, tr("Import"), tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    const QString name = QFileInfo(path).fileName();
    Imported result{plan, {}};
    QStringList lines;
    try {
        if (const auto format = plan::placesFormatFor(path)) {
            const plan::PlacesImportResult r = plan::importPlaces(data, *format);
            for (const plan::Activity& a : r.ideas)
                lines << tr("idea: %1").arg(a.title);
            if (r.skipped > 0)
                lines << tr("skipped %n features that are not single places", nullptr, r.skipped);
            if (r.ideas.isEmpty()) {
                QMessageBox::information(parent, tr("Import"), tr("%1 holds no places to add.").arg(name));
                return std::nullopt;
            }
            for (plan::Activity a : r.ideas) {
                a.id = plan::newItemId(u"act"_s);
                result.plan.activities << a;
            }
            result.description = tr("Import %n ideas from %1", nullptr, int(r.ideas.size())).arg(name);
        } else {
            const plan::IcsImportResult r = plan::importIcs(data);
            for (const plan::ImportedItem& item : r.items)
                lines << u"%1: %2 (%3)"_s.arg(plan::importedKindName(item.kind), item.summary, item.reason);
            for (const QString& s : r.skipped)
                lines << tr("skipped: %1").arg(s);
            if (r.items.isEmpty()) {
                QMessageBox::information(parent, tr("Import"),
                                         tr("%1 holds no stays, legs or activities to add.").arg(name));
                return std::nullopt;
            }
            plan::applyImport(result.plan, r.items);
            result.description = tr("Import %n items from %1", nullptr, int(r.items.size())).arg(name);
        }
    } catch (const Error& e) {
        QMessageBox::warning(parent, tr("Import"), tr("%1 cannot be imported: %2").arg(name, e.message()));
        return std::nullopt;
    }
    // What was recognised, before anything enters the plan.
    if (!Confirm::ask(parent, tr("Import"),
                      tr("Recognised in %1:\n\n%2\n\nAdd to the plan?").arg(name, lines.join(u'\n')),
                      tr("Add")))
        return std::nullopt;
    return result;
}

} // namespace tp::ui::plan_files
