// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include <QCoreApplication>

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
int cmdCompletion(CliContext&, const QStringList&);

// The summaries and verb lines are translated where they are printed (main.cpp);
// names, verbs and verb words are what the user types and stay as they are.
const QList<Command>& commands() {
    static const QList<Command> all = {
        {"migrate",
         QT_TRANSLATE_NOOP("tp::cli",
                           "Create or update the schema (--dry-run: show the SQL, change nothing)"),
         cmdMigrate},
        {"doctor",
         QT_TRANSLATE_NOOP("tp::cli", "Check the connection, server, TLS, pooling, schema and latency"),
         cmdDoctor},
        {"users", QT_TRANSLATE_NOOP("tp::cli", "add | list | delete users"), cmdUsers, "add list delete",
         QT_TRANSLATE_NOOP("tp::cli",
                           "  add NAME [--email EMAIL]           create a user (and its preferences)\n"
                           "  list [--json]                      every user\n"
                           "  delete NAME --yes                  delete a user and ALL their data")},
        {"trips", QT_TRANSLATE_NOOP("tp::cli", "list | add | show | update | delete a user's trips"),
         cmdTrips, "list add show update delete",
         QT_TRANSLATE_NOOP(
             "tp::cli",
             "  list [--status S] [--from D] [--to D] [--search T] [--json]  a user's trips, newest first\n"
             "  add --title TITLE [fields]         plan a new trip\n"
             "  show ID [--json]                   one trip\n"
             "  update ID [fields]                 change a trip's fields\n"
             "  delete ID                          delete a trip\n"
             "  (every verb takes --user NAME; default: the local user named after your OS account)")},
        {"destinations", QT_TRANSLATE_NOOP("tp::cli", "list | add | search the destination catalogue"),
         cmdDestinations, "list search add locate",
         QT_TRANSLATE_NOOP(
             "tp::cli",
             "  list [--json]                      the catalogue, by name\n"
             "  search TEXT [--json]               destinations whose words begin with TEXT's words\n"
             "  add --name NAME --country COUNTRY [fields]  add a destination\n"
             "  locate [--json]                    coordinates from the offline gazetteer where missing")},
        {"export", QT_TRANSLATE_NOOP("tp::cli", "Write all of one user's data as one JSON document"),
         cmdExport},
        {"chat", QT_TRANSLATE_NOOP("tp::cli", "Talk to the AI trip planner about one trip (stdin to stdout)"),
         cmdChat},
        {"config", QT_TRANSLATE_NOOP("tp::cli", "show | set KEY VALUE | unset KEY: the non-secret settings"),
         cmdConfig, "show set unset",
         QT_TRANSLATE_NOOP("tp::cli", "  show [--profile NAME]              every setting and its value\n"
                                      "  set KEY VALUE [--profile NAME]     change a setting\n"
                                      "  unset KEY [--profile NAME]         back to the default")},
        {"secret",
         QT_TRANSLATE_NOOP(
             "tp::cli", "set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain"),
         cmdSecret, "set clear",
         QT_TRANSLATE_NOOP("tp::cli",
                           "  set NAME [--provider P] [--profile NAME]    store a secret read from stdin\n"
                           "  clear NAME [--provider P] [--profile NAME]  remove it\n"
                           "  names: database-password, llm-api-key"),
         "set=database-password llm-api-key;clear=database-password llm-api-key"},
        {"plan",
         QT_TRANSLATE_NOOP("tp::cli", "show | add | remove | budget | import | export | stage | suggest: a "
                                      "trip's stays, legs, activities"),
         cmdPlan, "show add remove budget import export stage suggest",
         QT_TRANSLATE_NOOP(
             "tp::cli",
             "  show [--json]                      the plan, day by day, with its problems and budget\n"
             "  add stay|leg|activity|cost [opts]  add an item (see plan add KIND --help)\n"
             "  remove ITEM_ID                     remove an item\n"
             "  budget [--home-currency C] [--rate C=RATE@DATE]  budget settings\n"
             "  import FILE [--apply]              bookings from .ics, places from .gpx .kml .geojson\n"
             "  export --ics FILE                  write the plan as an iCalendar file\n"
             "  stage next|back                    complete the current planning stage, or go back\n"
             "  suggest --stage S [--accept all|N,N]  the planner's proposals for accommodation,\n"
             "                                     activities, itinerary or budget; accept the chosen ones\n"
             "  (every verb takes --trip ID)"),
         "add=stay leg activity cost;stage=next back"},
        {"completion", QT_TRANSLATE_NOOP("tp::cli", "bash | zsh | fish: print the shell's completion script"),
         cmdCompletion, "bash zsh fish",
         QT_TRANSLATE_NOOP("tp::cli", "  bash                               the script for bash\n"
                                      "  zsh                                the script for zsh\n"
                                      "  fish                               the script for fish")},
    };
    return all;
}

} // namespace tp::cli
