// Saves the plan editor's tabs as PNGs at 1600×1000 and 1024×700 with the
// sample plan, to look at the layouts: plan_editor_shots [folder] (default /tmp).
#include "PlanSample.h"
#include "plan/PlanEditor.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>

using namespace Qt::StringLiterals;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"/tmp"_s;
    tp::ui::PlanEditor editor;
    editor.setContext(test::plansample::context());
    editor.setPlan(test::plansample::plan());
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
