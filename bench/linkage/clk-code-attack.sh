#!/usr/bin/env bash
# Sex and citizenship read off record-level encodings (.clk) by bit co-occurrence (ClkCodeAttack.java), with the
# default schema unhardened, balanced and XOR-folded, on list A of the realistic generator.
# Usage: bench/linkage/clk-code-attack.sh [SIZE] [SEED]
source "$(dirname "$0")/common.sh"
build_jar
"$JAVA" -cp "$CLASSES:$TEST_CLASSES" "$BENCH/ClkCodeAttack.java" "$(bench_secret)" "${1:-3000}" "${2:-1}" none balanced xor-fold
