#!/bin/sh
# run.sh — the ajv-differential ctests: export the schemas, then compare.
# usage: run.sh NODE SPECC VERDICTS SOURCE_DIR SCHEMA_DIR SUITE SPEC.yaml...
# (SUITE: specs or kitchen2, as differential.mjs takes it)
set -u
node=$1 specc=$2 verdicts=$3 source=$4 schemas=$5 suite=$6
shift 6
here=$(dirname "$0")
if [ ! -d "$here/node_modules/ajv" ] || [ ! -d "$here/node_modules/ajv-formats" ]; then
    echo "ajv-differential: $here/node_modules is missing or incomplete:" >&2
    echo "  run: npm ci --prefix tests/ajv   (or tools/setup.sh)" >&2
    exit 1
fi
rm -rf "$schemas" && mkdir -p "$schemas" || exit 1
"$specc" schema -o "$schemas" "$@" || { echo "ajv-differential: specc schema failed" >&2; exit 1; }
exec "$node" "$here/differential.mjs" "$schemas" "$verdicts" "$source" "$suite"
