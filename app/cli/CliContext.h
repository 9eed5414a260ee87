// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliParser.h"
#include "db/Database.h"
#include "domain/Entities.h"

#include <QCommandLineParser>
#include <QTextStream>
#include <memory>

namespace tp::cli {

// What every command gets: the output streams, the resolved database, and the
// conventions of the tool (one clear line on stderr and a non-zero exit on
// any error; nothing written when the input is bad).
class CliContext {
public:
    CliContext();

    QTextStream out;
    QTextStream err;

    // --database-url, else DATABASE_URL, else the configured profile, else the
    // embedded default. Set by main() before a command runs.
    DatabaseUrl url;
    bool urlFromDefault = false;

    // The connection, opened on first use with the schema brought up to date
    // (a newer schema is refused).
    Database& database();
    // The connection without touching the schema (migrate, doctor).
    Database& rawDatabase();

    // The user named by --user, else the local OS user (created on first run).
    User user(const QString& name);

    // Reads stdin to the end (secrets, chat input).
    QByteArray readStdin();

private:
    std::unique_ptr<Database> m_db;
    bool m_schemaChecked = false;
};

// A usage error: wrong arguments. Printed with the command's usage; exit 2.
struct UsageError {
    QString message;
};

// --help on a command: its help text goes to stdout, exit 0.
struct HelpRequested {
    QString text;
};

// Thrown by parseOrThrow instead of parsing while the completion scripts are
// generated (`tripplanner-cli completion SHELL`): what the command accepts.
struct OptionsListed {
    QList<OptionSpec> options;
    QStringList positionals;
};
// Turns that listing on (the completion command only; the CLI parses on one thread).
void setListingOptions(bool on);

// Parses `args` (the command's own, after the group and verb) with `parser`;
// throws UsageError for unknown options or a wrong number of positionals.
void parseOrThrow(CliParser& parser, const QStringList& args, int minPositional, int maxPositional);

// The words that name the running command ("users add"), for the usage line
// of its --help: QCommandLineParser would print the executable's full path.
// Set once by main before the command runs (the CLI parses on one thread).
void setCommandWords(const QString& words);

// The parser's help text with that usage line.
QString helpTextOf(const QCommandLineParser& parser);

using CommandFn = int (*)(CliContext&, const QStringList& args);
struct Command {
    const char* name;    // "trips"
    const char* summary; // one line for --help
    CommandFn run;
    // A group's verbs, space-separated ("add list delete"); nullptr for a single command.
    const char* verbs = nullptr;
    // `tripplanner-cli GROUP --help`: one line per verb.
    const char* verbsHelp = nullptr;
    // Words a verb takes next, for the shell completions: "add=stay leg;stage=next back".
    const char* verbWords = nullptr;
};
// All command groups, in the order --help lists them (Commands.cpp).
const QList<Command>& commands();

// Text from the database or a model as it may be printed: control characters
// other than newline and tab (ESC, BEL, C1 controls such as U+009B, DEL) are
// written as \x1b or \u009b, so a model reply or another user's catalogue
// entry cannot retitle the terminal, recolour it or move its cursor. Applied
// whether or not the output is a terminal: a log shown later is one too.
QString terminalSafe(const QString& text);

// Decodes UTF-8 into *out; false (and *out untouched) when the bytes are not
// valid UTF-8, so that input is refused instead of turned into U+FFFD.
bool decodeUtf8(const QByteArray& bytes, QString* out);

// Printing helpers.
QString formatTable(const QStringList& header, const QList<QStringList>& rows);
void printJson(CliContext& ctx, const QJsonValue& value);

} // namespace tp::cli
