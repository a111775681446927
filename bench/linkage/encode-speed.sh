#!/usr/bin/env bash
# Encoding speed: records per second for the default schema on generated lists (1,000,000 records by default),
# wall clock of the whole CLI run (JVM start, streamed CSV read, encoding on all cores, id and schema checks,
# writing .clk/.ids), records per CPU second (user + sys), and peak memory with a small heap (the encoder streams,
# so the heap does not grow with the list). Usage: bench/linkage/encode-speed.sh [SIZE] [XMX]
source "$(dirname "$0")/common.sh"
SIZE="${1:-1000000}"
XMX="${2:-256m}"
build_jar
generate "$SIZE" 10 0 7 "enc$SIZE"
SECRET="$(bench_secret)"
echo "== encoding $SIZE records, -Xmx$XMX; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for run in 1 2 3; do
    /usr/bin/time -v "$JAVA" -Xmx"$XMX" -jar "$JAR" encode --secret-file "$SECRET" --in "$WORK/enc${SIZE}_a.csv" \
        --out "$WORK/enc${SIZE}" > /dev/null 2> "$WORK/encode.time"
    W=$(wall_seconds "$WORK/encode.time")
    C=$(cpu_seconds "$WORK/encode.time")
    awk -v n="$SIZE" -v w="$W" -v c="$C" -v m="$(max_rss_mib "$WORK/encode.time")" -v r="$run" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN {printf "run %d: %.2f s wall, %.2f s cpu, %.0f records/s (wall), %.0f records per CPU second, peak RSS %d MiB, load %s\n", r, w, c, n / w, n / c, m, l}'
done
