#!/bin/sh
# The Debian package, built as a user would build it and used from a scratch
# root:
#  1. a copy of the project's files (not build dirs) in a scratch dir, where
#     dpkg-buildpackage -b -us -uc builds specc_VERSION_ARCH.deb (VERSION
#     from CMakeLists.txt, equal to debian/changelog's), with the smoke
#     check of debian/rules in its log and nothing but the specc binary built;
#  2. the .deb holds the binary, the templates, the CMake package, the man
#     page and the copyright;
#  3. lintian (pedantic, info tags shown) reports no error or warning that
#     is not explained below;
#  4. DEB_BUILD_OPTIONS=nocheck drops the smoke check (make -n, no rebuild);
#  5. dpkg -x into a scratch root: specc runs and finds its templates there,
#     and examples/greenflash builds against it with find_package(specc).
# The user's tree is left as it was.
# usage: deb.sh SOURCE_DIR
src=$(cd "$1" && pwd) || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/common.sh"
now() { date +%s; }
start=$(now)
for tool in dpkg-buildpackage dpkg-parsechangelog lintian; do
    command -v $tool >/dev/null ||
        { echo "FAIL: $tool is not installed (tools/setup.sh installs debhelper and lintian)"; exit 1; }
done
gen=Ninja
command -v ninja >/dev/null || gen="Unix Makefiles"
version=$(sed -n 's/^project(specc VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null)
deb=specc_${version}_$arch.deb
[ -n "$version" ] || { echo "FAIL: no project(specc VERSION ...) in CMakeLists.txt"; exit 1; }
is_git=no
if git -C "$src" rev-parse --show-toplevel 2>/dev/null | grep -qx "$src"; then
    is_git=yes
    git -C "$src" status --porcelain --ignored >"$tmp/status.before"
fi
ls -d "$src"/../specc_* >"$tmp/parent.before" 2>/dev/null

# 1. Copy the project's files: in a git checkout, the tracked and the
# untracked-but-not-ignored ones; else everything but build*/, node_modules
# and .git. dpkg-buildpackage writes next to the copy, in $tmp/pkg.
copy=$tmp/pkg/specc
mkdir -p "$copy"
if [ $is_git = yes ]; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard |
        tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$copy"
else
    tar -C "$src" --anchored --exclude=./build\* --exclude=node_modules --exclude=./.git \
        -cf - . | tar -xf - -C "$copy"
fi
[ -f "$copy/debian/rules" ] && [ -f "$copy/CMakeLists.txt" ] || { echo "FAIL: copying the sources"; exit 1; }
changelog=$(dpkg-parsechangelog -l "$copy/debian/changelog" -S Version)
[ "$changelog" = "$version" ] ||
    die "debian/changelog's version $changelog is not CMakeLists.txt's $version"

t0=$(now)
(cd "$copy" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -b -us -uc) >"$tmp/build.log" 2>&1 ||
    { tail -40 "$tmp/build.log"; echo "FAIL: dpkg-buildpackage -b -us -uc"; exit 1; }
echo "dpkg-buildpackage: $(($(now) - t0)) s"
[ -f "$tmp/pkg/$deb" ] || { ls "$tmp/pkg"; echo "FAIL: no $deb"; exit 1; }
grep -q '^[0-9]* passed, 0 failed$' "$tmp/build.log" ||
    die "the build log has no smoke check (specc test specs/*.yaml: 'N passed, 0 failed')"
# Only the specc binary is built: no test suite, no tools, no bench corpus.
for t in roundtrip bench bench_corpus bench-corpus fuzz_decode tests; do
    [ ! -e "$copy/debian/build/$t" ] || die "the package build built $t"
done

# 2. The contents.
dpkg -c "$tmp/pkg/$deb" | awk '{print $6}' >"$tmp/contents"
for f in ./usr/bin/specc ./usr/share/specc/templates/runtime/specc.h \
         ./usr/lib/$multiarch/cmake/specc/speccConfig.cmake \
         ./usr/lib/$multiarch/cmake/specc/SpeccGenerate.cmake \
         ./usr/share/man/man1/specc.1.gz ./usr/share/doc/specc/copyright; do
    grep -qx "$f" "$tmp/contents" || die "$deb lacks $f"
done
[ "$(grep -c '^\./usr/bin/.' "$tmp/contents")" = 1 ] ||
    die "usr/bin holds more than specc: $(grep '^\./usr/bin/.' "$tmp/contents" | tr '\n' ' ')"

# 3. lintian on the .changes (the .deb, the -dbgsym .deb and the .buildinfo).
# Tags that only concern an upload to Debian's archive, with the reason:
#   initial-upload-closes-no-bugs: specc is not uploaded to Debian, so there
#     is no ITP bug to close.
explained="initial-upload-closes-no-bugs"
lintian -I --pedantic "$tmp/pkg/specc_${version}_$arch.changes" >"$tmp/lintian" 2>"$tmp/lintian.err"
[ $? -le 1 ] || { cat "$tmp/lintian.err"; die "lintian did not run"; }
sed 's/^/lintian: /' "$tmp/lintian"
# A line is "W: PACKAGE[ TYPE]: TAG [CONTEXT]".
grep '^[EW]: ' "$tmp/lintian" | while read -r line; do
    tag=$(printf '%s\n' "$line" | sed 's/^[EW]: [^:]*: \([^ ]*\).*/\1/')
    case " $explained " in
        *" $tag "*) ;;
        *) echo "FAIL: lintian: $line (fix it, or override it with a reason)" ;;
    esac
