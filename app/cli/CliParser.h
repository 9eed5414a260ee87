// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

namespace tp::cli {

// One option as the shell completions need it: its names and whether it takes a value.
struct OptionSpec {
    QStringList names;   // "json", "h"
    QString valueName;   // empty for a flag
    QStringList choices; // the values it accepts, when they are a fixed few
};

// QCommandLineParser that remembers the options and positional arguments it
// is given (Qt's parser has no getter for them). The completion scripts for
// bash, zsh and fish are generated from these records, so a command's options
// are written once, where the command parses them.
class CliParser : public QCommandLineParser {
public:
    bool addOption(const QCommandLineOption& option);
    bool addOptions(const QList<QCommandLineOption>& options);
    QCommandLineOption addHelpOption();
    void addPositionalArgument(const QString& name, const QString& description, const QString& syntax = {});

    // The fixed values option `name` accepts, offered by the shell completions.
    void setChoices(const QString& name, const QStringList& values);

    const QList<OptionSpec>& optionSpecs() const { return m_options; }
    const QStringList& positionalNames() const { return m_positionals; }

private:
    QList<OptionSpec> m_options;
    QStringList m_positionals;
};

} // namespace tp::cli
