#!/bin/sh
# examples.sh SPECC NAME — the examples of examples/NAME.yaml against the
# draft (ARGS for specc import from a line `# args: ...`):
#   - `specc import` must print exactly examples/NAME.golden: its
#     diagnostics (a warning per contradiction, the summary), its exit;
#   - `specc import --fit-examples` must print exactly NAME.fit.golden:
#     the loosened draft, its diagnostics, its exit; the draft must pass
#     `specc lint`;
#     (a case with a line `# fit: fails` must fail there, exit 1);
#   - every `# try: TARGET JSON` line of the case (one per example the
#     import checks) must then be accepted by `specc try` on the loosened
#     draft and re-encode to the same JSON value (jq, when installed).
# With SPECC_UPDATE_GOLDENS=1 it rewrites the goldens instead (review the
# diff).
set -u
specc=$1
name=$2
cd "$(dirname "$0")/examples" || exit 2
input=$name.yaml
args=$(sed -n 's/^# args: //p' "$input")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# shellcheck disable=SC2086
"$specc" import $args "$input" >/dev/null 2>"$work/err"
status=$?
{ cat "$work/err"; echo "----- exit $status"; } >"$work/actual"
# shellcheck disable=SC2086
"$specc" import --fit-examples $args "$input" >"$work/fit.yaml" 2>"$work/fit.err"
fstatus=$?
{ cat "$work/fit.yaml"; echo "----- stderr"; cat "$work/fit.err"; echo "----- exit $fstatus"; } \
    >"$work/fit.actual"

if [ "${SPECC_UPDATE_GOLDENS:-}" = 1 ]; then
    cp "$work/actual" "$name.golden"
    cp "$work/fit.actual" "$name.fit.golden"
    echo "updated $name.golden and $name.fit.golden"
else
    diff -u "$name.golden" "$work/actual" || { echo "differs from $name.golden"; fail=1; }
    diff -u "$name.fit.golden" "$work/fit.actual" || { echo "differs from $name.fit.golden"; fail=1; }
fi
if grep -q '^# fit: fails' "$input"; then
    [ "$fstatus" -eq 1 ] || { echo "--fit-examples was to fail (exit 1), got $fstatus"; exit 1; }
    exit $fail
fi
[ "$fstatus" -eq 0 ] || { echo "--fit-examples failed"; exit 1; }
"$specc" lint "$work/fit.yaml" >/dev/null || { echo "the loosened draft does not pass specc lint"; fail=1; }

# Every example listed, and each accepted by the loosened draft.
checked=$(sed -n 's/^specc: \([0-9]*\) examples\{0,1\} checked.*/\1/p' "$work/err")
listed=$(grep -c '^# try: ' "$input")
if [ "${checked:-0}" -ne "$listed" ]; then
    echo "$input lists $listed '# try:' lines, the import checks ${checked:-0} examples"
    fail=1
fi
grep '^# try: ' "$input" | while IFS= read -r line; do
    rest=${line#\# try: }
    target=${rest%% *}
    json=${rest#* }
    printf '%s' "$json" >"$work/example.json"
    if ! "$specc" try "$work/fit.yaml" "$target" "$work/example.json" >"$work/encoded.json" 2>"$work/try.err"; then
        cat "$work/try.err"
        echo "FAIL: $target rejects $json"
        exit 1
    fi
    if command -v jq >/dev/null 2>&1 &&
        [ "$(jq -cS . "$work/example.json")" != "$(jq -cS . "$work/encoded.json")" ]; then
        echo "FAIL: $target re-encodes $json as $(cat "$work/encoded.json")"
        exit 1
    fi
done || fail=1
exit $fail
