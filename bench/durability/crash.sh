#!/usr/bin/env bash
# Crash benchmark (issue 18): does the packaged platform keep what it acknowledged when its database or the
# platform itself is killed (kill -9) at a random moment under load?
#
#   bench/durability/crash.sh
#
# On a fresh data folder it starts the packaged platform with its embedded PostgreSQL, sends referrals and case
# reads through the REST API from CLIENTS concurrent clients (half refer, half read case files), and kills, ROUNDS
# times each: the database's main process (the platform must start it again by itself), then the platform's JVM
# (restarted by this script; the new platform must stop the orphaned database first). Each kill comes after a
# random number of acknowledged referrals between MIN_ACKS and MIN_ACKS+149 of its round. After every kill it
# compares what the platform acknowledged and showed with the database and prints: acknowledged writes, missing
# ones, reused references, case files shown without an audit entry (goal: 0, 0, 0), and how many answers were
# 503 problems, 5xx, or errors without a problem body.
#
# Then the cost of durability, in the same run: the same jar against a PostgreSQL of the same binaries, started
# by this script, measured for RATE_SECONDS each with fsync, synchronous_commit and full_page_writes on, off, and
# on again (referrals per second through the API, and pgbench read-write).
#
# Settings (environment): ROUNDS (5), CLIENTS (16), MIN_ACKS (300), RATE_SECONDS (20), PORT (HTTP, 18686),
# PG_PORT (embedded database, 18687), EXT_PORT (the measured PostgreSQL, 18688), JAR (a jar to use instead of
# building platform/target/opennrm-platform.jar), KEEP=1 keeps the work folder. Talks to 127.0.0.1 only; every
# wait is bounded; it stops its platform and servers when it ends.
set -euo pipefail

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROUNDS=${ROUNDS:-5}
CLIENTS=${CLIENTS:-16}
MIN_ACKS=${MIN_ACKS:-300}
RATE_SECONDS=${RATE_SECONDS:-20}
PORT=${PORT:-18686}
PG_PORT=${PG_PORT:-18687}
EXT_PORT=${EXT_PORT:-18688}
BASE="http://127.0.0.1:$PORT"
PASSWORD=crash-bench-password-not-for-production

for tool in curl psql pgbench python3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (Debian: apt-get install curl postgresql-client python3)" >&2; exit 1; }
done

if [[ -z "${JAR:-}" ]]; then
    echo "== building the platform jar"
    (cd "$ROOT" && ./mvnw -B -ntp -o -q -pl platform -am package -DskipTests)
    JAR="$ROOT/platform/target/opennrm-platform.jar"
fi

WORK=$(mktemp -d /tmp/opennrm-bench-durability.XXXXXX)
DATA="$WORK/data"
LEDGER="$WORK/ledger.tsv"
LOG="$WORK/platform.log"
APP_PID=
EXT_DATA=
CLIENT="java $HERE/CrashLoad.java"

# PostgreSQL's programs refuse root; as zonky does, run them unprivileged in a user namespace then
pg() { if [[ $(id -u) == 0 ]]; then unshare -U "$@"; else "$@"; fi; }

server_pid() { [[ -f "$1/postmaster.pid" ]] && head -1 "$1/postmaster.pid" || true; }

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    fi
    # a database left by a platform this script killed last (the platform stops it at its next start, and there is none)
    for folder in "$DATA/postgres" "$EXT_DATA"; do
        [[ -n "$folder" ]] || continue
        pid=$(server_pid "$folder")
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill -INT "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
    done
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# $1: port; further arguments: environment for the platform
start_platform() {
    local port=$1
    shift
    env "$@" java -Xmx768m -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 \
        --opennrm.demo.enabled=true --opennrm.demo.password="$PASSWORD" >>"$LOG" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 300); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "the platform stopped; last lines of its log:" >&2; tail -40 "$LOG" >&2; exit 1
        fi
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness") == 200 ]]; then
            return
        fi
        sleep 1
    done
    echo "the platform did not become ready in 300 s" >&2; exit 1
}

