#!/usr/bin/env bash
# Two builds of the platform side by side on one loaded installation (kept by `KEEP=1 bench/identification/run.sh`):
# node X (JAR_X, default JAR_A) owns the embedded PostgreSQL of the kept data folder; node A (JAR_A) and node B (JAR_B)
# connect to it as external databases with the same keys, as nodes behind a load balancer do. The case manager signs
# in on each; after a warm-up of each, wrk rounds alternate between A and B on the same page, so that a shared,
# noisy machine slows both alike. Prints requests/s and the JVM's CPU milliseconds per request for every round and
# their means, and B/A. PROFILE=1 also records a JFR profile of node B per page (OUT/b-PAGE.jfr).
# Only node X seals the audit trail (A and B wait an hour between their runs of the sealer): every node seals what is
# queued when its turn comes, and whichever node happened to seal more was charged for the others' case reads (an A/A
# run of the same jar, 2026-12-07, gave B/A 0.92 on the case page, A ahead in all 6 rounds).
#
#   KEPT=/tmp/opennrm-bench-identification.XXXX bench/identification/nodes-ab.sh old.jar new.jar
#
# Settings: ROUNDS (6), SECS (15 s per round), WARM (90 s per node and page), PAGES ("queue case"), OUT (folder),
# JAVA_OPTS_A and JAVA_OPTS_B (JVM options of node A and node B: one jar under two settings).
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
HERE=$(cd "$(dirname "$0")" && pwd)
: "${KEPT:?the installation folder kept by run.sh}"; D=$KEPT/data
JAR_A=$1; JAR_B=$2; OUT=${OUT:-$KEPT/nodes-ab}; ROUNDS=${ROUNDS:-6}; SECS=${SECS:-15}; WARM=${WARM:-90}
JAR_X=${JAR_X:-$JAR_A}
PAGES=${PAGES:-"queue case"}
mkdir -p $OUT; : > $OUT/rounds.txt
PW=bench-password-not-for-production
HZ=$(getconf CLK_TCK)
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$1/stat; }
OPENNRM_DATA_DIR=$D java -Xmx1g -jar $JAR_X --server.port=18600 --opennrm.demo.enabled=true --opennrm.demo.password=$PW >$OUT/x.log 2>&1 &
X=$!
trap 'kill $X ${A:-} ${B:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -s -o /dev/null http://localhost:18600/login && break; sleep 1; done
PG=$(sed -n 's/.*Embedded PostgreSQL running on port \([0-9]*\).*/\1/p' $OUT/x.log | head -1)
APPPW=$(sed -n 's/^application=//p' $D/database-passwords)
node() { # jar port dir [java options]
  mkdir -p $3
  OPENNRM_DATA_DIR=$3 java -Xmx1g ${4:-} -jar $1 --server.port=$2 --opennrm.demo.enabled=false \
    --spring.datasource.url=jdbc:postgresql://localhost:$PG/opennrm --spring.datasource.username=opennrm \
    --spring.datasource.password=$APPPW --opennrm.identity.keyset-file=$D/identity-keyset.json \
    --opennrm.audit.key-file=$D/audit-key --opennrm.linkage.secret-file=$D/linkage-secret \
    --opennrm.exchange.secret-file=$D/exchange-secret --opennrm.audit.seal-interval=1h >$3.log 2>&1 &
  echo $!
}
A=$(node $JAR_A 18601 $OUT/a "${JAVA_OPTS_A:-}"); B=$(node $JAR_B 18602 $OUT/b "${JAVA_OPTS_B:-}")
for p in 18601 18602; do for _ in $(seq 1 300); do curl -s -o /dev/null http://localhost:$p/login && break; sleep 1; done; done
cookie() { # port
  local jar=$OUT/cookies-$1.txt
  sleep $((31 - $(date +%s) % 30))
  BASE=http://localhost:$1 USER_NAME=casemanager PASSWORD=$PW COOKIES=$jar SECRET_FILE=$KEPT/secret-casemanager \
     bash "$HERE/signin.sh" >/dev/null
  awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' $jar
}
CA=$(cookie 18601); CB=$(cookie 18602)
for p in 18601 18602; do c=$CA; [[ $p == 18602 ]] && c=$CB; echo "$p queue $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $c" http://localhost:$p/cases/queue)"; done
IDS=$KEPT/case-ids.txt
run() { # port cookie page secs -> "rps cpu_ms"
  local pid=$A; [[ $1 == 18602 ]] && pid=$B
  local url=http://localhost:$1/cases/queue
  [[ $3 == case ]] && url=http://localhost:$1
  local t0=$(ticks $pid)
  CASE_IDS_FILE=$([[ $3 == case ]] && echo $IDS || echo "") wrk -c 8 -t 2 -d ${4}s -H "Cookie: $2" -s "$HERE/case-page.lua" $url > $OUT/wrk.tmp 2>&1
  local t1=$(ticks $pid)
  local rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' $OUT/wrk.tmp)
  local bad=$(sed -n 's/^Answers other than 200: *//p' $OUT/wrk.tmp)
  awk -v r=$rps -v t=$((t1-t0)) -v hz=$HZ -v d=$4 -v bad="$bad" 'BEGIN { printf "%.1f %.3f %s", r, 1000*t/hz/(r*d), bad }'
}
for page in $PAGES; do
  for p in 18601 18602; do c=$CA; [[ $p == 18602 ]] && c=$CB; run $p "$c" $page $WARM >/dev/null; done
  for i in $(seq 1 $ROUNDS); do
    # which node goes first alternates, so that what one round leaves to do in the background falls on both alike
    if (( i % 2 )); then
      ra=$(run 18601 "$CA" $page $SECS); rb=$(run 18602 "$CB" $page $SECS)
    else
      rb=$(run 18602 "$CB" $page $SECS); ra=$(run 18601 "$CA" $page $SECS)
    fi
    echo "$page round $i  A: $ra   B: $rb   load $(cut -d' ' -f1 /proc/loadavg)" | tee -a $OUT/rounds.txt
  done
done
if [[ -n "${PROFILE:-}" ]]; then
  for page in $PAGES; do
    jcmd $B JFR.start name=p$page settings=profile filename=$OUT/b-$page.jfr >/dev/null
    run 18602 "$CB" $page 30 > /dev/null
    jcmd $B JFR.stop name=p$page >/dev/null
  done
fi
awk '{ for (i = 1; i <= NF; i++) { if ($i == "A:") { a[$1] += $(i+1); ac[$1] += $(i+2) } if ($i == "B:") { b[$1] += $(i+1); bc[$1] += $(i+2) } } n[$1]++ } END { for (p in n) printf "%s mean: A %.1f req/s %.3f ms JVM, B %.1f req/s %.3f ms JVM, B/A %.2f\n", p, a[p]/n[p], ac[p]/n[p], b[p]/n[p], bc[p]/n[p], (b[p]/n[p])/(a[p]/n[p]) }' $OUT/rounds.txt | tee $OUT/summary.txt
