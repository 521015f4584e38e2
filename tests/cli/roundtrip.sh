#!/bin/sh
# The roundtrip tool as a user meets it: --list, a good payload, bad ones.
# usage: roundtrip.sh SPECC SOURCE_DIR BUILD_DIR
src=$2 rt=$3/roundtrip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
run() { # run STDIN_TEXT TARGET -> sets status, out, err
    printf '%s' "$1" >"$tmp/in"
    "$rt" "$2" - <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
    status=$?
}
expect_error() { # expect_error TARGET JSON LINE
    run "$2" "$1"
    [ "$status" -eq 1 ] || die "$1 $2: exit $status, want 1"
    grep -qF -- "$3" "$tmp/err" || { die "$1 $2: stderr lacks '$3':"; cat "$tmp/err"; }
}

"$rt" --list >"$tmp/list" || die "--list failed"
for t in llmstats.get_model.200 llmstats.get_model.401 llmstats.get_model.404 \
         openwebui.get_model.200 openwebui.get_model.401 openwebui.get_model.404 \
         greenflash.get_model.200 baseten.get_model.200 respan.get_model.200 \
         respan.get_model.401 greenflash.Model greenflash.Product \
         github.get_repo.200 github.list_repos_for_user.200 github.create_repo.4XX \
         github.CreateRepositoryRequest stripe.retrieve_customer.200 \
         stripe.retrieve_customer.default stripe.AnyCustomer; do
    grep -qx "$t" "$tmp/list" || die "--list lacks $t"
done
"$rt" >/dev/null 2>&1; [ $? -eq 2 ] || die "no arguments: want exit 2"
"$rt" nosuch.Target - </dev/null >/dev/null 2>&1; [ $? -eq 2 ] || die "unknown target: want exit 2"
"$rt" greenflash.Model /no/such/file >/dev/null 2>&1; [ $? -eq 2 ] || die "missing file: want exit 2"

# A docs sample goes through and comes back as JSON.
"$rt" greenflash.get_model.200 "$src/specs/samples/greenflash/get_model.200.json" >"$tmp/out" ||
    die "greenflash sample rejected: $(cat "$tmp/out")"
grep -q '"conversationCount":3200' "$tmp/out" || die "re-encoded JSON lacks a product count"

# Wrong types, with the path first, as people read it.
gf=$(cat "$src/specs/samples/greenflash/get_model.200.json")
bad=$(printf '%s' "$gf" | sed 's/"conversationCount": 1320/"conversationCount": "1320"/')
expect_error greenflash.get_model.200 "$bad" '$.products[1].conversationCount: expected number, got string "1320"'
# Invalid JSON: line and column.
expect_error greenflash.Product '{"id": "x",
  "name": }' "(line 2, column 11)"
expect_error greenflash.Product '{"id": "789e4567-e89b-12d3-a456-426614174010", "id": "x"}' "duplicate key"
expect_error respan.get_model.200 '{"id": "a", "model_name": "a", "display_name": "a", "affiliation_category": "custom", "max_context_window": 99999999999999999999}' "line 1"
expect_error greenflash.Product '{"id": "not-a-uuid", "name": "n", "icon": null, "conversationCount": 1}' '$.id: '
expect_error greenflash.Product '[1, 2' "line 1"
# Every violation is listed, one per line.
run '{"id": "nope", "name": 5, "icon": null, "conversationCount": 1}' greenflash.Product
[ "$status" -eq 1 ] || die "two problems: exit $status"

# Every sample, through the tool: accepted, and the output is a fixed point
# (the sample/ ctests compare it with the input value by value).
for f in "$src"/specs/samples/*/*.json; do
    api=$(basename "$(dirname "$f")")
    name=$(basename "$f")
    target=$api.$(echo "$name" | sed -E 's/^([a-z0-9_]+)\.([0-9]{3}).*/\1.\2/')
    "$rt" "$target" "$f" >"$tmp/once" 2>"$tmp/err" || { die "$target $name rejected: $(cat "$tmp/err")"; continue; }
    "$rt" "$target" "$tmp/once" >"$tmp/twice" 2>"$tmp/err" || die "$target: own output rejected"
    cmp -s "$tmp/once" "$tmp/twice" || die "$target $name: output is not a fixed point"
    # Decoding into an arena answers the same, byte for byte.
    "$rt" --arena "$target" "$f" >"$tmp/arena" 2>"$tmp/err" || die "$target $name: --arena rejects it"
    cmp -s "$tmp/once" "$tmp/arena" || die "$target $name: --arena prints other bytes"
