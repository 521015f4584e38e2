/*
 * fuzz_decode — libFuzzer target for the runtime, over every type of the
 * committed bindings (generated/). The first input byte picks the type; the
 * rest is the JSON text. Decode with malloc and into an arena (the same
 * verdict, error and value); where that succeeds, validate, encode, decode
 * the encoding again and require an equal value and a byte-identical second
 * encoding (tests/fuzz/round_trip.h). Any crash, leak, sanitizer report or
 * abort is a finding.
 */
#include <stdint.h>

#include "round_trip.h"
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fuzz_decode_both(targets_type(data[0] % targets_type_count(), NULL), (const char *)data + 1,
                     size - 1);
    return 0;
}
