#!/usr/bin/env bash
# The case page's statement, and its parts, run by pgbench against a kept installation's embedded PostgreSQL (kept by
# `KEEP=1 run.sh`, running: `OPENNRM_DATA_DIR=KEPT/data java -jar platform.jar`), with the CPU time of PostgreSQL's
# processes (the postmaster and its children, those that ended included) per statement:
#   case-read            the case with its rows and its person (CaseFiles.readWithPerson), without the audit entry
#   audit-entry          the audit entry and its place in the sealing queue (AuditTrail.ENTRY), committed durably
#   audit-entry-unqueued the audit entry alone (what the queue costs)
#   case-read-recorded   both in one statement, as the case page runs it (made from the two files)
# Writes audit entries of the bench's case manager into the installation (the unqueued ones are never sealed): use a
# kept benchmark installation only.
#
#   KEPT=/tmp/opennrm-bench-identification.XXXX PG_PORT=... bench/identification/statement-cost.sh [ROUNDS] [SECONDS]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${KEPT:?the installation folder kept by run.sh}" "${PG_PORT:?the port of its embedded PostgreSQL}"
ROUNDS=${1:-3}; SECS=${2:-10}
D=$KEPT/data
export PGPASSWORD=$(sed -n 's/^superuser=//p' $D/database-passwords)
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PSQL="$BIN/psql -h localhost -p $PG_PORT -U postgres -d opennrm -qAt"
PM=$(head -1 $(find $D -name postmaster.pid | head -1))
$PSQL -c "drop table if exists public.bench_ids; create table public.bench_ids as select row_number() over (order by id) as n, id from cases.case_file; alter table public.bench_ids add primary key (n); analyze public.bench_ids"
CASES=$($PSQL -c "select count(*) from public.bench_ids")
read -r ACCOUNT ORGANISATION < <($PSQL -F ' ' -c "select id, organisation_id from access.account where username = 'casemanager'")
ticks() { { awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' /proc/$PM/stat; for p in $(pgrep -P $PM); do awk '{ sub(/^.*\) /, ""); print $12 + $13 }' /proc/$p/stat 2>/dev/null; done; } | awk '{ s += $1 } END { print s }'; }
HZ=$(getconf CLK_TCK)
# the page's statement: the audit entry's "with" clause in front of the case's read (AuditTrail.readRecorded)
RECORDED=$(mktemp --suffix=.sql); trap 'rm -f $RECORDED' EXIT
{ grep -v '^select 1;$' $HERE/statements/audit-entry.sql; grep -v '^\\set' $HERE/statements/case-read.sql; } >$RECORDED
for round in $(seq 1 $ROUNDS); do
  for script in case-read audit-entry audit-entry-unqueued case-read-recorded; do
    t0=$(ticks)
    out=$($BIN/pgbench -h localhost -p $PG_PORT -U postgres -M prepared -n -c 8 -j 2 -T $SECS -D cases=$CASES \
      -D account=$ACCOUNT -D organisation=$ORGANISATION -f $([[ $script == case-read-recorded ]] && echo $RECORDED || echo $HERE/statements/$script.sql) opennrm 2>&1)
    sleep 0.3; t1=$(ticks)
    n=$(echo "$out" | sed -n 's/number of transactions actually processed: \([0-9]*\).*/\1/p')
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    awk -v r=$round -v s=$script -v n=$n -v tps=$tps -v t=$((t1 - t0)) -v hz=$HZ \
      'BEGIN { printf "round %d  %-21s %8.0f statements/s  PostgreSQL %.3f ms CPU a statement\n", r, s, tps, 1000 * t / hz / n }'
  done
done
