#!/bin/sh
# valgrind.sh SPECC VALGRIND DIR — every case and OpenAI's description (when
# vendored) imported under valgrind memcheck: no error, no leak.
set -u
specc=$1
valgrind=$2
dir=$3
fail=0
for input in "$dir"/cases/*.yaml "$dir"/cases/*.json "$dir"/openai/openai.yaml; do
    [ -f "$input" ] || continue
    args=$(sed -n '1s/^# args: //p' "$input")
    # shellcheck disable=SC2086
    "$valgrind" -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect,possible \
        --show-leak-kinds=definite,indirect,possible \
        "$specc" import $args "$input" >/dev/null 2>"${TMPDIR:-/tmp}/import-vg.$$"
    if [ $? -eq 99 ]; then
        echo "FAIL: $input"
        cat "${TMPDIR:-/tmp}/import-vg.$$"
        fail=1
    fi
done
rm -f "${TMPDIR:-/tmp}/import-vg.$$"
exit $fail
