/*
 * fuzz_try — libFuzzer target for the descriptors `specc try` builds at run
 * time (generator/try/): the specs of tests/fuzz/try_specs.c are loaded
 * once, and each input is decoded as the type its first byte picks and as
 * the next two in spec order (a response and its parts sit together). Where
 * a decode succeeds: validate, encode, decode the encoding again, require
 * an equal value and a byte-identical second encoding. The run-time layout
 * is exact (each value is malloc'd at the descriptor's size), so a wrong
 * size or offset is a sanitizer report; any crash, leak or abort is a
 * finding.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

static void ignore(const specc_error *e, void *ctx)
{
    (void)e;
    (void)ctx;
}

/* Decoded a: the round trip must hold. */
static void round_trip(const specc_type *type, const void *a, void *b)
{
    specc_error err;
    size_t len1, len2;
    char *text1, *text2;
    specc_validate(type, a, ignore, NULL);
    specc_validate_as(type, a, SPECC_AS_REQUEST, ignore, NULL);
    specc_validate_as(type, a, SPECC_AS_RESPONSE, ignore, NULL);
    if (!(text1 = specc_encode_text(type, a, &len1, &err)))
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
}

static void one(const specc_type *type, const char *text, size_t len)
{
    void *a = malloc(type->size), *b = malloc(type->size);
    specc_error err;
    if (!a || !b)
        abort();
    if (specc_decode_text(type, text, len, a, &err) == SPECC_OK) {
        round_trip(type, a, b);
        specc_clear(type, a);
    }
    free(a);
    free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = try_specs_count(), k;
    if (size < 1)
        return 0;
    for (k = 0; k < 3; k++)
        one(try_specs_type((data[0] + k) % n), (const char *)data + 1, size - 1);
    return 0;
}
