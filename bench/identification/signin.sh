#!/usr/bin/env bash
# Signs an account in through the pages (password, then the second factor) and leaves the session in a cookie
# jar. The first sign-in of an account enrols its authenticator: the secret is kept in SECRET_FILE so that a
# later run against the same installation can answer the second-factor question instead of enrolling again.
#
#   BASE=http://localhost:18484 USER_NAME=casemanager PASSWORD=... COOKIES=jar.txt SECRET_FILE=secret.txt signin.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${BASE:?}" "${USER_NAME:?}" "${PASSWORD:?}" "${COOKIES:?}" "${SECRET_FILE:?}"
csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1; }
rm -f "$COOKIES"
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | csrf_of)
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" \
    --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" \
    "$BASE/login"
ENROL=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/sign-in/second-factor/enrol")
SECRET=$(echo "$ENROL" | sed -n 's/.*<code id="secret"[^>]*>\([^<]*\)<.*/\1/p' | head -1)
if [[ -n "$SECRET" ]]; then
    echo "$SECRET" >"$SECRET_FILE"
    TOKEN=$(echo "$ENROL" | csrf_of)
    RECOVERY=$(curl -s -c "$COOKIES" -b "$COOKIES" --data-urlencode "code=$(python3 "$HERE/totp.py" "$SECRET")" \
        --data-urlencode "_csrf=$TOKEN" "$BASE/sign-in/second-factor/enrol")
    TOKEN=$(echo "$RECOVERY" | csrf_of)
    curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$TOKEN" \
        "$BASE/sign-in/second-factor/enrol/done"
else
    [[ -s "$SECRET_FILE" ]] || { echo "$USER_NAME is enrolled already and $SECRET_FILE holds no secret" >&2; exit 1; }
    TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/sign-in/second-factor" | csrf_of)
    curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" \
        --data-urlencode "code=$(python3 "$HERE/totp.py" "$(cat "$SECRET_FILE")")" --data-urlencode "_csrf=$TOKEN" \
        "$BASE/sign-in/second-factor"
fi
