# Shared by the linkage benchmarks: Java 25, the linkage jar built from this checkout, a work directory.
set -euo pipefail
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$JAVA_HOME/bin/java"
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
WORK="${WORK:-$BENCH/work}"
# Build folder of the linkage module; engineers sharing one checkout set OPENNRM_TARGET=target-NAME.
TARGET="${OPENNRM_TARGET:-target}"
JAR="$ROOT/linkage/$TARGET/opennrm-linkage.jar"
CLASSES="$ROOT/linkage/$TARGET/classes"
# The realistic list generator (RealisticLists) lives in the linkage unit's test sources, which the unit tests use too.
TEST_CLASSES="$ROOT/linkage/$TARGET/test-classes"
FEBRL="${FEBRL:-/work/shared/data/febrl}"
mkdir -p "$WORK"

build_jar() {
    (cd "$ROOT" && ./mvnw -q -pl linkage package -DskipTests -Dopennrm.target="$TARGET" 2>&1 | grep -v '^WARNING' || true)
    test -f "$JAR"
}

# A fixed benchmark secret: benchmarks use synthetic data only, never a deployment secret.
bench_secret() {
    printf 'opennrm benchmark secret - synthetic data only' > "$WORK/secret"
    echo "$WORK/secret"
}

# generate SIZE_A SIZE_B OVERLAP SEED PREFIX: generated lists, reused when already present.
generate() {
    if [ ! -f "$WORK/$5_b.csv" ]; then
        "$JAVA" "$BENCH/Generate.java" "$1" "$2" "$3" "$4" "$WORK/$5"
    fi
}

# realistic SIZE SEED PREFIX: the realistic generator's lists (half shared), reused when already present.
realistic() {
    if [ ! -f "$WORK/$3_b.csv" ]; then
        "$JAVA" -cp "$CLASSES:$TEST_CLASSES" org.opennrm.linkage.population.RealisticLists "$1" 0.5 "$2" "$WORK/$3"
    fi
}

# encode PREFIX: encodes PREFIX_a.csv and PREFIX_b.csv with the default schema.
encode_pair() {
    local secret
    secret="$(bench_secret)"
    for side in a b; do
        if [ ! -f "$WORK/$1_$side.clk" ]; then
            "$JAVA" -jar "$JAR" encode --secret-file "$secret" --in "$WORK/$1_$side.csv" --out "$WORK/$1_$side" >/dev/null
        fi
    done
}

# max_rss_mib FILE: peak resident memory from a /usr/bin/time -v report.
max_rss_mib() {
    awk -F: '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"
}

wall_seconds() {
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$1"
}

cpu_seconds() {
    awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1"
}
