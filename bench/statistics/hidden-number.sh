#!/usr/bin/env bash
# Simulation benchmark of the hidden number: seeded heterogeneous populations with dependent lists (3 to 6 lists,
# 500 to 50,000 people); coverage of the 95% interval, median relative error and fit time per model (main effects,
# AIC, BIC, Rasch-type alone and with AIC's interactions, logit-normal, two-class, latent class, and the interval the estimates page
# recommends), with coverage per number of lists. Not part of ./mvnw verify.
# Usage: bench/statistics/hidden-number.sh [--quick] [--populations N] [--threads P] [--verbose] [--classes K]
#        [--burn-in B] [--samples M] [--thinning T] [--seed S] [--scenario standard|classes|visible|severe]
#        [--only i,j,...]
. "$(dirname "$0")/../lib.sh"
bench_classpath
bench_compile "$ROOT/bench/statistics/src/org/opennrm/statistics/HiddenNumberBenchmark.java"
echo "== hidden number benchmark; load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx1g -cp "$WORK/classes:$CP" org.opennrm.statistics.HiddenNumberBenchmark "$@"
