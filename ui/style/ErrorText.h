// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QWidget;

namespace tp::ui {

// The red of error text for a background: the app's red (#c0392b) made darker
// on a light background or lighter on a dark one until it reaches 4.5:1
// contrast (WCAG 2.x, see Contrast.h). On #ffffff and Fusion's #efefef it is
// #c0392b itself; on a dark window (#353535) a light coral red.
QColor errorTextColour(const QColor& background);

// Draws a widget's text (a QLabel's) in the error red for its window
// background, and keeps it readable when the palette changes (a dark palette
// switched on while the app runs). `error` false gives the widget its
// ordinary text colour back. The one way the app colours error text.
void setErrorText(QWidget* widget, bool error = true);
bool isErrorText(const QWidget* widget);

} // namespace tp::ui
