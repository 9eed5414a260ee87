// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesDialog.h"

#include "PreferencesStore.h"
#include "domain/Validation.h"
#include "style/ErrorText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tp::ui {

PreferencesDialog::PreferencesDialog(app::PreferencesStore* store, QWidget* parent)
    : QDialog(parent)
    , m_store(store) {
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Travel preferences"));
    auto* form = new QFormLayout;
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"preferencesText"_s);
    m_text->setAccessibleName(tr("What you like when travelling"));
    m_text->setPlaceholderText(tr("Beaches, food markets, slow mornings…"));
    form->addRow(tr("Preferences"), m_text);
    m_min = new QLineEdit(this);
    m_min->setObjectName(u"budgetMin"_s);
    m_min->setPlaceholderText(tr("no minimum"));
    m_min->setAccessibleName(tr("Minimum budget"));
    form->addRow(tr("Budget from"), m_min);
    m_max = new QLineEdit(this);
    m_max->setObjectName(u"budgetMax"_s);
    m_max->setPlaceholderText(tr("no maximum"));
    m_max->setAccessibleName(tr("Maximum budget"));
    form->addRow(tr("Budget up to"), m_max);
    m_group = new QSpinBox(this);
    m_group->setObjectName(u"groupSize"_s);
    m_group->setRange(0, 999);
    m_group->setAccessibleName(tr("Preferred group size"));
    form->addRow(tr("Group size"), m_group);
    m_message = new QLabel(tr("Loading…"), this);
    m_message->setObjectName(u"preferencesMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(form);
    outer->addWidget(m_message);
    outer->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_min, &QLineEdit::textChanged, this, &PreferencesDialog::revalidate);
    connect(m_max, &QLineEdit::textChanged, this, &PreferencesDialog::revalidate);
    connect(m_group, &QSpinBox::valueChanged, this, &PreferencesDialog::revalidate);
    connect(m_text, &QPlainTextEdit::textChanged, this, &PreferencesDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const auto prefs = current(nullptr);
        if (!prefs)
            return;
        m_buttons->setEnabled(false);
        m_store->save(this, *prefs, [this](Result<UserPreferences> r) {
            m_buttons->setEnabled(true);
            if (!r.ok()) {
                setErrorText(m_message);
                m_message->setText(r.error().message);
                return;
            }
            accept();
        });
    });
    m_store->load(this, [this](Result<UserPreferences> r) {
        if (!r.ok()) {
            m_message->setText(r.error().message);
            return;
        }
        m_loaded = r.value();
        m_text->setPlainText(m_loaded.preferencesText);
        m_min->setText(m_loaded.budgetMin ? m_loaded.budgetMin->toString() : QString());
        m_max->setText(m_loaded.budgetMax ? m_loaded.budgetMax->toString() : QString());
        m_group->setValue(m_loaded.preferredGroupSize);
        revalidate();
    });
}

QString PreferencesDialog::fieldLabel(const QString& field) {
    if (field == u"budget_min")
        return tr("Budget from:");
    if (field == u"budget_max")
        return tr("Budget up to:");
    if (field == u"preferred_group_size")
        return tr("Group size:");
    if (field == u"preferences_text")
        return tr("Preferences:");
    return field;
}

std::optional<UserPreferences> PreferencesDialog::current(QList<FieldError>* errorsOut) const {
    UserPreferences p = m_loaded;
    QList<FieldError> errors;
    p.preferencesText = m_text->toPlainText();
    p.preferredGroupSize = m_group->value();
    auto money = [&](const QString& field, QLineEdit* e) -> std::optional<Decimal> {
        if (e->text().trimmed().isEmpty())
            return std::nullopt;
        try {
            return validation::parseMoney(field, e->text().trimmed());
        } catch (const Error& err) {
            errors << err.fieldErrors();
            return std::nullopt;
        }
    };
    p.budgetMin = money(u"budget_min"_s, m_min);
    p.budgetMax = money(u"budget_max"_s, m_max);
    errors << validation::checkPreferences(p);
    if (errorsOut)
        *errorsOut = errors;
    if (!errors.isEmpty())
        return std::nullopt;
    return p;
}

void PreferencesDialog::revalidate() {
    QList<FieldError> errors;
    const bool ok = current(&errors).has_value() && m_loaded.userId != 0;
    QStringList lines;
    for (const FieldError& e : std::as_const(errors))
        lines << tr("%1 %2").arg(fieldLabel(e.field), e.message);
    lines.removeDuplicates();
    setErrorText(m_message, !lines.isEmpty());
    m_message->setText(lines.join(u'\n'));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(ok);
}

} // namespace tp::ui
