#!/usr/bin/env bash
# linkage-spark against the linkage tool: SIZE x SIZE generated encodings (seed 42, half shared) at THRESHOLD, exact
# mode, end to end (JVM start, load, pairs, greedy matching, write matches.csv). The Spark job runs in local mode on
# MASTER (default local[2]) with A broadcast and B cut into chunks of PARTITION records; the tool runs with its
# default 2 threads. Both read the same files; the script checks that both matches.csv files are identical.
# With WORKERS=N (N >= 1) the job also runs on a Spark standalone cluster started here: one master and N workers of
# one core each, each executor a separate JVM (tasks, broadcast and results then really cross process boundaries).
# Usage: [WORKERS=2] bench/linkage/spark.sh [SIZE] [THRESHOLD]
# Builds into target-spark (OPENNRM_TARGET) so as not to disturb other builds of the same checkout.
WORK="${WORK:-$(cd "$(dirname "$0")" && pwd)/work/spark}"
source "$(dirname "$0")/common.sh"
SIZE="${1:-100000}"
THRESHOLD="${2:-0.8}"
MASTER="${MASTER:-local[2]}"
PARTITION="${PARTITION:-10000}"
XMX_TOOL="${XMX_TOOL:-160m}"
XMX_SPARK="${XMX_SPARK:-1g}"
TARGET="${OPENNRM_TARGET:-target-spark}"
WORKERS="${WORKERS:-0}"
(cd "$ROOT" && ./mvnw -q -pl linkage-spark -am package -DskipTests -Dspotless.check.skip=true \
    -Dopennrm.target="$TARGET" 2>&1 | grep -v '^WARNING' || true)
JAR="$ROOT/linkage/$TARGET/opennrm-linkage.jar"
SPARK_JAR="$ROOT/linkage-spark/$TARGET/opennrm-linkage-spark.jar"
test -f "$JAR" && test -f "$SPARK_JAR"

PREFIX="spark$SIZE"
generate "$SIZE" "$SIZE" 0.5 42 "$PREFIX"
encode_pair "$PREFIX"
echo "== $SIZE x $SIZE at $THRESHOLD; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

/usr/bin/time -v "$JAVA" -Xmx"$XMX_SPARK" -jar "$SPARK_JAR" link --master "$MASTER" --partition-size "$PARTITION" \
    --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_spark.csv" \
    > "$WORK/spark.out" 2> "$WORK/spark.time"
cat "$WORK/spark.out"
if [ "$WORKERS" -gt 0 ]; then
    # A Spark home for the cluster: Spark's jars only. opennrm-linkage.jar must not be on the workers' own class
    # path: PartitionJoin reaches package-private classes of the library, which only works when both jars come from
    # the same class loader (the application's, through spark.jars).
    SPARK_HOME="$WORK/sparkhome"
    rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/work"
    for jar in "$(dirname "$SPARK_JAR")"/lib/*.jar; do
        case "$(basename "$jar")" in opennrm-*) ;; *) ln -s "$jar" "$SPARK_HOME/jars/" ;; esac
    done
    export SPARK_HOME SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
    PIDS=()
    trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT
    "$JAVA" $OPENS -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
        --port 7177 --webui-port 8189 > "$WORK/master.log" 2>&1 &
    PIDS+=($!)
    for w in $(seq 1 "$WORKERS"); do
        "$JAVA" $OPENS -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
            --cores 1 --memory 1200m --webui-port $((8189 + w)) --work-dir "$SPARK_HOME/work" \
            spark://127.0.0.1:7177 > "$WORK/worker$w.log" 2>&1 &
        PIDS+=($!)
    done
    for _ in $(seq 1 120); do
        [ "$(cat "$WORK"/worker*.log | grep -c 'Successfully registered with master')" -ge "$WORKERS" ] && break
        sleep 1
    done
    /usr/bin/time -v "$JAVA" -Xmx"$XMX_SPARK" -Dspark.jars="$SPARK_JAR,$JAR" -Dspark.driver.host=127.0.0.1 \
        -Dspark.executor.memory=1g -Dspark.executor.cores=1 -jar "$SPARK_JAR" link --master spark://127.0.0.1:7177 \
        --partition-size "$PARTITION" --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" --threshold "$THRESHOLD" \
        --out "$WORK/${PREFIX}_cluster.csv" > "$WORK/cluster.out" 2> "$WORK/cluster.time"
    cat "$WORK/cluster.out"
    echo "spark (standalone, $WORKERS workers of 1 core): wall $(wall_seconds "$WORK/cluster.time") s, driver cpu $(cpu_seconds "$WORK/cluster.time") s (executors not counted)"
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if cmp -s "$WORK/${PREFIX}_cluster.csv" "$WORK/${PREFIX}_spark.csv"; then
        echo "standalone matches.csv: identical to local mode"
    else
        echo "MISMATCH: standalone and local-mode matches.csv differ"
        exit 1
    fi
fi
/usr/bin/time -v "$JAVA" -Xmx"$XMX_TOOL" -jar "$JAR" link --a "$WORK/${PREFIX}_a" --b "$WORK/${PREFIX}_b" \
    --threshold "$THRESHOLD" --out "$WORK/${PREFIX}_tool.csv" > "$WORK/tool.out" 2> "$WORK/tool.time"
cat "$WORK/tool.out"

SW=$(wall_seconds "$WORK/spark.time"); TW=$(wall_seconds "$WORK/tool.time")
SC=$(cpu_seconds "$WORK/spark.time"); TC=$(cpu_seconds "$WORK/tool.time")
awk -v n="$SIZE" -v sw="$SW" -v tw="$TW" -v sc="$SC" -v tc="$TC" -v sm="$(max_rss_mib "$WORK/spark.time")" \
    -v tm="$(max_rss_mib "$WORK/tool.time")" -v master="$MASTER" 'BEGIN {
    pairs = n * n
    printf "spark (%s): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB\n", master, sw, sc, pairs / sw / 1e6, sm
    printf "linkage tool (2 threads): wall %.2f s, cpu %.2f s, %.0f M comparisons/s, peak RSS %d MiB\n", tw, tc, pairs / tw / 1e6, tm
    printf "spark / tool: wall %.2fx, cpu %.2fx\n", sw / tw, sc / tc
}'
if cmp -s "$WORK/${PREFIX}_spark.csv" "$WORK/${PREFIX}_tool.csv"; then
    echo "matches.csv: identical ($(($(wc -l < "$WORK/${PREFIX}_tool.csv") - 1)) matches)"
else
    echo "MISMATCH: the two matches.csv files differ"
    exit 1
fi
