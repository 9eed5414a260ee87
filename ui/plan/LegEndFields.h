// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Error.h"
#include "plan/PlanTypes.h"

#include <QObject>

class QLabel;
class QLineEdit;
class QHBoxLayout;
class QWidget;

namespace tp::ui {

// One end of a leg in the transport form: an IATA code that fills the place,
// coordinates and time zone from the bundled airport list (plan/Airports), the
// place's name, its IANA zone, and the local date and time there.
class LegEndFields : public QObject {
    Q_OBJECT
public:
    LegEndFields(const QString& prefix, QWidget* parent);

    void load(const plan::LegEnd& end);
    // The end as typed, over `base` (which keeps the place's raw keys).
    plan::LegEnd read(const plan::LegEnd& base, QList<FieldError>& errors) const;

    QLineEdit* code;
    QLineEdit* name;
    QLineEdit* zone;
    QLineEdit* date;
    QLineEdit* time;
    QLabel* info;
    QHBoxLayout* placeRow;
    QHBoxLayout* timeRow;

Q_SIGNALS:
    void changed();

private:
    void codeEdited(const QString& text);

    QString m_key; // "from" or "to"
    // Set from the airport; cleared when the place is typed by hand.
    std::optional<Decimal> m_lat;
    std::optional<Decimal> m_lon;
};

} // namespace tp::ui
