// SPDX-License-Identifier: GPL-3.0-or-later
// plan add / remove / budget: one guarded edit of the plan each.
#include "CmdPlanCommon.h"

#include "domain/Validation.h"
#include "plan/Airports.h"
#include "plan/PlanValidation.h"
#include "repo/PlanRepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace tp::cli::plancli {

namespace {

Decimal coordinate(double v) {
    return *Decimal::parse(QString::number(v, 'f', 4), decimal_shape::CoordinatePrecision,
                           decimal_shape::CoordinateScale);
}

void addCommonOptions(CliParser& p) {
    p.addOption({u"booking-ref"_s, QCoreApplication::translate("tp::cli", "Booking reference."), u"ref"_s});
    p.addOption(
        {u"status"_s, QCoreApplication::translate("tp::cli", "idea (default) or booked."), u"status"_s});
    p.setChoices(u"status"_s, {u"idea"_s, u"booked"_s});
    p.addOption({u"notes"_s, QCoreApplication::translate("tp::cli", "Notes."), u"text"_s});
    p.addOption({u"currency"_s,
                 QCoreApplication::translate(
                     "tp::cli", "ISO 4217 currency of the amount (default: the plan's home currency)."),
                 u"code"_s});
    p.addOption(
        {u"id"_s, QCoreApplication::translate("tp::cli", "The item's id (default: a new one)."), u"id"_s});
}

// Applies the options shared by every kind of item.
template <class T> void applyCommon(const QCommandLineParser& p, T& item) {
    item.bookingRef = p.value(u"booking-ref"_s);
    if (p.isSet(u"status"_s))
        item.status = p.value(u"status"_s);
    item.notes = p.value(u"notes"_s);
}

// "2026-06-01 10:30" or "2026-06-01T10:30"
void dateTimeFrom(const QCommandLineParser& p, const QString& option, const QString& field, QDate& date,
                  QTime& time) {
    if (!p.isSet(option))
        return;
    const QString v = p.value(option).trimmed().replace(u'T', u' ');
    date = validation::parseDate(field + u".date"_s, v.section(u' ', 0, 0));
    const QString t = v.section(u' ', 1).trimmed();
    if (!t.isEmpty()) {
        time = QTime::fromString(t, u"H:mm"_s);
        if (!time.isValid())
            throw Error::validation(
                field + u".time"_s,
                QCoreApplication::translate("tp::cli", "must be a time HH:MM (24-hour clock)"));
    }
}

void requireItem(const QList<FieldError>& errors) {
    plan::requireValid(errors);
}

} // namespace

plan::Place placeFrom(const QCommandLineParser& p, const QString& prefix, const QString& field) {
    plan::Place place;
    const QString nameOption = prefix.isEmpty() ? u"place"_s : prefix.chopped(1);
    const QString name = p.value(nameOption).trimmed();
    static const QRegularExpression iata(u"^[A-Za-z]{3}$"_s);
    if (iata.match(name).hasMatch()) {
        if (const auto a = plan::findAirport(name)) {
            place.name = a->city.isEmpty() ? a->name : a->city + u" ("_s + a->iata + u')';
            place.code = a->iata;
            place.latitude = coordinate(a->latitude);
            place.longitude = coordinate(a->longitude);
            place.zone = a->zone;
        } else {
            place.name = name;
        }
    } else {
        place.name = name;
    }
    if (p.isSet(prefix + u"lat"_s) || p.isSet(prefix + u"lon"_s)) {
        place.latitude = validation::parseLatitude(p.value(prefix + u"lat"_s));
        place.longitude = validation::parseLongitude(p.value(prefix + u"lon"_s));
    }
    if (p.isSet(prefix + u"zone"_s))
        place.zone = p.value(prefix + u"zone"_s).trimmed();
    Q_UNUSED(field);
    return place;
}