await_ready() {
    for _ in $(seq 1 300); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' "$1/actuator/health/readiness") == 200 ]] && return
        sleep 1
    done
    echo "not ready again within 300 s" >&2; exit 1
}

csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }

# a personal access token of a demo account: $1 base, $2 user, $3 grant; signs in through the pages
token_of() {
    local base=$1 user=$2 grant=$3 jar="$WORK/cookies-$2-$RANDOM"
    if [[ $user == casemanager ]]; then
        # a role that opens case files signs in with a second factor (enrolled at the first sign-in)
        BASE=$base USER_NAME=$user PASSWORD=$PASSWORD COOKIES=$jar SECRET_FILE="$WORK/secret-$user-${base##*:}" \
            "$ROOT/bench/identification/signin.sh"
    else
        local csrf
        csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf_of)
        curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" \
            --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" "$base/login"
    fi
    local csrf page
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/account/tokens" | csrf_of)
    page=$(curl -s -c "$jar" -b "$jar" --data-urlencode "name=crash benchmark" --data-urlencode "grants=$grant" \
        --data-urlencode "_csrf=$csrf" "$base/account/tokens")
    local value
    value=$(echo "$page" | sed -n 's/.*id="token-value"[^>]*value="\(onrm_[^"]*\)".*/\1/p' | head -1)
    [[ -n "$value" ]] || { echo "no token for $user" >&2; exit 1; }
    echo "$value"
}

app_psql() {
    PGPASSWORD=$(sed -n 's/^application=//p' "$DATA/database-passwords") \
        psql -h 127.0.0.1 -p "$PG_PORT" -U opennrm -d opennrm -X -q -At -F $'\t' "$@"
}

check() {
    app_psql -c "select id, reference from cases.case_file" >"$WORK/cases.tsv"
    app_psql -c "select record_id, count(*) from access.audit_entry where action = 'READ' and record_type = 'case'
                 group by record_id" >"$WORK/reads.tsv"
    $CLIENT check "$LEDGER" "$WORK/cases.tsv" "$WORK/reads.tsv"
}

echo "== work folder $WORK"
echo "== starting the platform on a fresh data folder (embedded PostgreSQL on port $PG_PORT)"
start_platform "$PORT" OPENNRM_DATA_DIR="$DATA" OPENNRM_DATABASE_PORT="$PG_PORT"
echo "durable settings of the running embedded server: $(app_psql -c "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')")"
REFERRER_TOKEN=$(token_of "$BASE" inspector referrals:create:organisation)
READER_TOKEN=$(token_of "$BASE" casemanager cases:read:all)

SUMMARY="$WORK/summary.txt"
for round in $(seq 1 "$ROUNDS"); do
    kill_after=$((MIN_ACKS + RANDOM % 150))
    echo "== database kill $round/$ROUNDS: kill -9 of the postgres main process after $kill_after acknowledged referrals"
    $CLIENT load "$BASE" "$REFERRER_TOKEN" "$READER_TOKEN" "$CLIENTS" "$LEDGER" "$kill_after" \
        "kill -9 \$(head -1 $DATA/postgres/postmaster.pid)" 20 300 | tee -a "$SUMMARY"
    grep -q "^killed" <(tail -n 20 "$SUMMARY") || { echo "the database was not killed: stopping" >&2; exit 1; }
    await_ready "$BASE"
    check | sed "s/^/database kill $round: /" | tee -a "$SUMMARY"
done

