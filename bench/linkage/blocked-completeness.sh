#!/usr/bin/env bash
# Pair completeness of blocked mode at sizes where exact mode is out of reach (1,000,000 x 1,000,000 is 10^12
# pairs), by sampling: blocked mode on all of A x B, the exact kernel on a seeded random sample of A records x all
# of B, and the blocked pairs of the sampled records compared with their exact pairs (ratio estimate with a 95%
# interval), the ground-truth pairs among them, and an estimate of the F1 difference (BlockedCompleteness.java).
# Usage: bench/linkage/blocked-completeness.sh [SIZE] [SAMPLE] [SEED]   (default: 1000000 4000 1)
source "$(dirname "$0")/common.sh"
SIZE="${1:-1000000}"
SAMPLE="${2:-4000}"
SEED="${3:-1}"
XMX="${XMX:-2g}"
THRESHOLD=0.8
build_jar
PREFIX="blocked$SIZE"
generate "$SIZE" "$SIZE" 0.5 "$SIZE" "$PREFIX"
encode_pair "$PREFIX"
mkdir -p "$WORK/kernel-classes"
"$JAVA_HOME/bin/javac" -cp "$CLASSES" -d "$WORK/kernel-classes" \
    "$BENCH/kernel/org/opennrm/linkage/matching/BlockedCompleteness.java"
echo "== $SIZE x $SIZE at $THRESHOLD, sample $SAMPLE (seed $SEED) ${JAVA_OPTS:-}; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# JAVA_OPTS can set the LSH parameters, e.g. -Dopennrm.linkage.bitsPerKey=20 -Dopennrm.linkage.tables=120.
/usr/bin/time -v "$JAVA" -Xmx"$XMX" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -cp "$CLASSES:$WORK/kernel-classes" org.opennrm.linkage.matching.BlockedCompleteness \
    "$WORK/${PREFIX}_a" "$WORK/${PREFIX}_b" "$WORK/${PREFIX}_truth.csv" "$THRESHOLD" "$SAMPLE" "$SEED" "$(nproc)" \
    2> "$WORK/completeness.time"
echo "whole run: wall $(wall_seconds "$WORK/completeness.time") s, cpu $(cpu_seconds "$WORK/completeness.time") s, peak RSS $(max_rss_mib "$WORK/completeness.time") MiB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
