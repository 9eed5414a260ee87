// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QMainWindow;

namespace tp::ui {

// Help > About: the version, the Qt it was built with and runs on, the licence,
// and the attribution every bundled data set and online service asks for
// (the same facts as packaging/debian/copyright, which ships in every package).
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The texts, separately, so that a test can read what a person reads.
    static QString versionText();
    static QString licenceText();
    static QString attributionsHtml();
};

// Adds the Help menu (Documentation, About Trip Planner, About Qt) to a window's
// menu bar: one call from MainWindow::buildActions.
void addHelpMenu(QMainWindow* window);

} // namespace tp::ui