done
# And refuses the same way (the same lines on stderr, exit 1).
printf '{"id": "x", "name": 5, "icon": null, "conversationCount": "1"}' >"$tmp/in"
"$rt" greenflash.Product "$tmp/in" >/dev/null 2>"$tmp/err"; want=$?
"$rt" --arena greenflash.Product "$tmp/in" >/dev/null 2>"$tmp/err2"; got=$?
[ "$want" -eq 1 ] && [ "$got" -eq 1 ] || die "--arena on a bad payload: exit $got, without $want"
cmp -s "$tmp/err" "$tmp/err2" || die "--arena reports other problems: $(cat "$tmp/err2")"

# What REAL-WORLD.md says the services send survives byte for byte.
keeps() { # keeps TARGET SAMPLE TEXT...
    target=$1 file=$src/specs/samples/$2
    shift 2
    "$rt" "$target" "$file" >"$tmp/out" 2>"$tmp/err" || { die "$target $file: $(cat "$tmp/err")"; return; }
    for text in "$@"; do
        grep -qF -- "$text" "$tmp/out" || die "$file: output lost $text"
    done
}
keeps respan.get_model.200 respan/get_model.200.rw-global.json '"provider":null'
keeps respan.get_model.200 respan/get_model.200.rw-custom-nulls.json '"input_cost":0.0' '"output_cost":0.0'
keeps openwebui.get_model.200 openwebui/get_model.200.rw-nulls.json '"user":null'
keeps baseten.get_model.200 baseten/get_model.200.json '"cost_per_million_input_tokens":"0.13"' '"cost_per_million_output_tokens":"0.50"'
keeps llmstats.get_model.200 llmstats/get_model.200.rw-inference.json '"inference":{'
# Keys the official schemas do not declare, in the vendors' own examples.
# (parent's subscribers_count and network_count, and source's
# security_and_analysis, kept byte for byte as sent: newlines included).
keeps github.get_repo.200 github/get_repo.200.json '"watchers":1,"subscribers_count":42,"network_count":0}' \
    '"security_and_analysis":{' '"secret_scanning_delegated_alert_dismissal": {'
keeps stripe.retrieve_customer.200 stripe/retrieve_customer.200.expanded.json '"account_balance":0'
# A status that only a range or default covers names that response.
keeps github.create_repo.404 github/get_repo.404.json '"message":"Not Found"'
keeps stripe.retrieve_customer.402 stripe/list_customers.400.json '"type":"invalid_request_error"'
# Every sample with an undeclared key whose value jansson cannot hold, as a
# user would add it: roundtrip accepts it and writes the value back byte for
# byte (tests/unknown/ does the same at every level).
for sample in "$src"/specs/samples/*/*.json; do
    api=$(basename "$(dirname "$sample")")
    target="$api.$(basename "$sample" | sed -E 's/^([a-z0-9_]+)\.([0-9]{3}).*/\1.\2/')"
    for value in 18446744073709551615 1.5e400 \
                 '{"a":[18446744073709551616,1e-400,{"b":-9223372036854775809}]}' 1.0E+2; do
        sed "0,/{/s//{\"zzUndeclared\":$(printf '%s' "$value" | sed 's/[&/\]/\\&/g'),/" \
            "$sample" >"$tmp/in"
        "$rt" "$target" "$tmp/in" >"$tmp/out" 2>"$tmp/err" ||
            { die "$target $sample + $value: exit $?"; cat "$tmp/err"; continue; }
        grep -qF "\"zzUndeclared\":$value" "$tmp/out" ||
            die "$target $sample: $value not written back byte for byte"
    done
done
exit $fail
