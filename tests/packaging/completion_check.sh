#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The shell completions the CLI writes for itself, run in real bash, zsh and
# fish: commands, verbs, a kind after `plan add`, options per verb, the fixed
# values of an option, and file names where a file is asked for.
#   completion_check.sh COMPLETION_DIR
set -uo pipefail
dir=$1
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/trip-export.json"

expect() { # WHAT EXPECTED ACTUAL
    if [[ "$2" != "$3" ]]; then
        echo "FAIL ($1): expected [$2], got [$3]"; fail=1
    else
        echo "ok   ($1): $3"
    fi
}

# --- bash: the function that `complete -F` calls, with the words a shell would pass.
bash_complete() {
    bash --norc --noprofile -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _tripplanner_cli 2>/dev/null
        printf "%s\n" "${COMPREPLY[@]}" | sort | xargs' _ "$dir/tripplanner-cli" tripplanner-cli "$@"
}
expect "bash command" "trips" "$(bash_complete tr)"
expect "bash verbs" "add delete list show update" "$(bash_complete trips '')"
expect "bash kinds" "activity cost leg stay" "$(bash_complete plan add '')"
expect "bash option" "--status" "$(bash_complete trips list --st)"
expect "bash value" "planning" "$(bash_complete trips list --status pl)"
expect "bash mode" "train" "$(bash_complete plan add leg --mode tr)"
expect "bash after a global option" "suggest" "$(bash_complete --database-url sqlite:///x.db plan sug)"
expect "bash option of a kind" "--check-in --check-out" "$(bash_complete plan add stay --check)"
expect "bash file" "$work/trip-export.json" "$(bash_complete export --output "$work/trip-")"
expect "bash unknown" "" "$(bash_complete nosuchcommand '')"

# --- zsh: the autoloaded function with compadd and _files standing in for the
# completion system (they print what they are given, filtered as zsh would).
zsh_complete() {
    zsh -f -c '
        compadd() { [[ $1 == -- ]] && shift; local w; for w in "$@"; do [[ $w == ${words[CURRENT]}* ]] && print -- $w; done; }
        _files() { print -- "<files>"; }
        file=$1; shift
        words=() CURRENT=1
        source "$file" >/dev/null 2>&1
        words=(tripplanner-cli "$@"); CURRENT=${#words}
        _tripplanner-cli | sort | xargs' _ "$dir/_tripplanner-cli" "$@"
}
expect "zsh command" "trips" "$(zsh_complete tr)"
expect "zsh kinds" "activity cost leg stay" "$(zsh_complete plan add '')"
expect "zsh option" "--status" "$(zsh_complete trips list --st)"
expect "zsh value" "accommodation activities" "$(zsh_complete plan suggest --stage ac)"
expect "zsh file" "<files>" "$(zsh_complete plan import '')"
expect "zsh unknown" "" "$(zsh_complete nosuchcommand '')"

# --- fish: its own `complete -C`, which prints what fish would offer.
fish_complete() {
    fish --no-config -c "source '$dir/tripplanner-cli.fish'; complete -C'tripplanner-cli $1'" |
        cut -f1 | sort | xargs
}
expect "fish command" "trips" "$(fish_complete 'tr')"
expect "fish verbs" "add delete list" "$(fish_complete 'users ')"
expect "fish option" "--status" "$(fish_complete 'trips list --st')"
expect "fish value" "booked" "$(fish_complete 'plan add cost --status b')"
expect "fish kind option" "--check-in --check-out" "$(fish_complete 'plan add stay --check')"
expect "fish unknown" "" "$(fish_complete 'nosuchcommand ')"

exit $fail
