// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusStepper.h"

#include "FlowLayout.h"
#include "domain/Stages.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace tp::ui {

StatusStepper::StatusStepper(QWidget* parent)
    : QWidget(parent) {
    setObjectName(u"statusStepper"_s);
    auto* flow = new FlowLayout(this, 4);
    int number = 0;
    for (const Choice& c : trip_status::all) {
        const QString value = QString::fromUtf16(c.value);
        const QString label = QCoreApplication::translate("Stages", c.label);
        auto* chip = new QLabel(this);
        chip->setObjectName(u"step_"_s + value);
        chip->setTextFormat(Qt::PlainText);
        chip->setMargin(3);
        chip->setAutoFillBackground(true);
        chip->setProperty(
            "label", isStatus(value, TripStatus::Cancelled) ? label : tr("%1. %2").arg(++number).arg(label));
        flow->addWidget(chip);
        m_steps.insert(value, chip);
        m_order.append(value);
    }
    setStatus(storedValue(TripStatus::Planning));
}

QString StatusStepper::stepState(const QString& value) const {
    const qsizetype current = m_order.indexOf(m_status);
    const qsizetype step = m_order.indexOf(value);
    if (step < 0)
        return {};
    if (isStatus(m_status, TripStatus::Cancelled))
        return isStatus(value, TripStatus::Cancelled) ? u"current"_s : u"todo"_s;
    if (step == current)
        return u"current"_s;
    return step < current ? u"done"_s : u"todo"_s;
}

void StatusStepper::setStatus(const QString& status) {
    m_status = m_steps.contains(status) ? status : storedValue(TripStatus::Planning);
    restyle();
}

void StatusStepper::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
}

void StatusStepper::restyle() {
    const QPalette base = palette();
    QStringList spoken;
    for (const QString& value : std::as_const(m_order)) {
        QLabel* chip = m_steps.value(value);
        const QString state = stepState(value);
        const QString label = chip->property("label").toString();
        QPalette p = base;
        QFont f = font();
        if (state == u"current") {
            p.setColor(QPalette::Window, base.color(QPalette::Highlight));
            p.setColor(QPalette::WindowText, base.color(QPalette::HighlightedText));
            f.setBold(true);
            chip->setText(label);
            spoken << tr("%1 (current)").arg(label);
        } else if (state == u"done") {
            p.setColor(QPalette::Window, base.color(QPalette::AlternateBase));
            chip->setText(u"✓ "_s + label);
            spoken << tr("%1 (done)").arg(label);
        } else {
            p.setColor(QPalette::Window, base.color(QPalette::Window));
            p.setColor(QPalette::WindowText, base.color(QPalette::PlaceholderText));
            chip->setText(label);
        }
        chip->setPalette(p);
        chip->setFont(f);
        chip->setProperty("state", state);
        // Cancelled is a way out, not a step: shown only when it is the status.
        chip->setVisible(!isStatus(value, TripStatus::Cancelled) ||
                         isStatus(m_status, TripStatus::Cancelled));
    }
    setAccessibleName(tr("Progress: %1").arg(spoken.join(u", "_s)));
}

} // namespace tp::ui
