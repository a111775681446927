#!/usr/bin/env bash
# Benchmark of supplier screening (issue 23): an office's supplier list (default 10,000) against the forced-labour
# lists' employers (default 3,000), seeded synthetic company names with the variants real lists have. Prints the time
# of the indexed screening and of comparing every pair, in the same run, and checks that both find the same pairs.
# Not part of ./mvnw verify.
# Usage: bench/prevention/suppliers.sh [SUPPLIERS] [EMPLOYERS] [SEED]
. "$(dirname "$0")/../lib.sh"
bench_classpath
bench_compile "$ROOT/bench/prevention/src/org/opennrm/prevention/suppliers/SupplierBenchmark.java"
echo "== supplier screening benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.prevention.suppliers.SupplierBenchmark "$@"
