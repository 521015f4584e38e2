#!/bin/sh
# examples_wide.sh SPECC — an object of 10 000 required properties, each
# with an example its maxLength refuses: checking them (10 000 warnings)
# and fitting them (10 000 loosenings) must stay under 30 s of CPU time
# (a few seconds without sanitizers; inline examples are
# checked in one text per type, with a collector linear in the problems).
set -u
specc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seq 0 9999 | awk '
    BEGIN { printf "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"W\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Wide\": {\"type\": \"object\", \"properties\": {" }
    { printf "%s\"p%d\": {\"type\": \"string\", \"maxLength\": 2, \"example\": \"xyz%d\"}", (NR > 1 ? ", " : ""), $1, $1; req = req (NR > 1 ? ", " : "") "\"p" $1 "\"" }
    END { printf "}, \"required\": [%s]}}}}\n", req }' >"$work/wide.json"
python3 "$(dirname "$0")/cpu_ms.py" "$work/ms" \
    "$specc" import --fit-examples --schema Wide "$work/wide.json" >"$work/out.yaml" 2>"$work/err"
status=$?
secs=$(( $(cat "$work/ms" 2>/dev/null || echo 0) / 1000 ))
tail -2 "$work/err"
echo "exit $status in about $secs s of CPU time"
[ "$status" -eq 0 ] || exit 1
grep -q '^specc: 10000 examples checked, 10000 contradict the draft$' "$work/err" || exit 1
grep -q '^specc: loosened 10000 places so that 10000 examples fit$' "$work/err" || exit 1
[ "$(grep -c 'loosened: maxLength left out' "$work/out.yaml")" -eq 10000 ] || exit 1
[ "$secs" -lt 30 ] || { echo "too slow: $secs s of CPU time"; exit 1; }
"$specc" lint "$work/out.yaml" >/dev/null || exit 1
echo ok