for round in $(seq 1 "$ROUNDS"); do
    kill_after=$((MIN_ACKS + RANDOM % 150))
    echo "== platform kill $round/$ROUNDS: kill -9 of the JVM after $kill_after acknowledged referrals"
    $CLIENT load "$BASE" "$REFERRER_TOKEN" "$READER_TOKEN" "$CLIENTS" "$LEDGER" "$kill_after" \
        "kill -9 $APP_PID" 0 300 | tee -a "$SUMMARY"
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$APP_PID" 2>/dev/null; then
        echo "the platform was not killed (too few acknowledged referrals?): stopping" >&2; exit 1
    fi
    orphan=$(server_pid "$DATA/postgres")
    if [[ -n "$orphan" ]] && kill -0 "$orphan" 2>/dev/null; then
        echo "the embedded PostgreSQL (process $orphan) outlived the killed platform; starting the platform again"
    fi
    start_platform "$PORT" OPENNRM_DATA_DIR="$DATA" OPENNRM_DATABASE_PORT="$PG_PORT"
    if [[ -n "$orphan" ]] && kill -0 "$orphan" 2>/dev/null; then
        echo "the orphan $orphan still runs after the platform's start" | tee -a "$SUMMARY"
    fi
    check | sed "s/^/platform kill $round: /" | tee -a "$SUMMARY"
done
echo "restarts of the database by the platform: $(grep -c 'runs again on port' "$LOG" || true);" \
    "orphans stopped at start: $(grep -c 'orphan PostgreSQL (process [0-9]*) on .* stopped' "$LOG" || true)" | tee -a "$SUMMARY"

BIN=$(dirname "$(readlink "/proc/$(server_pid "$DATA/postgres")/exe")")
kill "$APP_PID"
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
APP_PID=

echo "== the cost of durability: the same platform jar against PostgreSQL ($BIN) on port $EXT_PORT"
EXT_DATA="$WORK/external"
EXT_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
(umask 077 && echo "$EXT_PASSWORD" >"$WORK/external-password")
pg "$BIN/initdb" -A scram-sha-256 -U postgres --pwfile="$WORK/external-password" -E UTF-8 -D "$EXT_DATA" >/dev/null
pg "$BIN/pg_ctl" -D "$EXT_DATA" -o "-p $EXT_PORT -c listen_addresses=127.0.0.1 -c max_connections=200" -w \
    -l "$WORK/external.log" start >/dev/null
ext_psql() { PGPASSWORD=$EXT_PASSWORD psql -h 127.0.0.1 -p "$EXT_PORT" -U postgres -X -q -At "$@"; }
ext_psql -c "create database opennrm" -c "create database pgbench"
durable() {
    ext_psql -c "alter system set fsync = $1" -c "alter system set synchronous_commit = $1" \
        -c "alter system set full_page_writes = $1" -c "select pg_reload_conf()" >/dev/null
    sleep 1
    echo "settings: $(ext_psql -c "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings
                                    where name in ('fsync', 'synchronous_commit', 'full_page_writes')")"
}
RATE_PORT=$((PORT + 10))
start_platform "$RATE_PORT" OPENNRM_DATA_DIR="$WORK/external-platform" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$EXT_PORT/opennrm" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD="$EXT_PASSWORD"
RATE_TOKEN=$(token_of "http://127.0.0.1:$RATE_PORT" inspector referrals:create:organisation)
PGPASSWORD=$EXT_PASSWORD pgbench -h 127.0.0.1 -p "$EXT_PORT" -U postgres -i -s 10 -q pgbench >/dev/null 2>&1
durable on >/dev/null
$CLIENT rate "http://127.0.0.1:$RATE_PORT" "$RATE_TOKEN" "$CLIENTS" 10 >/dev/null   # warm-up, not counted
for setting in on off on; do
    echo "-- durable settings $setting: $(durable $setting)" | tee -a "$SUMMARY"
    echo "referrals: $($CLIENT rate "http://127.0.0.1:$RATE_PORT" "$RATE_TOKEN" "$CLIENTS" "$RATE_SECONDS")" | tee -a "$SUMMARY"
    tps=$(PGPASSWORD=$EXT_PASSWORD pgbench -h 127.0.0.1 -p "$EXT_PORT" -U postgres -n -c 8 -j 2 -T "$RATE_SECONDS" pgbench \
        2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    echo "pgbench read-write (8 clients): $tps tps" | tee -a "$SUMMARY"
done
kill "$APP_PID"
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
APP_PID=
pg "$BIN/pg_ctl" -D "$EXT_DATA" -m fast -w stop >/dev/null

echo
echo "== summary ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$ROOT" rev-parse --short HEAD))"
cat "$SUMMARY"
