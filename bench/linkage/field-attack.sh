#!/usr/bin/env bash
# Frequency attack on the name parts of the field encodings (FrequencyAttack.java): an attacker who knows the
# population's name distribution re-identifies encoded names; share of records and of distinct names named
# correctly, at field noise 0, 0.05 (the default), 0.1 and 0.2, on list A of the realistic generator.
# Usage: bench/linkage/field-attack.sh [SIZE] [SEED]
source "$(dirname "$0")/common.sh"
build_jar
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CLASSES:$TEST_CLASSES" "$BENCH/FrequencyAttack.java" "$(bench_secret)" \
    "${1:-3000}" "${2:-1}" 0,0.05,0.1,0.2
