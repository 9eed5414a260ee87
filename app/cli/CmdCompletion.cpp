// SPDX-License-Identifier: GPL-3.0-or-later
// `tripplanner-cli completion bash|zsh|fish`: the shell completion scripts,
// generated from the commands' own option definitions. Every command is run
// with the listing switched on, so its parser throws what it was given
// (OptionsListed) instead of parsing; nothing is opened or written.
#include "CliContext.h"

#include <QMap>

#include <optional>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {

// One point in the command tree: "", "users", "users add", "plan add stay".
struct Node {
    QStringList words;                  // what may come next: commands, verbs, kinds
    QStringList options;                // every spelling: "--json", "-h", "--help"
    QStringList valued;                 // the spellings that take a value
    QStringList fileOptions;            // the valued ones whose value is a file
    QMap<QString, QStringList> choices; // option spelling -> the values it accepts
    bool fileArguments = false;         // a positional argument is a file
};
using Tree = QMap<QString, Node>;

bool isFileName(const QString& name) {
    return name == u"file" || name == u"path" || name == u"files";
}

void addOption(Node& node, const OptionSpec& o) {
    for (const QString& name : o.names) {
        const QString spelling = (name.size() == 1 ? u"-"_s : u"--"_s) + name;
        node.options.append(spelling);
        if (o.valueName.isEmpty())
            continue;
        node.valued.append(spelling);
        if (isFileName(o.valueName))
            node.fileOptions.append(spelling);
        if (!o.choices.isEmpty())
            node.choices.insert(spelling, o.choices);
    }
}

// What `command args` accepts, or nothing when it takes none of its own.
std::optional<OptionsListed> listing(CliContext& ctx, const Command& c, const QStringList& args) {
    setListingOptions(true);
    std::optional<OptionsListed> found;
    try {
        c.run(ctx, args);
    } catch (const OptionsListed& listed) {
        found = listed;
    } catch (...) {
        // A verb that wants more words first (`plan add` before its kind).
    }
    setListingOptions(false);
    return found;
}

void fill(Node& node, const OptionsListed& listed) {
    for (const OptionSpec& o : listed.options)
        addOption(node, o);
    for (const QString& p : listed.positionals)
        node.fileArguments = node.fileArguments || isFileName(p);
}

// "add=stay leg;stage=next back" -> {add: [stay, leg], stage: [next, back]}
QMap<QString, QStringList> verbWords(const char* spec) {
    QMap<QString, QStringList> out;
    for (const QString& entry : QString::fromLatin1(spec ? spec : "").split(u';', Qt::SkipEmptyParts))
        out.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1).split(u' ', Qt::SkipEmptyParts));
    return out;
}

Tree commandTree(CliContext& ctx) {
    Tree tree;
    Node& root = tree[QString()];
    root.options = {u"--database-url"_s, u"--help"_s, u"-h"_s, u"--version"_s};
    root.valued = {u"--database-url"_s};
    for (const Command& c : commands()) {
        const QString name = QString::fromLatin1(c.name);
        tree[QString()].words.append(name);
        const QStringList verbs = QString::fromLatin1(c.verbs ? c.verbs : "").split(u' ', Qt::SkipEmptyParts);
        Node& group = tree[name];
        if (verbs.isEmpty()) {
            if (const auto listed = listing(ctx, c, {}))
                fill(group, *listed);
            continue;
        }
        group.words = verbs;
        group.options = {u"--help"_s, u"-h"_s};
        const QMap<QString, QStringList> more = verbWords(c.verbWords);
        for (const QString& verb : verbs) {
            const QString path = name + u' ' + verb;
            if (more.contains(verb)) {
                tree[path].words = more.value(verb);
                tree[path].options = {u"--help"_s, u"-h"_s};
                for (const QString& word : more.value(verb)) {
                    if (const auto listed = listing(ctx, c, {verb, word}))
                        fill(tree[path + u' ' + word], *listed);
                }
            } else if (const auto listed = listing(ctx, c, {verb})) {
                fill(tree[path], *listed);
            }
        }
    }
    return tree;
}

