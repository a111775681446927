#!/usr/bin/env bash
# Simulation benchmark of the hidden number: seeded heterogeneous populations with dependent lists (3 to 6 lists,
# 500 to 50,000 people); coverage of the 95% interval, median relative error and fit time per model (main effects,
# AIC, BIC, Rasch-type alone and with AIC's interactions, latent class, and the interval the estimates page
# recommends), with coverage per number of lists. Not part of ./mvnw verify.
# Usage: bench/statistics/hidden-number.sh [--quick] [--populations N] [--threads P] [--verbose] [--classes K]
#        [--burn-in B] [--samples M] [--thinning T] [--seed S] [--scenario standard|classes|visible|severe]
#        [--only i,j,...]
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
    "$ROOT/bench/statistics/src/org/opennrm/statistics/HiddenNumberBenchmark.java"
echo "== hidden number benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.statistics.HiddenNumberBenchmark "$@"
