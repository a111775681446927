#!/usr/bin/env bash
# The case search by name over N synthetic persons (default 100,000), through the blind index as the platform does it,
# side by side with a plain scan that decrypts every person, in the same run on the same data (embedded PostgreSQL,
# persons recorded through the cases module's own Persons: names encrypted, words indexed). 8 concurrent searchers;
# prints throughput, p50, p99 and the identities decrypted per search. Not part of ./mvnw verify.
# Usage: bench/cases/name-search.sh [PERSONS] [SEARCHES_PER_SEARCHER]   (defaults 100000 50)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PERSONS="${1:-100000}"
SEARCHES="${2:-50}"
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
    "$ROOT/bench/cases/src/org/opennrm/access/BenchKeys.java" \
    "$ROOT/bench/cases/src/org/opennrm/cases/NameSearchBenchmark.java"
echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
echo "== case name search benchmark: $PERSONS persons; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx2g -Dlogback.configurationFile="$WORK/logback.xml" -cp "$WORK/classes:$CP" \
    org.opennrm.cases.NameSearchBenchmark "$ROOT/platform" "$PERSONS" "$SEARCHES"
