// SPDX-License-Identifier: GPL-3.0-or-later
#include "CmdPlanCommon.h"

#include "domain/Validation.h"
#include "plan/Currency.h"
#include "plan/PlanCodec.h"

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace plancli {

void addTripOptions(QCommandLineParser& p) {
    p.addOption({u"trip"_s, u"The trip's id (see: trips list)."_s, u"id"_s});
    p.addOption({u"user"_s, u"The user (default: the local user named after your OS account)."_s, u"name"_s});
}

Id tripId(const QCommandLineParser& p) {
    if (!p.isSet(u"trip"_s))
        throw UsageError{u"--trip ID is required"_s};
    bool ok = false;
    const Id id = p.value(u"trip"_s).toLongLong(&ok);
    if (!ok || id <= 0)
        throw Error::validation(u"trip"_s, u"must be a trip id (a positive whole number)"_s);
    return id;
}

void addPlaceOptions(QCommandLineParser& p, const QString& prefix, const QString& what) {
    const QString name = prefix.isEmpty() ? u"place"_s : prefix.chopped(1);
    p.addOption(
        {name, u"%1: a name, or an IATA airport code (FCO) looked up offline."_s.arg(what), u"place"_s});
    p.addOption({prefix + u"lat"_s, u"%1's latitude (-90 to 90)."_s.arg(what), u"deg"_s});
    p.addOption({prefix + u"lon"_s, u"%1's longitude (-180 to 180)."_s.arg(what), u"deg"_s});
    p.addOption({prefix + u"zone"_s, u"%1's IANA time zone, such as Europe/Rome."_s.arg(what), u"zone"_s});
}

QDate dateFrom(const QCommandLineParser& p, const QString& option, const QString& field) {
    return p.isSet(option) ? validation::parseDate(field, p.value(option)) : QDate();
}

QTime timeFrom(const QCommandLineParser& p, const QString& option, const QString& field) {
    if (!p.isSet(option))
        return {};
    const QTime t = QTime::fromString(p.value(option).trimmed(), u"H:mm"_s);
    if (!t.isValid())
        throw Error::validation(field, u"must be a time HH:MM (24-hour clock)"_s);
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
        throw Error::validation(field + u".currency"_s,
                                u"is required: give --currency (an ISO 4217 code such as EUR) or set the "
                                u"plan's home currency with `plan budget --home-currency`"_s);
    if (!plan::isIsoCurrency(currency))
        throw Error::validation(
            field + u".currency"_s,
            u"\"%1\" is not an ISO 4217 currency code (such as EUR, USD, JPY)"_s.arg(currency.left(10)));
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
    throw UsageError{verb.isEmpty()
                         ? u"plan needs show, add, remove, budget, import, export, stage or suggest"_s
                         : u"unknown plan command \"%1\""_s.arg(verb.left(40))};
}

} // namespace tp::cli
