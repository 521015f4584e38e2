#!/bin/sh
# run.sh BUILD_DIR SECONDS — run the libFuzzer targets for SECONDS each from
# seed corpora (the samples and negative payloads, and for fuzz_try the
# kitchen2 payloads and ajv cases too; the specs and bad specs; for
# fuzz_import, tests/import/seeds and one slice of
# tests/import/openai/openai.yaml per operation; for fuzz_double,
# tests/regression/fuzz_double),
# then check that every spec the spec fuzzer kept and specc accepts generates
# C that compiles strictly. Exit 1 on any finding; a crashing input is left
# in BUILD_DIR/fuzz-artifacts/ — copy it into tests/regression/<target>/.
set -u
build=$1 seconds=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$build/fuzz-work
rm -rf "$work" && mkdir -p "$work/decode" "$work/spec" "$work/try" "$work/artifacts"
fail=0

"$build/make_corpus" "$work/decode" "$src"/specs/samples/*/*.json "$src"/tests/negative/*.tsv || exit 1
"$build/make_try_corpus" "$work/try" "$src"/specs/samples/*/*.json "$src"/tests/kitchen2/payloads/*.json \
    "$src"/tests/negative/*.tsv "$src"/tests/kitchen2/ajv-cases.tsv || exit 1
cp "$src"/specs/*.yaml "$src"/tests/kitchen/kitchen.yaml "$src"/tests/kitchen2/kitchen2.yaml \
   "$src"/tests/cli/hostile.yaml \
   "$src"/tests/bad-specs/*.yaml "$work/spec/"
mkdir -p "$work/import" && cp "$src"/tests/import/seeds/* "$work/import/" || exit 1
mkdir -p "$work/double"
python3 "$src/tests/import/make_slices.py" "$src/tests/import/openai/openai.yaml" "$work/import" 65536 ||
    { echo "run.sh: cannot slice openai.yaml (python3 with PyYAML: tools/setup.sh)"; exit 1; }
for t in decode spec try import double; do
    [ -d "$src/tests/regression/fuzz_$t" ] && cp "$src/tests/regression/fuzz_$t"/* "$work/$t/" 2>/dev/null
    echo "fuzz_$t: $seconds s"
    "$build/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" "$work/$t" \
        >"$work/fuzz_$t.log" 2>&1 || { echo "FINDING in fuzz_$t:"; tail -40 "$work/fuzz_$t.log"; fail=1; }
    grep -E "^stat::number_of_executed_units|^Done" "$work/fuzz_$t.log"
done

# Every accepted spec in the spec corpus generates C that compiles strictly.
accepted=0
for f in $(ls "$work/spec" | sort | head -400); do
    spec=$work/spec/$f
    "$build/specc" lint "$spec" >/dev/null 2>&1 || continue
    # The api name is also the file stem: skip corpus entries sharing one.
    out=$work/gen/$f
    rm -rf "$out"
    "$build/specc" generate -o "$out" "$spec" >/dev/null 2>&1 || { echo "FAIL: generate $f"; fail=1; continue; }
    for c in "$out"/*.c; do
        case $c in */specc_*.c) continue ;; esac
        cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -D_POSIX_C_SOURCE=200809L -I"$out" -c "$c" -o "$work/out.o" 2>"$work/cc.log" ||
            { echo "FAIL: generated C of an accepted spec does not compile: $f"; cat "$work/cc.log"; fail=1; }
    done
    accepted=$((accepted + 1))
done
echo "accepted specs compiled: $accepted"
exit $fail
