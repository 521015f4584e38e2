#!/bin/sh
# examples_valgrind.sh SPECC VALGRIND DIR — every case of DIR/examples/
# imported with and without --fit-examples under valgrind memcheck: no
# error, no leak.
set -u
specc=$1
valgrind=$2
dir=$3
fail=0
log=${TMPDIR:-/tmp}/import-examples-vg.$$
for input in "$dir"/examples/*.yaml; do
    args=$(sed -n 's/^# args: //p' "$input")
    for fit in "" --fit-examples; do
        # shellcheck disable=SC2086
        "$valgrind" -q --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible \
            --show-leak-kinds=definite,indirect,possible \
            "$specc" import $fit $args "$input" >/dev/null 2>"$log"
        if [ $? -eq 99 ]; then
            echo "FAIL: $input $fit"
            cat "$log"
            fail=1
        fi
    done
done
rm -f "$log"
exit $fail