// A shell `case` over the nodes, each branch printing `values(node)`
// space-separated (bash, zsh) or one per line (fish).
template <class Values>
QString caseFunction(const QString& name, const Tree& tree, Values values, bool fish = false) {
    QString s = fish ? u"function %1\n    switch \"$argv[1]\"\n"_s.arg(name)
                     : u"%1() {\n    case $1 in\n"_s.arg(name);
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        const QStringList v = values(it.value());
        if (v.isEmpty())
            continue;
        if (fish)
            s += u"        case '%1'\n            printf '%s\\n' %2\n"_s.arg(it.key(), v.join(u' '));
        else
            s += u"    '%1') echo '%2' ;;\n"_s.arg(it.key(), v.join(u' '));
    }
    s += fish ? u"    end\nend\n\n"_s : u"    esac\n}\n\n"_s;
    return s;
}

// The data both bash and zsh read (their `case` and `echo` agree).
QString shellData(const Tree& tree) {
    QString s;
    s += caseFunction(u"_tripplanner_cli_words"_s, tree, [](const Node& n) { return n.words; });
    s += caseFunction(u"_tripplanner_cli_options"_s, tree, [](const Node& n) { return n.options; });
    s += caseFunction(u"_tripplanner_cli_valued"_s, tree, [](const Node& n) { return n.valued; });
    s += caseFunction(u"_tripplanner_cli_file_options"_s, tree, [](const Node& n) { return n.fileOptions; });
    s += u"_tripplanner_cli_choices() {\n    case \"$1 $2\" in\n"_s;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        for (auto c = it->choices.cbegin(); c != it->choices.cend(); ++c)
            s += u"    '%1 %2') echo '%3' ;;\n"_s.arg(it.key(), c.key(), c.value().join(u' '));
    s += u"    esac\n}\n\n_tripplanner_cli_takes_files() {\n    case $1 in\n"_s;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        if (it->fileArguments)
            s += u"    '%1') return 0 ;;\n"_s.arg(it.key());
    s += u"    esac\n    return 1\n}\n\n"_s;
    // The node: the command words typed so far, options and their values skipped.
    s += uR"sh(_tripplanner_cli_node() {
    local node='' next w skip=0
    for w in "$@"; do
        if ((skip)); then
            skip=0
        elif [[ $w == -* ]]; then
            [[ " $(_tripplanner_cli_valued "$node") " == *" $w "* ]] && skip=1
        else
            next=$(_tripplanner_cli_words "$node")
            if [[ " $next " == *" $w "* ]]; then
                node=${node:+$node }$w
            elif [[ -n $next ]]; then
                node='?' # an unknown command or verb: nothing more to offer
            fi
        fi
    done
    echo "$node"
}

)sh"_s;
    return s;
}

const char* const header = "# Generated by `tripplanner-cli completion %1` from the commands' own options.\n"
                           "# SPDX-License-Identifier: GPL-3.0-or-later\n";

QString bashScript(const Tree& tree) {
    QString s = u"%1\n"_s.arg(QString::fromLatin1(header).arg(u"bash"_s)) + shellData(tree);
    s += uR"sh(_tripplanner_cli() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} node
    node=$(_tripplanner_cli_node "${COMP_WORDS[@]:1:COMP_CWORD-1}")
    COMPREPLY=()
    if [[ $prev == -* && " $(_tripplanner_cli_valued "$node") " == *" $prev "* ]]; then
        if [[ " $(_tripplanner_cli_file_options "$node") " == *" $prev "* ]]; then
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_tripplanner_cli_choices "$node" "$prev")" -- "$cur"))
        fi
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_tripplanner_cli_options "$node")" -- "$cur"))
    elif [[ -n $(_tripplanner_cli_words "$node") ]]; then
        COMPREPLY=($(compgen -W "$(_tripplanner_cli_words "$node")" -- "$cur"))
    elif _tripplanner_cli_takes_files "$node"; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}
complete -F _tripplanner_cli tripplanner-cli
)sh"_s;
    return s;
}

