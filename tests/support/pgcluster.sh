#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Throwaway PostgreSQL 15 server + PgBouncer (transaction pooling) on 127.0.0.1
# for the test suite.
#
#   pgcluster.sh start    DIR        initdb DIR/data, start postgres + pgbouncer, write DIR/env
#   pgcluster.sh stop     DIR        stop both (idempotent, never fails if already stopped)
#   pgcluster.sh restart  DIR        restart postgres only (same port), wait until ready
#   pgcluster.sh createdb DIR NAME   create database NAME
#   pgcluster.sh dropdb   DIR NAME   drop database NAME (WITH (FORCE), IF EXISTS)
#
# Superuser tp_admin / tp_admin_pw, scram-sha-256 everywhere. Logs: DIR/postgres.log,
# DIR/pgbouncer.log. When run as root, the server processes run as `postgres`.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly PGBOUNCER_BIN=${PGBOUNCER_BIN:-/usr/sbin/pgbouncer}
readonly ADMIN_USER=tp_admin
readonly ADMIN_PW=tp_admin_pw
readonly TEST_DB=tripplanner_test
readonly READY_TIMEOUT=30

# Connection parameters from the caller's environment must not leak into ours.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGPASSFILE PGSERVICE \
      PGSERVICEFILE PGOPTIONS PGSSLMODE PGREQUIRESSL PGCHANNELBINDING PGDATA 2>/dev/null || true

die() { echo "pgcluster.sh: error: $*" >&2; exit 1; }
note() { echo "pgcluster.sh: $*" >&2; }

usage() {
    cat >&2 <<'EOF'
usage: pgcluster.sh start DIR
       pgcluster.sh stop DIR
       pgcluster.sh restart DIR
       pgcluster.sh createdb DIR NAME
       pgcluster.sh dropdb DIR NAME
EOF
    exit 2
}

# Run a server-side program (initdb, pg_ctl, pgbouncer): they refuse to run as root.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$DIR" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

python_bin() {
    if [[ -x /usr/bin/python3 ]]; then echo /usr/bin/python3; else command -v python3 || die "python3 not found"; fi
}

# Two distinct free TCP ports on 127.0.0.1 (both sockets held open while choosing).
pick_ports() {
    "$(python_bin)" - <<'EOF'
import socket
socks = []
for _ in range(2):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
EOF
}

url() { echo "postgresql://${ADMIN_USER}:${ADMIN_PW}@127.0.0.1:$1/$2"; }

# Read a KEY=VALUE line from DIR/env without sourcing it.
env_value() {
    local key=$1 line
    [[ -r $DIR/env ]] || die "$DIR/env not found: was 'pgcluster.sh start $DIR' run?"
    line=$(grep -E "^${key}=" "$DIR/env" | tail -n 1) || die "$key missing from $DIR/env"
    echo "${line#*=}"
}

psql_admin() {  # psql_admin PORT DB [psql args...]
    local port=$1 db=$2; shift 2
    PGPASSWORD=$ADMIN_PW PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$port" -U "$ADMIN_USER" -d "$db" "$@"
}

wait_for_sql() {  # wait_for_sql PORT DB WHAT LOG
    local port=$1 db=$2 what=$3 log=$4 i err=""
    for ((i = 0; i < READY_TIMEOUT * 5; i++)); do
        if err=$(psql_admin "$port" "$db" -tA -c 'select 1' 2>&1 >/dev/null); then
            return 0
        fi
        sleep 0.2
    done
    echo "--- last error: $err" >&2
    echo "--- tail of $log:" >&2
    tail -n 20 "$log" >&2 || true
    die "$what on port $port did not accept connections within ${READY_TIMEOUT}s"
}

pg_running() { [[ -f $DIR/data/postmaster.pid ]] && as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

bouncer_pid() {  # prints the pid if our pgbouncer is alive
    local pid
    [[ -f $DIR/pgbouncer.pid ]] || return 1
    pid=$(<"$DIR/pgbouncer.pid")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == pgbouncer ]] || return 1
    echo "$pid"
}

