// SPDX-License-Identifier: GPL-3.0-or-later
#include "ItineraryText.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace tp::ui::itinerarytext {

namespace {
QString tr(const char* text) {
    // lupdate's context for tr() in this namespace.
    return QCoreApplication::translate("tp::ui::itinerarytext", text);
}
QString kindLabel(plan::ItineraryEntry::Kind k) {
    using K = plan::ItineraryEntry::Kind;
    switch (k) {
    case K::Leg:
        return tr("Travel");
    case K::Departure:
        return tr("Departure");
    case K::Arrival:
        return tr("Arrival");
    case K::CheckOut:
        return tr("Check-out");
    case K::CheckIn:
        return tr("Check-in");
    case K::Activity:
        return tr("Activity");
    }
    return {};
}
} // namespace

QString dayHeading(const plan::ItineraryDay& day, const plan::Plan& plan) {
    QString text = QLocale().toString(day.date, u"ddd d MMM yyyy"_s);
    if (const plan::Stay* s = plan.stay(day.nightStayId))
        text += tr(" · night: %1").arg(s->name);
    return text;
}

QString entryLine(const plan::ItineraryEntry& e) {
    QString when;
    if (e.start.isValid())
        when = e.start.toString(u"HH:mm"_s) +
               (e.end.isValid() ? u"–"_s + e.end.toString(u"HH:mm"_s) : QString());
    return QStringList{when, kindLabel(e.kind) + u": "_s + e.title}.join(u"  "_s).trimmed();
}

} // namespace tp::ui::itinerarytext
