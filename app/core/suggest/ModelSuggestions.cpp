// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelSuggestions.h"

#include "conversation/LlmPlanner.h"
#include "conversation/ModelOutputParser.h"
#include "conversation/Planner.h"
#include "plan/PlanTypes.h"
#include "plan/PlanValidation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tp::suggest {

namespace {

const QString systemPrompt =
    u"You are the trip planner of a desktop travel app, helping one traveller plan a trip whose "
    u"destination is chosen. Answer in the language of the traveller's trip title and preferences. Reply "
    u"with JSON only, exactly as the schema asks, with no Markdown and no text around it. Never include "
    u"links. Give real places with their coordinates in decimal degrees; never invent prices you "
    u"cannot estimate (use null)."_s;

QJsonObject typed(const char16_t* type) {
    return {{u"type"_s, QString::fromUtf16(type)}};
}
QJsonObject nullable(const char16_t* type) {
    return {{u"type"_s, QJsonArray{QString::fromUtf16(type), u"null"_s}}};
}
QJsonObject objectSchema(const QJsonObject& properties) {
    return llm::strictObjectSchema(properties);
}

QJsonObject proposalSchema() {
    return objectSchema({
        {u"kind"_s,
         QJsonObject{{u"type"_s, u"string"_s},
                     {u"enum"_s, QJsonArray{u"stay"_s, u"activity"_s, u"cost"_s, u"trip_budget"_s}}}},
        {u"title"_s, typed(u"string")},
        {u"category"_s, nullable(u"string")},
        {u"place_name"_s, nullable(u"string")},
        {u"latitude"_s, nullable(u"number")},
        {u"longitude"_s, nullable(u"number")},
        {u"date"_s, nullable(u"string")},
        {u"end_date"_s, nullable(u"string")},
        {u"start_time"_s, nullable(u"string")},
        {u"end_time"_s, nullable(u"string")},
        {u"cost"_s, nullable(u"number")},
        {u"currency"_s, nullable(u"string")},
        {u"schedules_id"_s, nullable(u"string")},
        {u"reason"_s, typed(u"string")},
    });
}

QString money(const std::optional<plan::Money>& m) {
    return m ? m->amount.toString() + u' ' + m->currency : QString();
}

// The plan so far, in lines a model reads.
QString planText(const plan::Plan& p) {
    QStringList lines;
    for (const plan::Stay& s : p.stays)
        lines << u"- stay \"%1\" at %2, %3 to %4 %5"_s.arg(s.name, plan::nameWithCode(s.place),
                                                           s.checkIn.toString(Qt::ISODate),
                                                           s.checkOut.toString(Qt::ISODate), money(s.price));
    for (const plan::Leg& l : p.legs)
        lines << u"- %1 from %2 (%3 %4) to %5 (%6 %7)"_s.arg(
            l.mode, plan::nameWithCode(l.from.place), l.from.date.toString(Qt::ISODate),
            l.from.time.toString(u"HH:mm"_s), plan::nameWithCode(l.to.place), l.to.date.toString(Qt::ISODate),
            l.to.time.toString(u"HH:mm"_s));
    for (const plan::Activity& a : p.activities)
        lines << (a.isScheduled() ? u"- activity \"%1\" on %2 %3-%4"_s.arg(
                                        a.title, a.date.toString(Qt::ISODate), a.start.toString(u"HH:mm"_s),
                                        a.end.toString(u"HH:mm"_s))
                                  : u"- activity idea \"%1\" (id %2, not on a day yet)"_s.arg(a.title, a.id));
    for (const plan::OtherCost& c : p.budget.other)
        lines << u"- other cost \"%1\" %2"_s.arg(c.label, money(c.amount));
    if (!p.budget.homeCurrency.isEmpty())
        lines << u"- home currency %1"_s.arg(p.budget.homeCurrency);
    return lines.isEmpty() ? u"(nothing yet)"_s : lines.join(u'\n');
}

QString contextText(const SuggestContext& c) {
    QStringList lines;
    const Trip& t = c.trip;
    QString destination = c.destination ? c.destination->name : t.destinationName;
    const QString country = c.destination ? c.destination->country : t.destinationCountry;
    if (!country.isEmpty())
        destination += u", "_s + country;
    lines << u"The trip: \"%1\" to %2, %3 to %4, %5 traveller(s)"_s.arg(
        t.title, destination.isEmpty() ? u"(no destination yet)"_s : destination,
        t.startDate.isValid() ? t.startDate.toString(Qt::ISODate) : u"(no start date)"_s,
        t.endDate.isValid() ? t.endDate.toString(Qt::ISODate) : u"(no end date)"_s,
        QString::number(t.travelersCount));
    if (t.budget)
        lines << u"The trip's budget: %1 %2"_s.arg(t.budget->toString(), c.plan.budget.homeCurrency);
    if (c.destination && c.destination->averageCostPerDay)
        lines << u"Average cost per day per person at the destination: %1"_s.arg(
            c.destination->averageCostPerDay->toString());
    const UserPreferences& p = c.preferences;
    if (!p.preferencesText.trimmed().isEmpty())
        lines << u"The traveller's saved preferences: "_s + p.preferencesText.trimmed().left(2000);
    if (p.budgetMin || p.budgetMax)
        lines << u"The traveller's usual budget for a trip: %1 to %2"_s.arg(
            p.budgetMin ? p.budgetMin->toString() : u"(no minimum)"_s,
            p.budgetMax ? p.budgetMax->toString() : u"(no maximum)"_s);
    lines << u"The plan so far:\n"_s + planText(c.plan);
    return lines.join(u'\n');
}

QString stageAsk(Stage stage) {
    switch (stage) {
    case Stage::Accommodation:
        return u"Propose up to 3 places to stay (kind \"stay\") for the nights the plan has no stay for: "
               u"a named hotel, guesthouse or flat, its area as place_name, its coordinates, date = "
               u"check-in and end_date = check-out (YYYY-MM-DD, inside the trip), cost = the estimated "
               u"price of the whole stay with its ISO 4217 currency (null when unsure), and a short reason."_s;
    case Stage::Activities:
        return u"Propose 5 to 8 things to do (kind \"activity\") that fit the traveller: title, category, "
               u"the venue or area as place_name with coordinates, cost per group with its ISO 4217 "
               u"currency (null when free or unsure), a short reason. Leave date and times null: they are "
               u"ideas to put on a day later. Do not repeat what the plan already holds."_s;
    case Stage::Itinerary:
        return u"Draft the days: for every day of the trip that has nothing planned, propose activities "
               u"(kind \"activity\") with date, start_time and end_time (HH:MM, local), never overlapping "
               u"the plan's legs, stays' travel days or activities. Put the plan's activity ideas on days "
               u"first, giving their id as schedules_id. Leave time to travel between places and respect "
               u"opening hours you know. Where the days cannot hold everything, say so in intro."_s;
    case Stage::Budget:
        return u"Estimate what the plan does not price yet (kind \"cost\": local transport, food, entry "
               u"fees, insurance...) with amounts and their ISO 4217 currency, and the trip's total "
               u"budget (one proposal of kind \"trip_budget\", in the plan's home currency) with a short "
               u"reason for each."_s;
    }
    return {};
}

// What models write, read as the destinations are (conversation/ModelOutputParser).
QString str(const QJsonObject& o, const char16_t* key) {
    if (const QString s = conversation::parser::firstString(o, {key}); !s.isEmpty())
        return s;
    const QJsonValue v = o.value(QString::fromUtf16(key));
    return v.isDouble() ? QString::number(v.toDouble()) : QString(); // a date or time written as a number
}

std::optional<double> number(const QJsonObject& o, const char16_t* key) {
    return conversation::parser::firstNumber(o, {key});
}

std::optional<Decimal> decimalOf(double value, int precision, int scale) {
    return Decimal::parse(QString::number(value, 'f', scale), precision, scale);
}

// A date the model wrote; a problem when it is there but not a date.
QDate dateField(const QJsonObject& o, const char16_t* key, QList<FieldError>& problems) {
    const QString text = str(o, key);
    if (text.isEmpty())
        return {};
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    if (!d.isValid())
        problems << FieldError{QString::fromUtf16(key),
                               QCoreApplication::translate("tp::Suggest", "\"%1\" is not a date (YYYY-MM-DD)")
                                   .arg(text.left(20))};
    return d;
}

QTime timeField(const QJsonObject& o, const char16_t* key, QList<FieldError>& problems) {
    const QString text = str(o, key);
    if (text.isEmpty())
        return {};
    QTime t = QTime::fromString(text, u"H:mm"_s);
    if (!t.isValid())
        t = QTime::fromString(text, u"H:mm:ss"_s);
    if (!t.isValid())
        problems << FieldError{
            QString::fromUtf16(key),
            QCoreApplication::translate("tp::Suggest", "\"%1\" is not a time (HH:MM)").arg(text.left(20))};
    return t;
}

plan::Place placeOf(const QJsonObject& o, const QString& fallbackName) {
    plan::Place p;
    p.name = str(o, u"place_name").left(plan::NameMaxLength);
    if (p.name.isEmpty())
        p.name = fallbackName;
    const auto lat = conversation::parser::coordinate(o, {u"latitude", u"lat"}, true);
    const auto lon = conversation::parser::coordinate(o, {u"longitude", u"lon", u"lng"}, false);
    // Out of range is dropped rather than guessed (as for the destinations).
    if (lat && lon && *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180) {
        p.latitude = decimalOf(*lat, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
        p.longitude = decimalOf(*lon, decimal_shape::CoordinatePrecision, decimal_shape::CoordinateScale);
    }
    return p;
}

std::optional<plan::Money> moneyOf(const QJsonObject& o, const QString& defaultCurrency,
                                   QList<FieldError>& problems, const QString& field) {
    const auto amount = number(o, u"cost");
    if (!amount)
        return std::nullopt;
    const auto value = decimalOf(*amount, plan::AmountPrecision, plan::AmountScale);
    if (!value) {
        problems << FieldError{
            field + u".amount"_s,
            QCoreApplication::translate("tp::Suggest", "is not an amount this plan can hold")};
        return std::nullopt;
    }
    QString currency = str(o, u"currency").toUpper();
    if (currency.isEmpty())
        currency = defaultCurrency;
    return plan::Money{*value, currency};
}

QString webSearch(const QString& words) {
    QUrl url(u"https://duckduckgo.com/"_s);
    QUrlQuery query;
    query.addQueryItem(u"q"_s, QString(words).replace(u'&', u' ').simplified());
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

llm::LlmRequest suggestionRequest(const SuggestContext& context, Stage stage) {
    llm::LlmRequest r;
    r.system = systemPrompt;
    r.schemaName = u"plan_proposals"_s;
    r.schema = objectSchema(
        {{u"intro"_s, typed(u"string")},
         {u"proposals"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, proposalSchema()}}}});
    r.messages << llm::ChatMessage{llm::ChatMessage::Role::User,
                                   contextText(context) + u"\n\n"_s + stageAsk(stage) +
                                       u" Start with a one-sentence intro. Answer as {\"intro\": \"...\", "
                                       u"\"proposals\": [...]}."_s};
    return r;
}

ProposalSet parseSuggestions(const QString& modelText, const SuggestContext& context, Stage stage,
                             const QString& source) {
    using conversation::PlannerError;
    const std::optional<QJsonValue> json = conversation::parser::extractJson(modelText);
    QJsonArray items;
    QString intro;
    if (json && json->isObject()) {
        const QJsonObject o = json->toObject();
        intro = o.value(u"intro"_s).toString().trimmed();
        for (const char16_t* key : {u"proposals", u"suggestions", u"items", u"stays", u"activities", u"days"})
            if (o.value(QString::fromUtf16(key)).isArray()) {
                items = o.value(QString::fromUtf16(key)).toArray();
                break;
            }
    } else if (json && json->isArray()) {
        items = json->toArray();
    }
    if (!json || (items.isEmpty() && intro.isEmpty()))
        throw PlannerError(
            PlannerError::Kind::Unusable,
            QCoreApplication::translate(
                "tp::Suggest", "The planner's answer held no proposals that could be read. Try again."));

    const QString home = context.plan.budget.homeCurrency;
    const QString destination =
        context.destination ? context.destination->name : context.trip.destinationName;
    QSet<QString> ideas;
    for (const plan::Activity& a : context.plan.activities)
        if (!a.isScheduled())
            ideas.insert(a.id);
    ProposalSet set{stage, source, intro, {}};
    int unreadable = 0;
    for (const QJsonValue& v : std::as_const(items)) {
        if (!v.isObject()) {
            ++unreadable;
            continue;
        }
        const QJsonObject o = v.toObject();
        const QString title = str(o, u"title").isEmpty() ? str(o, u"name") : str(o, u"title");
        QString kind = str(o, u"kind").toLower();
        if (kind.isEmpty()) // what the stage asks for, when the model left it out
            kind = stage == Stage::Accommodation ? u"stay"_s
                   : stage == Stage::Budget      ? u"cost"_s
                                                 : u"activity"_s;
        if (title.isEmpty() && kind != u"trip_budget"_s) {
            ++unreadable;
            continue;
        }
        Proposal p;
        p.reason = str(o, u"reason").left(plan::TextMaxLength);
        QList<FieldError> problems;
        if (kind == u"stay"_s) {
            p.kind = Proposal::Kind::Stay;
            p.stay.id = plan::newItemId(u"stay"_s);
            p.stay.name = title.left(plan::NameMaxLength);
            p.stay.place = placeOf(o, destination);
            p.stay.checkIn = dateField(o, u"date", problems);
            p.stay.checkOut = dateField(o, u"end_date", problems);
            p.stay.price = moneyOf(o, home, problems, u"price"_s);
            p.stay.notes = p.reason;
            p.toVerify = true; // a named hotel may not exist, or not at that price
            // The link is a search for it, never a booking page a model made up.
            p.stay.link = webSearch(p.stay.name + u' ' + p.stay.place.name);
            p.summary = QCoreApplication::translate("tp::Suggest", "%1: %2 to %3")
                            .arg(p.stay.name, p.stay.checkIn.toString(Qt::ISODate),
                                 p.stay.checkOut.toString(Qt::ISODate));
        } else if (kind == u"activity"_s) {
            const QString schedules = str(o, u"schedules_id");
            p.kind = ideas.contains(schedules) ? Proposal::Kind::ScheduleActivity : Proposal::Kind::Activity;
            if (p.kind == Proposal::Kind::ScheduleActivity) {
                p.replacesId = schedules;
                p.activity = *context.plan.activity(schedules);
            } else {
                p.activity.id = plan::newItemId(u"act"_s);
                p.activity.title = title.left(plan::NameMaxLength);
                p.activity.category = str(o, u"category").left(plan::NameMaxLength);
                p.activity.place = placeOf(o, destination);
                p.activity.cost = moneyOf(o, home, problems, u"cost"_s);
                p.activity.notes = p.reason;
                // A named venue may be invented, closed, or elsewhere.
                p.toVerify = !str(o, u"place_name").isEmpty();
            }
            p.activity.date = dateField(o, u"date", problems);
            p.activity.start = timeField(o, u"start_time", problems);
            p.activity.end = timeField(o, u"end_time", problems);
            p.summary =
                p.activity.isScheduled()
                    ? (p.activity.start.isValid()
                           ? u"%1, %2–%3: %4"_s.arg(p.activity.date.toString(Qt::ISODate),
                                                    p.activity.start.toString(u"HH:mm"_s),
                                                    p.activity.end.toString(u"HH:mm"_s), p.activity.title)
                           : u"%1: %2"_s.arg(p.activity.date.toString(Qt::ISODate), p.activity.title))
                    : QCoreApplication::translate("tp::Suggest", "Idea: %1").arg(p.activity.title);
        } else if (kind == u"cost"_s) {
            p.kind = Proposal::Kind::Cost;
            p.cost.id = plan::newItemId(u"cost"_s);
            p.cost.label = title.left(plan::NameMaxLength);
            const auto m = moneyOf(o, home, problems, u"amount"_s);
            if (m)
                p.cost.amount = *m;
            else
                problems << FieldError{u"amount"_s,
                                       QCoreApplication::translate("tp::Suggest", "is required")};
            p.summary = u"%1: %2"_s.arg(p.cost.label, money(m));
        } else if (kind == u"trip_budget"_s) {
            p.kind = Proposal::Kind::TripBudget;
            const auto m = moneyOf(o, home, problems, u"budget"_s);
            if (m) {
                p.tripBudget = m->amount;
                if (!home.isEmpty() && m->currency != home)
                    problems << FieldError{
                        u"budget.currency"_s,
                        QCoreApplication::translate("tp::Suggest", "is %1, not the plan's home currency %2")
                            .arg(m->currency.left(10), home)};
                else if (home.isEmpty())
                    problems << FieldError{
                        u"budget.currency"_s,
                        QCoreApplication::translate(
                            "tp::Suggest",
                            "the plan has no home currency to hold the budget: choose one first")};
            }
            p.summary = QCoreApplication::translate("tp::Suggest", "Trip budget: %1").arg(money(m));
        } else {
            ++unreadable;
            continue;
        }
        QList<Proposal> one{p};
        checkProposals(one, context);
        one[0].problems = problems + one[0].problems;
        set.proposals << one[0];
    }
    if (unreadable > 0)
        set.note += (set.note.isEmpty() ? QString() : u" "_s) +
                    QCoreApplication::translate(
                        "tp::Suggest", "%1 of the planner's proposals could not be read and are not shown.")
                        .arg(unreadable);
    return set;
}

ProposalSet modelProposals(conversation::LlmPlanner& planner, const SuggestContext& context, Stage stage,
                           const QString& source) {
    return parseSuggestions(planner.ask(suggestionRequest(context, stage), u"intro"_s), context, stage,
                            source);
}

} // namespace tp::suggest
