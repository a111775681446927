#!/usr/bin/env bash
# The case search by name over N synthetic persons (default 100,000), through the blind index as the platform does it,
# side by side with a plain scan that decrypts every person, in the same run on the same data (embedded PostgreSQL,
# persons recorded through the cases module's own Persons: names encrypted, words indexed). 8 concurrent searchers;
# prints throughput, p50, p99 and the identities decrypted per search. Not part of ./mvnw verify.
# Usage: bench/cases/name-search.sh [PERSONS] [SEARCHES_PER_SEARCHER]   (defaults 100000 50)
. "$(dirname "$0")/../lib.sh"
PERSONS="${1:-100000}"
SEARCHES="${2:-50}"
bench_classpath
bench_compile "$ROOT/bench/cases/src/org/opennrm/access/BenchKeys.java" \
    "$ROOT/bench/cases/src/org/opennrm/cases/NameSearchBenchmark.java"
bench_quiet_log
echo "== case name search benchmark: $PERSONS persons; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" \
    org.opennrm.cases.NameSearchBenchmark "$ROOT/platform" "$PERSONS" "$SEARCHES"