int cmdPlanAdd(CliContext& ctx, const QStringList& args) {
    const QString kind = args.value(0);
    CliParser p;
    p.addHelpOption();
    addTripOptions(p);
    addCommonOptions(p);
    if (kind == u"stay") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli", "plan add stay --trip ID --name NAME --check-in DATE --check-out DATE"));
        p.addOption({u"name"_s, QCoreApplication::translate("tp::cli", "The stay's name (hotel, flat...)."),
                     u"name"_s});
        addPlaceOptions(p, {}, PlaceRole::Place);
        p.addOption(
            {u"check-in"_s, QCoreApplication::translate("tp::cli", "Check-in date, YYYY-MM-DD."), u"date"_s});
        p.addOption({u"check-out"_s, QCoreApplication::translate("tp::cli", "Check-out date, YYYY-MM-DD."),
                     u"date"_s});
        p.addOption({u"price"_s,
                     QCoreApplication::translate("tp::cli",
                                                 "Price for the whole stay (or a night with --per-night)."),
                     u"amount"_s});
        p.addOption({u"per-night"_s, QCoreApplication::translate("tp::cli", "The price is for each night.")});
        p.addOption({u"link"_s, QCoreApplication::translate("tp::cli", "A web address."), u"url"_s});
    } else if (kind == u"leg") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli",
            "plan add leg --trip ID --from PLACE --to PLACE [--depart 'YYYY-MM-DD HH:MM'] [--arrive ...]\n"
            "PLACE may be an IATA airport code (its city, coordinates and time zone are filled in)."));
        p.addOption(
            {u"mode"_s,
             QCoreApplication::translate("tp::cli", "flight (default), train, bus, ferry, car or other."),
             u"mode"_s});
        p.setChoices(u"mode"_s, {u"flight"_s, u"train"_s, u"bus"_s, u"ferry"_s, u"car"_s, u"other"_s});
        addPlaceOptions(p, u"from-"_s, PlaceRole::Departure);
        addPlaceOptions(p, u"to-"_s, PlaceRole::Arrival);
        p.addOption(
            {u"depart"_s,
             QCoreApplication::translate("tp::cli", "Local departure date and time, 'YYYY-MM-DD HH:MM'."),
             u"when"_s});
        p.addOption(
            {u"arrive"_s,
             QCoreApplication::translate("tp::cli", "Local arrival date and time, 'YYYY-MM-DD HH:MM'."),
             u"when"_s});
        p.addOption({u"carrier"_s, QCoreApplication::translate("tp::cli", "Airline or operator code/name."),
                     u"name"_s});
        p.addOption(
            {u"number"_s, QCoreApplication::translate("tp::cli", "Flight or train number."), u"number"_s});
        p.addOption({u"cost"_s, QCoreApplication::translate("tp::cli", "Cost."), u"amount"_s});
    } else if (kind == u"activity") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli",
            "plan add activity --trip ID --title TITLE [--date DATE [--start HH:MM [--end HH:MM]]]\n"
            "Without --date it is an idea, not yet on a day."));
        p.addOption({u"title"_s, QCoreApplication::translate("tp::cli", "What it is."), u"text"_s});
        p.addOption({u"category"_s,
                     QCoreApplication::translate("tp::cli", "A category (museum, food, hike...)."),
                     u"text"_s});
        p.addOption({u"date"_s, QCoreApplication::translate("tp::cli", "The day, YYYY-MM-DD."), u"date"_s});
        p.addOption({u"start"_s, QCoreApplication::translate("tp::cli", "Start time, HH:MM."), u"time"_s});
        p.addOption({u"end"_s, QCoreApplication::translate("tp::cli", "End time, HH:MM."), u"time"_s});
        addPlaceOptions(p, {}, PlaceRole::Place);
        p.addOption({u"cost"_s, QCoreApplication::translate("tp::cli", "Cost."), u"amount"_s});
    } else if (kind == u"cost") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli", "plan add cost --trip ID --label TEXT --amount AMOUNT: an \"other\" cost."));
        p.addOption({u"label"_s, QCoreApplication::translate("tp::cli", "What it is (insurance, visa...)."),
                     u"text"_s});
        p.addOption({u"amount"_s, QCoreApplication::translate("tp::cli", "The amount."), u"amount"_s});
    } else if (kind == u"--help" || kind == u"-h") {
        throw HelpRequested{
            QCoreApplication::translate(
                "tp::cli", "Usage: tripplanner-cli plan add stay|leg|activity|cost --trip ID [options]\n\n"
                           "Run `tripplanner-cli plan add KIND --help` for a kind's options.") +
            u'\n'};
    } else {
        throw UsageError{
            QCoreApplication::translate("tp::cli", "plan add needs stay, leg, activity or cost")};
    }
    setCommandWords(u"plan add "_s + kind);
    parseOrThrow(p, args.mid(1), 0, 0);
    const Id trip = tripId(p);
    const User user = ctx.user(p.value(u"user"_s));
    PlanRepository repo(ctx.database(), user.id);
    const PlanDocument doc = repo.load(trip);
    plan::Plan pl = doc.plan;
    const QString home = pl.budget.homeCurrency;
    QString id, label;
    if (kind == u"stay") {
        plan::Stay s;
        s.id = p.isSet(u"id"_s) ? p.value(u"id"_s) : plan::newItemId(u"stay"_s);
        s.name = p.value(u"name"_s);
        s.place = placeFrom(p, {}, u"place"_s);
        s.checkIn = dateFrom(p, u"check-in"_s, u"check_in"_s);
        s.checkOut = dateFrom(p, u"check-out"_s, u"check_out"_s);
        s.price = moneyFrom(p, u"price"_s, u"price"_s, home);
        s.pricePerNight = p.isSet(u"per-night"_s);
        s.link = p.value(u"link"_s);
        applyCommon(p, s);
        requireItem(plan::checkStay(s));
        pl.stays << s;
        id = s.id;
        label = s.name;
    } else if (kind == u"leg") {
        plan::Leg l;
        l.id = p.isSet(u"id"_s) ? p.value(u"id"_s) : plan::newItemId(u"leg"_s);
        if (p.isSet(u"mode"_s))
            l.mode = p.value(u"mode"_s);
        l.from.place = placeFrom(p, u"from-"_s, u"from"_s);
        l.to.place = placeFrom(p, u"to-"_s, u"to"_s);
        dateTimeFrom(p, u"depart"_s, u"from"_s, l.from.date, l.from.time);
        dateTimeFrom(p, u"arrive"_s, u"to"_s, l.to.date, l.to.time);
        l.carrier = p.value(u"carrier"_s);
        l.number = p.value(u"number"_s);
        l.cost = moneyFrom(p, u"cost"_s, u"cost"_s, home);
        applyCommon(p, l);
        requireItem(plan::checkLeg(l));
        pl.legs << l;
        id = l.id;
        label = l.from.place.name + u" → "_s + l.to.place.name;
    } else if (kind == u"activity") {
        plan::Activity a;
        a.id = p.isSet(u"id"_s) ? p.value(u"id"_s) : plan::newItemId(u"act"_s);
        a.title = p.value(u"title"_s);
        a.category = p.value(u"category"_s);
        a.date = dateFrom(p, u"date"_s, u"date"_s);
        a.start = timeFrom(p, u"start"_s, u"start"_s);
        a.end = timeFrom(p, u"end"_s, u"end"_s);
        a.place = placeFrom(p, {}, u"place"_s);
        a.cost = moneyFrom(p, u"cost"_s, u"cost"_s, home);
        applyCommon(p, a);
        requireItem(plan::checkActivity(a));
        pl.activities << a;
        id = a.id;
        label = a.title;
    } else {
        plan::OtherCost c;
        c.id = p.isSet(u"id"_s) ? p.value(u"id"_s) : plan::newItemId(u"cost"_s);
        c.label = p.value(u"label"_s);
        const auto m = moneyFrom(p, u"amount"_s, u"amount"_s, home);
        if (!m)
            throw Error::validation(u"amount"_s, QCoreApplication::translate("tp::cli", "is required"));
        c.amount = *m;
        pl.budget.other << c;
        id = c.id;
        label = c.label;
    }
    repo.save(doc, pl);
    ctx.out << QCoreApplication::translate("tp::cli", "Added %1 %2: %3").arg(kind, id, label) << u'\n';
    return 0;
}

