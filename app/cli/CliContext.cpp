// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "config/AppPaths.h"
#include "db/Migrator.h"
#include "repo/UserRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tp::cli {

CliContext::CliContext()
    : out(stdout)
    , err(stderr) {}

Database& CliContext::rawDatabase() {
    if (!m_db)
        m_db = std::make_unique<Database>(url);
    m_db->open();
    return *m_db;
}

Database& CliContext::database() {
    Database& db = rawDatabase();
    if (!m_schemaChecked) {
        // As the app does: bring the schema up to date (adopting a database the
        // web app made), refuse one newer than this build.
        Migrator(db).migrate();
        m_schemaChecked = true;
    }
    return db;
}

User CliContext::user(const QString& name) {
    UserRepository users(database());
    if (name.isEmpty())
        return users.ensureLocalUser(osUserName());
    if (auto u = users.findByName(name))
        return *u;
    throw Error(Error::Kind::NotFound,
                QCoreApplication::translate("tp::cli", "There is no user named \"%1\" (see: users list).")
                    .arg(name.left(200)));
}

QByteArray CliContext::readStdin() {
    QFile in;
    if (!in.open(STDIN_FILENO, QIODevice::ReadOnly))
        return {};
    return in.readAll();
}

namespace {
QString& commandWords() {
    static QString words;
    return words;
}
bool& listingOptions() {
    static bool on = false;
    return on;
}
} // namespace

void setListingOptions(bool on) {
    listingOptions() = on;
}

void setCommandWords(const QString& words) {
    commandWords() = words;
}

QString helpTextOf(const QCommandLineParser& parser) {
    // helpText() starts "Usage: /full/path/to/tripplanner-cli [options] ...", with
    // Qt's word for "Usage" in the language of the translations installed (and
    // maybe after the path): name the program and the command as a person types
    // them instead, wherever the path stands in that first line.
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (program.isEmpty())
        return text;
    const qsizetype lineEnd = text.indexOf(u'\n');
    const qsizetype at = text.indexOf(program);
    if (at >= 0 && (lineEnd < 0 || at + program.size() <= lineEnd))
        text.replace(at, program.size(), QString(u"tripplanner-cli "_s + commandWords()).trimmed());
    return text;
}

void parseOrThrow(CliParser& parser, const QStringList& args, int minPositional, int maxPositional) {
    if (listingOptions())
        throw OptionsListed{parser.optionSpecs(), parser.positionalNames()};
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s))
        throw HelpRequested{helpTextOf(parser)};
    if (!parser.parse(QStringList{u"tripplanner-cli"_s} + args))
        throw UsageError{parser.errorText()};
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional)
        throw UsageError{QCoreApplication::translate("tp::cli", "missing argument")};
    if (maxPositional >= 0 && n > maxPositional)
        throw UsageError{QCoreApplication::translate("tp::cli", "unexpected argument \"%1\"")
                             .arg(parser.positionalArguments().at(maxPositional).left(60))};
}

bool decodeUtf8(const QByteArray& bytes, QString* out) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    *out = std::move(text);
    return true;
}

QString terminalSafe(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t')
            out.append(c);
        else if (u < 0x20 || u == 0x7f)
            out.append(u"\\x%1"_s.arg(int(u), 2, 16, QChar(u'0')));
        else if (u >= 0x80 && u < 0xa0)
            out.append(u"\\u%1"_s.arg(int(u), 4, 16, QChar(u'0')));
        else
            out.append(c);
    }
    return out;
}

QString formatTable(const QStringList& header, const QList<QStringList>& rows) {
    QList<qsizetype> widths;
    for (const QString& h : header)
        widths << h.size();
    for (const QStringList& r : rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], std::min<qsizetype>(r[i].size(), 60));
    auto line = [&](const QStringList& cells) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QString c = cells[i];
            c.replace(u'\n', u' ');
            c = terminalSafe(c);
            if (c.size() > 60)
                c = c.left(59) + u'…';
            padded << (i + 1 == cells.size() ? c : c.leftJustified(widths[i]));
        }
        return padded.join(u"  "_s);
    };
    QStringList out{line(header)};
    for (const QStringList& r : rows)
        out << line(r);
    return out.join(u'\n') + u'\n';
}

void printJson(CliContext& ctx, const QJsonValue& value) {
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    ctx.out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace tp::cli
