// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliParser.h"

namespace tp::cli {

bool CliParser::addOption(const QCommandLineOption& option) {
    m_options.append({option.names(), option.valueName(), {}});
    return QCommandLineParser::addOption(option);
}

bool CliParser::addOptions(const QList<QCommandLineOption>& options) {
    bool all = true;
    for (const QCommandLineOption& o : options)
        all = addOption(o) && all;
    return all;
}

QCommandLineOption CliParser::addHelpOption() {
    const QCommandLineOption help = QCommandLineParser::addHelpOption();
    m_options.append({help.names(), {}, {}});
    return help;
}

void CliParser::setChoices(const QString& name, const QStringList& values) {
    for (OptionSpec& o : m_options)
        if (o.names.contains(name))
            o.choices = values;
}

void CliParser::addPositionalArgument(const QString& name, const QString& description,
                                      const QString& syntax) {
    m_positionals.append(name);
    QCommandLineParser::addPositionalArgument(name, description, syntax);
}

} // namespace tp::cli
