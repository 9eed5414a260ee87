// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanSample.h"
#include "draw/PlanPdf.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {
// Page objects in the PDF ("/Type /Page", not "/Pages"): QPdfWriter writes
// them uncompressed, one per page.
int pageCount(const QByteArray& pdf) {
    static const QRegularExpression page(u"/Type\\s*/Page(?!s)"_s);
    return int(QString::fromLatin1(pdf).count(page));
}

// The page count as an independent reader sees it: poppler's pdfinfo
// (poppler-utils, installed by install-deps.sh --tests); -1 when it fails.
int pdfinfoPages(const QString& path) {
    QProcess p;
    p.start(u"pdfinfo"_s, {path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return -1;
    static const QRegularExpression pages(u"^Pages:\\s+(\\d+)"_s, QRegularExpression::MultilineOption);
    const auto m = pages.match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}
} // namespace

// The printable itinerary: a page per day, with the day's map, written
// through a QSaveFile; a plan without days is refused with a reason.
class TestPlanPdf : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pagePerDay() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sicily.pdf"_s);
        const ui::PlanPdfResult r =
            ui::writePlanPdf(path, test::plansample::plan(), test::plansample::context());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pages, 6);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pageCount(pdf), 6);
        QCOMPARE(pdfinfoPages(path), 6);
        // The maps are images: at least the first day's (London and Catania).
        QVERIFY(QString::fromLatin1(pdf).contains(QRegularExpression(u"/Subtype\\s*/Image"_s)));
        if (!qEnvironmentVariableIsEmpty("TP_PLAN_PDF_COPY"))
            QFile::copy(path, qEnvironmentVariable("TP_PLAN_PDF_COPY"));
    }

    void longDayContinues() {
        plan::Plan p = test::plansample::plan();
        for (int i = 0; i < 80; ++i) {
            plan::Activity a;
            a.id = u"act-%1"_s.arg(i);
            a.title = u"Stop %1"_s.arg(i);
            a.date = QDate(2026, 6, 5);
            a.start = QTime(6, 0).addSecs(i * 600);
            p.activities << a;
        }
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const ui::PlanPdfResult r = ui::writePlanPdf(buffer, p, test::plansample::context());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY2(r.pages > 6, qPrintable(QString::number(r.pages)));
        QCOMPARE(pageCount(buffer.data()), r.pages);
    }

    void noDaysRefused() {
        ui::PlanContext undated;
        undated.trip.title = u"Someday"_s;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const ui::PlanPdfResult r = ui::writePlanPdf(buffer, plan::Plan{}, undated);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(u"no days"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"none.pdf"_s);
        QVERIFY(!ui::writePlanPdf(path, plan::Plan{}, undated).ok);
        QVERIFY(!QFile::exists(path)); // nothing half-written left behind
    }
};

QTEST_MAIN(TestPlanPdf)
#include "tst_plan_pdf.moc"
