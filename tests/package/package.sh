#!/bin/sh
# The three ways of use, as a user would do them:
#  1. cmake --install to a prefix, moved elsewhere (templates are found
#     relative to the binary), then examples/greenflash with find_package();
#  2. a fresh three-line project: find_package + specc_generate +
#     target_link_libraries, where editing one spec rebuilds only its code,
#     and nothing rebuilds when nothing changed;
#  3. the same with add_subdirectory(specc source).
# usage: package.sh SPECC SOURCE_DIR BUILD_DIR
src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/common.sh"
unset SPECC_TEMPLATES
gen=Ninja
command -v ninja >/dev/null || gen="Unix Makefiles"

# 1. Install, relocate, consume.
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
mv "$tmp/prefix" "$tmp/moved"
"$tmp/moved/bin/specc" generate -o "$tmp/direct" "$src/specs/greenflash.yaml" ||
    die "installed specc cannot find its templates after the prefix moved"
consume_greenflash "$tmp/moved" "$tmp/example"

# 2. Three lines in a fresh project; incremental rebuilds.
mkdir -p "$tmp/app"
cp "$src/specs/greenflash.yaml" "$tmp/app/a.yaml"
cp "$src/specs/baseten.yaml" "$tmp/app/b.yaml"
cat >"$tmp/app/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(app C)
find_package(specc REQUIRED)
specc_generate(TARGET apis SPECS a.yaml b.yaml)
add_executable(app main.c)
target_link_libraries(app PRIVATE apis)
CMAKE
cat >"$tmp/app/main.c" <<'C'
#include "baseten.h"
#include "greenflash.h"
int main(void) { return greenflash_type_count > 0 && baseten_type_count > 0 ? 0 : 1; }
C
cmake -S "$tmp/app" -B "$tmp/app/build" -G "$gen" -DCMAKE_PREFIX_PATH="$tmp/moved" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; die "three-line project does not configure"; }
cmake --build "$tmp/app/build" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "three-line project does not build"; }
"$tmp/app/build/app" || die "app failed"
app() { cmake --build "$tmp/app/build"; }

rebuild app
[ -z "$(objects "$tmp/app/build")" ] || die "a build with nothing changed recompiled: $(objects "$tmp/app/build")"
touch "$tmp/app/b.yaml"
rebuild app
[ -z "$(objects "$tmp/app/build")" ] || die "touching a spec (same bytes) recompiled: $(objects "$tmp/app/build")"
sed -i 's/^title: .*/title: Edited Greenflash/' "$tmp/app/a.yaml"
rebuild app
# greenflash.c and what includes greenflash.h (main.c); not baseten.c, not the runtime.
case "$(objects "$tmp/app/build")" in
    "greenflash.c.o main.c.o ") ;;
    *) die "editing a.yaml should recompile greenflash.c.o and main.c.o only, got: $(objects "$tmp/app/build")" ;;
esac
touch "$tmp/moved/bin/specc"
rebuild app
[ -z "$(objects "$tmp/app/build")" ] || die "a newer specc that writes the same bytes recompiled: $(objects "$tmp/app/build")"

# 3. add_subdirectory(): specc built from source inside the user's project.
mkdir -p "$tmp/sub"
cat >"$tmp/sub/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.16)
project(sub C)
add_subdirectory("$src" specc)
specc_generate(TARGET gf SPECS "$src/specs/greenflash.yaml")
add_executable(app "$tmp/app/main.c")
specc_generate(TARGET bt SPECS "$src/specs/baseten.yaml")
target_link_libraries(app PRIVATE gf bt)
CMAKE
cmake -S "$tmp/sub" -B "$tmp/sub/build" -G "$gen" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "add_subdirectory project does not configure"; }
cmake --build "$tmp/sub/build" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "add_subdirectory project does not build"; }
"$tmp/sub/build/app" || die "add_subdirectory app failed"
[ ! -e "$tmp/sub/build/specc/tests" ] || die "specc's tests were configured inside a user's project"
exit $fail
