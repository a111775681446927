#!/usr/bin/env bash
# The exact kernel alone (no JVM start, no loading, no matching): pairs per CPU second and per wall second on
# the first SIZE records of the exact-speed lists, the Java and the native kernel alternately on the same data. For comparing
# kernel changes on a shared machine. Usage: bench/linkage/kernel-speed.sh [SIZE] [THREADS] [ROUNDS]
source "$(dirname "$0")/common.sh"
SIZE="${1:-30000}"
THREADS="${2:-1}"
ROUNDS="${3:-3}"
build_jar
generate 100000 100000 0.5 42 speed100000
encode_pair speed100000
mkdir -p "$WORK/kernel-classes"
"$JAVA_HOME/bin/javac" -cp "$CLASSES" -d "$WORK/kernel-classes" \
    "$BENCH/kernel/org/opennrm/linkage/matching/KernelSpeed.java"
echo "== kernel, $SIZE x $SIZE, $THREADS thread(s); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CLASSES:$WORK/kernel-classes" org.opennrm.linkage.matching.KernelSpeed \
    "$WORK/speed100000_a" "$WORK/speed100000_b" "$SIZE" "$THREADS" "$ROUNDS"
