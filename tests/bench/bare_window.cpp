// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up benchmark's baseline: the least a Qt Widgets application does
// to show a main window (a menu bar, a central widget, a status bar), with the
// same first-frame probe as the app.
#include "main/FirstFrameProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"));
    window.setCentralWidget(new QLabel(QStringLiteral("Trip Planner"), &window));
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 800);
    tp::ui::FirstFrameProbe::install(&window);
    window.show();
    return app.exec();
}
