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
    s << QCoreApplication::translate(
             "tp::cli",
             "Usage: tripplanner-cli [--database-url URL] COMMAND [ARGS...]\n\n"
             "The database is --database-url, else $DATABASE_URL, else the configured one, else the\n"
             "embedded SQLite file in the app-data folder. A URL given as an argument must not carry\n"
             "a password (command lines are visible to other users): use $DATABASE_URL or\n"
             "`tripplanner-cli secret set database-password` (value read from stdin).")
      << "\n\n"
      << QCoreApplication::translate("tp::cli", "Commands:") << '\n';
    // The summaries are marked with QT_TRANSLATE_NOOP in Commands.cpp.
    for (const Command& c : commands())
        s << "  " << QString::fromLatin1(c.name).leftJustified(14)
          << QCoreApplication::translate("tp::cli", c.summary) << '\n';
    s << '\n'
      << QCoreApplication::translate("tp::cli",
                                     "Run `tripplanner-cli COMMAND --help` for a command's options.")
      << '\n';
}

// `tripplanner-cli GROUP --help`: the group's verbs; each verb has its own --help.
void printGroupHelp(QTextStream& s, const Command& c) {
    const QString name = QString::fromLatin1(c.name);
    s << QCoreApplication::translate("tp::cli", "Usage: tripplanner-cli %1 VERB [OPTIONS] [ARGS...]")
             .arg(name)
      << "\n\n"
      << QCoreApplication::translate("tp::cli", c.summary) << "\n\n"
      << QCoreApplication::translate("tp::cli", "Verbs:") << '\n'
      << (c.verbsHelp ? QCoreApplication::translate("tp::cli", c.verbsHelp) : QString::fromLatin1(c.verbs))
      << "\n\n"
      << QCoreApplication::translate("tp::cli", "Run `tripplanner-cli %1 VERB --help` for a verb's options.")
             .arg(name)
      << '\n';
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
                throw UsageError{QCoreApplication::translate("tp::cli", "--database-url needs a value")};
            haveUrlArgument = true;
            continue;
        }
        throw UsageError{QCoreApplication::translate("tp::cli", "unknown option %1").arg(a.left(60))};
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
                throw Error(Error::Kind::Config,
                            QCoreApplication::translate(
                                "tp::cli",
                                "--database-url must not contain a password: other users can read command "
                                "lines. Put the URL in $DATABASE_URL, or store the password with "
                                "`tripplanner-cli secret set database-password`."));
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
    throw UsageError{QCoreApplication::translate("tp::cli", "unknown command \"%1\"").arg(name.left(60))};
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
    // The app's texts and Qt's own (QCommandLineParser's "Usage:", "Options:"...)
    // in the language chosen in the settings, else the system's.
    applyLanguageSetting(*app);
    CliContext ctx;
    int code = 1;
    try {
        // QCoreApplication::arguments() turns bytes that are not UTF-8 into
        // U+FFFD without a word; refuse them instead (never echoing them).
        for (int i = 1; i < argc; ++i) {
            QString ignored;
            if (!decodeUtf8(QByteArray(argv[i]), &ignored))
                throw UsageError{
                    QCoreApplication::translate("tp::cli", "argument %1 is not valid UTF-8 text").arg(i)};
        }
        code = run(ctx, app->arguments().mid(1));
    } catch (const HelpRequested& h) {
        ctx.out << h.text;
        code = 0;
    } catch (const UsageError& e) {
        ctx.err << QCoreApplication::translate("tp::cli", "tripplanner-cli: %1 (see --help)")
                       .arg(terminalSafe(e.message))
                << '\n';
        code = 2;
    } catch (const Error& e) {
        // One line, no stack trace, no secret: messages never carry passwords.
        ctx.err << QCoreApplication::translate("tp::cli", "tripplanner-cli: error: %1")
                       .arg(terminalSafe(QString(e.message()).replace(u'\n', u' ')))
                << '\n';
        code = 1;
    }
    ctx.out.flush();
    ctx.err.flush();
    return code;
}
