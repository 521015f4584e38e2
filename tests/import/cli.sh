#!/bin/sh
# cli.sh SPECC — `specc import` on the command line: usage errors exit 2,
# --fit-examples says what it loosened, -o writes the file that standard output
# would get, - reads standard input, two runs give the same bytes, a file
# that cannot be read exits 1.
set -u
specc=$1
cases=$(dirname "$0")/cases
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
status() { # WANT DESCRIPTION COMMAND...
    want=$1
    what=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, wanted $want"
        cat "$work/err"
        fail=1
    fi
}
status 2 "no input" "$specc" import
status 2 "two inputs" "$specc" import "$cases/options.yaml" "$cases/bodies.yaml"
status 2 "unknown option" "$specc" import --bogus "$cases/options.yaml"
status 2 "missing value" "$specc" import "$cases/options.yaml" --operation
status 2 "bad --api" "$specc" import --api Bad-Name "$cases/options.yaml"
status 0 "--fit-examples" "$specc" import --fit-examples "$cases/../examples/nulls.yaml"
grep -q "^specc: loosened [0-9]* places\? so that [0-9]* examples\? fit" "$work/err" ||
    { echo "FAIL: --fit-examples says nothing:"; cat "$work/err"; fail=1; }
status 1 "missing file" "$specc" import "$work/none.yaml"
status 0 "stdout" "$specc" import "$cases/responses.yaml"
cp "$work/out" "$work/first"
status 0 "-o" "$specc" import -o "$work/draft.yaml" "$cases/responses.yaml"
cmp -s "$work/first" "$work/draft.yaml" || { echo "FAIL: -o differs from standard output"; fail=1; }
[ -s "$work/out" ] && { echo "FAIL: -o also printed"; fail=1; }
"$specc" import - <"$cases/responses.yaml" >"$work/stdin" 2>"$work/err"
cmp -s "$work/first" "$work/stdin" || { echo "FAIL: standard input differs"; fail=1; }
grep -q "^<stdin>:" "$work/err" || { echo "FAIL: standard input is not named <stdin>"; fail=1; }
"$specc" import "$cases/responses.yaml" 2>/dev/null >"$work/again"
cmp -s "$work/first" "$work/again" || { echo "FAIL: two runs differ"; fail=1; }
"$specc" --help | grep -q "specc import" || { echo "FAIL: --help does not name import"; fail=1; }
[ "$fail" -eq 0 ] && echo ok
exit $fail
