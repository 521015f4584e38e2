#!/bin/sh
# The command line: exit statuses 0/1/2, help, version, messages.
# usage: usage.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
fail=0
expect() { # expect STATUS PATTERN -- ARGS...
    want=$1 pattern=$2
    shift 3
    out=$("$specc" "$@" 2>&1)
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: specc $*: exit $got, want $want"; echo "$out"; fail=1
    elif ! printf '%s\n' "$out" | grep -q -- "$pattern"; then
        echo "FAIL: specc $*: output lacks '$pattern':"; echo "$out"; fail=1
    fi
}
expect 2 "missing command" --
expect 2 "unknown command 'frobnicate'" -- frobnicate
expect 2 "generate needs -o DIR" -- generate "$src/tests/kitchen/kitchen.yaml"
expect 2 "needs at least one SPEC" -- lint
expect 2 "unknown option '--bogus'" -- lint --bogus x.yaml
expect 2 "needs a directory" -- check -o
expect 0 "usage: specc generate" -- --help
expect 0 "specc runtime  --list" -- --help
expect 0 "^specc [0-9]" -- --version
expect 0 "kitchen.yaml: ok" -- lint "$src/tests/kitchen/kitchen.yaml"
expect 1 "no-such.yaml: error: cannot read" -- lint no-such.yaml
expect 0 '"api": "kitchen"' -- dump-model "$src/tests/kitchen/kitchen.yaml"
# Two specs with the same api are rejected.
expect 1 "is also the api of" -- lint "$src/tests/kitchen/kitchen.yaml" "$src/tests/kitchen/kitchen.yaml"
exit $fail
