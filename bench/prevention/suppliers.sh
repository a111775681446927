#!/usr/bin/env bash
# Benchmark of supplier screening (issue 23): an office's supplier list (default 10,000) against the forced-labour
# lists' employers (default 3,000), seeded synthetic company names with the variants real lists have. Prints the time
# of the indexed screening and of comparing every pair, in the same run, and checks that both find the same pairs.
# Not part of ./mvnw verify.
# Usage: bench/prevention/suppliers.sh [SUPPLIERS] [EMPLOYERS] [SEED]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${OPENNRM_TARGET:-target-bench}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
case "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" in *\"25*) ;; *) JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ;; esac
export JAVA_HOME
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
./mvnw -q -o -pl platform -am compile dependency:build-classpath -Dopennrm.target="$TARGET" -Dmdep.outputFile="$WORK/cp.txt" \
    -Dmdep.includeScope=runtime -Dspotless.check.skip=true > "$WORK/mvn.log" || { cat "$WORK/mvn.log"; exit 1; }
CP="$ROOT/platform/$TARGET/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/javac" -proc:none -d "$WORK/classes" -cp "$CP" \
    "$ROOT/bench/prevention/src/org/opennrm/prevention/suppliers/SupplierBenchmark.java"
echo "== supplier screening benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.prevention.suppliers.SupplierBenchmark "$@"