int cmdPlanRemove(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "plan remove --trip ID ITEM_ID: remove a stay, leg, activity or cost."));
    addTripOptions(p);
    p.addPositionalArgument(u"item"_s,
                            QCoreApplication::translate("tp::cli", "The item's id (see: plan show)."));
    parseOrThrow(p, args, 1, 1);
    const Id trip = tripId(p);
    const QString item = p.positionalArguments().first();
    const User user = ctx.user(p.value(u"user"_s));
    PlanRepository(ctx.database(), user.id).edit(trip, [&](plan::Plan& pl) {
        if (!pl.remove(item))
            throw Error(Error::Kind::NotFound,
                        QCoreApplication::translate("tp::cli", "This trip's plan has no item with id \"%1\".")
                            .arg(item.left(64)));
    });
    ctx.out << QCoreApplication::translate("tp::cli", "Removed %1").arg(item) << u'\n';
    return 0;
}

int cmdPlanBudget(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "plan budget --trip ID [--home-currency CODE] [--rate CODE=RATE@YYYY-MM-DD ...]\n"
                   "A rate says what 1 unit of CODE is worth in the home currency on that date; a rate\n"
                   "for a currency and date already listed replaces it."));
    addTripOptions(p);
    p.addOption({u"home-currency"_s,
                 QCoreApplication::translate("tp::cli", "The currency the budget is counted in (ISO 4217)."),
                 u"code"_s});
    p.addOption({u"rate"_s,
                 QCoreApplication::translate("tp::cli", "An exchange rate, CODE=RATE@DATE (repeatable)."),
                 u"rate"_s});
    parseOrThrow(p, args, 0, 0);
    const Id trip = tripId(p);
    const User user = ctx.user(p.value(u"user"_s));
    static const QRegularExpression rateRe(u"^([A-Za-z]{3})=([0-9.]+)@(\\d{4}-\\d{2}-\\d{2})$"_s);
    QList<plan::ExchangeRate> rates;
    for (const QString& r : p.values(u"rate"_s)) {
        const auto m = rateRe.match(r.trimmed());
        if (!m.hasMatch())
            throw Error::validation(
                u"rate"_s, QCoreApplication::translate("tp::cli", "must look like USD=0.92@2026-05-30"));
        QString error;
        const auto value = Decimal::parse(m.captured(2), plan::RatePrecision, plan::RateScale, &error);
        if (!value)
            throw Error::validation(u"rate"_s, error);
        rates << plan::ExchangeRate{
            m.captured(1).toUpper(), *value, validation::parseDate(u"rate"_s, m.captured(3)), {}};
    }
    PlanRepository(ctx.database(), user.id).edit(trip, [&](plan::Plan& pl) {
        if (p.isSet(u"home-currency"_s))
            pl.budget.homeCurrency = p.value(u"home-currency"_s).trimmed().toUpper();
        for (const plan::ExchangeRate& r : rates) {
            pl.budget.rates.removeIf(
                [&](const plan::ExchangeRate& x) { return x.currency == r.currency && x.date == r.date; });
            pl.budget.rates << r;
        }
    });
    ctx.out << QCoreApplication::translate("tp::cli", "Budget settings saved.") << u'\n';
    return 0;
}

} // namespace tp::cli::plancli
