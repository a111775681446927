#!/usr/bin/env bash
# Benchmark of ad screening (issue 23) on a seeded synthetic collection (default 60,000 ads): planted advertisers
# posting templated near-duplicates with phones written in several national ways, indicator phrases in six languages,
# and many innocent ads that use the same keywords. Prints pairwise clustering precision and recall against the planted
# advertisers, triage precision at k against a plain keyword count (and the lexicon alone), and the run time.
# Not part of ./mvnw verify.
# Usage: bench/prevention/ads.sh [ADS] [SEED]
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
    "$ROOT/bench/prevention/src/org/opennrm/prevention/ads/AdBenchmark.java"
echo "== ad screening benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.prevention.ads.AdBenchmark "$@"
