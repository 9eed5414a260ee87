// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PlanTypes.h"
#include "domain/Error.h"

#include <QJsonObject>

// The plan's JSON layout (docs/plan-format.md) in both directions. Reading is
// lenient: a value that cannot be read is left empty and reported with the
// field's path ("stays[1].check_in"), so one bad value written by another
// program does not hide the rest of the plan. Writing starts from the objects
// that were read, so keys this version does not know are kept untouched.
namespace tp::plan {

inline constexpr char16_t SessionDataKey[] = u"plan";

// The plan held in a planning session's session_data (empty when it has none).
// Throws Error(Schema) when the plan was written by a newer format version.
Plan readPlan(const QJsonObject& sessionData, QList<FieldError>* problems = nullptr);
// session_data with the plan written in; every other key of it kept as it was.
QJsonObject writePlan(QJsonObject sessionData, const Plan& plan);

// The plan object itself (the value of session_data["plan"]).
Plan planFromJson(const QJsonObject& object, QList<FieldError>* problems = nullptr);
QJsonObject planToJson(const Plan& plan);

// Single items, for the CLI's --json output and imports.
QJsonObject toJson(const Stay& s);
QJsonObject toJson(const Leg& l);
QJsonObject toJson(const Activity& a);

} // namespace tp::plan
