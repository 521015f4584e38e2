#!/bin/sh
# openai.sh SPECC DIR — import all of DIR/openai.yaml (OpenAI's description,
# vendored with its LICENSE and COMMIT): it must take under 5 s of CPU time
# (about half a second without sanitizers), print nothing but warnings and
# notes, lint clean, and the C that `specc generate` writes from it must
# compile with the strictest flags the project uses. Skipped (77) when the
# file is not there.
set -u
specc=$1
dir=$2
[ -f "$dir/openai.yaml" ] || { echo "no $dir/openai.yaml: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/cpu_ms.py" "$work/ms" \
    "$specc" import "$dir/openai.yaml" >"$work/openai.spec.yaml" 2>"$work/err"
status=$?
ms=$(cat "$work/ms" 2>/dev/null || echo 0)
echo "import: exit $status in $ms ms of CPU time"
[ "$status" -eq 0 ] || { cat "$work/err"; exit 1; }
# Expected: places not expressed, renames, and the description's own
# examples that contradict it (each a warning, then one summary line).
if grep -v ': warning: not expressed: \|: note: \|: warning: example of \|^specc: [0-9]* examples checked' "$work/err"; then
    echo "unexpected diagnostics above"
    exit 1
fi
[ "$ms" -lt 5000 ] || { echo "too slow: $ms ms"; exit 1; }
echo "not expressed, by reason:"
sed -n 's/.*: warning: not expressed: //p' "$work/err" | sort | uniq -c | sort -rn
printf 'endpoints: %s\ntypes: %s\n' \
    "$(awk '/^endpoints:/{e=1;next} /^[a-z]/{e=0} e && /^  [^ ]/{n++} END{print n+0}' "$work/openai.spec.yaml")" \
    "$(awk '/^types:/{e=1;next} /^[a-z]/{e=0} e && /^  [^ ]/{n++} END{print n+0}' "$work/openai.spec.yaml")"
"$specc" lint "$work/openai.spec.yaml" || exit 1
"$specc" generate -o "$work/gen" "$work/openai.spec.yaml" || exit 1
for c in "$work"/gen/*.c; do
    cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -D_POSIX_C_SOURCE=200809L -I"$work/gen" -c "$c" -o "$work/out.o" ||
        { echo "FAIL: $c does not compile"; exit 1; }
done
echo "ok"
