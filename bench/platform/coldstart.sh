#!/usr/bin/env bash
# Cold start of the packaged platform: a first start on an empty data folder (initdb, migrations, demo
# seed), then a restart on the same data. Prints the time until /actuator/health/readiness answers and
# the resident memory of the JVM and of the embedded PostgreSQL processes.
# Usage: bench/platform/coldstart.sh [path/to/opennrm-platform.jar]
set -u
cd "$(dirname "$0")/../.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JAR=${1:-platform/target/opennrm-platform.jar}
[ -f "$JAR" ] || ./mvnw -B -q -ntp -pl platform -am package -Dmaven.test.skip=true -Dspotless.check.skip=true
PORT=${PORT:-8093}
DIR=$(mktemp -d)
for run in first restart; do
  start=$(date +%s.%N)
  OPENNRM_DATA_DIR=$DIR SERVER_PORT=$PORT "$JAVA_HOME/bin/java" -jar "$JAR" > "$DIR/$run.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.2; done
  ready=$(date +%s.%N)
  sleep 5
  rss_java=$(ps -o rss= -p $pid)
  rss_pg=$(pgrep -f "postgres.*$DIR" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
  cpu=$(ps -o times= -p $pid)
  printf '%-8s ready after %5.1f s (JVM CPU %s s); JVM RSS %d MiB; PostgreSQL RSS %d MiB; load %s\n' \
    "$run" "$(echo "$ready - $start" | bc)" "$cpu" $((rss_java / 1024)) $((rss_pg / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null
done
echo "demo seeded on first start: $(grep -c 'demo installation created' "$DIR/first.log"), on restart: $(grep -c 'demo installation created' "$DIR/restart.log")"
rm -rf "$DIR"
