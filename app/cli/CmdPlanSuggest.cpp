// SPDX-License-Identifier: GPL-3.0-or-later
// plan suggest: the planner's proposals for a stage, printed, and the chosen
// ones accepted into the plan in one guarded write.
#include "CmdPlanCommon.h"
#include "ProviderOptions.h"

#include "conversation/LlmPlanner.h"
#include "conversation/Planner.h"
#include "llm/ProviderClients.h"
#include "plan/PlanCodec.h"
#include "repo/PlanRepository.h"
#include "repo/TripRepository.h"
#include "suggest/ModelSuggestions.h"
#include "suggest/OfflineSuggestions.h"
#include "suggest/ProposalCodec.h"
#include "suggest/SuggestContextLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace tp::cli::plancli {

namespace {

void printProposals(CliContext& ctx, const suggest::ProposalSet& set, const Trip& trip) {
    QTextStream& out = ctx.out;
    out << QCoreApplication::translate("tp::cli", "Suggestions for trip %1 (%2), %3, from the %4:")
               .arg(QString::number(trip.id), terminalSafe(trip.title), suggest::stageName(set.stage),
                    set.source == u"offline"_s ? QCoreApplication::translate("tp::cli", "built-in planner")
                                               : terminalSafe(set.source))
        << u'\n';
    for (qsizetype i = 0; i < set.proposals.size(); ++i) {
        const suggest::Proposal& p = set.proposals[i];
        out << u"%1. %2\n"_s.arg(i + 1, 3).arg(terminalSafe(p.summary));
        if (!p.reason.isEmpty())
            out << u"     "_s << terminalSafe(p.reason) << u'\n';
        if (p.toVerify)
            out << u"     "_s
                << QCoreApplication::translate("tp::cli",
                                               "A suggestion to verify: check that it exists before booking.")
                << u'\n';
        for (const FieldError& e : p.problems)
            out << u"     "_s
                << QCoreApplication::translate("tp::cli", "Cannot be accepted: %1 %2")
                       .arg(e.field, terminalSafe(e.message))
                << u'\n';
    }
    if (set.proposals.isEmpty())
        out << u"  "_s << QCoreApplication::translate("tp::cli", "No proposals.") << u'\n';
    if (!set.note.isEmpty())
        out << terminalSafe(set.note) << u'\n';
}

} // namespace

