#!/usr/bin/env bash
# Labour-inspection targeting benchmark (issue 23): a seeded synthetic inspectorate (default 20,000 workplaces, five
# years, 2,000 inspections a year of which 10% drawn by lot, a hidden risk structure and a biased choice by the
# inspectors), then a temporal backtest at capacity k: precision at k of the risk model against random choice and
# against re-inspecting last year's violators, against the hidden truth and against the observed inspections.
# No database, no network. Not part of ./mvnw verify.
# Usage: bench/prevention/inspection.sh [WORKPLACES] [CAPACITY] [SEED]   (defaults 20000 1000 2026)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET="${OPENNRM_TARGET:-target-bench}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
case "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" in *\"25*) ;; *) JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ;; esac
export JAVA_HOME
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
./mvnw -q -o -pl platform -am test-compile dependency:build-classpath -Dopennrm.target="$TARGET" \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test -Dspotless.check.skip=true > "$WORK/mvn.log" \
    || { cat "$WORK/mvn.log"; exit 1; }
CP="$ROOT/platform/$TARGET/test-classes:$ROOT/platform/$TARGET/classes:$(cat "$WORK/cp.txt")"
echo "== inspection targeting benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.opennrm.prevention.inspection.InspectionBenchmark "$@"
