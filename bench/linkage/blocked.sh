#!/usr/bin/env bash
# Blocked mode (Hamming LSH over the encodings, candidates verified exactly) on generated lists of SIZE x SIZE
# (half shared, threshold 0.8): wall and CPU time, peak memory, F1 against the ground truth, and for sizes up to
# EXACT_MAX also exact mode on the same files: pair completeness (blocked pairs at or above the threshold are a
# subset of exact ones, so completeness is the ratio of their counts) and the share of exact matches kept.
# Usage: bench/linkage/blocked.sh [SIZE...]   (default: 100000 200000)
source "$(dirname "$0")/common.sh"
SIZES=("${@:-100000 200000}")
[ $# -eq 0 ] && SIZES=(100000 200000)
EXACT_MAX="${EXACT_MAX:-200000}"
XMX="${XMX:-1600m}"
THRESHOLD=0.8
build_jar
for SIZE in "${SIZES[@]}"; do
    PREFIX="blocked$SIZE"
    generate "$SIZE" "$SIZE" 0.5 "$SIZE" "$PREFIX"
    encode_pair "$PREFIX"
    echo "== $SIZE x $SIZE at $THRESHOLD; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
    for MODE in blocked exact; do
        if [ "$MODE" = exact ] && [ "$SIZE" -gt "$EXACT_MAX" ]; then
            continue
        fi
        /usr/bin/time -v "$JAVA" -Xmx"$XMX" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" \
            --threshold "$THRESHOLD" --mode "$MODE" --out "$WORK/${PREFIX}_$MODE.csv" > "$WORK/$MODE.out" 2> "$WORK/$MODE.time"
        cat "$WORK/$MODE.out"
        echo "$MODE: wall $(wall_seconds "$WORK/$MODE.time") s, cpu $(cpu_seconds "$WORK/$MODE.time") s, peak RSS $(max_rss_mib "$WORK/$MODE.time") MiB (-Xmx$XMX)"
        "$JAVA" "$BENCH/Compare.java" "$WORK/${PREFIX}_truth.csv" "$WORK/${PREFIX}_$MODE.csv"
    done
    if [ "$SIZE" -le "$EXACT_MAX" ]; then
        BP=$(awk '/pairs at or above/ {print $7}' "$WORK/blocked.out"); EP=$(awk '/pairs at or above/ {print $7}' "$WORK/exact.out")
        awk -v b="$BP" -v e="$EP" 'BEGIN {printf "pair completeness against exact mode: %d of %d pairs at or above the threshold (%.4f)\n", b, e, b / e}'
        "$JAVA" "$BENCH/Compare.java" "$WORK/${PREFIX}_truth.csv" "$WORK/${PREFIX}_blocked.csv" "$WORK/${PREFIX}_exact.csv" | tail -1
    fi
done
