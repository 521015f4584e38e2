#!/bin/sh
# run.sh SPECC NAME — `specc try messages.yaml Ticket payloads/NAME.json`
# must print exactly NAME.out (standard error, then standard output, then
# the exit status). With SPECC_UPDATE_GOLDENS=1 it rewrites NAME.out from
# the current output instead (then review the diff).
set -u
specc=$1
name=$2
cd "$(dirname "$0")" || exit 2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$specc" try messages.yaml Ticket "payloads/$name.json" >"$actual.out" 2>"$actual"
status=$?
cat "$actual.out" >>"$actual"
rm -f "$actual.out"
echo "exit $status" >>"$actual"
if [ "${SPECC_UPDATE_GOLDENS:-}" = 1 ]; then
    cp "$actual" "$name.out"
    echo "updated $name.out"
    exit 0
fi
if ! diff -u "$name.out" "$actual"; then
    echo "output differs from $name.out (refresh with SPECC_UPDATE_GOLDENS=1 if intended)"
    exit 1
fi