done | grep . && fail=1

# 4. nocheck: the smoke check's command is gone from override_dh_auto_test.
(cd "$copy" && DEB_BUILD_OPTIONS=parallel=2 debian/rules -n override_dh_auto_test) 2>&1 |
    grep -q 'specc test' || die "debian/rules override_dh_auto_test has no 'specc test'"
(cd "$copy" && DEB_BUILD_OPTIONS="parallel=2 nocheck" debian/rules -n override_dh_auto_test) 2>&1 |
    grep 'specc test' && die "DEB_BUILD_OPTIONS=nocheck still runs the smoke check"
# The build path is not in the binary (reproducible: see debian/rules).
grep -q "$copy" "$copy/debian/build/specc" && die "the packaged specc holds its build path $copy"
# The copy goes, so specc could not fall back to the templates it was built from.
rm -rf "$copy"

# 5. Unpack and use.
root=$tmp/root
dpkg -x "$tmp/pkg/$deb" "$root" || { echo "FAIL: dpkg -x $deb"; exit 1; }
unset SPECC_TEMPLATES
[ "$("$root/usr/bin/specc" --version)" = "specc $version" ] || die "specc --version in the package"
"$root/usr/bin/specc" generate -o "$tmp/direct" "$src/specs/greenflash.yaml" &&
    [ -f "$tmp/direct/greenflash.h" ] && [ -f "$tmp/direct/specc.h" ] ||
    die "the packaged specc cannot generate (templates not found next to it?)"
consume_greenflash "$root/usr" "$tmp/example"
grep -qx "specc_DIR:PATH=$root/usr/lib/$multiarch/cmake/specc" "$tmp/example/CMakeCache.txt" ||
    die "find_package(specc) did not find the package's: $(grep '^specc_DIR' "$tmp/example/CMakeCache.txt")"

# The user's tree is as it was, and nothing was written next to it.
if [ $is_git = yes ]; then
    git -C "$src" status --porcelain --ignored >"$tmp/status.after"
    cmp -s "$tmp/status.before" "$tmp/status.after" ||
        die "the source tree changed: $(diff "$tmp/status.before" "$tmp/status.after")"
fi
ls -d "$src"/../specc_* >"$tmp/parent.after" 2>/dev/null
cmp -s "$tmp/parent.before" "$tmp/parent.after" || die "files appeared next to the source tree"
echo "whole test: $(($(now) - start)) s"
exit $fail
