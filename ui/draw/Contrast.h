// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QPalette;

namespace tp::ui {

// Colour contrast as WCAG 2.x defines it, so that text colours chosen in code
// can be checked against the background they are drawn on.
//
// Relative luminance (WCAG 2.1, "relative luminance", https://www.w3.org/TR/WCAG21/#dfn-relative-luminance):
// each sRGB channel c in [0, 1] is linearised as c / 12.92 when c <= 0.03928,
// else ((c + 0.055) / 1.055)^2.4, and L = 0.2126 R + 0.7152 G + 0.0722 B.
// Contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio):
// (L_lighter + 0.05) / (L_darker + 0.05), from 1:1 to 21:1. Success criterion
// 1.4.3 asks at least 4.5:1 for body text.
double relativeLuminance(const QColor& colour);
double contrastRatio(const QColor& a, const QColor& b);

// The minimum contrast of body text (WCAG 2.x, 1.4.3, level AA).
inline constexpr double MinimumTextContrast = 4.5;

// Whether a palette is dark: its window background is nearer black than white.
bool isDarkPalette(const QPalette& palette);

} // namespace tp::ui
