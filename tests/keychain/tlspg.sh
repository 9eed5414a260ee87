#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A second throwaway PostgreSQL 15 server for the connection-probe tests that
# accepts only TLS: ssl = on with a self-signed certificate made here, and a
# pg_hba.conf with nothing but `hostssl` lines.
#
#   tlspg.sh start DIR   initdb DIR/data, make the certificate, start, write DIR/env
#   tlspg.sh stop DIR    stop it (idempotent)
#
# User tp_tls / tp_tls_pw, database tls_test. When run as root the server runs
# as `postgres`.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly USER_NAME=tp_tls
readonly USER_PW=tp_tls_pw
readonly DB_NAME=tls_test
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE PGDATA 2>/dev/null || true

die() { echo "tlspg.sh: error: $*" >&2; exit 1; }

as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$DIR" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cmd_start() {
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
    command -v openssl >/dev/null || die "openssl not found"
    [[ ! -e $DIR/data ]] || die "$DIR/data already exists"
    mkdir -p "$DIR/run"
    if [[ $EUID -eq 0 ]]; then chown -R postgres: "$DIR"; fi

    local port pwfile=$DIR/.pwfile
    port=$(free_port)
    (umask 077 && printf '%s\n' "$USER_PW" >"$pwfile")
    if [[ $EUID -eq 0 ]]; then chown postgres: "$pwfile"; fi
    as_owner "$PG_BIN/initdb" -D "$DIR/data" -U "$USER_NAME" --pwfile="$pwfile" --auth-local=scram-sha-256 \
        --auth-host=scram-sha-256 --encoding=UTF8 --no-locale --no-instructions >"$DIR/initdb.log" 2>&1 ||
        { tail -n 20 "$DIR/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"

    # A self-signed certificate for 127.0.0.1, valid for a day.
    as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
        -keyout "$DIR/data/server.key" -out "$DIR/data/server.crt" >"$DIR/openssl.log" 2>&1 ||
        { cat "$DIR/openssl.log" >&2; die "openssl could not make a certificate"; }
    as_owner chmod 600 "$DIR/data/server.key"

    printf '%s\n' "" "# --- tlspg.sh ---" "listen_addresses = '127.0.0.1'" "port = $port" \
        "unix_socket_directories = '$DIR/run'" "ssl = on" "ssl_cert_file = 'server.crt'" \
        "ssl_key_file = 'server.key'" "fsync = off" "max_connections = 20" |
        as_owner tee -a "$DIR/data/postgresql.conf" >/dev/null
    # TLS only: no `host` or `local` lines.
    printf '%s\n' "hostssl all all 127.0.0.1/32 scram-sha-256" | as_owner tee "$DIR/data/pg_hba.conf" >/dev/null

    as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 30 start >"$DIR/pg_ctl.log" 2>&1 ||
        { tail -n 20 "$DIR/postgres.log" >&2; die "postgres failed to start"; }
    local i
    for ((i = 0; i < 150; i++)); do
        if PGPASSWORD=$USER_PW PGSSLMODE=require psql -X -q -h 127.0.0.1 -p "$port" -U "$USER_NAME" -d postgres \
            -c "CREATE DATABASE $DB_NAME" >/dev/null 2>"$DIR/psql.err"; then
            break
        fi
        sleep 0.2
    done
    ((i < 150)) || { cat "$DIR/psql.err" >&2; die "server did not accept TLS connections"; }
    printf '%s\n' "TP_TLS_PG_PORT=$port" \
        "TP_TLS_PG_URL=postgresql://$USER_NAME:$USER_PW@127.0.0.1:$port/$DB_NAME" >"$DIR/env.tmp"
    mv "$DIR/env.tmp" "$DIR/env"
    echo "tlspg: TLS-only postgres on 127.0.0.1:$port ($DIR/env)"
}

cmd_stop() {
    if [[ ! -d $DIR/data ]]; then
        echo "tlspg: nothing to stop in $DIR"
        return 0
    fi
    if [[ -f $DIR/data/postmaster.pid ]]; then
        as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate -w -t 30 stop >>"$DIR/pg_ctl.log" 2>&1 || true
    fi
    echo "tlspg: stopped ($DIR)"
}

[[ $# -eq 2 ]] || { echo "usage: tlspg.sh start|stop DIR" >&2; exit 2; }
DIR=$(realpath -m -- "$2")
readonly DIR
case $1 in
    start) cmd_start ;;
    stop) cmd_stop ;;
    *) echo "usage: tlspg.sh start|stop DIR" >&2; exit 2 ;;
esac
