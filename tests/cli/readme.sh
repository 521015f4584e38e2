#!/bin/sh
# The README's examples are true: its spec generates the C it shows, and its
# C program compiles against generated/ and prints what it says.
# usage: readme.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

# block MARKER: the fenced block that follows <!-- readme-test: MARKER -->
block() {
    awk -v m="<!-- readme-test: $1 -->" '
        $0 == m { want = 1; next }
        want && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }' "$src/README.md"
}

block "spec petstore.yaml" >"$tmp/petstore.yaml"
[ -s "$tmp/petstore.yaml" ] || die "no spec block in README"
"$specc" generate -o "$tmp/out" "$tmp/petstore.yaml" || die "README spec does not generate"
# Every line of the shown C appears in the header, in the same order.
block "expect petstore.h" >"$tmp/expect"
[ -s "$tmp/expect" ] || die "no expected-C block in README"
awk 'NR == FNR { if ($0 != "") want[n++] = $0; next }
     i < n && $0 == want[i] { i++ }
     END { if (i < n) { print "README line not in petstore.h (in order): " want[i]; exit 1 } }' \
    "$tmp/expect" "$tmp/out/petstore.h" || die "README's C differs from petstore.h"

# The v2 example too: it generates, compiles strictly, and shows its C.
block "spec shop.yaml" >"$tmp/shop.yaml"
[ -s "$tmp/shop.yaml" ] || die "no v2 spec block in README"
"$specc" generate -o "$tmp/shop" "$tmp/shop.yaml" || die "README v2 spec does not generate"
block "expect shop.h" >"$tmp/expect2"
awk 'NR == FNR { if ($0 != "") want[n++] = $0; next }
     i < n && $0 == want[i] { i++ }
     END { if (i < n) { print "README line not in shop.h (in order): " want[i]; exit 1 } }' \
    "$tmp/expect2" "$tmp/shop/shop.h" || die "README's v2 C differs from shop.h"
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$tmp/shop" -c "$tmp/shop/shop.c" -o "$tmp/shop.o" ||
    die "README v2 spec's C does not compile"

# The decoding example compiles strictly and prints the documented output.
block "program greenflash/get_model.200.json" >"$tmp/show.c"
cat >>"$tmp/show.c" <<'C'

#include <stdlib.h>
int main(void)
{
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, stdin);
    return show_model(buf, n);
}
C
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Wno-missing-prototypes -I"$src/generated" \
    "$tmp/show.c" "$src"/generated/*.c -ljansson -lm -o "$tmp/show" || die "README program does not compile"
"$tmp/show" <"$src/specs/samples/greenflash/get_model.200.json" >"$tmp/got" || die "README program failed"
block "output" >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" || die "README program output differs"

# The arena example too.
block "program-arena greenflash/get_model.200.json" >"$tmp/arena.c"
cat >>"$tmp/arena.c" <<'C'

int main(void)
{
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, stdin);
    return count_products(buf, n, 1000);
}
C
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Wno-missing-prototypes -I"$src/generated" \
    "$tmp/arena.c" "$src"/generated/*.c -ljansson -lm -o "$tmp/arena" ||
    die "README arena program does not compile"
"$tmp/arena" <"$src/specs/samples/greenflash/get_model.200.json" >"$tmp/got-arena" ||
    die "README arena program failed"
block "output-arena" >"$tmp/want-arena"
diff -u "$tmp/want-arena" "$tmp/got-arena" || die "README arena program output differs"

# The building example: it compiles strictly and prints the documented request.
block "program-build" >"$tmp/build.c"
[ -s "$tmp/build.c" ] || die "no building program in README"
cat >>"$tmp/build.c" <<'C'

int main(void)
{
    return create_repo();
}
C
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Wno-missing-prototypes -I"$src/generated" \
    "$tmp/build.c" "$src"/generated/*.c -ljansson -lm -o "$tmp/build" ||
    die "README building program does not compile"
"$tmp/build" >"$tmp/got-build" || die "README building program failed"
block "output-build" >"$tmp/want-build"
diff -u "$tmp/want-build" "$tmp/got-build" || die "README building program output differs"

# Excerpts of the example programs are theirs: each line of an excerpt block
# is a line of the file it names, in order (indentation aside).
awk '/^<!-- readme-test: excerpt [^ ]* -->$/ { file = $4; want = 1; next }
     want && /^```/ { if (inside) { inside = want = 0; n++ } else inside = 1; next }
     inside && NF { sub(/^[ \t]+/, ""); print (n + 0) "\t" file "\t" $0 }' "$src/README.md" >"$tmp/excerpts"
[ -s "$tmp/excerpts" ] || die "no excerpt blocks in README"
for i in $(cut -f1 "$tmp/excerpts" | sort -u); do
    file=$(awk -F'\t' -v i="$i" '$1 == i { print $2; exit }' "$tmp/excerpts")
    awk -F'\t' -v i="$i" '$1 == i { print $3 }' "$tmp/excerpts" >"$tmp/want-excerpt"
    sed 's/^[ \t]*//' "$src/$file" >"$tmp/file-excerpt"
    awk 'NR == FNR { want[n++] = $0; next }
         i < n && $0 == want[i] { i++ }
         END { if (i < n) { print "README excerpt line not in the file (in order): " want[i]; exit 1 } }' \
        "$tmp/want-excerpt" "$tmp/file-excerpt" || die "README excerpt $i differs from $file"
done
exit $fail
