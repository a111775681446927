#!/usr/bin/env bash
# The case search by name, end to end, for two builds on the same installation, one after the other in one run: each
# jar is started on the same data folder (a loaded installation kept by `KEEP=1 bench/identification/run.sh`), the
# case manager signs in (SECRET_FILE holds the authenticator key the first run enrolled), the search page is warmed up
# and then measured with wrk (8 connections, the misspelt and reordered names of measure.sh, each search audited),
# and the platform is stopped. Prints requests/s, p50, p99 and the CPU per search of the JVM and of PostgreSQL for
# each, and the ratio B/A: on a shared machine compare within a run, not across runs.
#
#   JAR_A=old.jar JAR_B=new.jar KEPT=/tmp/opennrm-bench-identification.XXXX \
#       PASSWORD=bench-password-not-for-production bench/identification/search-ab.sh
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
HERE=$(cd "$(dirname "$0")" && pwd)
: "${JAR_A:?}" "${JAR_B:?}" "${KEPT:?the folder run.sh kept}" "${PASSWORD:?the demo password}"
PORT=${PORT:-18493}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
SECRET_FILE=${SECRET_FILE:-$KEPT/secret-casemanager}
QUERIES="$KEPT/search-queries.txt"
[[ -s "$QUERIES" ]] || { echo "no search queries in $KEPT (made by measure.sh)" >&2; exit 1; }
BASE="http://localhost:$PORT"
HZ=$(getconf CLK_TCK)
ticks() { local sum=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] || continue
    sum=$((sum + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$p/stat"))); done; echo "$sum"; }
measure() { # label jar
    local label=$1 jar=$2 log="$KEPT/ab-$1.log" pid pg app0 pg0
    OPENNRM_DATA_DIR="$KEPT/data" java -Xmx1g -jar "$jar" --server.port="$PORT" --opennrm.demo.enabled=true \
        --opennrm.demo.password="$PASSWORD" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "$BASE/login" && break
        kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
        sleep 1
    done
    local cookies="$KEPT/ab-cookies.txt"
    # a code is taken once per 30-s step: wait for the next step after the last sign-in
    sleep $((31 - $(date +%s) % 30))
    BASE="$BASE" USER_NAME=casemanager PASSWORD="$PASSWORD" COOKIES="$cookies" SECRET_FILE="$SECRET_FILE" \
        bash "$HERE/signin.sh"
    local cookie
    cookie=$(awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$cookies")
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/cases?q=Kolvanne")
    [[ "$status" == 200 ]] || { echo "$label: the search answered $status" >&2; kill "$pid"; exit 1; }
    pg=$(sed -n 's/.*Embedded PostgreSQL running on port \([0-9]*\).*/\1/p' "$log" | head -1)
    local pgmain
    pgmain=$(ss -ltnpH "sport = :$pg" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
    SEARCH_FILE="$QUERIES" wrk -c "$CONNECTIONS" -t "$THREADS" -d "${WARMUP}s" -H "Cookie: $cookie" \
        -s "$HERE/search.lua" "$BASE" >/dev/null 2>&1
    app0=$(ticks "$pid"); pg0=$(ticks "$pgmain" $(pgrep -P "$pgmain" || true))
    SEARCH_FILE="$QUERIES" wrk -c "$CONNECTIONS" -t "$THREADS" -d "${DURATION}s" --latency -H "Cookie: $cookie" \
        -s "$HERE/search.lua" "$BASE" >"$KEPT/ab-$label-wrk.log" 2>&1
    local app=$(( $(ticks "$pid") - app0 )) pgt=$(( $(ticks "$pgmain" $(pgrep -P "$pgmain" || true)) - pg0 ))
    kill "$pid"; for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    local rps p50 p99
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$KEPT/ab-$label-wrk.log")
    pct() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
        printf "%.1f", v }' "$KEPT/ab-$label-wrk.log"; }
    p50=$(pct 50%); p99=$(pct 99%)
    awk -v l="$label" -v r="$rps" -v a="$p50" -v b="$p99" -v app="$app" -v pg="$pgt" -v hz="$HZ" -v d="$DURATION" \
        'BEGIN { n = r * d; printf "%-3s %10s req/s  p50 %7s ms  p99 %7s ms  CPU per search: JVM %.2f ms, PostgreSQL %.2f ms\n",
            l, r, a, b, 1000 * app / hz / n, 1000 * pg / hz / n }' | tee -a "$KEPT/ab-summary.txt"
    grep -E "Answers other than 200|listed no case" "$KEPT/ab-$label-wrk.log" | tr '\n' ' '; echo
    echo "$rps" >"$KEPT/ab-$label-rps"
}
echo "== case search A/B on $(grep -c . "$QUERIES") queries, $CONNECTIONS connections, ${DURATION} s each ($(date -u +%FT%RZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
: >"$KEPT/ab-summary.txt"
measure A "$JAR_A"
measure B "$JAR_B"
awk -v a="$(cat "$KEPT/ab-A-rps")" -v b="$(cat "$KEPT/ab-B-rps")" 'BEGIN { printf "throughput B/A: %.2f\n", b / a }'