int cmdPlanSuggest(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli",
        "plan suggest --trip ID --stage STAGE [--accept all|N,N...] [--json]\n"
        "plan suggest --trip ID --from FILE --accept all|N,N...\n"
        "The planner's proposals for a stage: accommodation, activities, itinerary or budget.\n"
        "Nothing is written unless --accept names the proposals to add to the plan (all: every one\n"
        "that can be accepted as it is); they are added together, or not at all. The planner is the\n"
        "saved one (or --provider); offline, the built-in planner proposes from the bundled data.\n"
        "A model answers differently each time: save its proposals with --json and accept from that\n"
        "file with --from, so that what is accepted is what you read."));
    addTripOptions(p);
    p.addOption({u"stage"_s,
                 QCoreApplication::translate("tp::cli", "accommodation, activities, itinerary or budget."),
                 u"stage"_s});
    p.setChoices(u"stage"_s, {u"accommodation"_s, u"activities"_s, u"itinerary"_s, u"budget"_s});
    p.addOption({u"accept"_s,
                 QCoreApplication::translate(
                     "tp::cli", "Accept these proposals into the plan: all, or numbers such as 1,3."),
                 u"list"_s});
    p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
    p.addOption({u"from"_s,
                 QCoreApplication::translate(
                     "tp::cli", "Accept from proposals printed earlier with --json (- for stdin)."),
                 u"file"_s});
    addProviderOptions(p);
    parseOrThrow(p, args, 0, 0);
    const Id tripId = plancli::tripId(p);
    const bool fromFile = p.isSet(u"from"_s);
    if (fromFile && !p.isSet(u"accept"_s))
        throw UsageError{
            QCoreApplication::translate("tp::cli", "--from needs --accept (all, or the numbers to accept)")};
    if (!p.isSet(u"stage"_s) && !fromFile)
        throw UsageError{QCoreApplication::translate("tp::cli", "--stage is required: %1")
                             .arg(suggest::stageNames().join(u", "_s))};
    const auto stage = p.isSet(u"stage"_s) ? suggest::stageFromName(p.value(u"stage"_s)) : suggest::Stage{};
    if (!stage)
        throw Error::validation(u"stage"_s, QCoreApplication::translate("tp::cli", "must be one of %1")
                                                .arg(suggest::stageNames().join(u", "_s)));

    const llm::ProviderConfig config = providerFromOptions(ctx, p);
    const User user = ctx.user(p.value(u"user"_s));
    Database& db = ctx.database();
    const suggest::LoadedContext loaded = suggest::loadSuggestContext(db, user.id, tripId);
    const suggest::SuggestContext& context = loaded.context;
    const PlanDocument& doc = loaded.document;
    PlanRepository plans(db, user.id);

    suggest::ProposalSet set;
    QNetworkAccessManager nam;
    if (fromFile) {
        // The proposals as printed, checked again against the plan as it is now.
        QFile file;
        const QString path = p.value(u"from"_s);
        bool opened = false;
        if (path == u"-"_s) {
            opened = file.open(stdin, QIODevice::ReadOnly);
        } else {
            file.setFileName(path);
            opened = file.open(QIODevice::ReadOnly);
        }
        if (!opened)
            throw Error::validation(
                u"from"_s,
                QCoreApplication::translate("tp::cli", "cannot read %1: %2").arg(path, file.errorString()));
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!json.isObject())
            throw Error::validation(u"from"_s,
                                    QCoreApplication::translate(
                                        "tp::cli", "%1 is not the JSON that plan suggest --json prints (%2)")
                                        .arg(path, parseError.errorString()));
        Id fileTrip = 0;
        set = suggest::proposalSetFromJson(json.object(), &fileTrip);
        if (fileTrip != tripId)
            throw Error::validation(
                u"from"_s,
                QCoreApplication::translate("tp::cli", "the proposals in %1 are for trip %2, not trip %3")
                    .arg(path, QString::number(fileTrip), QString::number(tripId)));
        if (p.isSet(u"stage"_s) && set.stage != *stage)
            throw Error::validation(
                u"from"_s, QCoreApplication::translate("tp::cli", "the proposals in %1 are for the %2 stage")
                               .arg(path, suggest::stageName(set.stage)));
        suggest::checkProposals(set.proposals, context);
    } else if (std::unique_ptr<llm::LlmClient> client = llm::makeClient(&nam, config)) {
        conversation::LlmPlanner planner(client.get());
        try {
            set = suggest::modelProposals(planner, context, *stage, llm::providerName(config.provider));
        } catch (const conversation::PlannerError& e) {
            // Nothing was written; the plan is as it was.
            ctx.err << QCoreApplication::translate(
                           "tp::cli",
                           "tripplanner-cli: error: the planner gave no proposals: %1 Nothing was changed.")
                           .arg(terminalSafe(QString(e.message()).replace(u'\n', u' ')))
                    << '\n';
            return 1;
        }
    } else {
        set = suggest::offlineProposals(context, *stage);
    }
    QList<qsizetype> chosen;
    QList<suggest::Proposal> accepted;
    if (p.isSet(u"accept"_s)) {
        chosen = suggest::chooseProposals(set, p.value(u"accept"_s));
        accepted = suggest::proposalsAt(set, chosen);
        const plan::Plan changed = suggest::applyProposals(context.plan, accepted);
        const std::optional<Decimal> budget = suggest::tripBudgetOf(accepted);
        // The plan and the trip's budget together, or neither.
        db.transaction([&] {
            if (plan::planToJson(changed) != plan::planToJson(context.plan))
                plans.save(doc, changed);
            if (budget) {
                Trip t = context.trip;
                t.budget = budget;
                TripRepository(db, user.id).update(t);
            }
        });
    }

    if (p.isSet(u"json"_s)) {
        QJsonObject out = suggest::toJson(set, tripId);
        QJsonArray acceptedJson;
        for (qsizetype i : chosen)
            acceptedJson.append(int(i + 1));
        out[u"accepted"_s] = acceptedJson;
        printJson(ctx, out);
        return 0;
    }
    if (accepted.isEmpty()) {
        printProposals(ctx, set, context.trip);
        if (!set.proposals.isEmpty())
            ctx.out << QCoreApplication::translate("tp::cli",
                                                   "Accept them with: tripplanner-cli plan suggest --trip %1 "
                                                   "--stage %2 --accept all (or 1,3...)")
                           .arg(QString::number(tripId), suggest::stageName(set.stage))
                    << '\n';
        return 0;
    }
    ctx.out << QCoreApplication::translate("tp::cli",
                                           "Accepted %n proposal(s) into the plan of trip %1:", nullptr,
                                           int(accepted.size()))
                   .arg(tripId)
            << u'\n';
    for (qsizetype i : chosen)
        ctx.out << u"%1. %2\n"_s.arg(i + 1, 3).arg(terminalSafe(set.proposals[i].summary));
    return 0;
}

} // namespace tp::cli::plancli
