#!/usr/bin/env bash
# Benchmark of ad screening (issue 23) on a seeded synthetic collection (default 60,000 ads): planted advertisers
# posting templated near-duplicates with phones written in several national ways, indicator phrases in six languages,
# and many innocent ads that use the same keywords. Prints pairwise clustering precision and recall against the planted
# advertisers, triage precision at k against a plain keyword count (and the lexicon alone), and the run time.
# Not part of ./mvnw verify.
# Usage: bench/prevention/ads.sh [ADS] [SEED]
. "$(dirname "$0")/../lib.sh"
bench_classpath
bench_compile "$ROOT/bench/prevention/src/org/opennrm/prevention/ads/AdBenchmark.java"
echo "== ad screening benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.prevention.ads.AdBenchmark "$@"
