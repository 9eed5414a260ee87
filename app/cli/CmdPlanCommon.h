// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliContext.h"
#include "plan/PlanTypes.h"

// What the `plan` command's verbs share (CmdPlan*.cpp).
namespace tp::cli::plancli {

void addTripOptions(CliParser& p);      // --trip ID, --user NAME
Id tripId(const QCommandLineParser& p); // --trip, required
// Whose place the --place/--lat/--lon/--zone options describe (their help texts).
enum class PlaceRole { Place, Departure, Arrival };
// --place/--lat/--lon/--zone (prefix "" or "from-"/"to-" for a leg's ends)
void addPlaceOptions(CliParser& p, const QString& prefix, PlaceRole role);
plan::Place placeFrom(const QCommandLineParser& p, const QString& prefix, const QString& field);
// --cost/--currency (or --price for stays)
std::optional<plan::Money> moneyFrom(const QCommandLineParser& p, const QString& amountOption,
                                     const QString& field, const QString& defaultCurrency);
QDate dateFrom(const QCommandLineParser& p, const QString& option, const QString& field);
QTime timeFrom(const QCommandLineParser& p, const QString& option, const QString& field);

int cmdPlanShow(CliContext& ctx, const QStringList& args);
int cmdPlanAdd(CliContext& ctx, const QStringList& args);
int cmdPlanRemove(CliContext& ctx, const QStringList& args);
int cmdPlanBudget(CliContext& ctx, const QStringList& args);
int cmdPlanImport(CliContext& ctx, const QStringList& args);
int cmdPlanExport(CliContext& ctx, const QStringList& args);
int cmdPlanStage(CliContext& ctx, const QStringList& args);
int cmdPlanSuggest(CliContext& ctx, const QStringList& args);

} // namespace tp::cli::plancli
