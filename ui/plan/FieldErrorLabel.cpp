// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldErrorLabel.h"

#include "style/ErrorText.h"

#include <QWidget>

using namespace Qt::StringLiterals;

namespace tp::ui {

FieldErrorLabel::FieldErrorLabel(QWidget* parent)
    : QLabel(parent) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setErrorText(this);
    setAccessibleName(tr("Problems"));
    hide();
}

void FieldErrorLabel::addField(const QString& key, const QString& label, QWidget* widget) {
    m_fields.insert(key, Field{label, widget});
}

QString FieldErrorLabel::labelFor(const QString& key, QWidget** widget) const {
    // "from.place.latitude" → "from.place" → "from": the most specific label.
    QString k = key;
    while (!k.isEmpty()) {
        const auto it = m_fields.constFind(k);
        if (it != m_fields.constEnd()) {
            *widget = it->widget;
            return it->label;
        }
        const qsizetype dot = k.lastIndexOf(u'.');
        k = dot < 0 ? QString() : k.left(dot);
    }
    *widget = nullptr;
    return key;
}

void FieldErrorLabel::showErrors(const QList<FieldError>& errors) {
    m_errors = errors;
    for (QWidget* w : std::as_const(m_marked)) {
        w->setToolTip({});
        w->setAccessibleDescription({});
    }
    m_marked.clear();
    QStringList lines;
    QHash<QWidget*, QStringList> perWidget;
    for (const FieldError& e : errors) {
        QWidget* widget = nullptr;
        const QString label = labelFor(e.field, &widget);
        const QString line = label + u": "_s + e.message;
        if (!lines.contains(line))
            lines << line;
        if (widget)
            perWidget[widget] << e.message;
    }
    for (auto it = perWidget.cbegin(); it != perWidget.cend(); ++it) {
        it.key()->setToolTip(it.value().join(u'\n'));
        it.key()->setAccessibleDescription(it.value().join(u' '));
        m_marked << it.key();
    }
    setText(lines.join(u'\n'));
    setVisible(!lines.isEmpty());
}

} // namespace tp::ui
