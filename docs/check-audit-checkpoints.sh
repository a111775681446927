#!/bin/sh
# Checks every line of an OpenNRM audit checkpoint file against the audit checkpoint public key.
# usage: check-checkpoints.sh audit-checkpoints.log audit-checkpoint-key.pem
set -eu
file=$1; key=$2; bad=0; n=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
while read -r version sequence hash at keyid signature; do
  n=$((n + 1))
  printf 'opennrm-audit-checkpoint %s %s %s %s' "$version" "$sequence" "$hash" "$at" > "$work/message"
  printf '%s' "$signature" | base64 -d > "$work/signature"
  if ! openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$work/message" -sigfile "$work/signature" >/dev/null; then
    echo "line $n (sequence $sequence): signature INVALID"; bad=$((bad + 1))
  fi
done < "$file"
echo "$n checkpoints, $bad invalid; last: $(tail -n 1 "$file" | cut -d' ' -f2-4)"
[ "$bad" -eq 0 ]
