// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Error.h"

#include <QHash>
#include <QLabel>

namespace tp::ui {

// The problems of a plan form, one line each, naming the field as the form
// labels it ("Check-out: must be after the check-in date"). The plan's field
// keys ("price.currency") are mapped to labels by their longest known prefix;
// the field's widget gets the message as its tooltip and accessible description.
class FieldErrorLabel : public QLabel {
    Q_OBJECT
public:
    explicit FieldErrorLabel(QWidget* parent = nullptr);

    // `key` is the plan's field key ("check_in"); `label` what the form calls it.
    void addField(const QString& key, const QString& label, QWidget* widget = nullptr);
    void showErrors(const QList<FieldError>& errors);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    const QList<FieldError>& errors() const { return m_errors; }

private:
    QString labelFor(const QString& key, QWidget** widget) const;

    struct Field {
        QString label;
        QWidget* widget = nullptr;
    };
    QHash<QString, Field> m_fields;
    QList<FieldError> m_errors;
    QList<QWidget*> m_marked;
};

} // namespace tp::ui
