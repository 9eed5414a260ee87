// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;

namespace tp::ui {

// Settings → Language: the language of the app's texts, applied the next time
// the app starts (a running window keeps its texts; retranslating every
// widget live is not worth a half-translated window).
class LanguagePage : public QWidget {
    Q_OBJECT
public:
    explicit LanguagePage(QWidget* parent = nullptr);

    void load(const QString& code); // "" (the system's), "de", …
    QString value() const;

private:
    QComboBox* m_combo = nullptr;
};

} // namespace tp::ui
