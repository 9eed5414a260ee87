// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanTypes.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {
template <class T> const T* findById(const QList<T>& list, const QString& id) {
    for (const T& item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}
template <class T> bool removeById(QList<T>& list, const QString& id) {
    return list.removeIf([&](const T& item) { return item.id == id; }) > 0;
}
bool booked(const QString& status) {
    return status == QStringView(item_status::Booked);
}
} // namespace

bool Plan::everythingBooked() const {
    if (stays.isEmpty() && legs.isEmpty())
        return false;
    for (const Stay& s : stays)
        if (!booked(s.status))
            return false;
    for (const Leg& l : legs)
        if (!booked(l.status))
            return false;
    for (const Activity& a : activities)
        if (a.isScheduled() && !booked(a.status))
            return false;
    return true;
}

const Stay* Plan::stay(const QString& id) const {
    return findById(stays, id);
}
const Leg* Plan::leg(const QString& id) const {
    return findById(legs, id);
}
const Activity* Plan::activity(const QString& id) const {
    return findById(activities, id);
}

bool Plan::remove(const QString& id) {
    return removeById(stays, id) || removeById(legs, id) || removeById(activities, id) ||
           removeById(budget.other, id);
}

QString nameWithCode(const Place& p) {
    if (p.code.isEmpty())
        return p.name;
    if (p.name.isEmpty())
        return p.code;
    const QString code = QStringLiteral(" (") + p.code + u')';
    return p.name.endsWith(code) ? p.name : p.name + code;
}

QString newItemId(const QString& prefix) {
    // 12 hex digits of a random UUID: short enough to type in the CLI.
    const QString hex = QUuid::createUuid().toString(QUuid::Id128).left(12);
    return prefix + u'-' + hex;
}

} // namespace tp::plan
