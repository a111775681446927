#!/usr/bin/env bash
# Identification benchmark (issue 4): loads synthetic cases, then measures the NRM queue page and the case page
# under concurrent load next to PostgreSQL's own pgbench on the same embedded server.
#
#   CASES=100000 bench/identification/run.sh
#
# Settings (environment): WARMUP (seconds of unmeasured load before each measurement, default 10, followed by 10-s
# runs until one gains less than 2 % on the run before, at most WARMUP_MAX = 180 s in all), CASES (default 100000), PORT (HTTP, default 18484), DURATION (seconds per
# measurement, default 30), CONNECTIONS (default 8), THREADS (default 2), TARGET (Maven build folder, default
# target-bench4; the jar is built there on every run), JAR (a jar to measure instead), KEEP=1 keeps the data folder
# and logs for inspection.
set -euo pipefail

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CASES=${CASES:-100000}
PORT=${PORT:-18484}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
TARGET=${TARGET:-target-bench4}
PASSWORD=bench-password-not-for-production
USER_NAME=casemanager
BASE="http://localhost:$PORT"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need pgbench || ! need createdb || ! need psql; then
    echo "== installing wrk and postgresql-client"
    apt-get -o DPkg::Lock::Timeout=120 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq wrk postgresql-client >/dev/null
fi
# pgbench lives in the versioned folder of postgresql-client on Debian and Ubuntu
if ! need pgbench; then
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    export PATH="$PGBIN:$PATH"
fi
need python3 || { echo "python3 is needed for the TOTP code" >&2; exit 1; }

# built every time (Maven only recompiles what changed): a jar left from earlier code would be measured silently.
# JAR=path measures a jar built elsewhere instead.
if [[ -z "${JAR:-}" ]]; then
    echo "== building the platform jar into platform/$TARGET"
    (cd "$ROOT" && ./mvnw -q -pl platform -am package -Dopennrm.target="$TARGET" -Dmaven.test.skip=true \
        -Dspotless.check.skip=true)
    JAR=$(ls "$ROOT"/platform/"$TARGET"/opennrm-platform*.jar | grep -v plain | head -1)
fi

WORK=$(mktemp -d /tmp/opennrm-bench-identification.XXXXXX)
LOG="$WORK/platform.log"
APP_PID=
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    fi
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

echo "== starting the platform ($CASES synthetic cases) on port $PORT; data in $WORK/data"
OPENNRM_DATA_DIR="$WORK/data" java -Xmx1g -jar "$JAR" \
    --server.port="$PORT" \
    --opennrm.demo.enabled=true \
    --opennrm.demo.synthetic-cases="$CASES" \
    --opennrm.demo.password="$PASSWORD" >"$LOG" 2>&1 &
APP_PID=$!

# ready and loaded: the seed logs its summary after the application has started
for i in $(seq 1 7200); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "the platform stopped; last lines of its log:" >&2; tail -40 "$LOG" >&2; exit 1
    fi
    if grep -q "Synthetic cases loaded\|Synthetic cases: .* none to add" "$LOG"; then break; fi
    if (( i % 60 == 0 )); then grep "Synthetic cases" "$LOG" | tail -1 || true; fi
    sleep 1
done
grep -q "Synthetic cases loaded\|none to add" "$LOG" || { echo "loading did not finish" >&2; exit 1; }
LOAD_LINE=$(grep "Synthetic cases loaded\|none to add" "$LOG" | tail -1 | sed 's/.*Synthetic cases/Synthetic cases/')
echo "$LOAD_LINE"

PG_PORT=$(sed -n 's/.*Embedded PostgreSQL running on port \([0-9]*\).*/\1/p' "$LOG" | head -1)
[[ -n "$PG_PORT" ]] || { echo "no embedded PostgreSQL port in the log" >&2; exit 1; }

CASES=$CASES PORT=$PORT PG_PORT=$PG_PORT PASSWORD=$PASSWORD WORK=$WORK DURATION=$DURATION CONNECTIONS=$CONNECTIONS \
    THREADS=$THREADS LOAD_LINE="$LOAD_LINE" APP_PID=$APP_PID DATA_DIR="$WORK/data" "$HERE/measure.sh"
