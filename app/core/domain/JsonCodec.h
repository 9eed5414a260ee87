// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Entities.h"

#include <QJsonObject>

// The JSON shape of each entity, with the seed's field names, for exports and
// the CLI's --json output. Money and coordinates are strings ("1234.50"): a
// JSON number would pass through a binary float in most readers.
namespace tp::json {

QJsonObject from(const User& u); // never includes the password hash
QJsonObject from(const UserPreferences& p);
QJsonObject from(const Destination& d);
QJsonObject from(const Trip& t);
QJsonObject from(const Message& m);
QJsonObject from(const Recommendations& r);
QJsonObject from(const ConversationState& s);
QJsonObject from(const PlanningSession& p);

QString timestamp(const QDateTime& utc); // ISO 8601 UTC with milliseconds, or empty

} // namespace tp::json
