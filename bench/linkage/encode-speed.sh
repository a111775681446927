#!/usr/bin/env bash
# Encoding speed: records per second for the default schema on generated lists (1,000,000 records by default),
# wall clock of the whole CLI run (JVM start, CSV read, encoding, schema check, writing .clk/.ids).
# Usage: bench/linkage/encode-speed.sh [SIZE]
source "$(dirname "$0")/common.sh"
SIZE="${1:-1000000}"
build_jar
generate "$SIZE" 10 0 7 "enc$SIZE"
SECRET="$(bench_secret)"
echo "== encoding $SIZE records; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for run in 1 2; do
    /usr/bin/time -v "$JAVA" -Xmx2g -jar "$JAR" encode --secret-file "$SECRET" --in "$WORK/enc${SIZE}_a.csv" \
        --out "$WORK/enc${SIZE}" > /dev/null 2> "$WORK/encode.time"
    W=$(wall_seconds "$WORK/encode.time")
    awk -v n="$SIZE" -v w="$W" -v c="$(cpu_seconds "$WORK/encode.time")" -v m="$(max_rss_mib "$WORK/encode.time")" \
        -v r="$run" 'BEGIN {printf "run %d: %.2f s wall, %.2f s cpu, %.0f records/s, peak RSS %d MiB\n", r, w, c, n / w, m}'
done
