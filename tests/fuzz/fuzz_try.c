/*
 * fuzz_try — libFuzzer target for the descriptors `specc try` builds at run
 * time (generator/try/): the specs of tests/fuzz/try_specs.c are loaded
 * once, and each input is decoded as the type its first byte picks and as
 * the next two in spec order (a response and its parts sit together), with
 * malloc and into an arena (the same verdict, error and value). Where a
 * decode succeeds: validate, encode, decode the encoding again, require an
 * equal value and a byte-identical second encoding (round_trip.h). The
 * run-time layout is exact (each malloc'd value has the descriptor's size),
 * so a wrong size or offset is a sanitizer report; any crash, leak or abort
 * is a finding.
 */
#include <stdint.h>
#include <stdlib.h>

#include "round_trip.h"
#include "try_specs.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    try_specs_load();
    atexit(try_specs_free);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = try_specs_count(), k;
    if (size < 1)
        return 0;
    for (k = 0; k < 3; k++)
        fuzz_decode_both(try_specs_type((data[0] + k) % n), (const char *)data + 1, size - 1);
    return 0;
}
