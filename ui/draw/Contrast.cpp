// SPDX-License-Identifier: GPL-3.0-or-later
#include "Contrast.h"

#include <QPalette>
#include <algorithm>
#include <cmath>

namespace tp::ui {

namespace {
double linear(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

double relativeLuminance(const QColor& colour) {
    const QColor c = colour.toRgb();
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

double contrastRatio(const QColor& a, const QColor& b) {
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDarkPalette(const QPalette& palette) {
    const QColor window = palette.color(QPalette::Window);
    return contrastRatio(window, Qt::white) > contrastRatio(window, Qt::black);
}

} // namespace tp::ui
