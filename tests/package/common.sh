# Shared by the tests/package scripts, which source it after setting $src
# (the source tree), $tmp (their scratch directory) and die().

# consume_greenflash PREFIX DIR: examples/greenflash configured in DIR with
# find_package(specc) against PREFIX, built, run on the docs sample, and its
# ctest (specc_generate's TEST: specc test on the spec) passing.
consume_greenflash() {
    cmake -S "$src/examples/greenflash" -B "$2" -G "$gen" -DCMAKE_PREFIX_PATH="$1" \
        >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "example does not configure"; return; }
    cmake --build "$2" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "example does not build"; return; }
    "$2/show_model" "$src/specs/samples/greenflash/get_model.200.json" >"$tmp/out" ||
        die "example failed"
    grep -q "^GPT-4o (gpt-4o) by OpenAI$" "$tmp/out" || die "example output: $(cat "$tmp/out")"
    ctest --test-dir "$2" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "the example's ctest fails"; }
    grep -q "specc-examples/greenflash .*Passed" "$tmp/log" ||
        { cat "$tmp/log"; die "specc_generate(... TEST) registered no specc-examples test"; }
}

# install_on_path BUILD: cmake --install BUILD into $tmp/prefix, whose bin/
# comes first on PATH (as a user's installed specc would be found).
install_on_path() {
    cmake --install "$1" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
    PATH=$tmp/prefix/bin:$PATH
    export PATH
}

# Incremental rebuilds: rebuild CMD... runs a build after marking the time;
# objects DIR then names the objects under DIR that it recompiled.
rebuild() {
    sleep 1; touch "$tmp/stamp"; sleep 1
    "$@" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "rebuild failed"; }
}
objects() { find "$1" -name '*.o' -newer "$tmp/stamp" | sed 's|.*/||' | sort | tr '\n' ' '; }
