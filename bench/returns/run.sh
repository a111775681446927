#!/usr/bin/env bash
# Every official return for one year over 1,000,000 synthetic facts (embedded PostgreSQL, data made with
# generate_series) next to the plain SQL aggregation of the same breakdowns, in the same run. Not part of ./mvnw verify.
# Usage: bench/returns/run.sh [FACTS]   (default 1000000)
. "$(dirname "$0")/../lib.sh"
FACTS="${1:-1000000}"
bench_classpath
bench_compile "$ROOT/bench/returns/src/org/opennrm/monitoring/returns/ReturnsBenchmark.java"
bench_quiet_log
echo "== official returns benchmark: $FACTS facts; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" \
    org.opennrm.monitoring.returns.ReturnsBenchmark "$ROOT/platform" "$FACTS"
