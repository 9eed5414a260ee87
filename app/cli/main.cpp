// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli: the scriptable sibling of the desktop app, on the same core.
#include "CliContext.h"

#include "config/AppPaths.h"
#include "config/DatabaseLocation.h"
#include "config/Translations.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::cli;

namespace {

void printUsage(QTextStream& s) {
    s << "Usage: tripplanner-cli [--database-url URL] COMMAND [ARGS...]\n\n"
         "The database is --database-url, else $DATABASE_URL, else the configured one, else the\n"
         "embedded SQLite file in the app-data folder. A URL given as an argument must not carry\n"
         "a password (command lines are visible to other users): use $DATABASE_URL or\n"
         "`tripplanner-cli secret set database-password` (value read from stdin).\n\nCommands:\n";
    for (const Command& c : commands())
        s << "  " << QString::fromLatin1(c.name).leftJustified(14) << QString::fromLatin1(c.summary) << '\n';
    s << "\nRun `tripplanner-cli COMMAND --help` for a command's options.\n";
}

// `tripplanner-cli GROUP --help`: the group's verbs; each verb has its own --help.
void printGroupHelp(QTextStream& s, const Command& c) {
    const QString name = QString::fromLatin1(c.name);
    s << "Usage: tripplanner-cli " << name << " VERB [OPTIONS] [ARGS...]\n\n"
      << QString::fromLatin1(c.summary) << "\n\nVerbs:\n"
      << QString::fromLatin1(c.verbsHelp ? c.verbsHelp : c.verbs) << "\n\nRun `tripplanner-cli " << name
      << " VERB --help` for a verb's options.\n";
}

// Global options come before the command; everything after it is the command's.
int run(CliContext& ctx, QStringList args) {
    QString urlArgument;
    bool haveUrlArgument = false;
    while (!args.isEmpty() && args.first().startsWith(u'-')) {
        const QString a = args.takeFirst();
        if (a == u"-h" || a == u"--help") {
            printUsage(ctx.out);
            return 0;
        }
        if (a == u"--version") {
            ctx.out << "tripplanner-cli " << QCoreApplication::applicationVersion() << '\n';
            return 0;
        }
        if (a == u"--database-url" || a.startsWith(u"--database-url="_s)) {
            if (a.contains(u'='))
                urlArgument = a.section(u'=', 1);
            else if (!args.isEmpty())
                urlArgument = args.takeFirst();
            else
                throw UsageError{u"--database-url needs a value"_s};
            haveUrlArgument = true;
            continue;
        }
        throw UsageError{u"unknown option %1"_s.arg(a.left(60))};
    }
    if (args.isEmpty()) {
        printUsage(ctx.err);
        return 2;
    }
    const QString name = args.takeFirst();
    for (const Command& c : commands()) {
        if (name != QLatin1StringView(c.name))
            continue;
        const QStringList verbs = QString::fromLatin1(c.verbs ? c.verbs : "").split(u' ', Qt::SkipEmptyParts);
        if (!verbs.isEmpty() && !args.isEmpty() && (args.first() == u"--help" || args.first() == u"-h")) {
            printGroupHelp(ctx.out, c);
            return 0;
        }
        setCommandWords(verbs.contains(args.value(0)) ? name + u' ' + args.first() : name);
        if (haveUrlArgument) {
            if (!DatabaseUrl::parse(urlArgument).password.isEmpty())
                throw Error(
                    Error::Kind::Config,
                    u"--database-url must not contain a password: other users can read command lines. "
                    u"Put the URL in $DATABASE_URL, or store the password with "
                    u"`tripplanner-cli secret set database-password`."_s);
        }
        // --database-url, else $DATABASE_URL, else the saved settings (with the
        // password from the keychain), else the embedded default.
        const ResolvedDatabaseUrl resolved = resolveDatabaseUrl(haveUrlArgument ? urlArgument : QString());
        ctx.url = resolved.url;
        ctx.urlFromDefault = resolved.source == ResolvedDatabaseUrl::Source::Default;
        if (!resolved.note.isEmpty())
            ctx.err << resolved.note << '\n';
        return c.run(ctx, args);
    }
    throw UsageError{u"unknown command \"%1\""_s.arg(name.left(60))};
}

// `plan export --pdf` lays out text, and fonts need a QGuiApplication; every
// other command stays a QCoreApplication and loads no platform plugin.
bool drawsPages(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView a(argv[i]);
        // The option parser takes -pdf as --pdf too (long options with one dash).
        if (a == "--pdf" || a.startsWith("--pdf=") || a == "-pdf" || a.startsWith("-pdf="))
            return true;
    }
    return false;
}

QtMessageHandler g_startupHandler = nullptr;

// Passes on only critical and fatal messages while the platform starts.
void quietStartup(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if ((type == QtCriticalMsg || type == QtFatalMsg) && g_startupHandler)
        g_startupHandler(type, context, message);
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[]) {
    if (!drawsPages(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Nothing is shown: the offscreen platform needs no X or Wayland display,
    // so the PDF prints over ssh and from cron as well as in a desktop session,
    // whatever platform a profile names for the desktop's programs.
    qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    // The platform's start-up looks for a desktop session a terminal may not
    // have ("XDG_RUNTIME_DIR not set" under cron or sudo); none of it concerns
    // a PDF, and a script's stderr should hold only what went wrong.
    g_startupHandler = qInstallMessageHandler(quietStartup);
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    qInstallMessageHandler(g_startupHandler);
    return app;
}

} // namespace

int main(int argc, char* argv[]) {
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    setApplicationIdentity();
    // The app's own forms only: QCommandLineParser's help stays as written.
    installTranslations(*app, QLocale(), false);
    CliContext ctx;
    int code = 1;
    try {
        // QCoreApplication::arguments() turns bytes that are not UTF-8 into
        // U+FFFD without a word; refuse them instead (never echoing them).
        for (int i = 1; i < argc; ++i) {
            QString ignored;
            if (!decodeUtf8(QByteArray(argv[i]), &ignored))
                throw UsageError{u"argument %1 is not valid UTF-8 text"_s.arg(i)};
        }
        code = run(ctx, app->arguments().mid(1));
    } catch (const HelpRequested& h) {
        ctx.out << h.text;
        code = 0;
    } catch (const UsageError& e) {
        ctx.err << "tripplanner-cli: " << terminalSafe(e.message) << " (see --help)\n";
        code = 2;
    } catch (const Error& e) {
        // One line, no stack trace, no secret: messages never carry passwords.
        ctx.err << "tripplanner-cli: error: " << terminalSafe(QString(e.message()).replace(u'\n', u' '))
                << '\n';
        code = 1;
    }
    ctx.out.flush();
    ctx.err.flush();
    return code;
}
