#!/usr/bin/env bash
# Exact mode, end to end (load, compare, match): 100,000 x 100,000 generated encodings at threshold 0.8,
# the Java tool against the single-threaded C all-pairs loop (allpairs.c, gcc -O2 -mpopcnt) on the same files
# in the same run, and the Java tool once more with its pure-Java kernel (-Dopennrm.linkage.kernel=java) so that the
# native kernel's gain is measured in the same run. Prints wall time, CPU time, comparisons per second, the ratios
# and peak memory.
# Usage: bench/linkage/exact-speed.sh [SIZE] [THRESHOLD]
source "$(dirname "$0")/common.sh"
SIZE="${1:-100000}"
THRESHOLD="${2:-0.8}"
XMX="${XMX:-160m}"
build_jar
gcc -O2 -mpopcnt -o "$WORK/allpairs" "$BENCH/allpairs.c"
PREFIX="speed$SIZE"
generate "$SIZE" "$SIZE" 0.5 42 "$PREFIX"
encode_pair "$PREFIX"
echo "== $SIZE x $SIZE at $THRESHOLD; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/time -v "$JAVA" -Xmx"$XMX" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" \
    --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_matches.csv" > "$WORK/java.out" 2> "$WORK/java.time"
cat "$WORK/java.out"
/usr/bin/time -v "$JAVA" -Xmx"$XMX" -Dopennrm.linkage.kernel=java -jar "$JAR" link --a "$WORK/${PREFIX}_a" \
    --b "$WORK/${PREFIX}_b" --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_matches_java.csv" > "$WORK/javak.out" 2> "$WORK/javak.time"
cat "$WORK/javak.out"
cmp -s "$WORK/${PREFIX}_matches.csv" "$WORK/${PREFIX}_matches_java.csv" || echo "MISMATCH: the two kernels wrote different matches"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$WORK/allpairs" "$WORK/${PREFIX}_a.clk" "$WORK/${PREFIX}_b.clk" "$THRESHOLD" \
    > "$WORK/c.out" 2> "$WORK/c.time"
cat "$WORK/c.out"

JW=$(wall_seconds "$WORK/java.time"); CW=$(wall_seconds "$WORK/c.time")
JC=$(cpu_seconds "$WORK/java.time"); CC=$(cpu_seconds "$WORK/c.time")
KW=$(wall_seconds "$WORK/javak.time"); KC=$(cpu_seconds "$WORK/javak.time")
JP=$(awk '/pairs at or above/ {print $7}' "$WORK/java.out"); CP=$(awk '{print $7}' "$WORK/c.out")
awk -v n="$SIZE" -v jw="$JW" -v cw="$CW" -v jc="$JC" -v cc="$CC" -v jm="$(max_rss_mib "$WORK/java.time")" \
    -v cm="$(max_rss_mib "$WORK/c.time")" -v kw="$KW" -v kc="$KC" -v km="$(max_rss_mib "$WORK/javak.time")" -v jp="$JP" -v cp="$CP" -v xmx="$XMX" 'BEGIN {
    pairs = n * n
    printf "java, Java kernel (-Xmx%s, 2 threads): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB\n", xmx, kw, kc, pairs / kw / 1e6, km
    printf "java, native kernel (-Xmx%s, 2 threads): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB, %s pairs >= threshold\n", xmx, jw, jc, pairs / jw / 1e6, jm, jp
    printf "c all-pairs (1 thread):  wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB, %s pairs >= threshold\n", cw, cc, pairs / cw / 1e6, cm, cp
    printf "ratio (C wall / Java wall): %.1fx; per CPU second: %.1fx (Java kernel: %.1fx and %.1fx)\n", cw / jw, cc / jc, cw / kw, cc / kc
    if (jp != cp) print "MISMATCH: the pair counts differ"
}'