cmd_start() {
    [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
    [[ -x $PGBOUNCER_BIN ]] || die "pgbouncer not found at $PGBOUNCER_BIN"
    command -v psql >/dev/null || die "psql not found on PATH"
    if [[ -e $DIR/data ]]; then
        die "$DIR/data already exists; run 'pgcluster.sh stop $DIR' and remove $DIR, or use a new DIR"
    fi

    mkdir -p "$DIR"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
        chown postgres: "$DIR"
        runuser -u postgres -- test -w "$DIR" ||
            die "user postgres cannot write to $DIR (is a parent directory not searchable?)"
    fi

    local sockdir=$DIR/run
    # Unix socket paths are limited to 107 bytes: "$sockdir/.s.PGSQL.65535".
    (( ${#sockdir} + 17 <= 107 )) || die "DIR path too long for a unix socket path: $DIR"

    local ports pg_port bouncer_port
    ports=$(pick_ports) || die "could not pick free TCP ports"
    read -r pg_port bouncer_port <<<"$ports"

    # --- PostgreSQL -------------------------------------------------------
    local pwfile=$DIR/.pwfile
    (umask 077 && printf '%s\n' "$ADMIN_PW" >"$pwfile")
    mkdir -p "$sockdir"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$pwfile" "$sockdir"; fi
    if ! as_owner "$PG_BIN/initdb" -D "$DIR/data" -U "$ADMIN_USER" --pwfile="$pwfile" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
            --encoding=UTF8 --no-locale --no-instructions >"$DIR/initdb.log" 2>&1; then
        tail -n 20 "$DIR/initdb.log" >&2
        die "initdb failed (see $DIR/initdb.log)"
    fi
    rm -f "$pwfile"

    as_owner tee -a "$DIR/data/postgresql.conf" >/dev/null <<EOF

# --- pgcluster.sh test settings ---
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$sockdir'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    as_owner tee "$DIR/data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  scram-sha-256
host    all       all   127.0.0.1/32   scram-sha-256
host    all       all   ::1/128        scram-sha-256
EOF

    if ! as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t "$READY_TIMEOUT" \
            start >"$DIR/pg_ctl.log" 2>&1; then
        tail -n 20 "$DIR/postgres.log" >&2 || true
        die "postgres failed to start (see $DIR/postgres.log)"
    fi
    wait_for_sql "$pg_port" postgres "postgres" "$DIR/postgres.log"
    psql_admin "$pg_port" postgres -c "CREATE DATABASE $TEST_DB" ||
        die "could not create database $TEST_DB"

    # --- PgBouncer --------------------------------------------------------
    # auth_file holds the SCRAM verifier taken from pg_authid: PgBouncer then checks
    # clients with SCRAM and can log in to the server with the same secret.
    local secret
    secret=$(psql_admin "$pg_port" postgres -tA \
        -c "select rolpassword from pg_authid where rolname = '$ADMIN_USER'") ||
        die "could not read the SCRAM secret of $ADMIN_USER"
    [[ $secret == SCRAM-SHA-256\$* ]] || die "unexpected password secret for $ADMIN_USER (not SCRAM)"
    (umask 077 && printf '"%s" "%s"\n' "$ADMIN_USER" "$secret" >"$DIR/pgbouncer_users.txt")

    cat >"$DIR/pgbouncer.ini" <<EOF
[databases]
* = host=127.0.0.1 port=$pg_port

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir = $sockdir
auth_type = scram-sha-256
auth_file = $DIR/pgbouncer_users.txt
admin_users = $ADMIN_USER
stats_users = $ADMIN_USER
pool_mode = transaction
max_client_conn = 200
default_pool_size = 5
ignore_startup_parameters = extra_float_digits,options
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
EOF
    if [[ $EUID -eq 0 ]]; then chown postgres: "$DIR/pgbouncer.ini" "$DIR/pgbouncer_users.txt"; fi

    if ! as_owner "$PGBOUNCER_BIN" -d "$DIR/pgbouncer.ini" >"$DIR/pgbouncer.stdout" 2>&1; then
        cat "$DIR/pgbouncer.stdout" >&2
        tail -n 20 "$DIR/pgbouncer.log" >&2 || true
        die "pgbouncer failed to start (see $DIR/pgbouncer.log)"
    fi
    wait_for_sql "$bouncer_port" "$TEST_DB" "pgbouncer" "$DIR/pgbouncer.log"

    local envtmp=$DIR/env.tmp
    cat >"$envtmp" <<EOF
TP_TEST_PG_URL=$(url "$pg_port" "$TEST_DB")
TP_TEST_PGBOUNCER_URL=$(url "$bouncer_port" "$TEST_DB")
TP_TEST_PG_ADMIN_URL=$(url "$pg_port" postgres)
TP_TEST_PG_DIR=$DIR
TP_TEST_PG_PORT=$pg_port
TP_TEST_PGBOUNCER_PORT=$bouncer_port
EOF
    mv "$envtmp" "$DIR/env"
    echo "pgcluster: postgres 127.0.0.1:$pg_port, pgbouncer 127.0.0.1:$bouncer_port (transaction pooling), db $TEST_DB, env $DIR/env"
}

cmd_stop() {
    if [[ ! -d $DIR ]]; then
        note "$DIR does not exist; nothing to stop"
        return 0
    fi
    local pid i
    if pid=$(bouncer_pid); then
        kill -TERM "$pid" 2>/dev/null || true   # 1.18: SIGTERM = immediate shutdown
        for ((i = 0; i < 50; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            note "pgbouncer (pid $pid) did not exit, sending SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$DIR/pgbouncer.pid"
    if pg_running; then
        as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w -t "$READY_TIMEOUT" stop >>"$DIR/pg_ctl.log" 2>&1 ||
            note "pg_ctl stop reported an error (see $DIR/pg_ctl.log)"
    fi
    echo "pgcluster: stopped ($DIR)"
}

cmd_restart() {
    [[ -d $DIR/data ]] || die "no cluster in $DIR/data"
    local port
    port=$(env_value TP_TEST_PG_PORT)
    if ! as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -m fast -w -t "$READY_TIMEOUT" \
            restart >>"$DIR/pg_ctl.log" 2>&1; then
        tail -n 20 "$DIR/postgres.log" >&2 || true
        die "pg_ctl restart failed (see $DIR/postgres.log)"
    fi
    wait_for_sql "$port" postgres "postgres" "$DIR/postgres.log"
    echo "pgcluster: postgres restarted on 127.0.0.1:$port"
}

check_name() {
    [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "invalid database name '$1' (use [A-Za-z_][A-Za-z0-9_]*)"
}

cmd_createdb() {
    check_name "$1"
    psql_admin "$(env_value TP_TEST_PG_PORT)" postgres -c "CREATE DATABASE \"$1\"" ||
        die "could not create database $1"
    echo "pgcluster: created database $1"
}

cmd_dropdb() {
    check_name "$1"
    psql_admin "$(env_value TP_TEST_PG_PORT)" postgres -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" ||
        die "could not drop database $1"
    echo "pgcluster: dropped database $1"
}

[[ $# -ge 2 ]] || usage
action=$1
DIR=$(realpath -m -- "$2")
readonly DIR

case $action in
    start)    [[ $# -eq 2 ]] || usage; cmd_start ;;
    stop)     [[ $# -eq 2 ]] || usage; cmd_stop ;;
    restart)  [[ $# -eq 2 ]] || usage; cmd_restart ;;
    createdb) [[ $# -eq 3 ]] || usage; cmd_createdb "$3" ;;
    dropdb)   [[ $# -eq 3 ]] || usage; cmd_dropdb "$3" ;;
    *)        usage ;;
esac
