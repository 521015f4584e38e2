/*
 * round_trip.c — see round_trip.h.
 */
#include "round_trip.h"

#include <stdlib.h>
#include <string.h>

static void ignore(const specc_error *e, void *ctx)
{
    (void)e;
    (void)ctx;
}

void fuzz_round_trip(const specc_type *type, const void *a, void *b)
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
