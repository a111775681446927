#!/usr/bin/env bash
# National tables with disclosure control next to the plain SQL aggregation on the same 1,000,000 synthetic
# facts in the same run (embedded PostgreSQL, data made with generate_series), and the time to fit the
# multiple systems estimation models for six lists (UKdat). Not part of ./mvnw verify.
# Usage: bench/statistics/tables.sh [FACTS]   (default 1000000)
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
./mvnw -q -pl platform -am compile dependency:build-classpath -Dopennrm.target="$TARGET" -Dmdep.outputFile="$WORK/cp.txt" \
    -Dmdep.includeScope=runtime -Dspotless.check.skip=true > "$WORK/mvn.log" || { cat "$WORK/mvn.log"; exit 1; }
CP="$ROOT/platform/$TARGET/classes:$(cat "$WORK/cp.txt")"
"$JAVA_HOME/bin/javac" -proc:none -d "$WORK/classes" -cp "$CP" \
    "$ROOT/bench/statistics/src/org/opennrm/statistics/TablesBenchmark.java"
echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
echo "== statistics tables benchmark: $FACTS facts; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" org.opennrm.statistics.TablesBenchmark "$ROOT/platform" "$FACTS"
