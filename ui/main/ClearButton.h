// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLineEdit;

namespace tp::ui {

// The clear button of a line edit, as QLineEdit::setClearButtonEnabled makes
// it, with an icon drawn once for the whole application: the style's own icon
// is built anew for each field and cost more than a tenth of the start-up
// (measured with callgrind; tests/bench/bench_startup).
void addClearButton(QLineEdit* edit);

} // namespace tp::ui
