#!/usr/bin/env bash
# The CTDC file on N synthetic referrals (issue 25; default 20,000): starts the platform on a fresh data folder with
# N synthetic cases (the demo's generator: the region's skew of citizenships, forms, sectors, ages, means of control,
# recruiters), signs in as the statistician, asks the CTDC preview and downloads the file for every year the cases
# span, with k = 11, and prints: whether the header is CTDC's (2025 release, 27 columns), the records published and
# suppressed, the records with values generalised, and per quasi-identifier the share of records that kept a value
# they had (age band, citizenship, country of exploitation). CTDC's own k = 11 file kept about 60% of its records.
# Not part of ./mvnw verify.
#
#   CASES=20000 bench/statistics/ctdc.sh        (JAR=... to use a built jar; KEEP=1 keeps the data folder)
set -euo pipefail
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CASES=${CASES:-20000}
PORT=${PORT:-18485}
K=${K:-11}
TARGET=${TARGET:-target-bench-ctdc}
PASSWORD=bench-password-not-for-production
BASE="http://localhost:$PORT"
if [[ -z "${JAR:-}" ]]; then
    echo "== building the platform jar into platform/$TARGET"
    (cd "$ROOT" && ./mvnw -q -o -pl platform -am package -Dopennrm.target="$TARGET" -Dmaven.test.skip=true \
        -Dspotless.check.skip=true)
    JAR=$(ls "$ROOT"/platform/"$TARGET"/opennrm-platform*.jar | grep -v plain | head -1)
fi
WORK=$(mktemp -d /tmp/opennrm-bench-ctdc.XXXXXX)
LOG="$WORK/platform.log"
APP_PID=
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    fi
    if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
echo "== starting the platform ($CASES synthetic cases) on port $PORT; data in $WORK/data"
OPENNRM_DATA_DIR="$WORK/data" java -Xmx1g -jar "$JAR" --server.port="$PORT" --opennrm.demo.enabled=true \
    --opennrm.demo.synthetic-cases="$CASES" --opennrm.demo.password="$PASSWORD" >"$LOG" 2>&1 &
APP_PID=$!
for i in $(seq 1 7200); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the platform stopped:" >&2; tail -40 "$LOG" >&2; exit 1; }
    grep -q "Synthetic cases loaded\|none to add" "$LOG" && break
    if (( i % 120 == 0 )); then grep "Synthetic cases" "$LOG" | tail -1 || true; fi
    sleep 1
done
grep "Synthetic cases loaded\|none to add" "$LOG" | tail -1 | sed 's/.*Synthetic cases/Synthetic cases/'
# the statistician opens no case file and so signs in with the password alone; signin.sh stops at the second factor
COOKIES="$WORK/cookies.txt"
BASE="$BASE" USER_NAME=statistician PASSWORD="$PASSWORD" COOKIES="$COOKIES" SECRET_FILE="$WORK/no-secret" \
    bash "$ROOT/bench/identification/signin.sh" >/dev/null 2>&1 || true
FIRST=$(( $(date -u +%Y) - 3 )); LAST=$(date -u +%Y)
PAGE="$WORK/ctdc.html"
curl -s -b "$COOKIES" -o "$PAGE" "$BASE/statistics/ctdc?from=$FIRST&to=$LAST&k=$K"
grep -q 'id="ctdc-counts"' "$PAGE" || { echo "no CTDC preview (sign-in failed?)" >&2; exit 1; }
curl -s -b "$COOKIES" -o "$WORK/ctdc.csv" "$BASE/statistics/ctdc/download?from=$FIRST&to=$LAST&k=$K"
python3 - "$PAGE" "$WORK/ctdc.csv" <<'PY'
import csv, html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
counts = html.unescape(re.sub(r"<[^>]+>", "", re.search(r'id="ctdc-counts"[^>]*>(.*?)</p>', page, re.S).group(1)))
print("preview:", " ".join(counts.split()))
m = re.search(r'id="ctdc-without-consent"[^>]*>(.*?)</p>', page, re.S)
if m:
    print("        ", " ".join(html.unescape(m.group(1)).split()))
table = re.search(r'id="ctdc-generalised".*?</table>', page, re.S)
generalised = {}
if table:
    for var, n in re.findall(r"<t[hd][^>]*>\s*([A-Za-z]+)\s*</t[hd]>\s*<td[^>]*>\s*([\d,  ]+)\s*</td>", table.group(0)):
        generalised[var] = int(re.sub(r"\D", "", n))
expected = ("yearOfRegistration gender ageBroad citizenship CountryOfExploitation traffickMonths meansDebtBondageEarnings "
            "meansThreats meansAbusePsyPhySex meansFalsePromises meansDrugsAlcohol meansDenyBasicNeeds "
            "meansExcessiveWorkHours meansWithholdDocs isForcedLabour isSexualExploit isOtherExploit "
            "sectorOfLabourAgriculture sectorOfLabourConstruction sectorOfLabourDomesticWork sectorOfLabourHospitality "
            "sectorOfSexProstitution sectorOfSexPornography recruiterRelationIntimatePartner recruiterRelationFriend "
            "recruiterRelationFamily recruiterRelationOther").split()
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
header, records = rows[0], rows[1:]
print(f"header is CTDC's 2025 header (27 columns): {header == expected}")
print(f"records in the file: {len(records):,}")
for var in ("ageBroad", "citizenship", "CountryOfExploitation", "gender"):
    i = header.index(var)
    kept = sum(1 for r in records if r[i] != "NULL")
    lost = generalised.get(var, 0)
    had = kept + lost
    share = kept / had if had else float("nan")
    print(f"{var:22s} value kept in {kept:,} of the {had:,} records that had one ({share:.1%}); {lost:,} generalised")
groups = {}
for r in records:
    key = tuple(r)
    groups[key] = groups.get(key, 0) + 1
smallest = min(groups.values()) if groups else 0
print(f"smallest group of identical records in the file: {smallest}")
PY
