// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguagePage.h"

#include "config/Translations.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// A language's name in that language ("Deutsch", "Français"): someone who
// cannot read the current one still finds their own.
QString nativeName(const QString& code) {
    if (code == u"pseudo")
        return u"Pseudo (layout test: accented, 40 % longer)"_s;
    const QString name = QLocale(code).nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}
} // namespace

LanguagePage::LanguagePage(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"languageCombo"_s);
    m_combo->addItem(
        tr("The system's language (%1)").arg(nativeName(QLocale::system().name().section(u'_', 0, 0))),
        QString());
    for (const QString& code : availableLanguages())
        m_combo->addItem(nativeName(code), code);
    form->addRow(tr("&Language:"), m_combo);
    layout->addLayout(form);
    auto* note =
        new QLabel(tr("Trip Planner shows the new language the next time it starts. Dates and numbers "
                      "follow the language too."),
                   this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch();
}

void LanguagePage::load(const QString& code) {
    int index = m_combo->findData(code);
    if (index < 0) {
        // A language this build has no texts for (set with the CLI): shown, kept as it is.
        m_combo->addItem(code, code);
        index = m_combo->count() - 1;
    }
    m_combo->setCurrentIndex(index);
}

QString LanguagePage::value() const {
    return m_combo->currentData().toString();
}

} // namespace tp::ui
