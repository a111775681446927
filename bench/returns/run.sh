#!/usr/bin/env bash
# Every official return for one year over 1,000,000 synthetic facts (embedded PostgreSQL, data made with
# generate_series) next to the plain SQL aggregation of the same breakdowns, in the same run. Not part of ./mvnw verify.
# Usage: bench/returns/run.sh [FACTS]   (default 1000000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FACTS="${1:-1000000}"
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
    "$ROOT/bench/returns/src/org/opennrm/monitoring/returns/ReturnsBenchmark.java"
echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
echo "== official returns benchmark: $FACTS facts; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" \
    org.opennrm.monitoring.returns.ReturnsBenchmark "$ROOT/platform" "$FACTS"
