#!/usr/bin/env bash
# Shared set-up of the platform benchmarks, sourced by their scripts (`. "$(dirname "$0")/../lib.sh"`):
#   - JAVA_HOME: Temurin 25 unless the caller's JAVA_HOME already is a JDK 25 (the platform needs 25);
#   - ROOT: the repository; TARGET: the Maven build folder of the benchmarks (OPENNRM_TARGET, default target-bench),
#     apart from target/ so that a benchmark never competes with a build or test run for its classes;
#   - WORK: a temporary folder, removed when the script ends;
#   - bench_classpath [test]: compiles the platform (with its tests when given "test") into TARGET and sets CP to its
#     classes and runtime dependencies;
#   - bench_compile FILE...: compiles the benchmark's own sources against CP into $WORK/classes;
#   - bench_quiet_log: writes a logback configuration that keeps the platform's logging to warnings ($WORK/logback.xml).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${OPENNRM_TARGET:-target-bench}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
case "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" in *\"25*) ;; *) JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ;; esac
export JAVA_HOME
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

bench_classpath() {
    local goal=compile scope=runtime classes="$ROOT/platform/$TARGET/classes"
    if [ "${1:-}" = test ]; then
        goal=test-compile
        scope=test
        classes="$ROOT/platform/$TARGET/test-classes:$classes"
    fi
    (cd "$ROOT" && ./mvnw -q -o -pl platform -am "$goal" dependency:build-classpath -Dopennrm.target="$TARGET" \
        -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope="$scope" -Dspotless.check.skip=true > "$WORK/mvn.log") \
        || { cat "$WORK/mvn.log"; exit 1; }
    CP="$classes:$(cat "$WORK/cp.txt")"
}

bench_compile() {
    "$JAVA_HOME/bin/javac" -proc:none -d "$WORK/classes" -cp "$CP" "$@"
}

bench_quiet_log() {
    echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
}
