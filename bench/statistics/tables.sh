#!/usr/bin/env bash
# National tables with disclosure control next to the plain SQL aggregation on the same 1,000,000 synthetic
# facts in the same run (embedded PostgreSQL, data made with generate_series), and the time to fit the
# multiple systems estimation models for six lists (UKdat). Not part of ./mvnw verify.
# Usage: bench/statistics/tables.sh [FACTS]   (default 1000000)
. "$(dirname "$0")/../lib.sh"
FACTS="${1:-1000000}"
bench_classpath
bench_compile "$ROOT/bench/statistics/src/org/opennrm/statistics/TablesBenchmark.java"
bench_quiet_log
echo "== statistics tables benchmark: $FACTS facts; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" org.opennrm.statistics.TablesBenchmark "$ROOT/platform" "$FACTS"
