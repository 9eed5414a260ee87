// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Entities.h"
#include "domain/Error.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tp::app {
class PreferencesStore;
}

namespace tp::ui {

// The user's travel preferences (api_userpreferences), read and saved through the database thread.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(app::PreferencesStore* store, QWidget* parent = nullptr);

private:
    void revalidate();
    static QString fieldLabel(const QString& field);
    std::optional<UserPreferences> current(QList<FieldError>* errors) const;

    app::PreferencesStore* m_store;
    UserPreferences m_loaded;
    QPlainTextEdit* m_text;
    QLineEdit* m_min;
    QLineEdit* m_max;
    QSpinBox* m_group;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace tp::ui