QString zshScript(const Tree& tree) {
    // The file is autoloaded as the function _tripplanner-cli: running it
    // defines the helpers and the real function, then calls it.
    QString s = u"#compdef tripplanner-cli\n"_s + QString::fromLatin1(header).arg(u"zsh"_s) + u"\n"_s +
                shellData(tree);
    s += uR"sh(_tripplanner-cli() {
    local cur=${words[CURRENT]} prev=${words[CURRENT-1]} node
    node=$(_tripplanner_cli_node "${(@)words[2,CURRENT-1]}")
    if [[ $prev == -* && " $(_tripplanner_cli_valued "$node") " == *" $prev "* ]]; then
        if [[ " $(_tripplanner_cli_file_options "$node") " == *" $prev "* ]]; then
            _files
        else
            compadd -- ${=$(_tripplanner_cli_choices "$node" "$prev")}
        fi
    elif [[ $cur == -* ]]; then
        compadd -- ${=$(_tripplanner_cli_options "$node")}
    elif [[ -n $(_tripplanner_cli_words "$node") ]]; then
        compadd -- ${=$(_tripplanner_cli_words "$node")}
    elif _tripplanner_cli_takes_files "$node"; then
        _files
    fi
}

_tripplanner-cli "$@"
)sh"_s;
    return s;
}

QString fishScript(const Tree& tree) {
    QString s = QString::fromLatin1(header).arg(u"fish"_s) + u"\n"_s;
    s += caseFunction(
        u"__tripplanner_cli_words"_s, tree, [](const Node& n) { return n.words; }, true);
    s += caseFunction(
        u"__tripplanner_cli_valued"_s, tree, [](const Node& n) { return n.valued; }, true);
    s += uR"sh(# The command words typed so far (options and their values skipped).
function __tripplanner_cli_node
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l node ''
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $t
            if contains -- $t (__tripplanner_cli_valued "$node")
                set skip 1
            end
        else
            set -l next (__tripplanner_cli_words "$node")
            if contains -- $t $next
                set node (string trim -- "$node $t")
            else if test -n "$next"
                set node '?' # an unknown command or verb: nothing more to offer
            end
        end
    end
    echo $node
end

function __tripplanner_cli_at
    set -l node (__tripplanner_cli_node)
    test "$node" = "$argv[1]"
end

complete -c tripplanner-cli -f
)sh"_s;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it) {
        const Node& n = it.value();
        const QString at = u"-n \"__tripplanner_cli_at '%1'\""_s.arg(it.key());
        if (!n.words.isEmpty())
            s += u"complete -c tripplanner-cli %1 -a '%2'\n"_s.arg(at, n.words.join(u' '));
        if (n.fileArguments)
            s += u"complete -c tripplanner-cli %1 -F\n"_s.arg(at);
        for (const QString& spelling : n.options) {
            const bool isLong = spelling.startsWith(u"--"_s);
            QString line = u"complete -c tripplanner-cli %1 %2 %3"_s.arg(at, isLong ? u"-l"_s : u"-s"_s,
                                                                         spelling.mid(isLong ? 2 : 1));
            if (n.valued.contains(spelling))
                line += n.fileOptions.contains(spelling) ? u" -r -F"_s : u" -x"_s; // -x: a value, not a file
            if (n.choices.contains(spelling))
                line += u" -a '%1'"_s.arg(n.choices.value(spelling).join(u' '));
            s += line + u'\n';
        }
    }
    return s;
}

} // namespace

int cmdCompletion(CliContext& ctx, const QStringList& args) {
    const QString shell = args.value(0);
    CliParser p;
    p.addHelpOption();
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "completion bash|zsh|fish: print the shell's completion script.\n"
                   "Packages install them; by hand, for example:\n"
                   "  tripplanner-cli completion bash > ~/.local/share/bash-completion/"
                   "completions/tripplanner-cli"));
    if (shell != u"bash" && shell != u"zsh" && shell != u"fish") {
        if (shell == u"--help" || shell == u"-h")
            throw HelpRequested{helpTextOf(p)};
        throw UsageError{QCoreApplication::translate("tp::cli", "completion needs bash, zsh or fish")};
    }
    parseOrThrow(p, args.mid(1), 0, 0);
    const Tree tree = commandTree(ctx);
    ctx.out << (shell == u"bash" ? bashScript(tree) : shell == u"zsh" ? zshScript(tree) : fishScript(tree));
    return 0;
}

} // namespace tp::cli
