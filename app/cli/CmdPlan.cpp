// SPDX-License-Identifier: GPL-3.0-or-later
#include "CmdPlanCommon.h"

#include "domain/Validation.h"
#include "plan/Currency.h"
#include "plan/PlanCodec.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace plancli {

void addTripOptions(CliParser& p) {
    p.addOption(
        {u"trip"_s, QCoreApplication::translate("tp::cli", "The trip's id (see: trips list)."), u"id"_s});
    p.addOption({u"user"_s,
                 QCoreApplication::translate(
                     "tp::cli", "The user (default: the local user named after your OS account)."),
                 u"name"_s});
}

Id tripId(const QCommandLineParser& p) {
    if (!p.isSet(u"trip"_s))
        throw UsageError{QCoreApplication::translate("tp::cli", "--trip ID is required")};
    bool ok = false;
    const Id id = p.value(u"trip"_s).toLongLong(&ok);
    if (!ok || id <= 0)
        throw Error::validation(
            u"trip"_s, QCoreApplication::translate("tp::cli", "must be a trip id (a positive whole number)"));
    return id;
}

void addPlaceOptions(CliParser& p, const QString& prefix, PlaceRole role) {
    // Whole sentences for each role, so that a translation need not build "X's latitude".
    QString place, latitude, longitude, zone;
    switch (role) {
    case PlaceRole::Place:
        place = QCoreApplication::translate(
            "tp::cli", "The place: a name, or an IATA airport code (FCO) looked up offline.");
        latitude = QCoreApplication::translate("tp::cli", "The place's latitude (-90 to 90).");
        longitude = QCoreApplication::translate("tp::cli", "The place's longitude (-180 to 180).");
        zone = QCoreApplication::translate("tp::cli", "The place's IANA time zone, such as Europe/Rome.");
        break;
    case PlaceRole::Departure:
        place = QCoreApplication::translate(
            "tp::cli", "Departure place: a name, or an IATA airport code (FCO) looked up offline.");
        latitude = QCoreApplication::translate("tp::cli", "Departure place's latitude (-90 to 90).");
        longitude = QCoreApplication::translate("tp::cli", "Departure place's longitude (-180 to 180).");
        zone =
            QCoreApplication::translate("tp::cli", "Departure place's IANA time zone, such as Europe/Rome.");
        break;
    case PlaceRole::Arrival:
        place = QCoreApplication::translate(
            "tp::cli", "Arrival place: a name, or an IATA airport code (FCO) looked up offline.");
        latitude = QCoreApplication::translate("tp::cli", "Arrival place's latitude (-90 to 90).");
        longitude = QCoreApplication::translate("tp::cli", "Arrival place's longitude (-180 to 180).");
        zone = QCoreApplication::translate("tp::cli", "Arrival place's IANA time zone, such as Europe/Rome.");
        break;
    }
    const QString name = prefix.isEmpty() ? u"place"_s : prefix.chopped(1);
    p.addOption({name, place, u"place"_s});
    p.addOption({prefix + u"lat"_s, latitude, u"deg"_s});
    p.addOption({prefix + u"lon"_s, longitude, u"deg"_s});
    p.addOption({prefix + u"zone"_s, zone, u"zone"_s});
}

QDate dateFrom(const QCommandLineParser& p, const QString& option, const QString& field) {
    return p.isSet(option) ? validation::parseDate(field, p.value(option)) : QDate();
}

QTime timeFrom(const QCommandLineParser& p, const QString& option, const QString& field) {
    if (!p.isSet(option))
        return {};
    const QTime t = QTime::fromString(p.value(option).trimmed(), u"H:mm"_s);
    if (!t.isValid())
        throw Error::validation(
            field, QCoreApplication::translate("tp::cli", "must be a time HH:MM (24-hour clock)"));
    return t;
}

std::optional<plan::Money> moneyFrom(const QCommandLineParser& p, const QString& amountOption,
                                     const QString& field, const QString& defaultCurrency) {
    if (!p.isSet(amountOption))
        return std::nullopt;
    QString error;
    const auto amount =
        Decimal::parse(p.value(amountOption), plan::AmountPrecision, plan::AmountScale, &error);
    if (!amount)
        throw Error::validation(field + u".amount"_s, error);
    const QString currency =
        p.isSet(u"currency"_s) ? p.value(u"currency"_s).trimmed().toUpper() : defaultCurrency;
    if (currency.isEmpty())
        throw Error::validation(
            field + u".currency"_s,
            QCoreApplication::translate("tp::cli", "is required: give --currency (an ISO 4217 code such "
                                                   "as EUR) or set the plan's home currency with `plan "
                                                   "budget --home-currency`"));
    if (!plan::isIsoCurrency(currency))
        throw Error::validation(
            field + u".currency"_s,
            QCoreApplication::translate("tp::cli",
                                        "\"%1\" is not an ISO 4217 currency code (such as EUR, USD, JPY)")
                .arg(currency.left(10)));
    return plan::Money{*amount, currency};
}

} // namespace plancli

int cmdPlan(CliContext& ctx, const QStringList& args) {
    using namespace plancli;
    const QString verb = args.value(0);
    const QStringList rest = args.mid(1);
    if (verb == u"show")
        return cmdPlanShow(ctx, rest);
    if (verb == u"add")
        return cmdPlanAdd(ctx, rest);
    if (verb == u"remove")
        return cmdPlanRemove(ctx, rest);
    if (verb == u"budget")
        return cmdPlanBudget(ctx, rest);
    if (verb == u"import")
        return cmdPlanImport(ctx, rest);
    if (verb == u"export")
        return cmdPlanExport(ctx, rest);
    if (verb == u"stage")
        return cmdPlanStage(ctx, rest);
    if (verb == u"suggest")
        return cmdPlanSuggest(ctx, rest);
    throw UsageError{
        verb.isEmpty()
            ? QCoreApplication::translate(
                  "tp::cli", "plan needs show, add, remove, budget, import, export, stage or suggest")
            : QCoreApplication::translate("tp::cli", "unknown plan command \"%1\"").arg(verb.left(40))};
}

} // namespace tp::cli
