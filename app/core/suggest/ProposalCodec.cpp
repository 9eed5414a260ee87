// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProposalCodec.h"

#include "plan/PlanCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::suggest {

namespace {

QJsonObject itemJson(const Proposal& p) {
    using K = Proposal::Kind;
    switch (p.kind) {
    case K::Stay:
        return plan::toJson(p.stay);
    case K::Activity:
        return plan::toJson(p.activity);
    case K::ScheduleActivity: {
        QJsonObject o = plan::toJson(p.activity);
        o[u"schedules"_s] = p.replacesId;
        return o;
    }
    case K::Cost:
        return {{u"id"_s, p.cost.id},
                {u"label"_s, p.cost.label},
                {u"amount"_s, p.cost.amount.amount.toString()},
                {u"currency"_s, p.cost.amount.currency}};
    case K::HomeCurrency:
        return {{u"home_currency"_s, p.homeCurrency}};
    case K::TripBudget:
        return {{u"budget"_s, p.tripBudget ? p.tripBudget->toString() : QString()}};
    }
    return {};
}

std::optional<Proposal::Kind> kindFromName(const QString& name) {
    using K = Proposal::Kind;
    for (K k : {K::Stay, K::Activity, K::ScheduleActivity, K::Cost, K::HomeCurrency, K::TripBudget})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

} // namespace

QJsonObject toJson(const ProposalSet& set, Id tripId) {
    QJsonArray proposals;
    for (qsizetype i = 0; i < set.proposals.size(); ++i) {
        const Proposal& p = set.proposals[i];
        QJsonArray problems;
        for (const FieldError& e : p.problems)
            problems.append(QJsonObject{{u"field"_s, e.field}, {u"message"_s, e.message}});
        proposals.append(QJsonObject{{u"number"_s, int(i + 1)},
                                     {u"kind"_s, kindName(p.kind)},
                                     {u"summary"_s, p.summary},
                                     {u"reason"_s, p.reason},
                                     {u"to_verify"_s, p.toVerify},
                                     {u"acceptable"_s, p.acceptable()},
                                     {u"problems"_s, problems},
                                     {u"item"_s, itemJson(p)}});
    }
    return {{u"trip"_s, QString::number(tripId)},
            {u"stage"_s, stageName(set.stage)},
            {u"source"_s, set.source},
            {u"note"_s, set.note},
            {u"proposals"_s, proposals}};
}

ProposalSet proposalSetFromJson(const QJsonObject& document, Id* tripId) {
    ProposalSet set;
    const auto stage = stageFromName(document.value(u"stage"_s).toString());
    if (!stage)
        throw Error::validation(u"stage"_s, QCoreApplication::translate(
                                                "tp::Suggest", "the file names no stage this version knows"));
    set.stage = *stage;
    set.source = document.value(u"source"_s).toString();
    set.note = document.value(u"note"_s).toString();
    bool ok = false;
    *tripId = document.value(u"trip"_s).toString().toLongLong(&ok);
    if (!ok)
        throw Error::validation(u"trip"_s,
                                QCoreApplication::translate("tp::Suggest", "the file names no trip"));
    const QJsonArray items = document.value(u"proposals"_s).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items[i].toObject();
        const QString where = u"proposals[%1]"_s.arg(i);
        const auto kind = kindFromName(o.value(u"kind"_s).toString());
        if (!kind)
            throw Error::validation(
                where + u".kind"_s,
                QCoreApplication::translate("tp::Suggest", "is not a kind of proposal this version knows"));
        const QJsonObject item = o.value(u"item"_s).toObject();
        Proposal p;
        p.kind = *kind;
        p.summary = o.value(u"summary"_s).toString();
        p.reason = o.value(u"reason"_s).toString();
        p.toVerify = o.value(u"to_verify"_s).toBool();
        // The items as the plan's own format reads them, with its checks.
        QList<FieldError> problems;
        switch (p.kind) {
        case Proposal::Kind::Stay: {
            const plan::Plan one = plan::planFromJson({{u"stays"_s, QJsonArray{item}}}, &problems);
            if (!one.stays.isEmpty())
                p.stay = one.stays.first();
            break;
        }
        case Proposal::Kind::Activity:
        case Proposal::Kind::ScheduleActivity: {
            const plan::Plan one = plan::planFromJson({{u"activities"_s, QJsonArray{item}}}, &problems);
            if (!one.activities.isEmpty())
                p.activity = one.activities.first();
            p.replacesId = item.value(u"schedules"_s).toString();
            break;
        }
        case Proposal::Kind::Cost: {
            const plan::Plan one =
                plan::planFromJson({{u"budget"_s, QJsonObject{{u"other"_s, QJsonArray{item}}}}}, &problems);
            if (!one.budget.other.isEmpty())
                p.cost = one.budget.other.first();
            break;
        }
        case Proposal::Kind::HomeCurrency:
            p.homeCurrency = item.value(u"home_currency"_s).toString();
            break;
        case Proposal::Kind::TripBudget:
            p.tripBudget = Decimal::parse(item.value(u"budget"_s).toString(), decimal_shape::MoneyPrecision,
                                          decimal_shape::MoneyScale);
            if (!p.tripBudget)
                problems << FieldError{u"budget"_s,
                                       QCoreApplication::translate("tp::Suggest", "is not an amount")};
            break;
        }
        if (!problems.isEmpty())
            throw Error::validation(where + u"."_s + problems.first().field, problems.first().message);
        set.proposals << p;
    }
    return set;
}

} // namespace tp::suggest
