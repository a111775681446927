#!/usr/bin/env bash
# linkage-spark against the linkage tool: SIZE x SIZE generated encodings (seed 42, half shared) at THRESHOLD, exact
# mode, end to end (JVM start, load, pairs, greedy matching, write matches.csv). The Spark job runs in local mode on
# MASTER (default local[2]) with A broadcast and B cut into chunks of PARTITION records; the tool runs with its
# default 2 threads. Both read the same files; the script checks that both matches.csv files are identical.
# Usage: bench/linkage/spark.sh [SIZE] [THRESHOLD]
# Builds into target-spark (OPENNRM_TARGET) so as not to disturb other builds of the same checkout.
WORK="${WORK:-$(cd "$(dirname "$0")" && pwd)/work/spark}"
source "$(dirname "$0")/common.sh"
SIZE="${1:-100000}"
THRESHOLD="${2:-0.8}"
MASTER="${MASTER:-local[2]}"
PARTITION="${PARTITION:-10000}"
XMX_TOOL="${XMX_TOOL:-160m}"
XMX_SPARK="${XMX_SPARK:-1g}"
TARGET="${OPENNRM_TARGET:-target-spark}"
(cd "$ROOT" && ./mvnw -q -pl linkage-spark -am package -DskipTests -Dspotless.check.skip=true \
    -Dopennrm.target="$TARGET" 2>&1 | grep -v '^WARNING' || true)
JAR="$ROOT/linkage/$TARGET/opennrm-linkage.jar"
SPARK_JAR="$ROOT/linkage-spark/$TARGET/opennrm-linkage-spark.jar"
test -f "$JAR" && test -f "$SPARK_JAR"

PREFIX="spark$SIZE"
generate "$SIZE" "$SIZE" 0.5 42 "$PREFIX"
encode_pair "$PREFIX"
echo "== $SIZE x $SIZE at $THRESHOLD; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

/usr/bin/time -v "$JAVA" -Xmx"$XMX_SPARK" -jar "$SPARK_JAR" link --master "$MASTER" --partition-size "$PARTITION" \
    --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_spark.csv" \
    > "$WORK/spark.out" 2> "$WORK/spark.time"
cat "$WORK/spark.out"
/usr/bin/time -v "$JAVA" -Xmx"$XMX_TOOL" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" \
    --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_tool.csv" > "$WORK/tool.out" 2> "$WORK/tool.time"
cat "$WORK/tool.out"

SW=$(wall_seconds "$WORK/spark.time"); TW=$(wall_seconds "$WORK/tool.time")
SC=$(cpu_seconds "$WORK/spark.time"); TC=$(cpu_seconds "$WORK/tool.time")
awk -v n="$SIZE" -v sw="$SW" -v tw="$TW" -v sc="$SC" -v tc="$TC" -v sm="$(max_rss_mib "$WORK/spark.time")" \
    -v tm="$(max_rss_mib "$WORK/tool.time")" -v master="$MASTER" 'BEGIN {
    pairs = n * n
    printf "spark (%s): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB\n", master, sw, sc, pairs / sw / 1e6, sm
    printf "linkage tool (2 threads): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB\n", tw, tc, pairs / tw / 1e6, tm
    printf "spark / tool: wall %.2fx, cpu %.2fx\n", sw / tw, sc / tc
}'
if cmp -s "$WORK/${PREFIX}_spark.csv" "$WORK/${PREFIX}_tool.csv"; then
    echo "matches.csv: identical ($(($(wc -l < "$WORK/${PREFIX}_tool.csv") - 1)) matches)"
else
    echo "MISMATCH: the two matches.csv files differ"
    exit 1
fi
