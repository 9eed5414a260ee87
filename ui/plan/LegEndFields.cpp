// SPDX-License-Identifier: GPL-3.0-or-later
#include "LegEndFields.h"

#include "FormInput.h"
#include "plan/Airports.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace tp::ui {

LegEndFields::LegEndFields(const QString& prefix, QWidget* parent)
    : QObject(parent)
    , m_key(prefix) {
    code = new QLineEdit(parent);
    code->setObjectName(prefix + u"Code"_s);
    code->setPlaceholderText(tr("IATA"));
    code->setMaxLength(4);
    code->setMaximumWidth(code->fontMetrics().horizontalAdvance(u"WWWWW"_s) + 16);
    code->setAccessibleName(tr("Airport code"));
    name = new QLineEdit(parent);
    name->setObjectName(prefix + u"Name"_s);
    name->setPlaceholderText(tr("Place"));
    name->setAccessibleName(tr("Place"));
    zone = new QLineEdit(parent);
    zone->setObjectName(prefix + u"Zone"_s);
    zone->setPlaceholderText(u"Europe/Rome"_s);
    zone->setAccessibleName(tr("Time zone"));
    date = new QLineEdit(parent);
    date->setObjectName(prefix + u"Date"_s);
    date->setPlaceholderText(u"YYYY-MM-DD"_s);
    date->setAccessibleName(tr("Local date"));
    time = new QLineEdit(parent);
    time->setObjectName(prefix + u"Time"_s);
    time->setPlaceholderText(u"HH:mm"_s);
    time->setAccessibleName(tr("Local time"));
    time->setMaximumWidth(time->fontMetrics().horizontalAdvance(u"00:000"_s) + 16);
    info = new QLabel(parent);
    info->setObjectName(prefix + u"Info"_s);
    info->setWordWrap(true);

    placeRow = new QHBoxLayout;
    placeRow->addWidget(code);
    placeRow->addWidget(name, 2);
    placeRow->addWidget(zone, 1);
    timeRow = new QHBoxLayout;
    timeRow->addWidget(date, 2);
    timeRow->addWidget(time, 1);
    timeRow->addStretch(1);

    connect(code, &QLineEdit::textEdited, this, &LegEndFields::codeEdited);
    connect(name, &QLineEdit::textEdited, this, [this] {
        m_lat.reset();
        m_lon.reset();
        info->clear();
    });
    for (QLineEdit* e : {code, name, zone, date, time})
        connect(e, &QLineEdit::textChanged, this, &LegEndFields::changed);
}

void LegEndFields::codeEdited(const QString& text) {
    const QString iata = text.trimmed().toUpper();
    if (iata.size() != 3)
        return;
    const std::optional<plan::Airport> a = plan::findAirport(iata);
    if (!a) {
        info->setText(
            tr("%1 is not in the bundled airport list: type the place and its time zone.").arg(iata));
        return;
    }
    m_lat = planform::coordinate(a->latitude);
    m_lon = planform::coordinate(a->longitude);
    info->setText(tr("%1 (%2), %3").arg(a->name, a->iata, a->zone));
    name->setText(a->city.isEmpty() ? a->name : a->city);
    zone->setText(a->zone);
    Q_EMIT changed();
}

void LegEndFields::load(const plan::LegEnd& end) {
    code->setText(end.place.code);
    name->setText(end.place.name);
    zone->setText(end.place.zone);
    date->setText(planform::dateText(end.date));
    time->setText(planform::timeText(end.time));
    m_lat = end.place.latitude;
    m_lon = end.place.longitude;
    info->setText(end.place.hasCoordinates() ? planform::placeSummary(end.place) : QString());
}

plan::LegEnd LegEndFields::read(const plan::LegEnd& base, QList<FieldError>& errors) const {
    plan::LegEnd e = base;
    e.place.code = code->text().trimmed().toUpper();
    e.place.name = name->text().trimmed();
    e.place.zone = zone->text().trimmed();
    e.place.latitude = m_lat;
    e.place.longitude = m_lon;
    e.date = planform::readDate(date, m_key + u".date"_s, errors);
    e.time = planform::readTime(time, m_key + u".time"_s, errors);
    return e;
}

} // namespace tp::ui
