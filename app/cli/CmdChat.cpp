// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"
#include "ProviderOptions.h"

#include "conversation/ConversationEngine.h"
#include "conversation/LlmPlanner.h"
#include "conversation/OfflinePlanner.h"
#include "llm/ProviderClients.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tp::cli {

// tripplanner-cli chat --user NAME --trip ID [--provider offline|gemini|openai] [--model M] [--base-url URL]
// Reads one message per line from stdin and prints the planner's reply to
// each; the state it leaves is the one the desktop app shows. The API key
// comes from $TRIPPLANNER_LLM_API_KEY (never from the command line). A turn
// that fails writes nothing and ends the command with exit code 1.
int cmdChat(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli",
        "Talk to the trip planner about one trip: one message per line on stdin, the "
        "planner's reply to each on stdout. Without --provider the saved settings choose it. The API key "
        "comes from $TRIPPLANNER_LLM_API_KEY, else from the keychain (`secret set llm-api-key`)."));
    p.addOption({u"user"_s,
                 QCoreApplication::translate(
                     "tp::cli", "The user (default: the local user named after your OS account)."),
                 u"name"_s});
    p.addOption({u"trip"_s, QCoreApplication::translate("tp::cli", "The trip id."), u"id"_s});
    addProviderOptions(p);
    parseOrThrow(p, args, 0, 0);

    bool ok = false;
    const Id tripId = p.value(u"trip"_s).toLongLong(&ok);
    if (!p.isSet(u"trip"_s) || !ok || tripId <= 0)
        throw UsageError{
            QCoreApplication::translate("tp::cli", "--trip needs a trip id (a positive whole number)")};
    const llm::ProviderConfig config = providerFromOptions(ctx, p);

    const User user = ctx.user(p.value(u"user"_s));
    Database& db = ctx.database();

    QNetworkAccessManager nam;
    std::unique_ptr<llm::LlmClient> client = llm::makeClient(&nam, config);
    std::unique_ptr<conversation::Planner> planner;
    if (client)
        planner = std::make_unique<conversation::LlmPlanner>(client.get());
    else
        planner = std::make_unique<conversation::OfflinePlanner>();
    conversation::ConversationEngine engine(db, user.id, *planner);
    engine.load(tripId); // the trip must exist and be the user's before anything is read

    // By descriptor, not FILE*: QFile reads a FILE* line with fgets(), which
    // ends the line at a NUL byte and silently drops the rest of it.
    QFile in;
    if (!in.open(STDIN_FILENO, QIODevice::ReadOnly))
        throw Error(Error::Kind::Config, QCoreApplication::translate("tp::cli", "cannot read stdin"));
    int lineNumber = 0;
    while (true) {
        const QByteArray raw = in.readLine();
        if (raw.isEmpty())
            break;
        ++lineNumber;
        // Refused whole rather than cut or changed: the same rule (and words)
        // as every other text the app stores.
        QString line;
        QString problem;
        if (raw.contains('\0'))
            problem =
                QCoreApplication::translate("tp::cli", "line %1 contains a NUL character").arg(lineNumber);
        else if (!decodeUtf8(raw, &line))
            problem =
                QCoreApplication::translate("tp::cli", "line %1 is not valid UTF-8 text").arg(lineNumber);
        if (!problem.isEmpty()) {
            ctx.err << QCoreApplication::translate("tp::cli",
                                                   "tripplanner-cli: error: %1; nothing was saved for it.")
                           .arg(problem)
                    << '\n';
            return 1;
        }
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        try {
            const conversation::TurnResult r = engine.submit(tripId, line);
            ctx.out << terminalSafe(r.messages.last().content) << "\n\n";
            ctx.out.flush();
        } catch (const conversation::PlannerError& e) {
            ctx.err << QCoreApplication::translate("tp::cli",
                                                   "tripplanner-cli: error: %1 (nothing was saved for: %2)")
                           .arg(terminalSafe(QString(e.message()).replace(u'\n', u' ')),
                                terminalSafe(line.left(80)))
                    << '\n';
            return 1;
        }
    }
    return 0;
}

} // namespace tp::cli
