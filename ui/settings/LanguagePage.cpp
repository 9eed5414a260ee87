// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguagePage.h"

#include "config/Translations.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHash>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

namespace {
// A language's name in that language ("Deutsch", "Français"): someone who
// cannot read the current one still finds their own. Qt's own names carry the
// country ("español de España", "American English"), so the app's languages
// are named here.
QString nativeName(const QString& code) {
    if (code == u"pseudo")
        return u"Pseudo (layout test: accented, 40 % longer)"_s;
    static const QHash<QString, QString> names = {
        {u"de"_s, u"Deutsch"_s}, {u"en"_s, u"English"_s}, {u"es"_s, u"Español"_s}, {u"fr"_s, u"Français"_s}};
    if (names.contains(code))
        return names.value(code);
    const QString name = QLocale(code).nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

// The system's language as the app will show it (the C locale is English).
QString systemLanguageCode() {
    const QLocale system = QLocale::system();
    return system.language() == QLocale::C ? u"en"_s : system.name().section(u'_', 0, 0);
}
} // namespace

LanguagePage::LanguagePage(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"languageCombo"_s);
    m_combo->addItem(tr("The system's language (%1)").arg(nativeName(systemLanguageCode())), QString());
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
