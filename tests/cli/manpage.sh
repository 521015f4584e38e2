#!/bin/sh
# man/specc.1 keeps up with `specc --help`: every command has a synopsis line
# and an entry under COMMANDS, every option of --help is in the page, the
# version in its title is specc's, and groff renders it without a warning.
# usage: manpage.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
page=$src/man/specc.1
fail=0
die() { echo "FAIL: $*"; fail=1; }
help=$("$specc" --help) || { echo "FAIL: specc --help"; exit 1; }
# The page with roff's \- read as -.
text=$(sed 's/\\-/-/g' "$page")
# Commands: the usage lines' second word ("specc generate -o DIR ...").
commands=$(printf '%s\n' "$help" | sed -n 's/^\(usage:\)\{0,1\} *specc \([a-z][a-z-]*\).*/\2/p')
[ -n "$commands" ] || die "found no commands in specc --help"
for c in $commands; do
    printf '%s\n' "$text" | grep -qx "\.B specc $c" || die "man page: no synopsis line for '$c'"
    printf '%s\n' "$text" | grep -A1 -x '\.TP' | grep -qx "\.B $c" ||
        die "man page: no entry for '$c' under COMMANDS"
done
# Options: every -x or --word in --help.
options=$(printf '%s\n' "$help" | grep -o -- '\(^\|[ [|]\)--*[a-z][a-z-]*' | sed 's/^[ [|]*//' | sort -u)
for o in $options; do
    printf '%s\n' "$text" | grep -q -- "$o\\([^a-z-]\\|\$\\)" || die "man page: option $o is missing"
done
version=$("$specc" --version | sed 's/^specc //')
grep -q "^\.TH SPECC 1 .*\"specc $version\"" "$page" || die "man page title is not for specc $version"
if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || die "groff warns: $warnings"
fi
exit $fail
