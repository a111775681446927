#!/bin/sh
# The slowest test classes of the last build, from the reports surefire and failsafe write:
#   docs/test-times.sh [platform/target] [how many]
# Seconds, tests, class; the first class of each Spring application context also carries that context's start.
# Then how many application contexts were started (each "Started ... in" line of a report; only reports that kept
# the test output count).
target=${1:-platform/target}
count=${2:-15}
for reports in surefire-reports failsafe-reports; do
    [ -d "$target/$reports" ] || continue
    echo "== $reports"
    for file in "$target/$reports"/TEST-*.xml; do
        head=$(grep -o '<testsuite [^>]*' "$file" | head -1)
        time=$(echo "$head" | grep -o ' time="[^"]*"' | cut -d'"' -f2)
        tests=$(echo "$head" | grep -o ' tests="[^"]*"' | cut -d'"' -f2)
        echo "$time $tests $(basename "$file" .xml | sed 's/^TEST-//')"
    done | sort -rn | head -n "$count"
    total=$(cat "$target/$reports"/TEST-*.xml | grep -o '<testsuite [^>]*' | grep -o ' time="[^"]*"' | cut -d'"' -f2 \
        | awk '{ s += $1 } END { printf "%.0f", s }')
    started=$(cat "$target/$reports"/TEST-*.xml | grep -c 'Started [A-Za-z]* in [0-9.]* seconds')
    echo "total ${total} s; application contexts started (as reported): ${started}"
done
