#!/usr/bin/env bash
# Labour-inspection targeting benchmark (issue 23): a seeded synthetic inspectorate (default 20,000 workplaces, five
# years, 2,000 inspections a year of which 10% drawn by lot, a hidden risk structure and a biased choice by the
# inspectors), then a temporal backtest at capacity k: precision at k of the risk model against random choice and
# against re-inspecting last year's violators, against the hidden truth and against the observed inspections.
# No database, no network. Not part of ./mvnw verify.
# Usage: bench/prevention/inspection.sh [WORKPLACES] [CAPACITY] [SEED]   (defaults 20000 1000 2026)
. "$(dirname "$0")/../lib.sh"
bench_classpath test
echo "== inspection targeting benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" org.opennrm.prevention.inspection.InspectionBenchmark "$@"
