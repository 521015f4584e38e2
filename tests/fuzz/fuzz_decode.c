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

#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(const specc_error *e, void *ctx)
{
    (void)e;
    (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const specc_type *type;
    void *a, *b;
    char *text1, *text2;
    size_t len1, len2;
    specc_error err;

    if (size < 1)
        return 0;
    type = targets_type(data[0] % targets_type_count(), NULL);
    a = malloc(type->size);
    b = malloc(type->size);
    if (!a || !b)
        abort();
    if (specc_decode_text(type, (const char *)data + 1, size - 1, a, &err) == SPECC_OK) {
        specc_validate(type, a, ignore, NULL);
        text1 = specc_encode_text(type, a, &len1, &err);
        if (!text1)
            abort(); /* a decoded value must always encode */
        if (specc_decode_text(type, text1, len1, b, &err) != SPECC_OK)
            abort(); /* our own output must decode */
        if (!specc_equal(type, a, b))
            abort(); /* and mean the same */
        text2 = specc_encode_text(type, b, &len2, &err);
        if (!text2 || len1 != len2 || memcmp(text1, text2, len1) != 0)
            abort(); /* encoding is a fixed point */
        specc_free(text1);
        specc_free(text2);
        specc_clear(type, b);
        specc_clear(type, a);
    }
    free(a);
    free(b);
    return 0;
}
