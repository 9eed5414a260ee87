#include "CliContext.h"

namespace tp::cli {

// Each command group lives in its own file (Cmd*.cpp) and is listed here.
int cmdMigrate(CliContext&, const QStringList&);
int cmdDoctor(CliContext&, const QStringList&);
int cmdUsers(CliContext&, const QStringList&);
int cmdTrips(CliContext&, const QStringList&);
int cmdDestinations(CliContext&, const QStringList&);
int cmdExport(CliContext&, const QStringList&);
int cmdChat(CliContext&, const QStringList&);
int cmdConfig(CliContext&, const QStringList&);
int cmdSecret(CliContext&, const QStringList&);
int cmdPlan(CliContext&, const QStringList&);

const QList<Command>& commands() {
    static const QList<Command> all = {
        {"migrate", "Create or update the schema (--dry-run: show the SQL, change nothing)", cmdMigrate},
        {"doctor", "Check the connection, server, TLS, pooling, schema and latency", cmdDoctor},
        {"users", "add | list | delete users", cmdUsers},
        {"trips", "list | add | show | update | delete a user's trips", cmdTrips},
        {"destinations", "list | add | search the destination catalogue", cmdDestinations},
        {"export", "Write all of one user's data as one JSON document", cmdExport},
        {"chat", "Talk to the AI trip planner about one trip (stdin to stdout)", cmdChat},
        {"config", "show | set KEY VALUE | unset KEY: the non-secret settings", cmdConfig},
        {"secret", "set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain",
         cmdSecret},
        {"plan", "show | add | remove | budget | import | export | stage: a trip's stays, legs, activities",
         cmdPlan},
    };
    return all;
}

} // namespace tp::cli
