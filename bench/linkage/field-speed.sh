#!/usr/bin/env bash
# Field-aware linkage end to end (load, candidates, comparisons, EM, term frequencies, assignment, write) on the
# realistic generator's lists, SIZE x SIZE (default 100,000), blocked candidates, against the single-threaded C
# all-pairs Dice loop (allpairs.c) on the same .clk files in the same run, and the record-level exact mode. Prints
# wall and CPU time, peak memory, and the quality of both models against the generator's truth.
# Usage: bench/linkage/field-speed.sh [SIZE]
source "$(dirname "$0")/common.sh"
SIZE="${1:-100000}"
XMX="${XMX:-2g}"
build_jar
gcc -O2 -mpopcnt -o "$WORK/allpairs" "$BENCH/allpairs.c"
PREFIX="real$SIZE"
realistic "$SIZE" 42 "$PREFIX"
SECRET="$(bench_secret)"
for side in a b; do
    /usr/bin/time -v "$JAVA" -jar "$JAR" encode --secret-file "$SECRET" --in "$WORK/${PREFIX}_$side.csv" \
        --out "$WORK/${PREFIX}_$side" > "$WORK/encode.out" 2> "$WORK/encode.time"
    echo "encode $side: wall $(wall_seconds "$WORK/encode.time") s, cpu $(cpu_seconds "$WORK/encode.time") s, peak RSS $(max_rss_mib "$WORK/encode.time") MiB"
done
echo "== $SIZE x $SIZE; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$JAVA" -Xmx"$XMX" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" \
    --threshold 0.5 --mode blocked --out "$WORK/${PREFIX}_field.csv" > "$WORK/field.out" 2> "$WORK/field.time"
grep -v '^  ' "$WORK/field.out"
/usr/bin/time -v "$JAVA" -Xmx"$XMX" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" --model clk \
    --threshold 0.85 --out "$WORK/${PREFIX}_clk.csv" > "$WORK/clk.out" 2> "$WORK/clk.time"
cat "$WORK/clk.out"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$WORK/allpairs" "$WORK/${PREFIX}_a.clk" "$WORK/${PREFIX}_b.clk" 0.85 > "$WORK/c.out" 2> "$WORK/c.time"
cat "$WORK/c.out"
echo "field model (blocked, -Xmx$XMX): wall $(wall_seconds "$WORK/field.time") s, cpu $(cpu_seconds "$WORK/field.time") s, peak RSS $(max_rss_mib "$WORK/field.time") MiB"
echo "record-level exact mode at 0.85: wall $(wall_seconds "$WORK/clk.time") s, cpu $(cpu_seconds "$WORK/clk.time") s, peak RSS $(max_rss_mib "$WORK/clk.time") MiB"
echo "C all-pairs at 0.85 (1 thread): wall $(wall_seconds "$WORK/c.time") s, cpu $(cpu_seconds "$WORK/c.time") s"
awk -v f="$(wall_seconds "$WORK/field.time")" -v k="$(wall_seconds "$WORK/clk.time")" -v c="$(wall_seconds "$WORK/c.time")" \
    'BEGIN {printf "ratio C wall / field model wall: %.1fx; C wall / exact mode wall: %.1fx\n", c / f, c / k}'
echo "quality against the generator's truth:"
"$JAVA" "$BENCH/Compare.java" "$WORK/${PREFIX}_truth.csv" "$WORK/${PREFIX}_field.csv"
"$JAVA" "$BENCH/Compare.java" "$WORK/${PREFIX}_truth.csv" "$WORK/${PREFIX}_clk.csv"
