/*
 * fuzz_decode — libFuzzer target for the runtime, over every type of the
 * committed bindings (generated/). The first input byte picks the type; the
 * rest is the JSON text. Decode; where that succeeds, validate, encode, decode the
 * encoding again and require an equal value and a byte-identical second
 * encoding. Any crash, leak, sanitizer report or abort is a finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "round_trip.h"
#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const specc_type *type;
    void *a, *b;
    specc_error err;

    if (size < 1)
        return 0;
    type = targets_type(data[0] % targets_type_count(), NULL);
    a = malloc(type->size);
    b = malloc(type->size);
    if (!a || !b)
        abort();
    if (specc_decode_text(type, (const char *)data + 1, size - 1, a, &err) == SPECC_OK) {
        fuzz_round_trip(type, a, b);
        specc_clear(type, a);
    }
    free(a);
    free(b);
    return 0;
}
