// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;

namespace tp::ui {

// Where a trip stands in the seed's progression, as numbered steps that wrap
// to the width they are given: the steps done are ticked, the current one is
// drawn in the palette's highlight colours (visible in light and dark
// palettes), the rest are dimmed. It only shows; the status is chosen
// elsewhere. "Cancelled" is shown only for a cancelled trip.
class StatusStepper : public QWidget {
    Q_OBJECT
public:
    explicit StatusStepper(QWidget* parent = nullptr);

    void setStatus(const QString& status);
    QString status() const { return m_status; }
    // "done", "current" or "todo" for a step's stored value (tests, accessibility).
    QString stepState(const QString& value) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    QString m_status;
    QHash<QString, QLabel*> m_steps; // by stored value
    QList<QString> m_order;
};

} // namespace tp::ui
