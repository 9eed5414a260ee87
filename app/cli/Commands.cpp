// SPDX-License-Identifier: GPL-3.0-or-later
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
        {"users", "add | list | delete users", cmdUsers, "add list delete",
         "  add NAME [--email EMAIL]           create a user (and its preferences)\n"
         "  list [--json]                      every user\n"
         "  delete NAME --yes                  delete a user and ALL their data"},
        {"trips", "list | add | show | update | delete a user's trips", cmdTrips,
         "list add show update delete",
         "  list [--status S] [--from D] [--to D] [--search T] [--json]  a user's trips, newest first\n"
         "  add --title TITLE [fields]         plan a new trip\n"
         "  show ID [--json]                   one trip\n"
         "  update ID [fields]                 change a trip's fields\n"
         "  delete ID                          delete a trip\n"
         "  (every verb takes --user NAME; default: the local user named after your OS account)"},
        {"destinations", "list | add | search the destination catalogue", cmdDestinations,
         "list search add locate",
         "  list [--json]                      the catalogue, by name\n"
         "  search TEXT [--json]               destinations whose words begin with TEXT's words\n"
         "  add --name NAME --country COUNTRY [fields]  add a destination\n"
         "  locate [--json]                    coordinates from the offline gazetteer where missing"},
        {"export", "Write all of one user's data as one JSON document", cmdExport},
        {"chat", "Talk to the AI trip planner about one trip (stdin to stdout)", cmdChat},
        {"config", "show | set KEY VALUE | unset KEY: the non-secret settings", cmdConfig, "show set unset",
         "  show [--profile NAME]              every setting and its value\n"
         "  set KEY VALUE [--profile NAME]     change a setting\n"
         "  unset KEY [--profile NAME]         back to the default"},
        {"secret", "set NAME (value from stdin) | clear NAME: passwords and API keys in the keychain",
         cmdSecret, "set clear",
         "  set NAME [--provider P] [--profile NAME]    store a secret read from stdin\n"
         "  clear NAME [--provider P] [--profile NAME]  remove it\n"
         "  names: database-password, llm-api-key"},
        {"plan",
         "show | add | remove | budget | import | export | stage | suggest: a trip's stays, legs, activities",
         cmdPlan, "show add remove budget import export stage suggest",
         "  show [--json]                      the plan, day by day, with its problems and budget\n"
         "  add stay|leg|activity|cost [opts]  add an item (see plan add KIND --help)\n"
         "  remove ITEM_ID                     remove an item\n"
         "  budget [--home-currency C] [--rate C=RATE@DATE]  budget settings\n"
         "  import FILE [--apply]              bookings from .ics, places from .gpx .kml .geojson\n"
         "  export --ics FILE                  write the plan as an iCalendar file\n"
         "  stage next|back                    complete the current planning stage, or go back\n"
         "  suggest --stage S [--accept all|N,N]  the planner's proposals for accommodation,\n"
         "                                     activities, itinerary or budget; accept the chosen ones\n"
         "  (every verb takes --trip ID)"},
    };
    return all;
}

} // namespace tp::cli
