// SPDX-License-Identifier: GPL-3.0-or-later
// Saves the plan editor's tabs as PNGs at 1600×1000 and 1024×700 with the
// sample plan, to look at the layouts: plan_editor_shots [folder] (default /tmp).
// plan_editor_shots --time N: how long setPlan takes with a 30-day plan of N
// items (the whole editor: tables, itinerary, budget and review recomputed).
#include "PlanSample.h"
#include "plan/PlanEditor.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTabWidget>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc > 2 && QByteArray(argv[1]) == "--time") {
        const int n = QByteArray(argv[2]).toInt();
        tp::ui::PlanContext c = tp::test::plansample::context();
        c.trip.endDate = c.trip.startDate.addDays(29);
        tp::plan::Plan p = tp::test::plansample::plan();
        for (int i = 0; i < n; ++i) {
            tp::plan::Activity a;
            a.id = u"act-bulk-%1"_s.arg(i);
            a.title = u"Stop %1"_s.arg(i);
            a.date = c.trip.startDate.addDays(i % 30);
            a.start = QTime(8, 0).addSecs((i / 30) * 1800);
            a.cost = tp::plan::Money{tp::test::plansample::amount("12.50"), u"EUR"_s};
            p.activities << a;
        }
        tp::ui::PlanEditor editor;
        editor.resize(1600, 1000);
        editor.show();
        QElapsedTimer t;
        t.start();
        editor.setContext(c);
        editor.setPlan(p);
        const qint64 first = t.nsecsElapsed();
        p.activities[5].title = u"Renamed"_s;
        t.restart();
        editor.setPlan(p);
        const qint64 again = t.nsecsElapsed();
        std::printf("%d items: first setContext+setPlan %.1f ms, setPlan after one edit %.1f ms\n", n + 5,
                    double(first) / 1e6, double(again) / 1e6);
        for (int tab = 1; tab < editor.tabs()->count(); ++tab) {
            editor.setPlan(p); // every other tab stale again
            t.restart();
            editor.tabs()->setCurrentIndex(tab);
            std::printf("  showing tab %s: %.1f ms\n", qPrintable(editor.tabs()->tabText(tab)),
                        double(t.nsecsElapsed()) / 1e6);
        }
        return 0;
    }
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"/tmp"_s;
    tp::ui::PlanEditor editor;
    editor.setContext(tp::test::plansample::context());
    editor.setPlan(tp::test::plansample::plan());
    editor.show();
    const QStringList names{u"stays"_s,     u"transport"_s, u"activities"_s,
                            u"itinerary"_s, u"budget"_s,    u"review"_s};
    for (const QSize size : {QSize(1600, 1000), QSize(1024, 700)}) {
        editor.resize(size);
        for (int t = 0; t < editor.tabs()->count(); ++t) {
            editor.tabs()->setCurrentIndex(t);
            QApplication::processEvents();
            const QString file = QDir(folder).filePath(
                u"plan-%1-%2x%3.png"_s.arg(names.value(t)).arg(size.width()).arg(size.height()));
            if (!editor.grab().save(file))
                return 1;
        }
    }
    return 0;
}
